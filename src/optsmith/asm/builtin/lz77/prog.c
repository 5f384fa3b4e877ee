/* LZ77 compression with hash chains, then decompression and a round-trip check.
   The input text is synthesized from the words on stdin: "length seed" then a word list. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define WINDOW 32768
#define MIN_MATCH 4
#define MAX_MATCH 258
#define HBITS 15
#define CHAIN 48

int main(void) {
    unsigned long n;
    unsigned seed;
    if (scanf("%lu %u", &n, &seed) != 2 || n == 0 || n > (1ul << 28)) return 1;
    static char words[512][32];
    unsigned nw = 0;
    while (nw < 512 && scanf("%31s", words[nw]) == 1) nw++;
    if (nw == 0) return 1;
    uint8_t *text = malloc(n), *back = malloc(n);
    int32_t *head = malloc(sizeof(int32_t) << HBITS), *prev = malloc(n * sizeof(int32_t));
    uint8_t *out = malloc(n * 2 + 16);
    if (!text || !back || !head || !prev || !out) return 1;
    uint32_t x = seed | 1;
    unsigned long pos = 0;
    while (pos < n) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        const char *w = words[(x % 8 < 6) ? x / 8 % (nw < 32 ? nw : 32) : x / 8 % nw];
        for (size_t i = 0; w[i] && pos < n; i++) text[pos++] = (uint8_t)w[i];
        if (pos < n) text[pos++] = (x >> 20) % 9 == 0 ? '\n' : ' ';
    }
    for (int i = 0; i < (1 << HBITS); i++) head[i] = -1;
    size_t o = 0;
    unsigned long literals = 0, matches = 0;
    for (unsigned long i = 0; i < n;) {
        unsigned best_len = 0, best_dist = 0;
        if (i + MIN_MATCH <= n) {
            uint32_t h = ((uint32_t)text[i] << 16 ^ (uint32_t)text[i + 1] << 8 ^ text[i + 2] ^ (uint32_t)text[i + 3] << 4) * 2654435761u >> (32 - HBITS);
            int32_t cand = head[h];
            unsigned chain = 0;
            while (cand >= 0 && i - (unsigned long)cand <= WINDOW && chain++ < CHAIN) {
                unsigned l = 0, max = n - i < MAX_MATCH ? (unsigned)(n - i) : MAX_MATCH;
                while (l < max && text[cand + l] == text[i + l]) l++;
                if (l > best_len) { best_len = l; best_dist = (unsigned)(i - (unsigned long)cand); if (l == max) break; }
                cand = prev[cand];
            }
            prev[i] = head[h]; head[h] = (int32_t)i;
        }
        if (best_len >= MIN_MATCH) {
            out[o++] = 0xff; out[o++] = (uint8_t)(best_len - MIN_MATCH);
            out[o++] = (uint8_t)(best_dist >> 8); out[o++] = (uint8_t)best_dist;
            for (unsigned k = 1; k < best_len && i + k + MIN_MATCH <= n; k++) {
                unsigned long j = i + k;
                uint32_t h = ((uint32_t)text[j] << 16 ^ (uint32_t)text[j + 1] << 8 ^ text[j + 2] ^ (uint32_t)text[j + 3] << 4) * 2654435761u >> (32 - HBITS);
                prev[j] = head[h]; head[h] = (int32_t)j;
            }
            i += best_len; matches++;
        } else {
            if (text[i] == 0xff) out[o++] = 0xff, out[o++] = 0xff;
            else out[o++] = text[i];
            i++; literals++;
        }
    }
    size_t b = 0;
    for (size_t k = 0; k < o;) {
        if (out[k] != 0xff) { back[b++] = out[k++]; continue; }
        if (out[k + 1] == 0xff && k + 2 <= o) { back[b++] = 0xff; k += 2; continue; }
        unsigned l = out[k + 1] + MIN_MATCH, d = (unsigned)out[k + 2] << 8 | out[k + 3];
        if (d == 0) d = 65536;
        for (unsigned t = 0; t < l; t++, b++) back[b] = back[b - d];
        k += 4;
    }
    uint32_t crc = 0;
    for (size_t k = 0; k < o; k++) crc = (crc << 5 | crc >> 27) ^ out[k];
    printf("%lu -> %zu bytes, %lu literals, %lu matches, check %08x, roundtrip %s\n", n, o, literals, matches,
           crc, b == n && memcmp(back, text, n) == 0 ? "ok" : "FAILED");
    return 0;
}
