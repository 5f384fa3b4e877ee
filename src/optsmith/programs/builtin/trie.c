/* A trie with sorted first-child/next-sibling links over a node pool: insertion with word
 * counts, lookup, prefix counting, deletion with pruning of dead branches, lexicographic
 * enumeration (autocomplete), and longest common prefix of the whole dictionary. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POOL 200000
#define MAXWORD 24

typedef struct {
    char ch;
    int child, sibling; /* 0 = none; node 0 is the root */
    int terminal;       /* number of times the word ending here was inserted */
    int below;          /* words in this subtree (counting multiplicity) */
} tnode_t;

static tnode_t pool[POOL];
static int used = 1;

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

/* find child with character c; if create, insert it keeping siblings sorted */
static int child_of(int node, char c, int create) {
    int prev = 0, cur = pool[node].child;
    while (cur && pool[cur].ch < c) {
        prev = cur;
        cur = pool[cur].sibling;
    }
    if (cur && pool[cur].ch == c) return cur;
    if (!create || used >= POOL) return 0;
    int n = used++;
    pool[n].ch = c;
    pool[n].child = 0;
    pool[n].terminal = 0;
    pool[n].below = 0;
    pool[n].sibling = cur;
    if (prev) pool[prev].sibling = n;
    else pool[node].child = n;
    return n;
}

static int insert(const char *w) {
    int path[MAXWORD + 1], depth = 0, node = 0;
    path[depth++] = 0;
    for (const char *p = w; *p; p++) {
        node = child_of(node, *p, 1);
        if (!node) return 0;
        path[depth++] = node;
    }
    pool[node].terminal++;
    for (int i = 0; i < depth; i++) pool[path[i]].below++;
    return pool[node].terminal == 1;
}

static int find_node(const char *w) {
    int node = 0;
    for (const char *p = w; *p; p++) {
        node = child_of(node, *p, 0);
        if (!node) return -1;
    }
    return node;
}

static int count_word(const char *w) {
    int n = find_node(w);
    return n < 0 ? 0 : pool[n].terminal;
}

static int count_prefix(const char *w) {
    int n = find_node(w);
    return n < 0 ? 0 : pool[n].below;
}

/* remove one occurrence; unlink nodes whose subtree becomes empty */
static int erase(const char *w) {
    int path[MAXWORD + 1], depth = 0, node = 0;
    path[depth++] = 0;
    for (const char *p = w; *p; p++) {
        node = child_of(node, *p, 0);
        if (!node) return 0;
        path[depth++] = node;
    }
    if (!pool[node].terminal) return 0;
    pool[node].terminal--;
    for (int i = 0; i < depth; i++) pool[path[i]].below--;
    for (int i = depth - 1; i > 0; i--) {
        int n = path[i], parent = path[i - 1];
        if (pool[n].below > 0) break;
        int prev = 0, cur = pool[parent].child;
        while (cur != n) {
            prev = cur;
            cur = pool[cur].sibling;
        }
        if (prev) pool[prev].sibling = pool[n].sibling;
        else pool[parent].child = pool[n].sibling;
    }
    return 1;
}

/* depth-first lexicographic enumeration from a prefix node; returns words visited */
static int enumerate(int node, char *buf, int len, int limit, uint32_t *h) {
    int count = 0;
    if (pool[node].terminal) {
        buf[len] = '\0';
        for (int i = 0; i < len; i++) *h = *h * 31u + (unsigned char)buf[i];
        *h += 7u;
        count++;
    }
    for (int c = pool[node].child; c && count < limit; c = pool[c].sibling) {
        if (len >= MAXWORD) break;
        buf[len] = pool[c].ch;
        count += enumerate(c, buf, len + 1, limit - count, h);
    }
    return count;
}

static void make_word(uint32_t r, char *out) {
    static const char *syl[] = {"an", "be", "co", "de", "el", "fa", "go", "hi",
                                "in", "jo", "ka", "lu", "ma", "ne", "or", "pi"};
    int parts = 1 + (int)(r % 5u);
    r /= 5u;
    int k = 0;
    for (int i = 0; i < parts; i++) {
        const char *s = syl[r % 16u];
        r /= 16u;
        out[k++] = s[0];
        out[k++] = s[1];
    }
    out[k] = '\0';
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 10000, 1, 100000);
    uint32_t s = 0x7121Eu + (uint32_t)n;
    char w[MAXWORD + 1];
    int distinct = 0, erased = 0;
    for (int i = 0; i < n; i++) {
        s = s * 1664525u + 1013904223u;
        make_word(s >> 4, w);
        if ((s >> 28) == 0) erased += erase(w);
        else distinct += insert(w);
    }
    uint32_t h = 0;
    int hits = 0;
    for (int i = 0; i < n / 2; i++) {
        s = s * 1664525u + 1013904223u;
        make_word(s >> 4, w);
        hits += count_word(w) > 0;
        w[2 + (s & 2u)] = '\0';
        h = h * 31u + (uint32_t)count_prefix(w);
    }
    char buf[MAXWORD + 1];
    uint32_t eh = 0;
    int listed = enumerate(0, buf, 0, 1000000, &eh);
    int node = find_node("ka");
    uint32_t ah = 0;
    int completions = node > 0 ? enumerate(node, strcpy(buf, "ka"), 2, 10, &ah) : 0;
    /* longest common prefix: follow single-child chains from the root */
    int lcp = 0;
    for (int nd = 0; pool[nd].child && !pool[pool[nd].child].sibling && !pool[nd].terminal;
         nd = pool[nd].child)
        lcp++;
    printf("nodes %d words %d distinct-inserted %d erased %d\n", used, pool[0].below, distinct, erased);
    printf("lookup hits %d of %d, enumerated %d, 'ka' completions %d, lcp %d\n", hits, n / 2,
           listed, completions, lcp);
    printf("checksum: %u\n", h ^ eh ^ ah);
    return 0;
}
