/* Single-source shortest paths on a weighted grid graph with shortcuts: Dijkstra with an
 * indexed binary heap (decrease-key), checked against an O(V^2) Dijkstra and Bellman-Ford
 * on a smaller instance, plus path reconstruction. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXV 16384
#define MAXE (MAXV * 6)
#define INF 0x3fffffff

typedef struct {
    int to, w, next;
} edge_t;

static edge_t edges[MAXE];
static int head[MAXV], ne;
static int dist_heap[MAXV], dist_slow[MAXV], dist_bf[MAXV], parent[MAXV];
static int heap[MAXV], heap_pos[MAXV], heap_size;
static uint8_t done_flag[MAXV];

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

static void add_edge(int u, int v, int w) {
    if (ne >= MAXE) return;
    edges[ne].to = v;
    edges[ne].w = w;
    edges[ne].next = head[u];
    head[u] = ne++;
}

static void heap_swap(int i, int j) {
    int t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
    heap_pos[heap[i]] = i;
    heap_pos[heap[j]] = j;
}

static void heap_up(int i, const int *key) {
    while (i > 0) {
        int p = (i - 1) / 2;
        if (key[heap[p]] <= key[heap[i]]) break;
        heap_swap(i, p);
        i = p;
    }
}

static void heap_down(int i, const int *key) {
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < heap_size && key[heap[l]] < key[heap[m]]) m = l;
        if (r < heap_size && key[heap[r]] < key[heap[m]]) m = r;
        if (m == i) return;
        heap_swap(i, m);
        i = m;
    }
}

static void dijkstra_heap(int nv, int src) {
    for (int v = 0; v < nv; v++) {
        dist_heap[v] = INF;
        heap_pos[v] = -1;
        parent[v] = -1;
    }
    heap_size = 0;
    dist_heap[src] = 0;
    heap[0] = src;
    heap_pos[src] = 0;
    heap_size = 1;
    while (heap_size > 0) {
        int u = heap[0];
        heap_swap(0, heap_size - 1);
        heap_size--;
        heap_pos[u] = -2; /* settled */
        heap_down(0, dist_heap);
        for (int e = head[u]; e >= 0; e = edges[e].next) {
            int v = edges[e].to;
            int nd = dist_heap[u] + edges[e].w;
            if (nd < dist_heap[v]) {
                dist_heap[v] = nd;
                parent[v] = u;
                if (heap_pos[v] == -1) {
                    heap[heap_size] = v;
                    heap_pos[v] = heap_size++;
                }
                heap_up(heap_pos[v], dist_heap);
            }
        }
    }
}

static void dijkstra_slow(int nv, int src) {
    for (int v = 0; v < nv; v++) {
        dist_slow[v] = INF;
        done_flag[v] = 0;
    }
    dist_slow[src] = 0;
    for (int it = 0; it < nv; it++) {
        int u = -1;
        for (int v = 0; v < nv; v++)
            if (!done_flag[v] && (u < 0 || dist_slow[v] < dist_slow[u])) u = v;
        if (u < 0 || dist_slow[u] == INF) break;
        done_flag[u] = 1;
        for (int e = head[u]; e >= 0; e = edges[e].next)
            if (dist_slow[u] + edges[e].w < dist_slow[edges[e].to])
                dist_slow[edges[e].to] = dist_slow[u] + edges[e].w;
    }
}

static int bellman_ford(int nv, int src) {
    for (int v = 0; v < nv; v++) dist_bf[v] = INF;
    dist_bf[src] = 0;
    int rounds = 0;
    for (int it = 0; it < nv; it++) {
        int changed = 0;
        for (int u = 0; u < nv; u++) {
            if (dist_bf[u] == INF) continue;
            for (int e = head[u]; e >= 0; e = edges[e].next)
                if (dist_bf[u] + edges[e].w < dist_bf[edges[e].to]) {
                    dist_bf[edges[e].to] = dist_bf[u] + edges[e].w;
                    changed = 1;
                }
        }
        rounds++;
        if (!changed) break;
    }
    return rounds;
}

static void build_grid(int side, uint32_t seed) {
    int nv = side * side;
    ne = 0;
    for (int v = 0; v < nv; v++) head[v] = -1;
    uint32_t s = seed;
    for (int y = 0; y < side; y++)
        for (int x = 0; x < side; x++) {
            int u = y * side + x;
            static const int dx[4] = {1, -1, 0, 0}, dy[4] = {0, 0, 1, -1};
            for (int d = 0; d < 4; d++) {
                int nx = x + dx[d], ny = y + dy[d];
                if (nx < 0 || ny < 0 || nx >= side || ny >= side) continue;
                s = s * 1664525u + 1013904223u;
                add_edge(u, ny * side + nx, 1 + (int)((s >> 16) % 20u));
            }
            s = s * 1664525u + 1013904223u;
            if ((s >> 28) == 0) {
                int v = (int)((s >> 8) % (uint32_t)nv);
                add_edge(u, v, 30 + (int)(s % 50u));
            }
        }
}

int main(int argc, char **argv) {
    int side = (int)parse_arg(argc, argv, 60, 4, 128);
    build_grid(side, (uint32_t)side * 977u);
    int nv = side * side;
    dijkstra_heap(nv, 0);
    uint32_t h = 0;
    int far = 0;
    for (int v = 0; v < nv; v++) {
        h = h * 1000003u + (uint32_t)dist_heap[v];
        if (dist_heap[v] > dist_heap[far]) far = v;
    }
    int hops = 0;
    for (int v = far; v != 0 && v >= 0; v = parent[v]) hops++;
    int far_dist = dist_heap[far], big_edges = ne;
    /* cross-check on a small instance */
    int small = side < 24 ? side : 24;
    build_grid(small, 4242u + (uint32_t)side);
    dijkstra_heap(small * small, small / 2);
    dijkstra_slow(small * small, small / 2);
    int rounds = bellman_ford(small * small, small / 2);
    int agree = 1;
    for (int v = 0; v < small * small; v++)
        if (dist_heap[v] != dist_slow[v] || dist_heap[v] != dist_bf[v]) agree = 0;
    printf("vertices %d edges %d farthest %d at distance %d, %d hops\n", nv, big_edges,
           far, far_dist, hops);
    printf("cross-check agree %d bellman-ford rounds %d\n", agree, rounds);
    printf("checksum: %u\n", h);
    return 0;
}
