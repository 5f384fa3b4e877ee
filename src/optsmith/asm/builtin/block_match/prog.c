/* Block-matching motion search: for every 16x16 block of frame B, the offset within
   +-R pixels in frame A with the smallest sum of absolute differences.
   Input: width height radius seed. Frame B is frame A shifted plus noise. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    unsigned w, h, r, seed;
    if (scanf("%u %u %u %u", &w, &h, &r, &seed) != 4 || w < 64 || h < 64 || w > 4096 || h > 4096 || r > 32)
        return 1;
    uint8_t *a = malloc((size_t)w * h), *b = malloc((size_t)w * h);
    if (!a || !b) return 1;
    uint32_t x = seed | 1;
    for (unsigned y = 0; y < h; y++)
        for (unsigned i = 0; i < w; i++) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            a[(size_t)y * w + i] = (uint8_t)(((i * 7 + y * 3) & 0xff) ^ (x & 0x1f));
        }
    for (unsigned y = 0; y < h; y++)
        for (unsigned i = 0; i < w; i++) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            unsigned sy = (y + 3) % h, sx = (i + w - 5) % w;
            b[(size_t)y * w + i] = (uint8_t)(a[(size_t)sy * w + sx] + (x & 3));
        }
    uint64_t total_sad = 0;
    long total_dx = 0, total_dy = 0;
    for (unsigned by = r; by + 16 + r <= h; by += 16)
        for (unsigned bx = r; bx + 16 + r <= w; bx += 16) {
            unsigned best = ~0u;
            int bdx = 0, bdy = 0;
            for (int dy = -(int)r; dy <= (int)r; dy++)
                for (int dx = -(int)r; dx <= (int)r; dx++) {
                    unsigned sad = 0;
                    for (unsigned yy = 0; yy < 16; yy++) {
                        const uint8_t *pb = b + (size_t)(by + yy) * w + bx;
                        const uint8_t *pa = a + (size_t)((int)(by + yy) + dy) * w + (size_t)((int)bx + dx);
                        for (unsigned xx = 0; xx < 16; xx++) sad += (unsigned)abs((int)pb[xx] - (int)pa[xx]);
                    }
                    if (sad < best) { best = sad; bdx = dx; bdy = dy; }
                }
            total_sad += best; total_dx += bdx; total_dy += bdy;
        }
    printf("%llu %ld %ld\n", (unsigned long long)total_sad, total_dx, total_dy);
    free(a); free(b);
    return 0;
}
