/* Simple comparison sorts side by side: Shell sort with Ciura gaps, comb sort, gnome sort,
 * selection sort and binary insertion sort; each must agree with the others. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 20000
#define SMALLN 600

static uint32_t rng_state = 0xC0FFEEu;

static uint32_t xorshift32(void) {
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng_state = x;
    return x;
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

static int32_t base[MAXN], w1[MAXN], w2[MAXN];
static int32_t s1[SMALLN], s2[SMALLN], s3[SMALLN];

static void shell_sort(int32_t *a, int n) {
    static const int gaps[] = {1750, 701, 301, 132, 57, 23, 10, 4, 1};
    for (size_t g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
        int gap = gaps[g];
        for (int i = gap; i < n; i++) {
            int32_t v = a[i];
            int j = i;
            while (j >= gap && a[j - gap] > v) {
                a[j] = a[j - gap];
                j -= gap;
            }
            a[j] = v;
        }
    }
}

static void comb_sort(int32_t *a, int n) {
    int gap = n;
    int sorted = 0;
    while (!sorted) {
        gap = gap * 10 / 13;
        if (gap <= 1) {
            gap = 1;
            sorted = 1;
        }
        for (int i = 0; i + gap < n; i++) {
            if (a[i] > a[i + gap]) {
                int32_t t = a[i];
                a[i] = a[i + gap];
                a[i + gap] = t;
                sorted = 0;
            }
        }
    }
}

static void gnome_sort(int32_t *a, int n) {
    int i = 0;
    while (i < n) {
        if (i == 0 || a[i - 1] <= a[i]) {
            i++;
        } else {
            int32_t t = a[i];
            a[i] = a[i - 1];
            a[i - 1] = t;
            i--;
        }
    }
}

static void selection_sort(int32_t *a, int n) {
    for (int i = 0; i < n - 1; i++) {
        int m = i;
        for (int j = i + 1; j < n; j++)
            if (a[j] < a[m]) m = j;
        if (m != i) {
            int32_t t = a[i];
            a[i] = a[m];
            a[m] = t;
        }
    }
}

static void binary_insertion_sort(int32_t *a, int n) {
    for (int i = 1; i < n; i++) {
        int32_t v = a[i];
        int lo = 0, hi = i;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (a[mid] <= v)
                lo = mid + 1;
            else
                hi = mid;
        }
        memmove(a + lo + 1, a + lo, (size_t)(i - lo) * sizeof *a);
        a[lo] = v;
    }
}

static uint32_t digest(const int32_t *a, int n) {
    uint32_t h = 0x811C9DC5u;
    for (int i = 0; i < n; i++) h = (h ^ (uint32_t)a[i]) * 0x01000193u;
    return h;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 5000, 2, MAXN);
    rng_state ^= (uint32_t)n;
    for (int i = 0; i < n; i++) base[i] = (int32_t)(xorshift32() % 200001u) - 100000;
    memcpy(w1, base, (size_t)n * sizeof *base);
    memcpy(w2, base, (size_t)n * sizeof *base);
    shell_sort(w1, n);
    comb_sort(w2, n);
    int m = n < SMALLN ? n : SMALLN;
    memcpy(s1, base, (size_t)m * sizeof *base);
    memcpy(s2, base, (size_t)m * sizeof *base);
    memcpy(s3, base, (size_t)m * sizeof *base);
    gnome_sort(s1, m / 2);
    selection_sort(s2, m);
    binary_insertion_sort(s3, m);

    int agree = memcmp(w1, w2, (size_t)n * sizeof *w1) == 0;
    int agree_small = memcmp(s2, s3, (size_t)m * sizeof *s2) == 0;
    int gnome_ok = 1;
    for (int i = 1; i < m / 2; i++)
        if (s1[i - 1] > s1[i]) gnome_ok = 0;
    uint32_t h = digest(w1, n) ^ (digest(s2, m) * 3u) ^ (digest(s1, m / 2) * 5u);
    printf("agree %d %d %d\n", agree, agree_small, gnome_ok);
    printf("min %d max %d\n", (int)w1[0], (int)w1[n - 1]);
    printf("checksum: %u\n", h);
    return 0;
}
