/* Explicit finite-difference heat diffusion on a square plate with fixed hot edges.
   Input: n steps alpha_percent. Prints the total heat and probe temperatures. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    unsigned n, steps, pct;
    if (scanf("%u %u %u", &n, &steps, &pct) != 3 || n < 3 || n > 4096 || pct > 25) return 1;
    double *u = calloc((size_t)n * n, sizeof *u), *v = calloc((size_t)n * n, sizeof *v);
    if (!u || !v) return 1;
    for (unsigned i = 0; i < n; i++) {
        u[i] = v[i] = 100.0;
        u[(size_t)(n - 1) * n + i] = v[(size_t)(n - 1) * n + i] = 25.0 + 50.0 * i / n;
        u[(size_t)i * n] = v[(size_t)i * n] = 60.0;
    }
    double a = pct / 100.0;
    for (unsigned s = 0; s < steps; s++) {
        for (unsigned y = 1; y + 1 < n; y++) {
            const double *up = u + (size_t)(y - 1) * n, *mid = u + (size_t)y * n, *dn = u + (size_t)(y + 1) * n;
            double *o = v + (size_t)y * n;
            for (unsigned x = 1; x + 1 < n; x++)
                o[x] = mid[x] + a * (up[x] + dn[x] + mid[x - 1] + mid[x + 1] - 4.0 * mid[x]);
        }
        double *t = u; u = v; v = t;
    }
    double total = 0;
    for (size_t i = 0; i < (size_t)n * n; i++) total += u[i];
    printf("%.10e %.10e %.10e\n", total, u[(size_t)(n / 2) * n + n / 2], u[(size_t)(n / 4) * n + n / 3]);
    free(u); free(v);
    return 0;
}
