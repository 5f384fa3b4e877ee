/* Product of two n x n matrices of 32-bit integers (arithmetic modulo 2^32).
   Input: n seed. Prints a checksum of the product and its trace. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    unsigned n, seed;
    if (scanf("%u %u", &n, &seed) != 2 || n == 0 || n > 4096) return 1;
    uint32_t *a = malloc((size_t)n * n * sizeof *a), *b = malloc((size_t)n * n * sizeof *b);
    uint32_t *c = calloc((size_t)n * n, sizeof *c);
    if (!a || !b || !c) return 1;
    uint32_t x = seed;
    for (size_t i = 0; i < (size_t)n * n; i++) { x = x * 1664525u + 1013904223u; a[i] = x >> 16; }
    for (size_t i = 0; i < (size_t)n * n; i++) { x = x * 1664525u + 1013904223u; b[i] = x >> 16; }
    for (unsigned i = 0; i < n; i++)
        for (unsigned k = 0; k < n; k++) {
            uint32_t aik = a[(size_t)i * n + k];
            for (unsigned j = 0; j < n; j++) c[(size_t)i * n + j] += aik * b[(size_t)k * n + j];
        }
    uint32_t sum = 0, trace = 0;
    for (size_t i = 0; i < (size_t)n * n; i++) sum = sum * 31u + c[i];
    for (unsigned i = 0; i < n; i++) trace += c[(size_t)i * n + i];
    printf("%u %u\n", sum, trace);
    free(a); free(b); free(c);
    return 0;
}
