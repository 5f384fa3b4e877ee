/* Substring search four ways (naive, Knuth-Morris-Pratt, Boyer-Moore-Horspool,
 * Rabin-Karp) over generated text; every algorithm must report the same matches. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXTEXT 300000
#define MAXPAT 32
#define NPAT 8

static char text[MAXTEXT + 1];

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

typedef struct {
    int count;
    uint32_t pos_hash;
} result_t;

static void record(result_t *r, int pos) {
    r->count++;
    r->pos_hash = r->pos_hash * 31u + (uint32_t)pos;
}

static result_t search_naive(const char *t, int n, const char *p, int m) {
    result_t r = {0, 0};
    for (int i = 0; i + m <= n; i++) {
        int j = 0;
        while (j < m && t[i + j] == p[j]) j++;
        if (j == m) record(&r, i);
    }
    return r;
}

static result_t search_kmp(const char *t, int n, const char *p, int m) {
    int fail[MAXPAT];
    result_t r = {0, 0};
    fail[0] = 0;
    for (int i = 1, k = 0; i < m; i++) {
        while (k > 0 && p[i] != p[k]) k = fail[k - 1];
        if (p[i] == p[k]) k++;
        fail[i] = k;
    }
    for (int i = 0, q = 0; i < n; i++) {
        while (q > 0 && t[i] != p[q]) q = fail[q - 1];
        if (t[i] == p[q]) q++;
        if (q == m) {
            record(&r, i - m + 1);
            q = fail[q - 1];
        }
    }
    return r;
}

static result_t search_horspool(const char *t, int n, const char *p, int m) {
    int shift[256];
    result_t r = {0, 0};
    for (int c = 0; c < 256; c++) shift[c] = m;
    for (int i = 0; i < m - 1; i++) shift[(unsigned char)p[i]] = m - 1 - i;
    int i = 0;
    while (i + m <= n) {
        int j = m - 1;
        while (j >= 0 && t[i + j] == p[j]) j--;
        if (j < 0) record(&r, i);
        i += shift[(unsigned char)t[i + m - 1]];
    }
    return r;
}

static result_t search_rabin_karp(const char *t, int n, const char *p, int m) {
    const uint32_t base = 257u;
    result_t r = {0, 0};
    if (m > n) return r;
    uint32_t hp = 0, ht = 0, pow = 1;
    for (int i = 0; i < m; i++) {
        hp = hp * base + (unsigned char)p[i];
        ht = ht * base + (unsigned char)t[i];
        if (i > 0) pow *= base;
    }
    for (int i = 0;; i++) {
        if (hp == ht && memcmp(t + i, p, (size_t)m) == 0) record(&r, i);
        if (i + m >= n) break;
        ht = (ht - (unsigned char)t[i] * pow) * base + (unsigned char)t[i + m];
    }
    return r;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 50000, 64, MAXTEXT);
    uint32_t s = 0x2545F491u ^ (uint32_t)n;
    for (int i = 0; i < n; i++) {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        /* skewed 4-letter alphabet so patterns actually occur */
        uint32_t v = s % 16u;
        text[i] = v < 7 ? 'a' : v < 11 ? 'b' : v < 14 ? 'c' : 'd';
    }
    text[n] = '\0';
    char pats[NPAT][MAXPAT + 1];
    for (int k = 0; k < NPAT; k++) {
        int m = 2 + k * 3 % 11;
        int start = (int)((uint32_t)(k * 7919 + n / 3) % (uint32_t)(n - m));
        memcpy(pats[k], text + start, (size_t)m);
        pats[k][m] = '\0';
    }
    strcpy(pats[NPAT - 1], "abab");
    int agree = 1;
    uint32_t total = 0;
    for (int k = 0; k < NPAT; k++) {
        int m = (int)strlen(pats[k]);
        result_t a = search_naive(text, n, pats[k], m);
        result_t b = search_kmp(text, n, pats[k], m);
        result_t c = search_horspool(text, n, pats[k], m);
        result_t d = search_rabin_karp(text, n, pats[k], m);
        if (a.count != b.count || a.count != c.count || a.count != d.count) agree = 0;
        if (a.pos_hash != b.pos_hash || a.pos_hash != c.pos_hash || a.pos_hash != d.pos_hash)
            agree = 0;
        printf("%-12s %d\n", pats[k], a.count);
        total = total * 1000003u + a.pos_hash;
    }
    printf("agree %d\n", agree);
    printf("checksum: %u\n", total);
    return 0;
}
