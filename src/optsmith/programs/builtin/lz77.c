/* LZ77-style compression with hash chains (LZSS token format: flag bits, literals and
 * (distance, length) pairs), lazy matching, and a decoder that must restore the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 200000
#define WINDOW 4096
#define MIN_MATCH 3
#define MAX_MATCH 18
#define HASH_BITS 12
#define MAX_CHAIN 32

static unsigned char input[MAXLEN];
static unsigned char comp[MAXLEN + MAXLEN / 8 + 16];
static unsigned char output[MAXLEN];
static int head[1 << HASH_BITS];
static int prev_pos[MAXLEN];

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

static unsigned hash3(const unsigned char *p) {
    uint32_t v = ((uint32_t)p[0] << 16) | ((uint32_t)p[1] << 8) | p[2];
    return (v * 2654435761u) >> (32 - HASH_BITS);
}

static void insert_pos(const unsigned char *in, int n, int pos) {
    if (pos + MIN_MATCH > n) return;
    unsigned h = hash3(in + pos);
    prev_pos[pos] = head[h];
    head[h] = pos;
}

static int longest_match(const unsigned char *in, int n, int pos, int *dist) {
    int best = 0;
    if (pos + MIN_MATCH > n) return 0;
    int cand = head[hash3(in + pos)];
    int limit = n - pos < MAX_MATCH ? n - pos : MAX_MATCH;
    for (int chain = 0; cand >= 0 && chain < MAX_CHAIN; chain++) {
        if (pos - cand > WINDOW) break;
        if (in[cand + best] == in[pos + best]) {
            int len = 0;
            while (len < limit && in[cand + len] == in[pos + len]) len++;
            if (len > best) {
                best = len;
                *dist = pos - cand;
                if (len == limit) break;
            }
        }
        cand = prev_pos[cand];
    }
    return best >= MIN_MATCH ? best : 0;
}

typedef struct {
    unsigned char *out;
    int o;
    int flag_pos;
    int nbits;
} writer_t;

static void put_flag(writer_t *w, int is_match) {
    if (w->nbits == 0) {
        w->flag_pos = w->o++;
        w->out[w->flag_pos] = 0;
    }
    if (is_match) w->out[w->flag_pos] |= (unsigned char)(1u << w->nbits);
    w->nbits = (w->nbits + 1) & 7;
}

static int compress(const unsigned char *in, int n, unsigned char *out, int *nmatches) {
    writer_t w = {out, 0, 0, 0};
    for (int i = 0; i < (1 << HASH_BITS); i++) head[i] = -1;
    int pos = 0;
    *nmatches = 0;
    while (pos < n) {
        int dist = 0;
        int len = longest_match(in, n, pos, &dist);
        int pos_inserted = 0;
        if (len > 0 && pos + 1 < n) {
            /* lazy evaluation: prefer a longer match starting one byte later */
            insert_pos(in, n, pos);
            pos_inserted = 1;
            int dist2 = 0;
            int len2 = longest_match(in, n, pos + 1, &dist2);
            if (len2 > len + 1) {
                put_flag(&w, 0);
                out[w.o++] = in[pos];
                pos++;
                pos_inserted = 0;
                len = len2;
                dist = dist2;
            }
        }
        if (len >= MIN_MATCH) {
            put_flag(&w, 1);
            unsigned d = (unsigned)(dist - 1), l = (unsigned)(len - MIN_MATCH);
            out[w.o++] = (unsigned char)(d & 0xffu);
            out[w.o++] = (unsigned char)(((d >> 8) << 4) | l);
            for (int k = pos_inserted; k < len; k++) insert_pos(in, n, pos + k);
            pos += len;
            (*nmatches)++;
        } else {
            put_flag(&w, 0);
            out[w.o++] = in[pos];
            insert_pos(in, n, pos);
            pos++;
        }
    }
    return w.o;
}

static int decompress(const unsigned char *in, int n, unsigned char *out, int cap) {
    int i = 0, o = 0;
    while (i < n) {
        unsigned flags = in[i++];
        for (int bit = 0; bit < 8 && i < n; bit++) {
            if (flags & (1u << bit)) {
                if (i + 1 >= n) return -1;
                int d = (int)(in[i] | ((in[i + 1] >> 4) << 8)) + 1;
                int len = (in[i + 1] & 15) + MIN_MATCH;
                i += 2;
                if (d > o || o + len > cap) return -1;
                for (int k = 0; k < len; k++, o++) out[o] = out[o - d];
            } else {
                if (o >= cap) return -1;
                out[o++] = in[i++];
            }
        }
    }
    return o;
}

static int make_text(unsigned char *buf, int n) {
    static const char *words[] = {"the ",    "quick ",  "brown ", "fox ",   "jumps ",
                                  "over ",   "lazy ",   "dog ",   "pass ",  "manager ",
                                  "inline ", "vector ", "loop ",  "unroll ", "\n"};
    uint32_t s = 0xACE1u ^ (uint32_t)n;
    int k = 0;
    while (k < n) {
        s = s * 1103515245u + 12345u;
        uint32_t r = s >> 16;
        if (r % 9u == 0) {
            buf[k++] = (unsigned char)('0' + r % 10u);
            continue;
        }
        const char *w = words[r % 15u];
        while (*w && k < n) buf[k++] = (unsigned char)*w++;
    }
    return k;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 30000, 1, MAXLEN);
    make_text(input, n);
    int matches;
    int clen = compress(input, n, comp, &matches);
    int dlen = decompress(comp, clen, output, MAXLEN);
    int ok = dlen == n && memcmp(input, output, (size_t)n) == 0;
    uint32_t h = 2166136261u;
    for (int i = 0; i < clen; i++) h = (h ^ comp[i]) * 16777619u;
    printf("input %d compressed %d matches %d roundtrip %d\n", n, clen, matches, ok);
    printf("ratio permille %d\n", (int)((long)clen * 1000 / n));
    printf("checksum: %u\n", h);
    return 0;
}
