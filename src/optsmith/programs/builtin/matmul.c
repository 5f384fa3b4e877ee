/* Integer matrix multiplication three ways (naive ijk, transposed-B, cache-blocked ikj)
 * plus matrix power by repeated squaring; all arithmetic wraps modulo 2^32. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 160
#define BLOCK 16

typedef struct {
    int n;
    uint32_t v[MAXN][MAXN];
} matrix_t;

static matrix_t A, B, C1, C2, C3, T, P, R;

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

static void fill(matrix_t *m, int n, uint32_t seed) {
    m->n = n;
    uint32_t s = seed;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            s = s * 1103515245u + 12345u;
            m->v[i][j] = (s >> 16) % 1000u;
        }
}

static void mul_naive(const matrix_t *a, const matrix_t *b, matrix_t *c) {
    int n = a->n;
    c->n = n;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            uint32_t sum = 0;
            for (int k = 0; k < n; k++) sum += a->v[i][k] * b->v[k][j];
            c->v[i][j] = sum;
        }
}

static void transpose(const matrix_t *a, matrix_t *t) {
    t->n = a->n;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < a->n; j++) t->v[j][i] = a->v[i][j];
}

static void mul_transposed(const matrix_t *a, const matrix_t *b, matrix_t *c) {
    int n = a->n;
    transpose(b, &T);
    c->n = n;
    for (int i = 0; i < n; i++) {
        const uint32_t *row = a->v[i];
        for (int j = 0; j < n; j++) {
            const uint32_t *col = T.v[j];
            uint32_t s0 = 0, s1 = 0;
            int k = 0;
            for (; k + 1 < n; k += 2) {
                s0 += row[k] * col[k];
                s1 += row[k + 1] * col[k + 1];
            }
            if (k < n) s0 += row[k] * col[k];
            c->v[i][j] = s0 + s1;
        }
    }
}

static void mul_blocked(const matrix_t *a, const matrix_t *b, matrix_t *c) {
    int n = a->n;
    c->n = n;
    for (int i = 0; i < n; i++) memset(c->v[i], 0, (size_t)n * sizeof(uint32_t));
    for (int ii = 0; ii < n; ii += BLOCK)
        for (int kk = 0; kk < n; kk += BLOCK)
            for (int jj = 0; jj < n; jj += BLOCK) {
                int imax = ii + BLOCK < n ? ii + BLOCK : n;
                int kmax = kk + BLOCK < n ? kk + BLOCK : n;
                int jmax = jj + BLOCK < n ? jj + BLOCK : n;
                for (int i = ii; i < imax; i++)
                    for (int k = kk; k < kmax; k++) {
                        uint32_t aik = a->v[i][k];
                        for (int j = jj; j < jmax; j++) c->v[i][j] += aik * b->v[k][j];
                    }
            }
}

static int equal(const matrix_t *a, const matrix_t *b) {
    for (int i = 0; i < a->n; i++)
        if (memcmp(a->v[i], b->v[i], (size_t)a->n * sizeof(uint32_t)) != 0) return 0;
    return 1;
}

static uint32_t trace(const matrix_t *m) {
    uint32_t t = 0;
    for (int i = 0; i < m->n; i++) t += m->v[i][i];
    return t;
}

static void matrix_power(const matrix_t *base, unsigned e, matrix_t *out) {
    int n = base->n;
    out->n = n;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) out->v[i][j] = i == j;
    P = *base;
    while (e) {
        if (e & 1u) {
            mul_blocked(out, &P, &C3);
            *out = C3;
        }
        e >>= 1;
        if (e) {
            mul_blocked(&P, &P, &C3);
            P = C3;
        }
    }
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 60, 2, MAXN);
    fill(&A, n, 1u + (uint32_t)n);
    fill(&B, n, 7u * (uint32_t)n);
    mul_naive(&A, &B, &C1);
    mul_transposed(&A, &B, &C2);
    mul_blocked(&A, &B, &C3);
    int ok = equal(&C1, &C2) && equal(&C1, &C3);
    uint32_t h = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) h = (h * 31u) ^ C1.v[i][j];
    int m = n < 24 ? n : 24;
    fill(&A, m, 99u);
    matrix_power(&A, 5u + (unsigned)n % 7u, &R);
    printf("products agree %d\n", ok);
    printf("trace %u power trace %u\n", trace(&C1), trace(&R));
    printf("checksum: %u\n", h ^ trace(&R));
    return 0;
}
