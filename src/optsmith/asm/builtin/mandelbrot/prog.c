/* Escape-time Mandelbrot set over a window of the complex plane.
   Input: width height max_iter x0 y0 span. Prints the total iterations and a row hash. */
#include <stdio.h>
#include <stdint.h>

int main(void) {
    unsigned w, h, max_iter;
    double x0, y0, span;
    if (scanf("%u %u %u %lf %lf %lf", &w, &h, &max_iter, &x0, &y0, &span) != 6 || w == 0 || h == 0) return 1;
    uint64_t total = 0, hash = 0;
    unsigned inside = 0;
    for (unsigned py = 0; py < h; py++) {
        double ci = y0 + span * py / h;
        uint64_t row = 0;
        for (unsigned px = 0; px < w; px++) {
            double cr = x0 + span * px / w;
            double zr = 0, zi = 0;
            unsigned it = 0;
            while (it < max_iter && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                it++;
            }
            total += it;
            inside += it == max_iter;
            row = row * 31 + it;
        }
        hash ^= row + 0x9e3779b97f4a7c15ull + (hash << 6) + (hash >> 2);
    }
    printf("%llu %u %llu\n", (unsigned long long)total, inside, (unsigned long long)hash);
    return 0;
}
