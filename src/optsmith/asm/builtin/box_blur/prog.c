/* Repeated 3x3 box blur of a 16-bit grayscale image (edges clamped).
   Input: width height passes seed. Prints a checksum and the image mean. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    unsigned w, h, passes, seed;
    if (scanf("%u %u %u %u", &w, &h, &passes, &seed) != 4 || w < 3 || h < 3 || w > 8192 || h > 8192)
        return 1;
    uint16_t *img = malloc((size_t)w * h * 2), *out = malloc((size_t)w * h * 2);
    if (!img || !out) return 1;
    uint32_t x = seed | 1;
    for (size_t i = 0; i < (size_t)w * h; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; img[i] = x & 0x0fff; }
    for (unsigned p = 0; p < passes; p++) {
        for (unsigned y = 0; y < h; y++) {
            const uint16_t *up = img + (size_t)(y ? y - 1 : 0) * w;
            const uint16_t *mid = img + (size_t)y * w;
            const uint16_t *dn = img + (size_t)(y + 1 < h ? y + 1 : y) * w;
            uint16_t *o = out + (size_t)y * w;
            o[0] = (uint16_t)((up[0] + mid[0] + dn[0]) * 3u / 9u);
            for (unsigned i = 1; i + 1 < w; i++) {
                unsigned s = up[i - 1] + up[i] + up[i + 1] + mid[i - 1] + mid[i] + mid[i + 1]
                           + dn[i - 1] + dn[i] + dn[i + 1];
                o[i] = (uint16_t)(s / 9u);
            }
            o[w - 1] = (uint16_t)((up[w - 1] + mid[w - 1] + dn[w - 1]) * 3u / 9u);
        }
        uint16_t *t = img; img = out; out = t;
    }
    uint64_t sum = 0, hash = 1469598103934665603ull;
    for (size_t i = 0; i < (size_t)w * h; i++) { sum += img[i]; hash = (hash ^ img[i]) * 1099511628211ull; }
    printf("%llu %.3f\n", (unsigned long long)hash, (double)sum / ((double)w * h));
    free(img); free(out);
    return 0;
}
