/* Longest strictly increasing subsequence by patience sorting with binary search, over
   several pseudo-random sequences. Input: n sequences seed. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    unsigned long n;
    unsigned seqs, seed;
    if (scanf("%lu %u %u", &n, &seqs, &seed) != 3 || n == 0 || n > 50000000ul) return 1;
    uint32_t *tails = malloc(n * sizeof *tails);
    if (!tails) return 1;
    uint32_t x = seed | 1;
    for (unsigned s = 0; s < seqs; s++) {
        unsigned long len = 0;
        uint64_t drift = 0;
        for (unsigned long i = 0; i < n; i++) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            drift += x % 3;
            uint32_t v = (uint32_t)(drift * (s + 1) + x % 4096);
            unsigned long lo = 0, hi = len;
            while (lo < hi) {
                unsigned long mid = (lo + hi) / 2;
                if (tails[mid] < v) lo = mid + 1; else hi = mid;
            }
            tails[lo] = v;
            if (lo == len) len++;
        }
        printf("%lu %u\n", len, tails[len - 1]);
    }
    free(tails);
    return 0;
}
