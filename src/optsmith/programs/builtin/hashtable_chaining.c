/* A separately chained hash table over a static node pool: word counting with insert,
 * lookup, delete, and a rehash into a larger bucket array. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXOPS 100000
#define POOL 65536
#define MAXBUCKETS 16384
#define WORDLEN 12

typedef struct node {
    char word[WORDLEN];
    uint32_t count;
    int next; /* index into pool, -1 terminates */
} node_t;

typedef struct {
    int heads[MAXBUCKETS];
    int nbuckets;
    int size;
    int free_list;
    int pool_used;
} table_t;

static node_t pool[POOL];
static table_t table;
static uint32_t rng_state = 0x1234567u;

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

static uint32_t hash_word(const char *w) {
    uint32_t h = 2166136261u;
    while (*w) {
        h ^= (unsigned char)*w++;
        h *= 16777619u;
    }
    return h;
}

static void table_init(table_t *t, int nbuckets) {
    t->nbuckets = nbuckets;
    t->size = 0;
    t->free_list = -1;
    t->pool_used = 0;
    for (int i = 0; i < nbuckets; i++) t->heads[i] = -1;
}

static int alloc_node(table_t *t) {
    if (t->free_list >= 0) {
        int i = t->free_list;
        t->free_list = pool[i].next;
        return i;
    }
    if (t->pool_used >= POOL) return -1;
    return t->pool_used++;
}

static int table_find(const table_t *t, const char *w) {
    int i = t->heads[hash_word(w) % (uint32_t)t->nbuckets];
    while (i >= 0) {
        if (strcmp(pool[i].word, w) == 0) return i;
        i = pool[i].next;
    }
    return -1;
}

static int table_add(table_t *t, const char *w) {
    int i = table_find(t, w);
    if (i >= 0) {
        pool[i].count++;
        return 0;
    }
    i = alloc_node(t);
    if (i < 0) return -1;
    uint32_t b = hash_word(w) % (uint32_t)t->nbuckets;
    size_t k = 0;
    while (k + 1 < WORDLEN && w[k] != '\0') {
        pool[i].word[k] = w[k];
        k++;
    }
    pool[i].word[k] = '\0';
    pool[i].count = 1;
    pool[i].next = t->heads[b];
    t->heads[b] = i;
    t->size++;
    return 1;
}

static int table_remove(table_t *t, const char *w) {
    uint32_t b = hash_word(w) % (uint32_t)t->nbuckets;
    int *link = &t->heads[b];
    while (*link >= 0) {
        int i = *link;
        if (strcmp(pool[i].word, w) == 0) {
            *link = pool[i].next;
            pool[i].next = t->free_list;
            t->free_list = i;
            t->size--;
            return 1;
        }
        link = &pool[i].next;
    }
    return 0;
}

static void table_rehash(table_t *t, int nbuckets) {
    int old_heads[MAXBUCKETS];
    int old_n = t->nbuckets;
    memcpy(old_heads, t->heads, (size_t)old_n * sizeof(int));
    t->nbuckets = nbuckets;
    for (int i = 0; i < nbuckets; i++) t->heads[i] = -1;
    for (int b = 0; b < old_n; b++) {
        int i = old_heads[b];
        while (i >= 0) {
            int next = pool[i].next;
            uint32_t nb = hash_word(pool[i].word) % (uint32_t)nbuckets;
            pool[i].next = t->heads[nb];
            t->heads[nb] = i;
            i = next;
        }
    }
}

static void make_word(char *buf, uint32_t r) {
    static const char syll[8][3] = {"ka", "lo", "mi", "nu", "pe", "ra", "si", "to"};
    int len = 1 + (int)(r % 4u);
    r /= 4u;
    int k = 0;
    for (int s = 0; s < len; s++) {
        buf[k++] = syll[r & 7u][0];
        buf[k++] = syll[r & 7u][1];
        r >>= 3;
    }
    buf[k] = '\0';
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 20000, 1, MAXOPS);
    rng_state ^= (uint32_t)n * 2246822519u;
    table_init(&table, 64);
    int added = 0, removed = 0, rehashes = 0, misses = 0;
    char w[WORDLEN];
    for (int op = 0; op < n; op++) {
        uint32_t r = xorshift32();
        make_word(w, r >> 3);
        switch (r & 7u) {
        case 0:
            removed += table_remove(&table, w);
            break;
        case 1:
        case 2:
            if (table_find(&table, w) < 0) misses++;
            break;
        default:
            if (table_add(&table, w) > 0) added++;
            break;
        }
        if (table.size > 2 * table.nbuckets && table.nbuckets * 2 <= MAXBUCKETS) {
            table_rehash(&table, table.nbuckets * 2);
            rehashes++;
        }
    }
    uint32_t total = 0, best = 0, longest = 0;
    uint32_t digest = 0;
    for (int b = 0; b < table.nbuckets; b++) {
        uint32_t chain = 0;
        for (int i = table.heads[b]; i >= 0; i = pool[i].next) {
            chain++;
            total += pool[i].count;
            if (pool[i].count > best) best = pool[i].count;
            digest += hash_word(pool[i].word) * pool[i].count;
        }
        if (chain > longest) longest = chain;
    }
    printf("size %d buckets %d added %d removed %d misses %d rehashes %d\n", table.size,
           table.nbuckets, added, removed, misses, rehashes);
    printf("total %u best %u longest chain %u\n", total, best, longest);
    printf("checksum: %u\n", digest ^ (total * 2654435761u));
    return 0;
}
