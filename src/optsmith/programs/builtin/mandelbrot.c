/* Mandelbrot and Julia sets in Q4.28 fixed point (64-bit intermediates): escape-time
 * iteration counts, a histogram, cardioid/bulb early-out, and an ASCII rendering. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define FRAC 28
#define FONE ((int64_t)1 << FRAC)
#define MAXITER 96
#define MAXN 400

static uint8_t iters[MAXN][MAXN];

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

static int64_t fmul(int64_t a, int64_t b) { return (a * b) / FONE; }

static int escape_time(int64_t zr, int64_t zi, int64_t cr, int64_t ci) {
    const int64_t limit = 4 * FONE;
    for (int i = 0; i < MAXITER; i++) {
        int64_t zr2 = fmul(zr, zr), zi2 = fmul(zi, zi);
        if (zr2 + zi2 > limit) return i;
        int64_t nzi = 2 * fmul(zr, zi) + ci;
        zr = zr2 - zi2 + cr;
        zi = nzi;
    }
    return MAXITER;
}

/* points inside the main cardioid or the period-2 bulb never escape */
static int in_main_regions(int64_t cr, int64_t ci) {
    int64_t q0 = cr - FONE / 4;
    int64_t q = fmul(q0, q0) + fmul(ci, ci);
    if (fmul(q, q + q0) * 4 <= fmul(ci, ci)) return 1;
    int64_t b = cr + FONE;
    return fmul(b, b) + fmul(ci, ci) <= FONE / 16;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 64, 8, MAXN);
    int64_t x0 = -FONE * 2, y0 = -FONE * 5 / 4;
    int64_t span_x = FONE * 5 / 2, span_y = FONE * 5 / 2;
    int hist[MAXITER + 1] = {0};
    int skipped = 0;
    uint32_t h = 0;
    for (int y = 0; y < n; y++) {
        int64_t ci = y0 + span_y * y / n;
        for (int x = 0; x < n; x++) {
            int64_t cr = x0 + span_x * x / n;
            int it;
            if (in_main_regions(cr, ci)) {
                it = MAXITER;
                skipped++;
            } else {
                it = escape_time(0, 0, cr, ci);
            }
            iters[y][x] = (uint8_t)it;
            hist[it]++;
            h = h * 31u + (uint32_t)it;
        }
    }
    /* Julia set for c = -0.8 + 0.156i over a quarter-resolution grid */
    int m = n / 2;
    const int64_t jr = -FONE * 4 / 5, ji = FONE * 156 / 1000;
    long julia_sum = 0;
    for (int y = 0; y < m; y++)
        for (int x = 0; x < m; x++) {
            int64_t zr = -FONE * 3 / 2 + FONE * 3 * x / m;
            int64_t zi = -FONE + FONE * 2 * y / m;
            int it = escape_time(zr, zi, jr, ji);
            julia_sum += it;
            h ^= (uint32_t)it << (x & 15);
        }
    static const char ramp[] = " .,:;ox%#@";
    for (int ty = 0; ty < 8; ty++) {
        char row[33];
        for (int tx = 0; tx < 32; tx++) {
            int it = iters[ty * n / 8][tx * n / 32];
            row[tx] = ramp[it >= MAXITER ? 9 : it * 9 / MAXITER];
        }
        row[32] = '\0';
        printf("%s\n", row);
    }
    int inside = hist[MAXITER];
    printf("inside %d (%d by shortcut) of %d, julia sum %ld\n", inside, skipped, n * n, julia_sum);
    printf("checksum: %u\n", h);
    return 0;
}
