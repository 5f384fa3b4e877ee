/* Quicksort variants: median-of-three Hoare partition with insertion-sort cutoff on
 * records, and a three-way (Dijkstra) partition on keys with many duplicates. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXN 200000

typedef struct {
    uint32_t key;
    uint32_t payload;
} item_t;

static uint32_t rng_state = 2463534242u;

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

static item_t items[MAXN];
static uint32_t keys[MAXN];

static int item_less(const item_t *a, const item_t *b) {
    if (a->key != b->key) return a->key < b->key;
    return a->payload < b->payload;
}

static void swap_items(item_t *a, item_t *b) {
    item_t t = *a;
    *a = *b;
    *b = t;
}

static void insertion_sort(item_t *a, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
        item_t v = a[i];
        int j = i - 1;
        while (j >= lo && item_less(&v, &a[j])) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void quicksort_items(item_t *a, int lo, int hi) {
    while (hi - lo > 16) {
        int mid = lo + (hi - lo) / 2;
        if (item_less(&a[mid], &a[lo])) swap_items(&a[mid], &a[lo]);
        if (item_less(&a[hi], &a[lo])) swap_items(&a[hi], &a[lo]);
        if (item_less(&a[hi], &a[mid])) swap_items(&a[hi], &a[mid]);
        item_t pivot = a[mid];
        int i = lo, j = hi;
        while (i <= j) {
            while (item_less(&a[i], &pivot)) i++;
            while (item_less(&pivot, &a[j])) j--;
            if (i <= j) {
                swap_items(&a[i], &a[j]);
                i++;
                j--;
            }
        }
        if (j - lo < hi - i) {
            quicksort_items(a, lo, j);
            lo = i;
        } else {
            quicksort_items(a, i, hi);
            hi = j;
        }
    }
    insertion_sort(a, lo, hi);
}

static void quicksort3(uint32_t *a, int lo, int hi) {
    while (lo < hi) {
        uint32_t pivot = a[lo + (hi - lo) / 2];
        int lt = lo, i = lo, gt = hi;
        while (i <= gt) {
            if (a[i] < pivot) {
                uint32_t t = a[lt];
                a[lt] = a[i];
                a[i] = t;
                lt++;
                i++;
            } else if (a[i] > pivot) {
                uint32_t t = a[gt];
                a[gt] = a[i];
                a[i] = t;
                gt--;
            } else {
                i++;
            }
        }
        if (lt - lo < hi - gt) {
            quicksort3(a, lo, lt - 1);
            lo = gt + 1;
        } else {
            quicksort3(a, gt + 1, hi);
            hi = lt - 1;
        }
    }
}

static int check_items(const item_t *a, int n) {
    for (int i = 1; i < n; i++)
        if (item_less(&a[i], &a[i - 1])) return 0;
    return 1;
}

static int check_keys(const uint32_t *a, int n) {
    for (int i = 1; i < n; i++)
        if (a[i] < a[i - 1]) return 0;
    return 1;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 20000, 1, MAXN);
    rng_state ^= (uint32_t)n * 2654435761u;
    if (rng_state == 0) rng_state = 1;
    for (int i = 0; i < n; i++) {
        items[i].key = xorshift32() % 1000003u;
        items[i].payload = (uint32_t)i;
        keys[i] = xorshift32() % 97u;
    }
    quicksort_items(items, 0, n - 1);
    quicksort3(keys, 0, n - 1);

    uint32_t sum = 0;
    for (int i = 0; i < n; i++) {
        sum = sum * 31u + items[i].key;
        sum ^= items[i].payload * (uint32_t)(i + 1);
        sum += keys[i] * 7u;
    }
    int distinct = n > 0 ? 1 : 0;
    for (int i = 1; i < n; i++)
        if (keys[i] != keys[i - 1]) distinct++;
    printf("sorted: %d %d\n", check_items(items, n), check_keys(keys, n));
    printf("min %u max %u distinct %d\n", items[0].key, items[n - 1].key, distinct);
    printf("checksum: %u\n", sum);
    return 0;
}
