/* Run-length coders: a PackBits-style literal/run encoder and an escape-byte RLE, each
 * round-tripped over generated data with long runs and noisy stretches. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 300000
#define ESC 0xF5

static unsigned char input[MAXLEN];
static unsigned char packed[MAXLEN * 2 + 16];
static unsigned char output[MAXLEN];

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

/* PackBits: header h in 0..127 => h+1 literal bytes; 129..255 => byte repeated 257-h. */
static size_t packbits_encode(const unsigned char *in, size_t n, unsigned char *out) {
    size_t i = 0, o = 0;
    while (i < n) {
        size_t run = 1;
        while (i + run < n && run < 128 && in[i + run] == in[i]) run++;
        if (run >= 3) {
            out[o++] = (unsigned char)(257 - run);
            out[o++] = in[i];
            i += run;
            continue;
        }
        size_t start = i, lit = 0;
        while (i < n && lit < 128) {
            if (i + 2 < n && in[i] == in[i + 1] && in[i] == in[i + 2]) break;
            i++;
            lit++;
        }
        out[o++] = (unsigned char)(lit - 1);
        memcpy(out + o, in + start, lit);
        o += lit;
    }
    return o;
}

static size_t packbits_decode(const unsigned char *in, size_t n, unsigned char *out, size_t cap) {
    size_t i = 0, o = 0;
    while (i < n) {
        unsigned h = in[i++];
        if (h < 128) {
            size_t lit = h + 1u;
            if (i + lit > n || o + lit > cap) return (size_t)-1;
            memcpy(out + o, in + i, lit);
            i += lit;
            o += lit;
        } else if (h > 128) {
            size_t run = 257u - h;
            if (i >= n || o + run > cap) return (size_t)-1;
            memset(out + o, in[i++], run);
            o += run;
        }
    }
    return o;
}

/* Escape RLE: runs >= 4 (or any ESC byte) become ESC, count, byte. */
static size_t esc_encode(const unsigned char *in, size_t n, unsigned char *out) {
    size_t i = 0, o = 0;
    while (i < n) {
        size_t run = 1;
        while (i + run < n && run < 255 && in[i + run] == in[i]) run++;
        if (run >= 4 || in[i] == ESC) {
            out[o++] = ESC;
            out[o++] = (unsigned char)run;
            out[o++] = in[i];
        } else {
            for (size_t k = 0; k < run; k++) out[o++] = in[i];
        }
        i += run;
    }
    return o;
}

static size_t esc_decode(const unsigned char *in, size_t n, unsigned char *out, size_t cap) {
    size_t i = 0, o = 0;
    while (i < n) {
        if (in[i] == ESC) {
            if (i + 2 >= n) return (size_t)-1;
            size_t run = in[i + 1];
            if (o + run > cap) return (size_t)-1;
            memset(out + o, in[i + 2], run);
            o += run;
            i += 3;
        } else {
            if (o >= cap) return (size_t)-1;
            out[o++] = in[i++];
        }
    }
    return o;
}

static uint32_t fnv(const unsigned char *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

int main(int argc, char **argv) {
    size_t n = (size_t)parse_arg(argc, argv, 50000, 1, MAXLEN);
    uint32_t s = 0xABCDEF01u ^ (uint32_t)n;
    size_t i = 0;
    while (i < n) {
        s = s * 1664525u + 1013904223u;
        unsigned mode = s >> 29;
        size_t len = 1 + (s >> 16) % 300u;
        if (len > n - i) len = n - i;
        if (mode < 5) {
            unsigned char b = (unsigned char)(s >> 8);
            if (mode == 0) b = ESC;
            memset(input + i, b, len);
        } else {
            for (size_t k = 0; k < len; k++) {
                s = s * 1664525u + 1013904223u;
                input[i + k] = (unsigned char)(s >> 24);
            }
        }
        i += len;
    }
    size_t p1 = packbits_encode(input, n, packed);
    size_t d1 = packbits_decode(packed, p1, output, MAXLEN);
    int ok1 = d1 == n && memcmp(input, output, n) == 0;
    uint32_t h1 = fnv(packed, p1);
    size_t p2 = esc_encode(input, n, packed);
    memset(output, 0, n);
    size_t d2 = esc_decode(packed, p2, output, MAXLEN);
    int ok2 = d2 == n && memcmp(input, output, n) == 0;
    uint32_t h2 = fnv(packed, p2);
    printf("input %zu packbits %zu (ok %d) escape %zu (ok %d)\n", n, p1, ok1, p2, ok2);
    printf("ratio permille %zu %zu\n", p1 * 1000 / n, p2 * 1000 / n);
    printf("checksum: %u\n", h1 ^ (h2 * 3u) ^ fnv(input, n));
    return 0;
}
