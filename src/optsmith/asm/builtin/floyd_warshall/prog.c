/* All-pairs shortest paths (Floyd-Warshall) on a random directed graph.
   Input: n density_percent seed. Unreachable pairs count as 10^9. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define INF 1000000000

int main(void) {
    unsigned n, density, seed;
    if (scanf("%u %u %u", &n, &density, &seed) != 3 || n == 0 || n > 4000) return 1;
    int32_t *d = malloc((size_t)n * n * sizeof *d);
    if (!d) return 1;
    uint32_t x = seed;
    for (unsigned i = 0; i < n; i++)
        for (unsigned j = 0; j < n; j++) {
            x = x * 1664525u + 1013904223u;
            int edge = (x >> 8) % 100 < density;
            x = x * 1664525u + 1013904223u;
            d[(size_t)i * n + j] = i == j ? 0 : edge ? (int32_t)(1 + (x >> 8) % 1000) : INF;
        }
    for (unsigned k = 0; k < n; k++) {
        const int32_t *dk = d + (size_t)k * n;
        for (unsigned i = 0; i < n; i++) {
            int32_t *di = d + (size_t)i * n;
            int32_t dik = di[k];
            if (dik == INF) continue;
            for (unsigned j = 0; j < n; j++) {
                int32_t via = dik + dk[j];
                if (via < di[j]) di[j] = via;
            }
        }
    }
    int64_t sum = 0;
    unsigned unreachable = 0;
    for (size_t i = 0; i < (size_t)n * n; i++) {
        if (d[i] >= INF) unreachable++;
        else sum += d[i];
    }
    printf("%lld %u\n", (long long)sum, unreachable);
    free(d);
    return 0;
}
