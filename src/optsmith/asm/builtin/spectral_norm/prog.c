/* Spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1), truncated to n x n,
   by power iteration (Computer Language Benchmarks Game, printed to all 17 digits). Input: n. */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

static double A(unsigned i, unsigned j) { return 1.0 / ((double)(i + j) * (i + j + 1) / 2 + i + 1); }

static void mul_av(unsigned n, const double *v, double *out) {
    for (unsigned i = 0; i < n; i++) {
        double s = 0;
        for (unsigned j = 0; j < n; j++) s += A(i, j) * v[j];
        out[i] = s;
    }
}

static void mul_atv(unsigned n, const double *v, double *out) {
    for (unsigned i = 0; i < n; i++) {
        double s = 0;
        for (unsigned j = 0; j < n; j++) s += A(j, i) * v[j];
        out[i] = s;
    }
}

int main(void) {
    unsigned n;
    if (scanf("%u", &n) != 1 || n == 0 || n > 100000) return 1;
    double *u = malloc(n * sizeof *u), *v = malloc(n * sizeof *v), *t = malloc(n * sizeof *t);
    if (!u || !v || !t) return 1;
    for (unsigned i = 0; i < n; i++) u[i] = 1;
    for (int i = 0; i < 10; i++) {
        mul_av(n, u, t); mul_atv(n, t, v);
        mul_av(n, v, t); mul_atv(n, t, u);
    }
    double vbv = 0, vv = 0;
    for (unsigned i = 0; i < n; i++) { vbv += u[i] * v[i]; vv += v[i] * v[i]; }
    printf("%.17g\n", sqrt(vbv / vv)); /* to the bit: any change in rounding shows */
    free(u); free(v); free(t);
    return 0;
}
