/* Edit distances between generated strings: Levenshtein (two-row), optimal string
 * alignment (Damerau, full table) with an alignment traceback, and Hamming distance. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 700

static int dp[MAXLEN + 1][MAXLEN + 1];
static int row0[MAXLEN + 1], row1[MAXLEN + 1];

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

static int min3(int a, int b, int c) {
    int m = a < b ? a : b;
    return m < c ? m : c;
}

static int levenshtein(const char *a, int n, const char *b, int m) {
    int *prev = row0, *cur = row1;
    for (int j = 0; j <= m; j++) prev[j] = j;
    for (int i = 1; i <= n; i++) {
        cur[0] = i;
        for (int j = 1; j <= m; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        }
        int *t = prev;
        prev = cur;
        cur = t;
    }
    return prev[m];
}

static int osa_distance(const char *a, int n, const char *b, int m) {
    for (int i = 0; i <= n; i++) dp[i][0] = i;
    for (int j = 0; j <= m; j++) dp[0][j] = j;
    for (int i = 1; i <= n; i++) {
        for (int j = 1; j <= m; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = min3(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                dp[i - 2][j - 2] + 1 < v)
                v = dp[i - 2][j - 2] + 1;
            dp[i][j] = v;
        }
    }
    return dp[n][m];
}

/* Walk the OSA table back and count each kind of edit. */
static void traceback(const char *a, int n, const char *b, int m, int counts[5]) {
    int i = n, j = m;
    memset(counts, 0, 5 * sizeof(int));
    while (i > 0 || j > 0) {
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
            dp[i][j] == dp[i - 2][j - 2] + 1) {
            counts[4]++;
            i -= 2;
            j -= 2;
        } else if (i > 0 && j > 0 && dp[i][j] == dp[i - 1][j - 1] + (a[i - 1] != b[j - 1])) {
            counts[a[i - 1] == b[j - 1] ? 0 : 1]++;
            i--;
            j--;
        } else if (i > 0 && dp[i][j] == dp[i - 1][j] + 1) {
            counts[2]++;
            i--;
        } else {
            counts[3]++;
            j--;
        }
    }
}

static int hamming(const char *a, const char *b, int n) {
    int d = 0;
    for (int i = 0; i < n; i++) d += a[i] != b[i];
    return d;
}

static uint32_t rng_state = 42u;

static uint32_t next_rand(void) {
    rng_state = rng_state * 1103515245u + 12345u;
    return rng_state >> 8;
}

static void mutate(const char *src, int n, char *dst, int *m, int rate) {
    int k = 0;
    for (int i = 0; i < n && k < MAXLEN; i++) {
        uint32_t r = next_rand() % 100u;
        if ((int)r < rate) {
            switch (next_rand() % 4u) {
            case 0: /* delete */
                break;
            case 1: /* insert */
                dst[k++] = (char)('a' + next_rand() % 4u);
                if (k < MAXLEN) dst[k++] = src[i];
                break;
            case 2: /* substitute */
                dst[k++] = (char)('a' + next_rand() % 4u);
                break;
            default: /* transpose with next */
                if (i + 1 < n && k + 1 < MAXLEN) {
                    dst[k++] = src[i + 1];
                    dst[k++] = src[i];
                    i++;
                } else {
                    dst[k++] = src[i];
                }
                break;
            }
        } else {
            dst[k++] = src[i];
        }
    }
    dst[k] = '\0';
    *m = k;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 300, 8, MAXLEN - 100);
    static char a[MAXLEN + 1], b[MAXLEN + 1];
    rng_state ^= (uint32_t)n;
    for (int i = 0; i < n; i++) a[i] = (char)('a' + next_rand() % 4u);
    a[n] = '\0';
    uint32_t sum = 0;
    for (int rate = 2; rate <= 20; rate += 6) {
        int m;
        mutate(a, n, b, &m, rate);
        int lev = levenshtein(a, n, b, m);
        int osa = osa_distance(a, n, b, m);
        int counts[5];
        traceback(a, n, b, m, counts);
        int ham = hamming(a, b, n < m ? n : m);
        printf("rate %2d len %d lev %d osa %d ham %d ops %d/%d/%d/%d\n", rate, m, lev, osa, ham,
               counts[1], counts[2], counts[3], counts[4]);
        sum = sum * 7919u + (uint32_t)(lev * 1000 + osa) + (uint32_t)counts[0];
    }
    printf("checksum: %u\n", sum);
    return 0;
}
