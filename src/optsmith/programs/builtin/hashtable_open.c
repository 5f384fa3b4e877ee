/* Open-addressing hash tables: linear probing with tombstones and Robin Hood hashing on
 * 64-bit keys, driven by the same operation stream and required to agree. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAP 32768 /* power of two */
#define MAXOPS 200000

enum { EMPTY = 0, FULL = 1, TOMB = 2 };

typedef struct {
    uint64_t keys[CAP];
    uint32_t vals[CAP];
    uint8_t state[CAP];
    int size;
    int tombs;
} lp_table_t;

typedef struct {
    uint64_t keys[CAP];
    uint32_t vals[CAP];
    int16_t dist[CAP]; /* -1 = empty */
    int size;
} rh_table_t;

static lp_table_t lp;
static rh_table_t rh;
static uint64_t rng = 0x243F6A8885A308D3ull;

static uint64_t next_rand(void) {
    rng ^= rng << 7;
    rng ^= rng >> 9;
    return rng;
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

static uint32_t hash64(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return (uint32_t)k;
}

static void lp_rebuild(lp_table_t *t) {
    static uint64_t ks[CAP];
    static uint32_t vs[CAP];
    int m = 0;
    for (int i = 0; i < CAP; i++)
        if (t->state[i] == FULL) {
            ks[m] = t->keys[i];
            vs[m] = t->vals[i];
            m++;
        }
    memset(t->state, EMPTY, sizeof t->state);
    t->size = 0;
    t->tombs = 0;
    for (int j = 0; j < m; j++) {
        uint32_t i = hash64(ks[j]) & (CAP - 1);
        while (t->state[i] == FULL) i = (i + 1) & (CAP - 1);
        t->state[i] = FULL;
        t->keys[i] = ks[j];
        t->vals[i] = vs[j];
        t->size++;
    }
}

static int lp_find(const lp_table_t *t, uint64_t key) {
    uint32_t i = hash64(key) & (CAP - 1);
    for (int probes = 0; probes < CAP; probes++) {
        if (t->state[i] == EMPTY) return -1;
        if (t->state[i] == FULL && t->keys[i] == key) return (int)i;
        i = (i + 1) & (CAP - 1);
    }
    return -1;
}

static int lp_put(lp_table_t *t, uint64_t key, uint32_t val) {
    int found = lp_find(t, key);
    if (found >= 0) {
        t->vals[found] = val;
        return 0;
    }
    if ((t->size + t->tombs + 1) * 4 > CAP * 3) lp_rebuild(t);
    if ((t->size + 1) * 4 > CAP * 3) return -1;
    uint32_t i = hash64(key) & (CAP - 1);
    while (t->state[i] == FULL) i = (i + 1) & (CAP - 1);
    if (t->state[i] == TOMB) t->tombs--;
    t->state[i] = FULL;
    t->keys[i] = key;
    t->vals[i] = val;
    t->size++;
    return 1;
}

static int lp_del(lp_table_t *t, uint64_t key) {
    int i = lp_find(t, key);
    if (i < 0) return 0;
    t->state[i] = TOMB;
    t->size--;
    t->tombs++;
    return 1;
}

static void rh_init(rh_table_t *t) {
    for (int i = 0; i < CAP; i++) t->dist[i] = -1;
    t->size = 0;
}

static int rh_find(const rh_table_t *t, uint64_t key) {
    uint32_t i = hash64(key) & (CAP - 1);
    for (int d = 0; d < CAP; d++) {
        if (t->dist[i] < 0 || t->dist[i] < d) return -1;
        if (t->keys[i] == key) return (int)i;
        i = (i + 1) & (CAP - 1);
    }
    return -1;
}

static int rh_put(rh_table_t *t, uint64_t key, uint32_t val) {
    int found = rh_find(t, key);
    if (found >= 0) {
        t->vals[found] = val;
        return 0;
    }
    if ((t->size + 1) * 4 > CAP * 3) return -1;
    uint32_t i = hash64(key) & (CAP - 1);
    int16_t d = 0;
    for (;;) {
        if (t->dist[i] < 0) {
            t->keys[i] = key;
            t->vals[i] = val;
            t->dist[i] = d;
            t->size++;
            return 1;
        }
        if (t->dist[i] < d) {
            uint64_t tk = t->keys[i];
            uint32_t tv = t->vals[i];
            int16_t td = t->dist[i];
            t->keys[i] = key;
            t->vals[i] = val;
            t->dist[i] = d;
            key = tk;
            val = tv;
            d = td;
        }
        i = (i + 1) & (CAP - 1);
        d++;
    }
}

static int rh_del(rh_table_t *t, uint64_t key) {
    int f = rh_find(t, key);
    if (f < 0) return 0;
    uint32_t i = (uint32_t)f;
    for (;;) {
        uint32_t j = (i + 1) & (CAP - 1);
        if (t->dist[j] <= 0) {
            t->dist[i] = -1;
            break;
        }
        t->keys[i] = t->keys[j];
        t->vals[i] = t->vals[j];
        t->dist[i] = (int16_t)(t->dist[j] - 1);
        i = j;
    }
    t->size--;
    return 1;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 30000, 1, MAXOPS);
    rng ^= (uint64_t)n * 0x9E3779B97F4A7C15ull;
    if (rng == 0) rng = 1;
    memset(lp.state, EMPTY, sizeof lp.state);
    rh_init(&rh);
    /* at most CAP / 2 distinct keys, so neither table ever exceeds half load */
    uint64_t keyspace = (uint64_t)n / 2 + 16;
    if (keyspace > CAP / 2) keyspace = CAP / 2;
    int agree = 1, hits = 0;
    uint32_t acc = 0;
    for (int op = 0; op < n; op++) {
        uint64_t r = next_rand();
        uint64_t key = (r >> 8) % keyspace * 0x10001ull + 7;
        uint32_t val = (uint32_t)(r >> 32);
        int a, b;
        switch ((r >> 2) % 5u) {
        case 0:
            a = lp_del(&lp, key);
            b = rh_del(&rh, key);
            break;
        case 1: {
            a = lp_find(&lp, key);
            b = rh_find(&rh, key);
            if ((a >= 0) != (b >= 0)) agree = 0;
            if (a >= 0 && b >= 0) {
                if (lp.vals[a] != rh.vals[b]) agree = 0;
                acc += lp.vals[a];
                hits++;
            }
            a = b = 0;
            break;
        }
        default:
            a = lp_put(&lp, key, val);
            b = rh_put(&rh, key, val);
            break;
        }
        if (a != b) agree = 0;
    }
    int maxdist = 0;
    for (int i = 0; i < CAP; i++)
        if (rh.dist[i] > maxdist) maxdist = rh.dist[i];
    printf("size %d %d tombs %d agree %d\n", lp.size, rh.size, lp.tombs, agree);
    printf("hits %d max probe %d\n", hits, maxdist);
    printf("checksum: %u\n", acc ^ (uint32_t)lp.size * 31u);
    return 0;
}
