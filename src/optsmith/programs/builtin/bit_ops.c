/* Bit-manipulation kernels, each in several equivalent forms that must agree: popcount
 * (loop, Kernighan, SWAR, table), bit reversal (loop, SWAR, byte table), count of leading
 * and trailing zeros, parity, Gray code, Morton (Z-order) interleaving, next power of two,
 * and Gosper's hack enumerating k-bit subsets. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint8_t pop_table[256];
static uint8_t rev_table[256];

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

static int pop_loop(uint32_t x) {
    int c = 0;
    for (int i = 0; i < 32; i++) c += (int)((x >> i) & 1u);
    return c;
}

static int pop_kernighan(uint32_t x) {
    int c = 0;
    while (x) {
        x &= x - 1u;
        c++;
    }
    return c;
}

static int pop_swar(uint32_t x) {
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (int)((x * 0x01010101u) >> 24);
}

static int pop_table8(uint32_t x) {
    return pop_table[x & 0xffu] + pop_table[(x >> 8) & 0xffu] + pop_table[(x >> 16) & 0xffu] +
           pop_table[x >> 24];
}

static uint32_t rev_loop(uint32_t x) {
    uint32_t r = 0;
    for (int i = 0; i < 32; i++) {
        r = (r << 1) | (x & 1u);
        x >>= 1;
    }
    return r;
}

static uint32_t rev_swar(uint32_t x) {
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
    x = ((x >> 8) & 0x00FF00FFu) | ((x & 0x00FF00FFu) << 8);
    return (x >> 16) | (x << 16);
}

static uint32_t rev_bytes(uint32_t x) {
    return ((uint32_t)rev_table[x & 0xffu] << 24) | ((uint32_t)rev_table[(x >> 8) & 0xffu] << 16) |
           ((uint32_t)rev_table[(x >> 16) & 0xffu] << 8) | rev_table[x >> 24];
}

static int clz_loop(uint32_t x) {
    int n = 0;
    for (uint32_t bit = 0x80000000u; bit && !(x & bit); bit >>= 1) n++;
    return n;
}

static int clz_binary(uint32_t x) {
    if (!x) return 32;
    int n = 0;
    if (!(x & 0xFFFF0000u)) { n += 16; x <<= 16; }
    if (!(x & 0xFF000000u)) { n += 8; x <<= 8; }
    if (!(x & 0xF0000000u)) { n += 4; x <<= 4; }
    if (!(x & 0xC0000000u)) { n += 2; x <<= 2; }
    if (!(x & 0x80000000u)) { n += 1; }
    return n;
}

static int ctz_loop(uint32_t x) {
    if (!x) return 32;
    int n = 0;
    while (!(x & 1u)) {
        x >>= 1;
        n++;
    }
    return n;
}

static int ctz_debruijn(uint32_t x) {
    static const int table[32] = {0,  1,  28, 2,  29, 14, 24, 3, 30, 22, 20, 15, 25, 17, 4,  8,
                                  31, 27, 13, 23, 21, 19, 16, 7, 26, 12, 18, 6,  11, 5,  10, 9};
    if (!x) return 32;
    return table[((x & (0u - x)) * 0x077CB531u) >> 27];
}

static int parity_fold(uint32_t x) {
    x ^= x >> 16;
    x ^= x >> 8;
    x ^= x >> 4;
    return (int)((0x6996u >> (x & 15u)) & 1u);
}

static uint32_t gray_encode(uint32_t x) { return x ^ (x >> 1); }

static uint32_t gray_decode(uint32_t g) {
    for (uint32_t shift = 1; shift < 32; shift <<= 1) g ^= g >> shift;
    return g;
}

static uint32_t spread16(uint32_t x) {
    x &= 0xFFFFu;
    x = (x | (x << 8)) & 0x00FF00FFu;
    x = (x | (x << 4)) & 0x0F0F0F0Fu;
    x = (x | (x << 2)) & 0x33333333u;
    x = (x | (x << 1)) & 0x55555555u;
    return x;
}

static uint32_t compact16(uint32_t x) {
    x &= 0x55555555u;
    x = (x | (x >> 1)) & 0x33333333u;
    x = (x | (x >> 2)) & 0x0F0F0F0Fu;
    x = (x | (x >> 4)) & 0x00FF00FFu;
    x = (x | (x >> 8)) & 0x0000FFFFu;
    return x;
}

static uint32_t morton_loop(uint32_t x, uint32_t y) {
    uint32_t z = 0;
    for (int i = 0; i < 16; i++) z |= ((x >> i) & 1u) << (2 * i) | ((y >> i) & 1u) << (2 * i + 1);
    return z;
}

static uint32_t next_pow2(uint32_t x) {
    if (x <= 1) return 1;
    x--;
    x |= x >> 1;
    x |= x >> 2;
    x |= x >> 4;
    x |= x >> 8;
    x |= x >> 16;
    return x + 1u;
}

static uint32_t rotl(uint32_t x, unsigned r) { r &= 31u; return r ? (x << r) | (x >> (32u - r)) : x; }

/* enumerate all k-subsets of an m-bit set in increasing order; returns a digest */
static uint32_t gosper(int m, int k, long *count) {
    uint32_t h = 0;
    *count = 0;
    if (k == 0 || k > m) return 0;
    uint32_t v = (1u << k) - 1u, limit = 1u << m;
    while (v < limit) {
        h = h * 31u + v;
        (*count)++;
        uint32_t c = v & (0u - v), r = v + c;
        v = (((r ^ v) >> 2) / c) | r;
    }
    return h;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 20000, 1, 2000000);
    for (int i = 0; i < 256; i++) {
        pop_table[i] = (uint8_t)pop_loop((uint32_t)i);
        rev_table[i] = (uint8_t)(rev_loop((uint32_t)i) >> 24);
    }
    uint32_t s = 0xB17B17u ^ (uint32_t)n;
    int mismatches = 0;
    uint32_t h = 0;
    long pop_total = 0;
    for (int i = 0; i < n; i++) {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        uint32_t x = s >> (i % 7); /* vary the leading zeros */
        int p = pop_loop(x);
        if (p != pop_kernighan(x) || p != pop_swar(x) || p != pop_table8(x)) mismatches++;
        uint32_t r = rev_swar(x);
        if (r != rev_loop(x) || r != rev_bytes(x)) mismatches++;
        int lz = clz_binary(x), tz = ctz_debruijn(x);
        if (lz != clz_loop(x) || tz != ctz_loop(x)) mismatches++;
        if (parity_fold(x) != (p & 1)) mismatches++;
        if (gray_decode(gray_encode(x)) != x) mismatches++;
        uint32_t mx = x & 0xFFFFu, my = x >> 16;
        uint32_t z = spread16(mx) | (spread16(my) << 1);
        if (z != morton_loop(mx, my) || compact16(z) != mx || compact16(z >> 1) != my) mismatches++;
        uint32_t np = next_pow2(x & 0x7FFFFFFFu);
        pop_total += p;
        h = rotl(h, 5) ^ (r + (uint32_t)(lz * 33 + tz) + np + gray_encode(x));
    }
    long subsets;
    uint32_t gh = gosper(12 + n % 8, 5, &subsets);
    printf("words %d mismatches %d total popcount %ld\n", n, mismatches, pop_total);
    printf("k-subsets enumerated %ld\n", subsets);
    printf("checksum: %u\n", h ^ gh);
    return 0;
}
