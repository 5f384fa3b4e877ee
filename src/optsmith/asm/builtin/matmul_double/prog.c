/* Dense double-precision matrix product C = A * B (i-k-j loop order).
   Input: n seed. Prints the trace and the sum of C. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    unsigned n, seed;
    if (scanf("%u %u", &n, &seed) != 2 || n == 0 || n > 4096) return 1;
    double *a = malloc((size_t)n * n * sizeof *a), *b = malloc((size_t)n * n * sizeof *b);
    double *c = calloc((size_t)n * n, sizeof *c);
    if (!a || !b || !c) return 1;
    uint32_t x = seed | 1;
    for (size_t i = 0; i < (size_t)n * n; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; a[i] = (x >> 8) / 16777216.0 - 0.5; }
    for (size_t i = 0; i < (size_t)n * n; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; b[i] = (x >> 8) / 16777216.0 - 0.5; }
    for (unsigned i = 0; i < n; i++)
        for (unsigned k = 0; k < n; k++) {
            double aik = a[(size_t)i * n + k];
            double *ci = c + (size_t)i * n;
            const double *bk = b + (size_t)k * n;
            for (unsigned j = 0; j < n; j++) ci[j] += aik * bk[j];
        }
    double trace = 0, sum = 0;
    for (unsigned i = 0; i < n; i++) trace += c[(size_t)i * n + i];
    for (size_t i = 0; i < (size_t)n * n; i++) sum += c[i];
    printf("%.15e %.15e\n", trace, sum);
    free(a); free(b); free(c);
    return 0;
}
