/* 2-D heat diffusion on a fixed-point (Q16) grid: 5-point Jacobi steps with fixed hot and
 * cold boundary cells, a 9-point smoothing pass, and an energy/flux report per phase. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define W 72
#define H 56
#define ONE 65536

static int32_t grid_a[H][W], grid_b[H][W];
static uint8_t fixed_mask[H][W];

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

static void init(int32_t g[H][W]) {
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            g[y][x] = 20 * ONE;
            fixed_mask[y][x] = 0;
            if (y == 0 || y == H - 1 || x == 0 || x == W - 1) {
                g[y][x] = 10 * ONE;
                fixed_mask[y][x] = 1;
            }
        }
    /* a hot square and a cold bar */
    for (int y = 10; y < 18; y++)
        for (int x = 12; x < 20; x++) {
            g[y][x] = 100 * ONE;
            fixed_mask[y][x] = 1;
        }
    for (int y = 30; y < 33; y++)
        for (int x = 35; x < 65; x++) {
            g[y][x] = -5 * ONE;
            fixed_mask[y][x] = 1;
        }
}

/* alpha in Q16; new = old + alpha * (sum of neighbours - 4 * old) */
static int64_t jacobi_step(int32_t src[H][W], int32_t dst[H][W], int32_t alpha) {
    int64_t change = 0;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            if (fixed_mask[y][x]) {
                dst[y][x] = src[y][x];
                continue;
            }
            int64_t lap = (int64_t)src[y - 1][x] + src[y + 1][x] + src[y][x - 1] + src[y][x + 1] -
                          4 * (int64_t)src[y][x];
            int64_t delta = (lap * alpha) / ONE;
            dst[y][x] = (int32_t)(src[y][x] + delta);
            change += delta < 0 ? -delta : delta;
        }
    }
    return change;
}

static void smooth9(int32_t src[H][W], int32_t dst[H][W]) {
    static const int k[3][3] = {{1, 2, 1}, {2, 4, 2}, {1, 2, 1}};
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            if (fixed_mask[y][x]) {
                dst[y][x] = src[y][x];
                continue;
            }
            int64_t acc = 0;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) acc += (int64_t)k[dy + 1][dx + 1] * src[y + dy][x + dx];
            dst[y][x] = (int32_t)(acc / 16);
        }
}

static int64_t energy(int32_t g[H][W]) {
    int64_t e = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) e += g[y][x];
    return e;
}

int main(int argc, char **argv) {
    int steps = (int)parse_arg(argc, argv, 40, 1, 2000);
    init(grid_a);
    int32_t alpha = ONE / 5;
    int64_t total_change = 0;
    for (int s = 0; s < steps; s++) {
        if (s % 2 == 0)
            total_change += jacobi_step(grid_a, grid_b, alpha);
        else
            total_change += jacobi_step(grid_b, grid_a, alpha);
    }
    int32_t (*cur)[W] = steps % 2 ? grid_b : grid_a;
    int32_t (*other)[W] = steps % 2 ? grid_a : grid_b;
    int64_t e1 = energy(cur);
    smooth9(cur, other);
    int64_t e2 = energy(other);
    uint32_t h = 0;
    int32_t hottest = INT32_MIN;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            h = h * 2654435761u + (uint32_t)other[y][x];
            if (!fixed_mask[y][x] && other[y][x] > hottest) hottest = other[y][x];
        }
    printf("steps %d energy %lld smoothed %lld\n", steps, (long long)(e1 / ONE), (long long)(e2 / ONE));
    printf("probe %d %d hottest %d change %lld\n", (int)(cur[20][20] / ONE), (int)(cur[40][50] / ONE),
           (int)(hottest / ONE), (long long)(total_change / ONE));
    printf("checksum: %u\n", h);
    return 0;
}
