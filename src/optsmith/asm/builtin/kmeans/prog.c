/* Lloyd's k-means on synthetic 4-dimensional points in single precision.
   Input: points k iterations seed. Prints the final centroids and cluster sizes. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define D 4

int main(void) {
    unsigned n, k, iters, seed;
    if (scanf("%u %u %u %u", &n, &k, &iters, &seed) != 4 || n == 0 || k == 0 || k > 64 || k > n) return 1;
    float *pt = malloc((size_t)n * D * sizeof *pt);
    unsigned *label = malloc(n * sizeof *label);
    if (!pt || !label) return 1;
    float cen[64][D], sum[64][D];
    unsigned cnt[64];
    uint32_t x = seed | 1;
    for (unsigned i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        unsigned c = x % 7;
        for (int d = 0; d < D; d++) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            pt[(size_t)i * D + d] = (float)c * (d + 1) * 0.7f + (float)(x >> 8) / 16777216.0f;
        }
    }
    for (unsigned c = 0; c < k; c++)
        for (int d = 0; d < D; d++) cen[c][d] = pt[(size_t)(c * (n / k)) * D + d];
    for (unsigned it = 0; it < iters; it++) {
        for (unsigned c = 0; c < k; c++) { cnt[c] = 0; for (int d = 0; d < D; d++) sum[c][d] = 0; }
        for (unsigned i = 0; i < n; i++) {
            const float *p = pt + (size_t)i * D;
            unsigned best = 0;
            float bd = 3.4e38f;
            for (unsigned c = 0; c < k; c++) {
                float dist = 0;
                for (int d = 0; d < D; d++) { float t = p[d] - cen[c][d]; dist += t * t; }
                if (dist < bd) { bd = dist; best = c; }
            }
            label[i] = best; cnt[best]++;
            for (int d = 0; d < D; d++) sum[best][d] += p[d];
        }
        for (unsigned c = 0; c < k; c++)
            if (cnt[c]) for (int d = 0; d < D; d++) cen[c][d] = sum[c][d] / (float)cnt[c];
    }
    for (unsigned c = 0; c < k; c++)
        printf("%u %.6f %.6f %.6f %.6f\n", cnt[c], cen[c][0], cen[c][1], cen[c][2], cen[c][3]);
    free(pt); free(label);
    return 0;
}
