/* Single-source shortest paths with a binary heap, from several sources, on a random sparse
   directed graph. Input: nodes edges_per_node sources seed. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

typedef struct { uint32_t to, w; } Edge;
typedef struct { uint64_t d; uint32_t v; } Item;

static Item *heap;
static size_t hn;

static void push(uint64_t d, uint32_t v) {
    size_t i = hn++;
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (heap[p].d <= d) break;
        heap[i] = heap[p]; i = p;
    }
    heap[i].d = d; heap[i].v = v;
}

static Item pop(void) {
    Item top = heap[0], last = heap[--hn];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= hn) break;
        if (c + 1 < hn && heap[c + 1].d < heap[c].d) c++;
        if (heap[c].d >= last.d) break;
        heap[i] = heap[c]; i = c;
    }
    if (hn) heap[i] = last;
    return top;
}

int main(void) {
    unsigned n, deg, sources, seed;
    if (scanf("%u %u %u %u", &n, &deg, &sources, &seed) != 4 || n < 2 || deg == 0 || deg > 64) return 1;
    size_t m = (size_t)n * deg;
    Edge *edges = malloc(m * sizeof *edges);
    uint64_t *dist = malloc(n * sizeof *dist);
    heap = malloc((m + n) * sizeof *heap);
    if (!edges || !dist || !heap) return 1;
    uint32_t x = seed | 1;
    for (size_t i = 0; i < m; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        uint32_t u = (uint32_t)(i / deg);
        uint32_t span = x % 5 == 0 ? n : 64;
        edges[i].to = (u + 1 + (x >> 3) % span) % n;
        edges[i].w = 1 + (x >> 11) % 1000;
    }
    uint64_t total = 0, far = 0;
    for (unsigned s = 0; s < sources; s++) {
        uint32_t src = (uint32_t)((uint64_t)s * 2654435761u % n);
        for (unsigned i = 0; i < n; i++) dist[i] = UINT64_MAX;
        dist[src] = 0; hn = 0; push(0, src);
        while (hn) {
            Item it = pop();
            if (it.d != dist[it.v]) continue;
            const Edge *e = edges + (size_t)it.v * deg;
            for (unsigned k = 0; k < deg; k++) {
                uint64_t nd = it.d + e[k].w;
                if (nd < dist[e[k].to]) { dist[e[k].to] = nd; push(nd, e[k].to); }
            }
        }
        for (unsigned i = 0; i < n; i++)
            if (dist[i] != UINT64_MAX) { total += dist[i]; if (dist[i] > far) far = dist[i]; }
    }
    printf("%llu %llu\n", (unsigned long long)total, (unsigned long long)far);
    free(edges); free(dist); free(heap);
    return 0;
}
