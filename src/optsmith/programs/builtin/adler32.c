/* Adler-32 (with the NMAX deferred-modulo trick), Fletcher-16/32, and an rsync-style
 * rolling checksum used to find repeated blocks in generated data. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 400000
#define BLOCK 64
#define MOD_ADLER 65521u
#define NMAX 5552

static unsigned char data[MAXLEN];
static uint32_t block_sums[MAXLEN / BLOCK + 1];

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

static uint32_t adler32_simple(const unsigned char *p, size_t len) {
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < len; i++) {
        a = (a + p[i]) % MOD_ADLER;
        b = (b + a) % MOD_ADLER;
    }
    return (b << 16) | a;
}

static uint32_t adler32_fast(const unsigned char *p, size_t len) {
    uint32_t a = 1, b = 0;
    while (len > 0) {
        size_t chunk = len < NMAX ? len : NMAX;
        len -= chunk;
        while (chunk >= 4) {
            a += p[0];
            b += a;
            a += p[1];
            b += a;
            a += p[2];
            b += a;
            a += p[3];
            b += a;
            p += 4;
            chunk -= 4;
        }
        while (chunk--) {
            a += *p++;
            b += a;
        }
        a %= MOD_ADLER;
        b %= MOD_ADLER;
    }
    return (b << 16) | a;
}

static uint16_t fletcher16(const unsigned char *p, size_t len) {
    uint32_t s1 = 0, s2 = 0;
    for (size_t i = 0; i < len; i++) {
        s1 = (s1 + p[i]) % 255u;
        s2 = (s2 + s1) % 255u;
    }
    return (uint16_t)((s2 << 8) | s1);
}

static uint32_t fletcher32(const unsigned char *p, size_t len) {
    uint32_t s1 = 0xffff, s2 = 0xffff;
    size_t words = len / 2;
    while (words) {
        size_t t = words > 359 ? 359 : words;
        words -= t;
        do {
            s1 += (uint32_t)p[0] | ((uint32_t)p[1] << 8);
            s2 += s1;
            p += 2;
        } while (--t);
        s1 = (s1 & 0xffffu) + (s1 >> 16);
        s2 = (s2 & 0xffffu) + (s2 >> 16);
    }
    s1 = (s1 & 0xffffu) + (s1 >> 16);
    s2 = (s2 & 0xffffu) + (s2 >> 16);
    return (s2 << 16) | s1;
}

/* rolling weak checksum (rsync): a = sum x, b = sum (len - i) * x, both mod 2^16 */
typedef struct {
    uint32_t a, b;
} roll_t;

static roll_t roll_init(const unsigned char *p, size_t len) {
    roll_t r = {0, 0};
    for (size_t i = 0; i < len; i++) {
        r.a += p[i];
        r.b += (uint32_t)(len - i) * p[i];
    }
    r.a &= 0xffffu;
    r.b &= 0xffffu;
    return r;
}

static roll_t roll_step(roll_t r, unsigned char out, unsigned char in, size_t len) {
    r.a = (r.a - out + in) & 0xffffu;
    r.b = (r.b - (uint32_t)len * out + r.a) & 0xffffu;
    return r;
}

int main(int argc, char **argv) {
    size_t len = (size_t)parse_arg(argc, argv, 50000, BLOCK * 2, MAXLEN);
    uint32_t s = (uint32_t)len ^ 0x5bd1e995u;
    for (size_t i = 0; i < len; i++) {
        s = s * 1664525u + 1013904223u;
        /* copy earlier data sometimes to create repeated blocks */
        if (i >= 1024 && (s >> 28) == 3u) {
            size_t src = i - 512 - (s >> 8) % 256u;
            size_t run = 64 + (s >> 4) % 128u;
            for (size_t k = 0; k < run && i < len; k++, i++) data[i] = data[src + k];
            i--;
        } else {
            data[i] = (unsigned char)(s >> 24);
        }
    }
    uint32_t a1 = adler32_simple(data, len);
    uint32_t a2 = adler32_fast(data, len);
    uint16_t f16 = fletcher16(data, len);
    uint32_t f32 = fletcher32(data, len);

    size_t nblocks = len / BLOCK;
    for (size_t k = 0; k < nblocks; k++) {
        roll_t r = roll_init(data + k * BLOCK, BLOCK);
        block_sums[k] = r.a | (r.b << 16);
    }
    /* slide a window across the data and count offsets whose weak sum equals a block's */
    uint32_t matches = 0;
    roll_t r = roll_init(data, BLOCK);
    for (size_t off = 0; off + BLOCK < len; off++) {
        uint32_t w = r.a | (r.b << 16);
        size_t probe = (off / BLOCK) % nblocks;
        for (size_t k = 0; k < 4 && k < nblocks; k++) {
            size_t j = (probe + nblocks - k) % nblocks;
            if (block_sums[j] == w && j * BLOCK != off) matches++;
        }
        r = roll_step(r, data[off], data[off + BLOCK], BLOCK);
    }
    printf("adler32 %08x same %d\n", a2, a1 == a2);
    printf("fletcher16 %04x fletcher32 %08x\n", (unsigned)f16, f32);
    printf("adler32(\"Wikipedia\") = %08x\n", adler32_fast((const unsigned char *)"Wikipedia", 9));
    printf("rolling matches %u\n", matches);
    printf("checksum: %u\n", a2 ^ f32 ^ ((uint32_t)f16 << 8) ^ matches);
    return 0;
}
