/* Minimum spanning forest by Kruskal's algorithm: edges sorted by an LSD radix sort, then a
   union-find with path halving and union by size. Input: nodes edges seed. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

typedef struct { uint32_t w, u, v; } Edge;

static uint32_t *parent, *size_;

static uint32_t find(uint32_t a) {
    while (parent[a] != a) { parent[a] = parent[parent[a]]; a = parent[a]; }
    return a;
}

int main(void) {
    unsigned n, m, seed;
    if (scanf("%u %u %u", &n, &m, &seed) != 3 || n < 2 || m == 0 || m > 50000000u) return 1;
    Edge *e = malloc((size_t)m * sizeof *e), *tmp = malloc((size_t)m * sizeof *tmp);
    parent = malloc(n * sizeof *parent); size_ = malloc(n * sizeof *size_);
    if (!e || !tmp || !parent || !size_) return 1;
    uint32_t x = seed | 1;
    for (unsigned i = 0; i < m; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5; e[i].u = x % n;
        x ^= x << 13; x ^= x >> 17; x ^= x << 5; e[i].v = x % n;
        x ^= x << 13; x ^= x >> 17; x ^= x << 5; e[i].w = x % 1000000;
    }
    for (int shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (unsigned i = 0; i < m; i++) count[((e[i].w >> shift) & 255) + 1]++;
        for (int b = 0; b < 256; b++) count[b + 1] += count[b];
        for (unsigned i = 0; i < m; i++) tmp[count[(e[i].w >> shift) & 255]++] = e[i];
        Edge *t = e; e = tmp; tmp = t;
    }
    for (unsigned i = 0; i < n; i++) { parent[i] = i; size_[i] = 1; }
    uint64_t weight = 0;
    unsigned used = 0;
    for (unsigned i = 0; i < m && used + 1 < n; i++) {
        uint32_t a = find(e[i].u), b = find(e[i].v);
        if (a == b) continue;
        if (size_[a] < size_[b]) { uint32_t t = a; a = b; b = t; }
        parent[b] = a; size_[a] += size_[b];
        weight += e[i].w; used++;
    }
    printf("%llu %u %u\n", (unsigned long long)weight, used, n - used);
    free(e); free(tmp); free(parent); free(size_);
    return 0;
}
