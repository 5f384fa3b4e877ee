/* Bloom filters: a bit-array filter with k hash positions from double hashing, measured
 * false-positive rate against an exact sorted set, and a 4-bit counting Bloom filter
 * supporting deletion. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXKEYS 100000
#define BITS (1u << 20)
#define COUNTERS (1u << 16)

static uint8_t bits[BITS / 8];
static uint8_t counters[COUNTERS / 2]; /* two 4-bit counters per byte */
static uint64_t members[MAXKEYS];

static long parse_arg(int argc, char **argv, long def, long lo, long hi) {
    long n = def;
    if (argc > 1) {
        char *end;
        long v = strtol(argv[1], &end, 10);
        if (end != argv[1]) n = v;
    }
    if (n < lo) n = lo;
    if (n > hi) n = hi;
    return n;
}

static uint64_t mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

static void positions(uint64_t key, int k, uint32_t m, uint32_t *out) {
    uint64_t h = mix64(key);
    uint32_t h1 = (uint32_t)h, h2 = (uint32_t)(h >> 32) | 1u;
    for (int i = 0; i < k; i++) out[i] = (h1 + (uint32_t)i * h2) % m;
}

static void bloom_add(uint64_t key, int k, uint32_t m) {
    uint32_t pos[16];
    positions(key, k, m, pos);
    for (int i = 0; i < k; i++) bits[pos[i] >> 3] |= (uint8_t)(1u << (pos[i] & 7u));
}

static int bloom_query(uint64_t key, int k, uint32_t m) {
    uint32_t pos[16];
    positions(key, k, m, pos);
    for (int i = 0; i < k; i++)
        if (!(bits[pos[i] >> 3] & (1u << (pos[i] & 7u)))) return 0;
    return 1;
}

static unsigned counter_get(uint32_t i) {
    uint8_t b = counters[i >> 1];
    return (i & 1u) ? (unsigned)(b >> 4) : (unsigned)(b & 15u);
}

static void counter_set(uint32_t i, unsigned v) {
    uint8_t b = counters[i >> 1];
    if (i & 1u)
        b = (uint8_t)((b & 0x0fu) | (v << 4));
    else
        b = (uint8_t)((b & 0xf0u) | v);
    counters[i >> 1] = b;
}

static void cbf_add(uint64_t key, int k) {
    uint32_t pos[16];
    positions(key, k, COUNTERS, pos);
    for (int i = 0; i < k; i++) {
        unsigned c = counter_get(pos[i]);
        if (c < 15) counter_set(pos[i], c + 1);
    }
}

static void cbf_remove(uint64_t key, int k) {
    uint32_t pos[16];
    positions(key, k, COUNTERS, pos);
    for (int i = 0; i < k; i++) {
        unsigned c = counter_get(pos[i]);
        if (c > 0 && c < 15) counter_set(pos[i], c - 1);
    }
}

static int cbf_query(uint64_t key, int k) {
    uint32_t pos[16];
    positions(key, k, COUNTERS, pos);
    for (int i = 0; i < k; i++)
        if (counter_get(pos[i]) == 0) return 0;
    return 1;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static int exact_contains(const uint64_t *set, int n, uint64_t key) {
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (set[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && set[lo] == key;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 10000, 10, MAXKEYS);
    uint32_t m = 1u << 10;
    while (m < (uint32_t)n * 10u && m < BITS) m <<= 1; /* about 10 bits per key */
    int k = 7;
    uint64_t s = 0x1234ABCDull + (uint64_t)n;
    for (int i = 0; i < n; i++) {
        s = s * 6364136223846793005ull + 1ull;
        members[i] = (s >> 16) % 10000000ull;
        bloom_add(members[i], k, m);
    }
    qsort(members, (size_t)n, sizeof members[0], cmp_u64);
    int fp = 0, tn = 0, fn = 0;
    for (int i = 0; i < n; i++)
        if (!bloom_query(members[i], k, m)) fn++;
    for (int q = 0; q < n; q++) {
        s = s * 6364136223846793005ull + 1ull;
        uint64_t key = (s >> 16) % 10000000ull;
        int in = exact_contains(members, n, key);
        int says = bloom_query(key, k, m);
        if (!in && says) fp++;
        if (!in && !says) tn++;
    }
    /* counting filter: add the first half, remove every other one, query */
    int half = n / 2 < 4000 ? n / 2 : 4000;
    int kc = 4;
    for (int i = 0; i < half; i++) cbf_add(members[i], kc);
    for (int i = 0; i < half; i += 2) cbf_remove(members[i], kc);
    int still = 0, lost = 0;
    for (int i = 0; i < half; i++) {
        int q = cbf_query(members[i], kc);
        if (i & 1) lost += !q;
        else still += q;
    }
    uint32_t h = 0;
    for (uint32_t i = 0; i < m / 8; i++) h = h * 31u + bits[i];
    printf("m %u k %d keys %d false negatives %d\n", m, k, n, fn);
    printf("false positives %d true negatives %d (rate per 10000: %d)\n", fp, tn,
           fp + tn ? fp * 10000 / (fp + tn) : 0);
    printf("counting: removed-but-present %d kept-but-missing %d\n", still, lost);
    printf("checksum: %u\n", h);
    return 0;
}
