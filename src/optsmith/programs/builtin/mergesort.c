/* Merge sorts: recursive top-down on signed integers, bottom-up on fixed-width strings
 * through an index array, and a stability check on records with few distinct keys. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 100000
#define WLEN 8

static uint64_t lcg_state = 88172645463325252ull;

static uint32_t lcg_next(void) {
    lcg_state = lcg_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(lcg_state >> 33);
}

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

static int32_t vals[MAXN];
static int32_t tmp[MAXN];
static char words[MAXN][WLEN + 1];
static int idx[MAXN];
static int idx_tmp[MAXN];

typedef struct {
    int key;
    int order;
} rec_t;

static rec_t recs[MAXN];
static rec_t rec_tmp[MAXN];

static void merge_ints(int32_t *a, int lo, int mid, int hi) {
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi) tmp[k++] = (a[j] < a[i]) ? a[j++] : a[i++];
    while (i < mid) tmp[k++] = a[i++];
    while (j < hi) tmp[k++] = a[j++];
    memcpy(a + lo, tmp + lo, (size_t)(hi - lo) * sizeof(int32_t));
}

static void mergesort_ints(int32_t *a, int lo, int hi) {
    if (hi - lo < 2) return;
    int mid = lo + (hi - lo) / 2;
    mergesort_ints(a, lo, mid);
    mergesort_ints(a, mid, hi);
    if (a[mid - 1] <= a[mid]) return;
    merge_ints(a, lo, mid, hi);
}

static void mergesort_words(int n) {
    for (int width = 1; width < n; width *= 2) {
        for (int lo = 0; lo < n; lo += 2 * width) {
            int mid = lo + width < n ? lo + width : n;
            int hi = lo + 2 * width < n ? lo + 2 * width : n;
            int i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (strcmp(words[idx[j]], words[idx[i]]) < 0)
                    idx_tmp[k++] = idx[j++];
                else
                    idx_tmp[k++] = idx[i++];
            }
            while (i < mid) idx_tmp[k++] = idx[i++];
            while (j < hi) idx_tmp[k++] = idx[j++];
        }
        memcpy(idx, idx_tmp, (size_t)n * sizeof(int));
    }
}

static void mergesort_recs(rec_t *a, int lo, int hi) {
    if (hi - lo < 2) return;
    int mid = lo + (hi - lo) / 2;
    mergesort_recs(a, lo, mid);
    mergesort_recs(a, mid, hi);
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi) rec_tmp[k++] = (a[j].key < a[i].key) ? a[j++] : a[i++];
    while (i < mid) rec_tmp[k++] = a[i++];
    while (j < hi) rec_tmp[k++] = a[j++];
    for (k = lo; k < hi; k++) a[k] = rec_tmp[k];
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 10000, 2, MAXN);
    lcg_state += (uint64_t)n;
    for (int i = 0; i < n; i++) {
        vals[i] = (int32_t)(lcg_next() & 0x7fffffffu) - 1073741824;
        for (int c = 0; c < WLEN; c++) words[i][c] = (char)('a' + lcg_next() % 6u);
        words[i][WLEN] = '\0';
        idx[i] = i;
        recs[i].key = (int)(lcg_next() % 13u);
        recs[i].order = i;
    }
    mergesort_ints(vals, 0, n);
    mergesort_words(n);
    mergesort_recs(recs, 0, n);

    int ok_ints = 1, ok_words = 1, stable = 1;
    for (int i = 1; i < n; i++) {
        if (vals[i] < vals[i - 1]) ok_ints = 0;
        if (strcmp(words[idx[i - 1]], words[idx[i]]) > 0) ok_words = 0;
        if (recs[i].key == recs[i - 1].key && recs[i].order < recs[i - 1].order) stable = 0;
        if (recs[i].key < recs[i - 1].key) stable = 0;
    }
    uint32_t h = 2166136261u;
    for (int i = 0; i < n; i++) {
        h = (h ^ (uint32_t)vals[i]) * 16777619u;
        h = (h ^ (uint32_t)idx[i]) * 16777619u;
        h = (h ^ (uint32_t)recs[i].order) * 16777619u;
    }
    printf("ints %d words %d stable %d\n", ok_ints, ok_words, stable);
    printf("first word %s last word %s\n", words[idx[0]], words[idx[n - 1]]);
    printf("median %d\n", (int)vals[n / 2]);
    printf("checksum: %u\n", h);
    return 0;
}
