/* Fixed-point radix-2 FFT (Q15 twiddles from a quarter-wave table) with bit-reversal
 * permutation and per-stage scaling, power spectrum peak picking, and an inverse FFT to
 * measure the round-trip error, over frames of a generated signal. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N 256
#define LOGN 8

/* sin(pi/2 * i / 64) in Q15 for i = 0..64 */
static const int16_t quarter_sine[65] = {
    0,     804,   1608,  2410,  3212,  4011,  4808,  5602,  6393,  7179,  7962,  8739,  9512,
    10278, 11039, 11793, 12539, 13279, 14010, 14732, 15446, 16151, 16846, 17530, 18204, 18868,
    19519, 20159, 20787, 21403, 22005, 22594, 23170, 23731, 24279, 24811, 25329, 25832, 26319,
    26790, 27245, 27683, 28105, 28510, 28898, 29268, 29621, 29956, 30273, 30571, 30852, 31113,
    31356, 31580, 31785, 31971, 32137, 32285, 32412, 32521, 32609, 32678, 32728, 32757, 32767,
};

typedef struct {
    int32_t re, im;
} cpx_t;

static cpx_t frame[N], spectrum[N], restored[N];

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

/* sin(2 pi k / N) in Q15, k in [0, N) */
static int32_t sin_q15(int k) {
    k &= N - 1;
    int quadrant = k / (N / 4), idx = k % (N / 4);
    switch (quadrant) {
    case 0: return quarter_sine[idx];
    case 1: return quarter_sine[N / 4 - idx];
    case 2: return -quarter_sine[idx];
    default: return -quarter_sine[N / 4 - idx];
    }
}

static int32_t cos_q15(int k) { return sin_q15(k + N / 4); }

/* multiply by a Q15 constant, rounding half away from zero */
static int32_t mul_q15(int32_t a, int32_t b) {
    int64_t p = (int64_t)a * b;
    return (int32_t)(p >= 0 ? (p + 16384) / 32768 : -((-p + 16384) / 32768));
}

static int bit_reverse(int x, int bits) {
    int r = 0;
    for (int i = 0; i < bits; i++) {
        r = (r << 1) | (x & 1);
        x >>= 1;
    }
    return r;
}

/* In-place FFT; `inverse` conjugates the twiddles. Each stage halves (scales) the data so
 * the forward transform computes X/N. */
static void fft(cpx_t *x, int inverse, int scale) {
    for (int i = 0; i < N; i++) {
        int j = bit_reverse(i, LOGN);
        if (j > i) {
            cpx_t t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }
    for (int len = 2; len <= N; len <<= 1) {
        int step = N / len;
        for (int start = 0; start < N; start += len) {
            for (int k = 0; k < len / 2; k++) {
                int32_t wr = cos_q15(k * step);
                int32_t wi = inverse ? sin_q15(k * step) : -sin_q15(k * step);
                cpx_t *a = &x[start + k], *b = &x[start + k + len / 2];
                int32_t tr = mul_q15(b->re, wr) - mul_q15(b->im, wi);
                int32_t ti = mul_q15(b->re, wi) + mul_q15(b->im, wr);
                int32_t ar = a->re, ai = a->im;
                if (scale) {
                    a->re = (ar + tr) / 2;
                    a->im = (ai + ti) / 2;
                    b->re = (ar - tr) / 2;
                    b->im = (ai - ti) / 2;
                } else {
                    a->re = ar + tr;
                    a->im = ai + ti;
                    b->re = ar - tr;
                    b->im = ai - ti;
                }
            }
        }
    }
}

int main(int argc, char **argv) {
    int frames = (int)parse_arg(argc, argv, 20, 1, 2000);
    uint32_t s = 0x600DF00Du ^ (uint32_t)frames;
    uint32_t h = 0;
    int64_t total_err = 0;
    int max_err = 0;
    int peak_hist[N / 2] = {0};
    for (int f = 0; f < frames; f++) {
        int tone1 = 3 + f % 40, tone2 = 50 + (f * 7) % 60;
        for (int i = 0; i < N; i++) {
            s = s * 1664525u + 1013904223u;
            int32_t noise = (int32_t)((s >> 20) & 0x3ffu) - 512;
            frame[i].re = sin_q15(i * tone1) / 2 + sin_q15(i * tone2) / 4 + noise;
            frame[i].im = 0;
            spectrum[i] = frame[i];
        }
        fft(spectrum, 0, 1);
        /* find the two strongest bins in the lower half */
        int best = 1, second = 2;
        int64_t pbest = -1, psecond = -1;
        for (int k = 1; k < N / 2; k++) {
            int64_t p = (int64_t)spectrum[k].re * spectrum[k].re + (int64_t)spectrum[k].im * spectrum[k].im;
            if (p > pbest) {
                psecond = pbest;
                second = best;
                pbest = p;
                best = k;
            } else if (p > psecond) {
                psecond = p;
                second = k;
            }
        }
        peak_hist[best]++;
        h = h * 131u + (uint32_t)(best * 256 + second);
        for (int i = 0; i < N; i++) restored[i] = spectrum[i];
        fft(restored, 1, 0);
        for (int i = 0; i < N; i++) {
            int e = restored[i].re - frame[i].re;
            if (e < 0) e = -e;
            total_err += e;
            if (e > max_err) max_err = e;
            h ^= (uint32_t)spectrum[i].re * 2654435761u + (uint32_t)spectrum[i].im;
        }
    }
    int mode = 0;
    for (int k = 0; k < N / 2; k++)
        if (peak_hist[k] > peak_hist[mode]) mode = k;
    printf("frames %d most common peak bin %d (%d times)\n", frames, mode, peak_hist[mode]);
    printf("roundtrip mean abs err x1000 %lld max %d\n",
           (long long)(total_err * 1000 / ((int64_t)frames * N)), max_err);
    printf("checksum: %u\n", h);
    return 0;
}
