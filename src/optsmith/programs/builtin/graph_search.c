/* Graph traversals on a generated sparse digraph in CSR form: BFS distances, iterative DFS
 * with discovery/finish times, connected components of the undirected view, Tarjan's
 * strongly connected components, and Kahn's topological sort of the DAG of forward edges. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXV 20000
#define MAXE 100000

typedef struct {
    int nv, ne;
    int start[MAXV + 1];
    int adj[MAXE];
} graph_t;

static graph_t g, ug, dag;
static int esrc[MAXE], edst[MAXE];
static int dist[MAXV], queue[MAXV], disc[MAXV], fin[MAXV], comp[MAXV];
static int stack_v[MAXV], stack_i[MAXV];
static int low[MAXV], onstack[MAXV], sccstack[MAXV], indeg[MAXV], order[MAXV];

static uint32_t rng_state = 0x9E3779B9u;

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

static void build_csr(graph_t *gr, int nv, int ne, const int *src, const int *dst, int undirected) {
    gr->nv = nv;
    memset(gr->start, 0, sizeof(int) * (size_t)(nv + 1));
    for (int e = 0; e < ne; e++) {
        gr->start[src[e] + 1]++;
        if (undirected) gr->start[dst[e] + 1]++;
    }
    for (int v = 0; v < nv; v++) gr->start[v + 1] += gr->start[v];
    static int fillpos[MAXV];
    memcpy(fillpos, gr->start, sizeof(int) * (size_t)nv);
    for (int e = 0; e < ne; e++) {
        gr->adj[fillpos[src[e]]++] = dst[e];
        if (undirected) gr->adj[fillpos[dst[e]]++] = src[e];
    }
    gr->ne = gr->start[nv];
}

static int bfs(const graph_t *gr, int s) {
    for (int v = 0; v < gr->nv; v++) dist[v] = -1;
    int head = 0, tail = 0, reached = 0;
    dist[s] = 0;
    queue[tail++] = s;
    while (head < tail) {
        int u = queue[head++];
        reached++;
        for (int i = gr->start[u]; i < gr->start[u + 1]; i++) {
            int w = gr->adj[i];
            if (dist[w] < 0) {
                dist[w] = dist[u] + 1;
                queue[tail++] = w;
            }
        }
    }
    return reached;
}

static int dfs_all(const graph_t *gr) {
    int time = 0, trees = 0;
    for (int v = 0; v < gr->nv; v++) disc[v] = -1;
    for (int root = 0; root < gr->nv; root++) {
        if (disc[root] >= 0) continue;
        trees++;
        int sp = 0;
        stack_v[sp] = root;
        stack_i[sp] = gr->start[root];
        sp++;
        disc[root] = time++;
        while (sp > 0) {
            int u = stack_v[sp - 1];
            if (stack_i[sp - 1] < gr->start[u + 1]) {
                int w = gr->adj[stack_i[sp - 1]++];
                if (disc[w] < 0) {
                    disc[w] = time++;
                    stack_v[sp] = w;
                    stack_i[sp] = gr->start[w];
                    sp++;
                }
            } else {
                fin[u] = time++;
                sp--;
            }
        }
    }
    return trees;
}

static int components(const graph_t *gr) {
    int nc = 0;
    for (int v = 0; v < gr->nv; v++) comp[v] = -1;
    for (int v = 0; v < gr->nv; v++) {
        if (comp[v] >= 0) continue;
        int head = 0, tail = 0;
        queue[tail++] = v;
        comp[v] = nc;
        while (head < tail) {
            int u = queue[head++];
            for (int i = gr->start[u]; i < gr->start[u + 1]; i++)
                if (comp[gr->adj[i]] < 0) {
                    comp[gr->adj[i]] = nc;
                    queue[tail++] = gr->adj[i];
                }
        }
        nc++;
    }
    return nc;
}

/* Iterative Tarjan SCC. */
static int tarjan(const graph_t *gr, int *largest) {
    int index = 0, nscc = 0, ssp = 0;
    *largest = 0;
    for (int v = 0; v < gr->nv; v++) {
        disc[v] = -1;
        onstack[v] = 0;
    }
    for (int root = 0; root < gr->nv; root++) {
        if (disc[root] >= 0) continue;
        int sp = 0;
        stack_v[sp] = root;
        stack_i[sp] = gr->start[root];
        sp++;
        disc[root] = low[root] = index++;
        sccstack[ssp++] = root;
        onstack[root] = 1;
        while (sp > 0) {
            int u = stack_v[sp - 1];
            if (stack_i[sp - 1] < gr->start[u + 1]) {
                int w = gr->adj[stack_i[sp - 1]++];
                if (disc[w] < 0) {
                    disc[w] = low[w] = index++;
                    sccstack[ssp++] = w;
                    onstack[w] = 1;
                    stack_v[sp] = w;
                    stack_i[sp] = gr->start[w];
                    sp++;
                } else if (onstack[w] && disc[w] < low[u]) {
                    low[u] = disc[w];
                }
            } else {
                sp--;
                if (sp > 0) {
                    int parent = stack_v[sp - 1];
                    if (low[u] < low[parent]) low[parent] = low[u];
                }
                if (low[u] == disc[u]) {
                    int size = 0, w;
                    do {
                        w = sccstack[--ssp];
                        onstack[w] = 0;
                        size++;
                    } while (w != u);
                    if (size > *largest) *largest = size;
                    nscc++;
                }
            }
        }
    }
    return nscc;
}

static int topo_sort(const graph_t *gr) {
    memset(indeg, 0, sizeof(int) * (size_t)gr->nv);
    for (int i = 0; i < gr->ne; i++) indeg[gr->adj[i]]++;
    int head = 0, tail = 0;
    for (int v = 0; v < gr->nv; v++)
        if (indeg[v] == 0) queue[tail++] = v;
    int k = 0;
    while (head < tail) {
        int u = queue[head++];
        order[k++] = u;
        for (int i = gr->start[u]; i < gr->start[u + 1]; i++)
            if (--indeg[gr->adj[i]] == 0) queue[tail++] = gr->adj[i];
    }
    return k;
}

int main(int argc, char **argv) {
    int nv = (int)parse_arg(argc, argv, 5000, 10, MAXV);
    int ne = nv * 2 < MAXE / 2 ? nv * 2 : MAXE / 2;
    rng_state ^= (uint32_t)nv;
    for (int e = 0; e < ne; e++) {
        int u = (int)(xorshift32() % (uint32_t)nv);
        int span = 1 + (int)(xorshift32() % 50u);
        int v = (xorshift32() & 7u) ? (u + span) % nv : (int)(xorshift32() % (uint32_t)nv);
        esrc[e] = u;
        edst[e] = v;
    }
    build_csr(&g, nv, ne, esrc, edst, 0);
    build_csr(&ug, nv, ne, esrc, edst, 1);
    int nfwd = 0;
    for (int e = 0; e < ne; e++)
        if (esrc[e] < edst[e]) {
            esrc[nfwd] = esrc[e];
            edst[nfwd] = edst[e];
            nfwd++;
        }
    build_csr(&dag, nv, nfwd, esrc, edst, 0);

    int reached = bfs(&g, 0);
    int maxd = 0;
    uint32_t dsum = 0;
    for (int v = 0; v < nv; v++)
        if (dist[v] >= 0) {
            dsum += (uint32_t)dist[v];
            if (dist[v] > maxd) maxd = dist[v];
        }
    int trees = dfs_all(&g);
    uint32_t dh = 0;
    for (int v = 0; v < nv; v++) dh = dh * 31u + (uint32_t)(disc[v] ^ fin[v]);
    int ncomp = components(&ug);
    int largest;
    int nscc = tarjan(&g, &largest);
    int sorted = topo_sort(&dag);
    uint32_t th = 0;
    for (int i = 0; i < sorted; i++) th = th * 17u + (uint32_t)order[i];
    printf("bfs reached %d max dist %d dist sum %u\n", reached, maxd, dsum);
    printf("dfs trees %d components %d scc %d largest %d topo %d/%d\n", trees, ncomp, nscc, largest,
           sorted, nv);
    printf("checksum: %u\n", dh ^ th ^ dsum);
    return 0;
}
