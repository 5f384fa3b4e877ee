/* LU decomposition with partial pivoting over the prime field GF(2^31 - 1): determinant,
 * solving A x = b by forward/back substitution, verifying A x == b, and the inverse of A. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXN 96
#define P 2147483647u

static uint32_t A[MAXN][MAXN], LU[MAXN][MAXN], INV[MAXN][MAXN];
static int perm[MAXN];

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

static uint32_t mulmod(uint32_t a, uint32_t b) {
    uint64_t x = (uint64_t)a * b;
    /* fast reduction for the Mersenne prime 2^31 - 1 */
    uint64_t r = (x & P) + (x >> 31);
    r = (r & P) + (r >> 31);
    return r == P ? 0 : (uint32_t)r;
}

static uint32_t addmod(uint32_t a, uint32_t b) {
    uint32_t s = a + b;
    return s >= P ? s - P : s;
}

static uint32_t submod(uint32_t a, uint32_t b) { return a >= b ? a - b : a + P - b; }

static uint32_t powmod(uint32_t b, uint32_t e) {
    uint32_t r = 1;
    while (e) {
        if (e & 1u) r = mulmod(r, b);
        b = mulmod(b, b);
        e >>= 1;
    }
    return r;
}

static uint32_t invmod(uint32_t a) { return powmod(a, P - 2); }

/* In-place LU with row pivoting (first nonzero pivot); returns 0 if singular. */
static int lu_decompose(int n, int *sign) {
    *sign = 1;
    for (int i = 0; i < n; i++) perm[i] = i;
    for (int k = 0; k < n; k++) {
        int piv = -1;
        for (int i = k; i < n; i++)
            if (LU[i][k] != 0) {
                piv = i;
                break;
            }
        if (piv < 0) return 0;
        if (piv != k) {
            for (int j = 0; j < n; j++) {
                uint32_t t = LU[k][j];
                LU[k][j] = LU[piv][j];
                LU[piv][j] = t;
            }
            int t = perm[k];
            perm[k] = perm[piv];
            perm[piv] = t;
            *sign = -*sign;
        }
        uint32_t inv = invmod(LU[k][k]);
        for (int i = k + 1; i < n; i++) {
            uint32_t f = mulmod(LU[i][k], inv);
            LU[i][k] = f;
            if (f == 0) continue;
            for (int j = k + 1; j < n; j++) LU[i][j] = submod(LU[i][j], mulmod(f, LU[k][j]));
        }
    }
    return 1;
}

static void lu_solve(int n, const uint32_t *b, uint32_t *x) {
    uint32_t y[MAXN];
    for (int i = 0; i < n; i++) {
        uint32_t s = b[perm[i]];
        for (int j = 0; j < i; j++) s = submod(s, mulmod(LU[i][j], y[j]));
        y[i] = s;
    }
    for (int i = n - 1; i >= 0; i--) {
        uint32_t s = y[i];
        for (int j = i + 1; j < n; j++) s = submod(s, mulmod(LU[i][j], x[j]));
        x[i] = mulmod(s, invmod(LU[i][i]));
    }
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 40, 2, MAXN);
    uint64_t s = 0x853c49e6748fea9bull ^ (uint64_t)n;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            s = s * 6364136223846793005ull + 1442695040888963407ull;
            /* sparse-ish so pivoting actually happens */
            A[i][j] = ((s >> 60) < 5) ? 0u : (uint32_t)((s >> 33) % P);
            LU[i][j] = A[i][j];
        }
    int sign;
    if (!lu_decompose(n, &sign)) {
        printf("singular\n");
        return 0;
    }
    uint32_t det = sign > 0 ? 1u : P - 1u;
    for (int i = 0; i < n; i++) det = mulmod(det, LU[i][i]);
    uint32_t b[MAXN], x[MAXN];
    for (int i = 0; i < n; i++) b[i] = (uint32_t)(i * i + 1);
    lu_solve(n, b, x);
    int ok = 1;
    for (int i = 0; i < n; i++) {
        uint32_t acc = 0;
        for (int j = 0; j < n; j++) acc = addmod(acc, mulmod(A[i][j], x[j]));
        if (acc != b[i]) ok = 0;
    }
    /* inverse column by column, then check A * INV == I on a few rows */
    uint32_t e[MAXN], col[MAXN];
    for (int c = 0; c < n; c++) {
        for (int i = 0; i < n; i++) e[i] = i == c;
        lu_solve(n, e, col);
        for (int i = 0; i < n; i++) INV[i][c] = col[i];
    }
    int inv_ok = 1;
    for (int i = 0; i < n; i += 7)
        for (int j = 0; j < n; j++) {
            uint32_t acc = 0;
            for (int k = 0; k < n; k++) acc = addmod(acc, mulmod(A[i][k], INV[k][j]));
            if (acc != (uint32_t)(i == j)) inv_ok = 0;
        }
    uint32_t h = det;
    for (int i = 0; i < n; i++) h = (h * 131u) ^ x[i] ^ INV[i][(i * 3) % n];
    printf("n %d det %u solve_ok %d inverse_ok %d\n", n, det, ok, inv_ok);
    printf("x0 %u x_last %u\n", x[0], x[n - 1]);
    printf("checksum: %u\n", h);
    return 0;
}
