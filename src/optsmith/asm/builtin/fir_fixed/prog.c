/* A 32-tap FIR low-pass filter in Q15 fixed point over a synthetic 16-bit signal, applied
   in several passes. Input: samples passes seed. Prints the output energy and a checksum. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define TAPS 32

int main(void) {
    unsigned n, passes, seed;
    if (scanf("%u %u %u", &n, &passes, &seed) != 3 || n <= TAPS || n > 50000000u) return 1;
    int16_t *in = malloc(n * sizeof *in), *out = malloc(n * sizeof *out);
    if (!in || !out) return 1;
    static const int16_t coef[TAPS] = {
        -120, -210, -180, 40, 420, 760, 700, 60, -1010, -1960, -1980, -420, 2760, 6800, 10380, 12240,
        12240, 10380, 6800, 2760, -420, -1980, -1960, -1010, 60, 700, 760, 420, 40, -180, -210, -120};
    uint32_t x = seed | 1;
    int32_t phase = 0;
    for (unsigned i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        phase += 1 + (int32_t)(x % 5);
        int32_t tri = (phase & 1023) < 512 ? (phase & 511) * 24 : (511 - (phase & 511)) * 24;
        in[i] = (int16_t)(tri - 6132 + (int32_t)(x >> 20) % 2000);
    }
    uint64_t energy = 0;
    uint32_t check = 0;
    for (unsigned p = 0; p < passes; p++) {
        for (unsigned i = 0; i < TAPS - 1; i++) out[i] = in[i];
        for (unsigned i = TAPS - 1; i < n; i++) {
            int32_t acc = 0;
            for (int t = 0; t < TAPS; t++) acc += (int32_t)coef[t] * in[i - (unsigned)t];
            acc >>= 16;
            out[i] = (int16_t)(acc > 32767 ? 32767 : acc < -32768 ? -32768 : acc);
        }
        energy = 0; check = 0;
        for (unsigned i = 0; i < n; i++) { energy += (uint64_t)((int64_t)out[i] * out[i]); check = check * 31u + (uint16_t)out[i]; }
        int16_t *t = in; in = out; out = t;
    }
    printf("%llu %u\n", (unsigned long long)energy, check);
    free(in); free(out);
    return 0;
}
