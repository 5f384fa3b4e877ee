/* Base64 (standard and URL-safe alphabets, with and without padding) and hex encoding with
 * strict decoders that reject bad characters; round-trips over generated binary data. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 300000

static const char std_alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char url_alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static unsigned char data[MAXLEN], back[MAXLEN];
static char text[MAXLEN * 2 + 8];

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

static size_t b64_encode(const unsigned char *in, size_t n, char *out, const char *alpha, int pad) {
    size_t o = 0, i = 0;
    for (; i + 2 < n; i += 3) {
        uint32_t v = ((uint32_t)in[i] << 16) | ((uint32_t)in[i + 1] << 8) | in[i + 2];
        out[o++] = alpha[(v >> 18) & 63u];
        out[o++] = alpha[(v >> 12) & 63u];
        out[o++] = alpha[(v >> 6) & 63u];
        out[o++] = alpha[v & 63u];
    }
    size_t rem = n - i;
    if (rem) {
        uint32_t v = (uint32_t)in[i] << 16;
        if (rem == 2) v |= (uint32_t)in[i + 1] << 8;
        out[o++] = alpha[(v >> 18) & 63u];
        out[o++] = alpha[(v >> 12) & 63u];
        if (rem == 2) out[o++] = alpha[(v >> 6) & 63u];
        else if (pad) out[o++] = '=';
        if (pad) out[o++] = '=';
    }
    out[o] = '\0';
    return o;
}

static void build_reverse(const char *alpha, int8_t *rev) {
    for (int c = 0; c < 256; c++) rev[c] = -1;
    for (int i = 0; i < 64; i++) rev[(unsigned char)alpha[i]] = (int8_t)i;
}

/* returns decoded length, or -1 on malformed input */
static long b64_decode(const char *in, size_t n, unsigned char *out, const int8_t *rev) {
    while (n > 0 && in[n - 1] == '=') n--;
    if (n % 4 == 1) return -1;
    size_t o = 0;
    uint32_t acc = 0;
    int nbits = 0;
    for (size_t i = 0; i < n; i++) {
        int v = rev[(unsigned char)in[i]];
        if (v < 0) return -1;
        acc = (acc << 6) | (uint32_t)v;
        nbits += 6;
        if (nbits >= 8) {
            nbits -= 8;
            out[o++] = (unsigned char)((acc >> nbits) & 0xffu);
        }
    }
    /* leftover bits must be zero in canonical encoding */
    if (nbits > 0 && (acc & ((1u << nbits) - 1u)) != 0) return -1;
    return (long)o;
}

static size_t hex_encode(const unsigned char *in, size_t n, char *out) {
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15u];
    }
    out[2 * n] = '\0';
    return 2 * n;
}

static int hex_value(char c) {
    switch (c) {
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9': return c - '0';
    case 'a': case 'b': case 'c': case 'd': case 'e': case 'f': return c - 'a' + 10;
    case 'A': case 'B': case 'C': case 'D': case 'E': case 'F': return c - 'A' + 10;
    default: return -1;
    }
}

static long hex_decode(const char *in, size_t n, unsigned char *out) {
    if (n & 1u) return -1;
    for (size_t i = 0; i < n; i += 2) {
        int hi = hex_value(in[i]), lo = hex_value(in[i + 1]);
        if (hi < 0 || lo < 0) return -1;
        out[i / 2] = (unsigned char)(hi * 16 + lo);
    }
    return (long)(n / 2);
}

static uint32_t fnv(const void *p, size_t n) {
    const unsigned char *b = p;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 16777619u;
    return h;
}

int main(int argc, char **argv) {
    size_t n = (size_t)parse_arg(argc, argv, 30000, 1, MAXLEN);
    uint32_t s = 0xB64u + (uint32_t)n;
    for (size_t i = 0; i < n; i++) {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        data[i] = (unsigned char)(s >> 11);
    }
    int8_t rev_std[256], rev_url[256];
    build_reverse(std_alpha, rev_std);
    build_reverse(url_alpha, rev_url);
    int ok = 1;
    uint32_t h = 0;
    /* many short messages (every tail length) and one long one */
    for (size_t len = 0; len <= 64 && len <= n; len++) {
        size_t e = b64_encode(data + len, len, text, len & 1 ? url_alpha : std_alpha, (int)(len % 3 != 1));
        long d = b64_decode(text, e, back, len & 1 ? rev_url : rev_std);
        if (d != (long)len || memcmp(back, data + len, len) != 0) ok = 0;
        h = h * 31u + fnv(text, e);
    }
    size_t e = b64_encode(data, n, text, std_alpha, 1);
    long d = b64_decode(text, e, back, rev_std);
    if (d != (long)n || memcmp(back, data, n) != 0) ok = 0;
    uint32_t hb = fnv(text, e);
    size_t he = hex_encode(data, n / 2, text);
    long hd = hex_decode(text, he, back);
    if (hd != (long)(n / 2) || memcmp(back, data, n / 2) != 0) ok = 0;
    uint32_t hh = fnv(text, he);
    /* malformed inputs must be rejected */
    int rejected = 0;
    rejected += b64_decode("SGVsbG8*", 8, back, rev_std) < 0;
    rejected += b64_decode("SGVsbG8", 7, back, rev_std) >= 0;
    rejected += b64_decode("SGVsbG9", 7, back, rev_std) < 0; /* non-zero trailing bits */
    rejected += hex_decode("abc", 3, back) < 0;
    rejected += hex_decode("zz", 2, back) < 0;
    b64_encode((const unsigned char *)"Man is", 6, text, std_alpha, 1);
    printf("\"Man is\" -> %s\n", text);
    printf("encoded %zu chars, hex %zu chars, roundtrip %d, rejected %d/5\n", e, he, ok, rejected);
    printf("checksum: %u\n", h ^ hb ^ (hh * 3u));
    return 0;
}
