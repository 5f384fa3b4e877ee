/* String hash functions (FNV-1a 32/64, MurmurHash3 x86_32, djb2, Jenkins one-at-a-time)
 * applied to generated keys; reports bucket collisions for each hash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXKEYS 50000
#define KEYLEN 24
#define BUCKETS 4096

static uint32_t rng_state = 0xDEADBEEFu;

static uint32_t xorshift32(void) {
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng_state = x;
    return x;
}

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

static uint32_t fnv1a32(const unsigned char *p, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

static uint64_t fnv1a64(const unsigned char *p, size_t len) {
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

static uint32_t rotl32(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }

static uint32_t load_le32(const unsigned char *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static uint32_t fmix32(uint32_t h) {
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

static uint32_t murmur3_32(const unsigned char *data, size_t len, uint32_t seed) {
    const uint32_t c1 = 0xcc9e2d51u, c2 = 0x1b873593u;
    size_t nblocks = len / 4;
    uint32_t h1 = seed;
    for (size_t i = 0; i < nblocks; i++) {
        uint32_t k1 = load_le32(data + 4 * i);
        k1 *= c1;
        k1 = rotl32(k1, 15);
        k1 *= c2;
        h1 ^= k1;
        h1 = rotl32(h1, 13);
        h1 = h1 * 5u + 0xe6546b64u;
    }
    const unsigned char *tail = data + nblocks * 4;
    uint32_t k1 = 0;
    switch (len & 3u) {
    case 3:
        k1 ^= (uint32_t)tail[2] << 16;
        /* fall through */
    case 2:
        k1 ^= (uint32_t)tail[1] << 8;
        /* fall through */
    case 1:
        k1 ^= tail[0];
        k1 *= c1;
        k1 = rotl32(k1, 15);
        k1 *= c2;
        h1 ^= k1;
        break;
    default:
        break;
    }
    h1 ^= (uint32_t)len;
    return fmix32(h1);
}

static uint32_t djb2(const unsigned char *p, size_t len) {
    uint32_t h = 5381u;
    for (size_t i = 0; i < len; i++) h = h * 33u + p[i];
    return h;
}

static uint32_t one_at_a_time(const unsigned char *p, size_t len) {
    uint32_t h = 0;
    for (size_t i = 0; i < len; i++) {
        h += p[i];
        h += h << 10;
        h ^= h >> 6;
    }
    h += h << 3;
    h ^= h >> 11;
    h += h << 15;
    return h;
}

static unsigned char keys[MAXKEYS][KEYLEN];
static size_t key_len[MAXKEYS];
static uint16_t buckets[5][BUCKETS];

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 10000, 1, MAXKEYS);
    rng_state ^= (uint32_t)n * 40503u;
    for (int i = 0; i < n; i++) {
        size_t len = 4 + xorshift32() % (KEYLEN - 4);
        for (size_t c = 0; c < len; c++) keys[i][c] = (unsigned char)('a' + xorshift32() % 26u);
        key_len[i] = len;
    }
    uint64_t mix = 0;
    for (int i = 0; i < n; i++) {
        const unsigned char *k = keys[i];
        size_t len = key_len[i];
        uint32_t h[5];
        h[0] = fnv1a32(k, len);
        uint64_t h64 = fnv1a64(k, len);
        h[1] = (uint32_t)(h64 ^ (h64 >> 32));
        h[2] = murmur3_32(k, len, 0x9747b28cu);
        h[3] = djb2(k, len);
        h[4] = one_at_a_time(k, len);
        for (int f = 0; f < 5; f++) {
            uint16_t *b = &buckets[f][h[f] % BUCKETS];
            if (*b < 65535) (*b)++;
            mix = mix * 0x100000001B3ull + h[f];
        }
    }
    static const char *names[5] = {"fnv1a32", "fnv1a64", "murmur3", "djb2", "oaat"};
    for (int f = 0; f < 5; f++) {
        int used = 0, maxload = 0;
        for (int b = 0; b < BUCKETS; b++) {
            if (buckets[f][b]) used++;
            if (buckets[f][b] > maxload) maxload = buckets[f][b];
        }
        printf("%-8s used %d max %d\n", names[f], used, maxload);
    }
    printf("murmur(\"hello\") = %08x\n", murmur3_32((const unsigned char *)"hello", 5, 0));
    printf("checksum: %llu\n", (unsigned long long)mix);
    return 0;
}
