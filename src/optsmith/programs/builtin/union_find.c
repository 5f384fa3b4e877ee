/* Disjoint-set forests: union by rank with full path compression versus union by size
 * with path halving, used for Kruskal's minimum spanning tree on a random weighted graph
 * (edges sorted with qsort under a total order), and for a site-percolation experiment. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXV 50000
#define MAXE 200000
#define GRID 64

typedef struct {
    int parent[MAXV + 2];
    int rank_or_size[MAXV + 2];
    int sets;
} dsu_t;

typedef struct {
    uint32_t w;
    int u, v, id;
} edge_t;

static dsu_t d1, d2;
static edge_t edges[MAXE];
static int open_order[GRID * GRID];
static uint8_t is_open[GRID * GRID];

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

static void dsu_init(dsu_t *d, int n, int by_size) {
    for (int i = 0; i < n; i++) {
        d->parent[i] = i;
        d->rank_or_size[i] = by_size ? 1 : 0;
    }
    d->sets = n;
}

static int find_compress(dsu_t *d, int x) {
    int root = x;
    while (d->parent[root] != root) root = d->parent[root];
    while (d->parent[x] != root) {
        int next = d->parent[x];
        d->parent[x] = root;
        x = next;
    }
    return root;
}

static int find_halving(dsu_t *d, int x) {
    while (d->parent[x] != x) {
        d->parent[x] = d->parent[d->parent[x]];
        x = d->parent[x];
    }
    return x;
}

static int union_rank(dsu_t *d, int a, int b) {
    a = find_compress(d, a);
    b = find_compress(d, b);
    if (a == b) return 0;
    if (d->rank_or_size[a] < d->rank_or_size[b]) {
        int t = a;
        a = b;
        b = t;
    }
    d->parent[b] = a;
    if (d->rank_or_size[a] == d->rank_or_size[b]) d->rank_or_size[a]++;
    d->sets--;
    return 1;
}

static int union_size(dsu_t *d, int a, int b) {
    a = find_halving(d, a);
    b = find_halving(d, b);
    if (a == b) return 0;
    if (d->rank_or_size[a] < d->rank_or_size[b]) {
        int t = a;
        a = b;
        b = t;
    }
    d->parent[b] = a;
    d->rank_or_size[a] += d->rank_or_size[b];
    d->sets--;
    return 1;
}

static int edge_cmp(const void *pa, const void *pb) {
    const edge_t *a = pa, *b = pb;
    if (a->w != b->w) return a->w < b->w ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

static int percolates(dsu_t *d, int top, int bottom) { return find_halving(d, top) == find_halving(d, bottom); }

int main(int argc, char **argv) {
    int nv = (int)parse_arg(argc, argv, 5000, 4, MAXV);
    int ne = nv * 4 < MAXE ? nv * 4 : MAXE;
    uint32_t s = 0xD5D5u + (uint32_t)nv;
    for (int i = 0; i < ne; i++) {
        s = s * 1664525u + 1013904223u;
        edges[i].u = (int)((s >> 8) % (uint32_t)nv);
        s = s * 1664525u + 1013904223u;
        edges[i].v = (int)((s >> 8) % (uint32_t)nv);
        edges[i].w = (s >> 12) % 1000u;
        edges[i].id = i;
    }
    qsort(edges, (size_t)ne, sizeof edges[0], edge_cmp);
    dsu_init(&d1, nv, 0);
    dsu_init(&d2, nv, 1);
    uint64_t mst_weight = 0;
    int mst_edges = 0, disagree = 0;
    uint32_t h = 0;
    for (int i = 0; i < ne; i++) {
        int a = union_rank(&d1, edges[i].u, edges[i].v);
        int b = union_size(&d2, edges[i].u, edges[i].v);
        if (a != b) disagree++;
        if (a) {
            mst_weight += edges[i].w;
            mst_edges++;
            h = h * 31u + (uint32_t)edges[i].id;
        }
    }
    int largest = 0;
    for (int i = 0; i < nv; i++) {
        int r = find_halving(&d2, i);
        if (d2.rank_or_size[r] > largest) largest = d2.rank_or_size[r];
    }
    printf("vertices %d edges %d forest edges %d weight %llu components %d largest %d disagree %d\n",
           nv, ne, mst_edges, (unsigned long long)mst_weight, d1.sets, largest, disagree);
    /* percolation: open sites in random order until top and bottom virtual nodes connect */
    int trials = nv / 2000 + 1;
    long opened_total = 0;
    for (int t = 0; t < trials; t++) {
        int cells = GRID * GRID, top = cells, bottom = cells + 1;
        dsu_init(&d2, cells + 2, 1);
        for (int i = 0; i < cells; i++) {
            open_order[i] = i;
            is_open[i] = 0;
        }
        for (int i = cells - 1; i > 0; i--) {
            s = s * 1664525u + 1013904223u;
            int j = (int)((s >> 8) % (uint32_t)(i + 1));
            int tmp = open_order[i];
            open_order[i] = open_order[j];
            open_order[j] = tmp;
        }
        int opened = 0;
        while (!percolates(&d2, top, bottom) && opened < cells) {
            int c = open_order[opened++];
            int r = c / GRID, col = c % GRID;
            is_open[c] = 1;
            if (r == 0) union_size(&d2, c, top);
            if (r == GRID - 1) union_size(&d2, c, bottom);
            if (r > 0 && is_open[c - GRID]) union_size(&d2, c, c - GRID);
            if (r < GRID - 1 && is_open[c + GRID]) union_size(&d2, c, c + GRID);
            if (col > 0 && is_open[c - 1]) union_size(&d2, c, c - 1);
            if (col < GRID - 1 && is_open[c + 1]) union_size(&d2, c, c + 1);
        }
        opened_total += opened;
        h = h * 7u + (uint32_t)opened;
    }
    printf("percolation threshold x10000 %ld over %d trials\n",
           opened_total * 10000 / ((long)trials * GRID * GRID), trials);
    printf("checksum: %u\n", h ^ (uint32_t)mst_weight);
    return 0;
}
