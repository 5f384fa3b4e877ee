/* Sequence DP: longest common subsequence with full-table traceback and a linear-space
 * length check (Hirschberg-style rows), longest increasing subsequence in O(n log n) with
 * reconstruction, and longest palindromic subsequence. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 1500
#define MAXSEQ 100000

static uint16_t table[MAXLEN + 1][MAXLEN + 1];
static int row_a[MAXLEN + 1], row_b[MAXLEN + 1];
static int seq[MAXSEQ], tails_idx[MAXSEQ], prev_idx[MAXSEQ];

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

static int lcs_table(const char *a, int n, const char *b, int m, char *out) {
    for (int j = 0; j <= m; j++) table[0][j] = 0;
    for (int i = 1; i <= n; i++) {
        table[i][0] = 0;
        for (int j = 1; j <= m; j++) {
            if (a[i - 1] == b[j - 1])
                table[i][j] = (uint16_t)(table[i - 1][j - 1] + 1);
            else
                table[i][j] = table[i - 1][j] > table[i][j - 1] ? table[i - 1][j] : table[i][j - 1];
        }
    }
    int len = table[n][m], k = len;
    out[k] = '\0';
    int i = n, j = m;
    while (i > 0 && j > 0) {
        if (a[i - 1] == b[j - 1]) {
            out[--k] = a[i - 1];
            i--;
            j--;
        } else if (table[i - 1][j] >= table[i][j - 1]) {
            i--;
        } else {
            j--;
        }
    }
    return len;
}

static int lcs_rows(const char *a, int n, const char *b, int m) {
    int *prev = row_a, *cur = row_b;
    memset(prev, 0, sizeof(int) * (size_t)(m + 1));
    for (int i = 1; i <= n; i++) {
        cur[0] = 0;
        for (int j = 1; j <= m; j++) {
            if (a[i - 1] == b[j - 1]) cur[j] = prev[j - 1] + 1;
            else cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
        }
        int *t = prev;
        prev = cur;
        cur = t;
    }
    return prev[m];
}

static int is_subsequence(const char *sub, const char *s) {
    while (*sub && *s) {
        if (*sub == *s) sub++;
        s++;
    }
    return *sub == '\0';
}

static int lis(const int *x, int n, uint32_t *hash) {
    int len = 0;
    for (int i = 0; i < n; i++) {
        int lo = 0, hi = len;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (x[tails_idx[mid]] < x[i]) lo = mid + 1;
            else hi = mid;
        }
        prev_idx[i] = lo > 0 ? tails_idx[lo - 1] : -1;
        tails_idx[lo] = i;
        if (lo == len) len++;
    }
    uint32_t h = 0;
    int ok = 1, last = 0x7fffffff;
    for (int k = len > 0 ? tails_idx[len - 1] : -1; k >= 0; k = prev_idx[k]) {
        if (x[k] >= last) ok = 0;
        last = x[k];
        h = h * 31u + (uint32_t)x[k];
    }
    *hash = h ^ (uint32_t)ok;
    return len;
}

static int longest_palindromic_subsequence(const char *s, int n) {
    /* reuse the table: table[i][j] for substring s[i..j] */
    for (int i = n - 1; i >= 0; i--) {
        table[i][i] = 1;
        for (int j = i + 1; j < n; j++) {
            if (s[i] == s[j])
                table[i][j] = (uint16_t)((j - 1 >= i + 1 ? table[i + 1][j - 1] : 0) + 2);
            else
                table[i][j] = table[i + 1][j] > table[i][j - 1] ? table[i + 1][j] : table[i][j - 1];
        }
    }
    return n > 0 ? table[0][n - 1] : 0;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 400, 2, MAXLEN);
    static char a[MAXLEN + 1], b[MAXLEN + 1], common[MAXLEN + 1];
    uint32_t s = 0x1C5u + (uint32_t)n;
    for (int i = 0; i < n; i++) {
        s = s * 1664525u + 1013904223u;
        a[i] = (char)('A' + (s >> 24) % 8u);
        s = s * 1664525u + 1013904223u;
        /* b is a mutated copy of a */
        b[i] = (s >> 28) < 11 ? a[i] : (char)('A' + (s >> 20) % 8u);
    }
    a[n] = b[n] = '\0';
    int l1 = lcs_table(a, n, b, n, common);
    int l2 = lcs_rows(a, n, b, n);
    int valid = is_subsequence(common, a) && is_subsequence(common, b) && (int)strlen(common) == l1;
    int m = n * 20 < MAXSEQ ? n * 20 : MAXSEQ;
    for (int i = 0; i < m; i++) {
        s = s * 1664525u + 1013904223u;
        seq[i] = (int)((s >> 8) % 100000u) + i / 4;
    }
    uint32_t lh;
    int li = lis(seq, m, &lh);
    int half = n / 2;
    int lps = longest_palindromic_subsequence(a, half);
    uint32_t h = 0;
    for (int i = 0; i < l1; i++) h = h * 31u + (uint32_t)common[i];
    printf("lcs %d (rows %d) valid %d prefix %.20s\n", l1, l2, valid, common);
    printf("lis %d of %d, lps %d of %d\n", li, m, lps, half);
    printf("checksum: %u\n", h ^ lh ^ (uint32_t)lps);
    return 0;
}
