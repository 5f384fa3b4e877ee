/* Sort pseudo-random keys with a hand-written quicksort (median of three, insertion sort for
   short ranges). Input: n modulus seed; keys are drawn modulo `modulus` so duplicates vary. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static void insertion(uint32_t *a, long lo, long hi) {
    for (long i = lo + 1; i <= hi; i++) {
        uint32_t v = a[i];
        long j = i - 1;
        while (j >= lo && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}

static void quicksort(uint32_t *a, long lo, long hi) {
    while (hi - lo > 16) {
        long mid = lo + (hi - lo) / 2;
        if (a[mid] < a[lo]) { uint32_t t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
        if (a[hi] < a[lo]) { uint32_t t = a[hi]; a[hi] = a[lo]; a[lo] = t; }
        if (a[hi] < a[mid]) { uint32_t t = a[hi]; a[hi] = a[mid]; a[mid] = t; }
        uint32_t pivot = a[mid];
        long i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) { uint32_t t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
        else { quicksort(a, i, hi); hi = j; }
    }
    insertion(a, lo, hi);
}

int main(void) {
    unsigned long n;
    unsigned mod, seed;
    if (scanf("%lu %u %u", &n, &mod, &seed) != 3 || n == 0 || mod == 0 || n > 100000000ul) return 1;
    uint32_t *a = malloc(n * sizeof *a);
    if (!a) return 1;
    uint32_t x = seed | 1;
    for (unsigned long i = 0; i < n; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; a[i] = x % mod; }
    quicksort(a, 0, (long)n - 1);
    uint64_t h = 0;
    unsigned long distinct = 1;
    for (unsigned long i = 0; i < n; i++) {
        h = h * 1000003u + a[i];
        if (i && a[i] != a[i - 1]) distinct++;
        if (i && a[i] < a[i - 1]) { printf("unsorted\n"); return 1; }
    }
    printf("%llu %lu %u %u %u\n", (unsigned long long)h, distinct, a[0], a[n / 2], a[n - 1]);
    free(a);
    return 0;
}
