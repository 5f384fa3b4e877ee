/* MD5 with a streaming API and the RFC 1321 test suite, plus iterated hashing of a
 * generated message (digest fed back in as the next message, MD5-crypt style). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN (1 << 20)

typedef struct {
    uint32_t a, b, c, d;
    uint8_t buf[64];
    size_t buflen;
    uint64_t total;
} md5_ctx;

static const uint32_t T[64] = {
    0xd76aa478u, 0xe8c7b756u, 0x242070dbu, 0xc1bdceeeu, 0xf57c0fafu, 0x4787c62au, 0xa8304613u,
    0xfd469501u, 0x698098d8u, 0x8b44f7afu, 0xffff5bb1u, 0x895cd7beu, 0x6b901122u, 0xfd987193u,
    0xa679438eu, 0x49b40821u, 0xf61e2562u, 0xc040b340u, 0x265e5a51u, 0xe9b6c7aau, 0xd62f105du,
    0x02441453u, 0xd8a1e681u, 0xe7d3fbc8u, 0x21e1cde6u, 0xc33707d6u, 0xf4d50d87u, 0x455a14edu,
    0xa9e3e905u, 0xfcefa3f8u, 0x676f02d9u, 0x8d2a4c8au, 0xfffa3942u, 0x8771f681u, 0x6d9d6122u,
    0xfde5380cu, 0xa4beea44u, 0x4bdecfa9u, 0xf6bb4b60u, 0xbebfbc70u, 0x289b7ec6u, 0xeaa127fau,
    0xd4ef3085u, 0x04881d05u, 0xd9d4d039u, 0xe6db99e5u, 0x1fa27cf8u, 0xc4ac5665u, 0xf4292244u,
    0x432aff97u, 0xab9423a7u, 0xfc93a039u, 0x655b59c3u, 0x8f0ccc92u, 0xffeff47du, 0x85845dd1u,
    0x6fa87e4fu, 0xfe2ce6e0u, 0xa3014314u, 0x4e0811a1u, 0xf7537e82u, 0xbd3af235u, 0x2ad7d2bbu,
    0xeb86d391u,
};

static const int SHIFTS[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

static uint8_t message[MAXLEN];

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

static uint32_t rotl(uint32_t x, int s) { return (x << s) | (x >> (32 - s)); }

static void md5_block(md5_ctx *ctx, const uint8_t *p) {
    uint32_t m[16];
    for (int i = 0; i < 16; i++)
        m[i] = (uint32_t)p[4 * i] | ((uint32_t)p[4 * i + 1] << 8) | ((uint32_t)p[4 * i + 2] << 16) |
               ((uint32_t)p[4 * i + 3] << 24);
    uint32_t a = ctx->a, b = ctx->b, c = ctx->c, d = ctx->d;
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        switch (i / 16) {
        case 0:
            f = (b & c) | (~b & d);
            g = i;
            break;
        case 1:
            f = (d & b) | (~d & c);
            g = (5 * i + 1) % 16;
            break;
        case 2:
            f = b ^ c ^ d;
            g = (3 * i + 5) % 16;
            break;
        default:
            f = c ^ (b | ~d);
            g = (7 * i) % 16;
            break;
        }
        uint32_t tmp = d;
        d = c;
        c = b;
        b = b + rotl(a + f + T[i] + m[g], SHIFTS[i / 16][i % 4]);
        a = tmp;
    }
    ctx->a += a;
    ctx->b += b;
    ctx->c += c;
    ctx->d += d;
}

static void md5_init(md5_ctx *ctx) {
    ctx->a = 0x67452301u;
    ctx->b = 0xefcdab89u;
    ctx->c = 0x98badcfeu;
    ctx->d = 0x10325476u;
    ctx->buflen = 0;
    ctx->total = 0;
}

static void md5_update(md5_ctx *ctx, const uint8_t *p, size_t n) {
    ctx->total += n;
    while (n > 0) {
        if (ctx->buflen == 0 && n >= 64) {
            md5_block(ctx, p);
            p += 64;
            n -= 64;
            continue;
        }
        size_t take = 64 - ctx->buflen < n ? 64 - ctx->buflen : n;
        memcpy(ctx->buf + ctx->buflen, p, take);
        ctx->buflen += take;
        p += take;
        n -= take;
        if (ctx->buflen == 64) {
            md5_block(ctx, ctx->buf);
            ctx->buflen = 0;
        }
    }
}

static void md5_final(md5_ctx *ctx, uint8_t out[16]) {
    uint64_t bits = ctx->total * 8u;
    uint8_t pad[72] = {0x80};
    size_t padlen = ctx->buflen < 56 ? 56 - ctx->buflen : 120 - ctx->buflen;
    md5_update(ctx, pad, padlen);
    uint8_t len[8];
    for (int i = 0; i < 8; i++) len[i] = (uint8_t)(bits >> (8 * i));
    md5_update(ctx, len, 8);
    uint32_t words[4] = {ctx->a, ctx->b, ctx->c, ctx->d};
    for (int i = 0; i < 4; i++)
        for (int k = 0; k < 4; k++) out[4 * i + k] = (uint8_t)(words[i] >> (8 * k));
}

static void md5(const uint8_t *p, size_t n, uint8_t out[16]) {
    md5_ctx c;
    md5_init(&c);
    md5_update(&c, p, n);
    md5_final(&c, out);
}

static void to_hex(const uint8_t *d, char *out) {
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15u];
    }
    out[32] = '\0';
}

int main(int argc, char **argv) {
    int rounds = (int)parse_arg(argc, argv, 200, 1, 100000);
    static const char *suite[] = {
        "", "a", "abc", "message digest", "abcdefghijklmnopqrstuvwxyz",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
    };
    uint8_t d[16];
    char hex[33];
    for (size_t i = 0; i < sizeof suite / sizeof suite[0]; i++) {
        md5((const uint8_t *)suite[i], strlen(suite[i]), d);
        to_hex(d, hex);
        printf("md5(\"%.16s\") = %s\n", suite[i], hex);
    }
    /* iterated: each round hashes the previous digest's hex plus a salt-dependent body */
    size_t body = 100 + (size_t)rounds % 300;
    uint32_t s = 0x3D5u + (uint32_t)rounds;
    for (size_t i = 0; i < body; i++) {
        s = s * 1103515245u + 12345u;
        message[32 + i] = (uint8_t)(s >> 16);
    }
    to_hex(d, hex);
    for (int r = 0; r < rounds; r++) {
        memcpy(message, hex, 32);
        md5_ctx c;
        md5_init(&c);
        /* feed in two parts so the buffering path is exercised */
        size_t split = (size_t)r % (32 + body);
        md5_update(&c, message, split);
        md5_update(&c, message + split, 32 + body - split);
        md5_final(&c, d);
        to_hex(d, hex);
    }
    printf("after %d rounds: %s\n", rounds, hex);
    uint32_t h = 0;
    for (int i = 0; i < 16; i++) h = h * 131u + d[i];
    printf("checksum: %u\n", h);
    return 0;
}
