/* Fixed-point DSP: a Q15 FIR low-pass filter with a circular delay line, a cascade of
 * Q14 biquad IIR sections (direct form I) with saturation, a decimator, and RMS/peak
 * measurements in integers. The input is a generated multi-tone signal with noise. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXSAMPLES 200000
#define NTAPS 31
#define NSECTIONS 3

static int16_t signal_in[MAXSAMPLES], fir_out[MAXSAMPLES], iir_out[MAXSAMPLES];
static int16_t decimated[MAXSAMPLES / 4 + 1];

/* symmetric Hamming-windowed sinc low-pass taps (cutoff 0.12 fs), Q15, sum 32769 */
static const int16_t fir_taps[NTAPS] = {
    -53,  -61,   -35,  54,   200,  308,  223,  -160, -742, -1168, -946,
    278,  2450,  5010, 7085, 7883, 7085, 5010, 2450, 278,  -946,  -1168,
    -742, -160,  223,  308,  200,  54,   -35,  -61,  -53,
};

/* biquad coefficients in Q14: b0 b1 b2 a1 a2 (a0 = 1) */
static const int32_t biquads[NSECTIONS][5] = {
    {2048, 4096, 2048, -18000, 7000},
    {4096, -8192, 4096, -24000, 9500},
    {8192, 0, -8192, -12000, 5000},
};

/* one full period of a sine in 64 steps, Q15 */
static const int16_t sine64[64] = {
    0,      3212,   6393,   9512,   12539,  15446,  18204,  20787,  23170,  25329,  27245,
    28898,  30273,  31356,  32137,  32609,  32767,  32609,  32137,  31356,  30273,  28898,
    27245,  25329,  23170,  20787,  18204,  15446,  12539,  9512,   6393,   3212,   0,
    -3212,  -6393,  -9512,  -12539, -15446, -18204, -20787, -23170, -25329, -27245, -28898,
    -30273, -31356, -32137, -32609, -32767, -32609, -32137, -31356, -30273, -28898, -27245,
    -25329, -23170, -20787, -18204, -15446, -12539, -9512,  -6393,  -3212,
};

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

static int16_t saturate16(int64_t v) {
    if (v > 32767) return 32767;
    if (v < -32768) return -32768;
    return (int16_t)v;
}

/* Arithmetic right shift with rounding, written without shifting negative numbers. */
static int64_t round_shift(int64_t v, int s) {
    int64_t half = (int64_t)1 << (s - 1);
    int64_t div = (int64_t)1 << s;
    if (v >= 0) return (v + half) / div;
    return -((-v + half) / div);
}

static void fir_filter(const int16_t *in, int16_t *out, int n, int *clips) {
    int16_t delay[NTAPS] = {0};
    int pos = 0;
    for (int i = 0; i < n; i++) {
        delay[pos] = in[i];
        int64_t acc = 0;
        int k = pos;
        for (int t = 0; t < NTAPS; t++) {
            acc += (int32_t)fir_taps[t] * delay[k];
            k = k == 0 ? NTAPS - 1 : k - 1;
        }
        int64_t y = round_shift(acc, 15);
        if (y > 32767 || y < -32768) (*clips)++;
        out[i] = saturate16(y);
        pos = pos == NTAPS - 1 ? 0 : pos + 1;
    }
}

typedef struct {
    int32_t x1, x2, y1, y2;
} biquad_state_t;

static void iir_cascade(const int16_t *in, int16_t *out, int n, int *clips) {
    biquad_state_t st[NSECTIONS] = {{0, 0, 0, 0}};
    for (int i = 0; i < n; i++) {
        int32_t x = in[i];
        for (int s = 0; s < NSECTIONS; s++) {
            const int32_t *c = biquads[s];
            int64_t acc = (int64_t)c[0] * x + (int64_t)c[1] * st[s].x1 + (int64_t)c[2] * st[s].x2 -
                          (int64_t)c[3] * st[s].y1 - (int64_t)c[4] * st[s].y2;
            int64_t y = round_shift(acc, 14);
            if (y > 32767 || y < -32768) (*clips)++;
            int32_t ys = saturate16(y);
            st[s].x2 = st[s].x1;
            st[s].x1 = x;
            st[s].y2 = st[s].y1;
            st[s].y1 = ys;
            x = ys;
        }
        out[i] = (int16_t)x;
    }
}

static int decimate4(const int16_t *in, int n, int16_t *out) {
    int m = 0;
    for (int i = 0; i + 3 < n; i += 4) {
        int32_t s = (int32_t)in[i] + in[i + 1] + in[i + 2] + in[i + 3];
        out[m++] = (int16_t)(s / 4);
    }
    return m;
}

static uint32_t isqrt64(uint64_t v) {
    uint64_t r = 0, bit = (uint64_t)1 << 62;
    while (bit > v) bit >>= 2;
    while (bit) {
        if (v >= r + bit) {
            v -= r + bit;
            r = (r >> 1) + bit;
        } else {
            r >>= 1;
        }
        bit >>= 2;
    }
    return (uint32_t)r;
}

static void measure(const char *name, const int16_t *x, int n) {
    uint64_t energy = 0;
    int peak = 0;
    for (int i = 0; i < n; i++) {
        int v = x[i] < 0 ? -x[i] : x[i];
        if (v > peak) peak = v;
        energy += (uint64_t)((int64_t)x[i] * x[i]);
    }
    printf("%-9s rms %5u peak %5d\n", name, isqrt64(energy / (uint64_t)n), peak);
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 20000, 64, MAXSAMPLES);
    uint32_t noise = 0x12345u + (uint32_t)n;
    uint32_t ph1 = 0, ph2 = 0, ph3 = 0;
    for (int i = 0; i < n; i++) {
        noise = noise * 1103515245u + 12345u;
        int32_t nz = (int32_t)((noise >> 16) & 0x7ffu) - 1024;
        ph1 += 1u;   /* low tone */
        ph2 += 13u;  /* mid tone */
        ph3 += 29u;  /* high tone */
        int32_t v = sine64[ph1 & 63u] / 3 + sine64[ph2 & 63u] / 4 + sine64[ph3 & 63u] / 4 + nz;
        signal_in[i] = saturate16(v);
    }
    int fir_clips = 0, iir_clips = 0;
    fir_filter(signal_in, fir_out, n, &fir_clips);
    iir_cascade(signal_in, iir_out, n, &iir_clips);
    int m = decimate4(fir_out, n, decimated);
    measure("input", signal_in, n);
    measure("fir", fir_out, n);
    measure("iir", iir_out, n);
    measure("decimated", decimated, m);
    uint32_t h = 0;
    for (int i = 0; i < n; i++) h = h * 31u + (uint16_t)fir_out[i] + ((uint32_t)(uint16_t)iir_out[i] << 7);
    printf("clips fir %d iir %d\n", fir_clips, iir_clips);
    printf("checksum: %u\n", h);
    return 0;
}
