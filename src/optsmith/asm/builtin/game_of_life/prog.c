/* Conway's Game of Life on a torus.
   Input: width height generations seed fill_percent. Prints live cells and a hash. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    unsigned w, h, gens, seed, fill;
    if (scanf("%u %u %u %u %u", &w, &h, &gens, &seed, &fill) != 5 || w < 3 || h < 3 || w > 8192 || h > 8192)
        return 1;
    /* one spare row above and below, and one column left and right, refreshed each generation */
    size_t stride = (size_t)w + 2;
    uint8_t *cur = calloc(stride * (h + 2), 1), *nxt = calloc(stride * (h + 2), 1);
    if (!cur || !nxt) return 1;
    uint32_t x = seed | 1;
    for (unsigned y = 1; y <= h; y++)
        for (unsigned i = 1; i <= w; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; cur[y * stride + i] = x % 100 < fill; }
    for (unsigned g = 0; g < gens; g++) {
        for (unsigned y = 1; y <= h; y++) { cur[y * stride] = cur[y * stride + w]; cur[y * stride + w + 1] = cur[y * stride + 1]; }
        for (size_t i = 0; i < stride; i++) { cur[i] = cur[h * stride + i]; cur[(h + 1) * stride + i] = cur[stride + i]; }
        for (unsigned y = 1; y <= h; y++) {
            const uint8_t *up = cur + (y - 1) * stride, *mid = cur + y * stride, *dn = cur + (y + 1) * stride;
            uint8_t *o = nxt + y * stride;
            for (unsigned i = 1; i <= w; i++) {
                unsigned n = up[i - 1] + up[i] + up[i + 1] + mid[i - 1] + mid[i + 1] + dn[i - 1] + dn[i] + dn[i + 1];
                o[i] = (uint8_t)((n == 3) | ((n == 2) & mid[i]));
            }
        }
        uint8_t *t = cur; cur = nxt; nxt = t;
    }
    unsigned long live = 0;
    uint64_t hash = 1469598103934665603ull;
    for (unsigned y = 1; y <= h; y++)
        for (unsigned i = 1; i <= w; i++) { live += cur[y * stride + i]; hash = (hash ^ cur[y * stride + i]) * 1099511628211ull; }
    printf("%lu %llu\n", live, (unsigned long long)hash);
    free(cur); free(nxt);
    return 0;
}
