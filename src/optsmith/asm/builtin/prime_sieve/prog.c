/* Segmented sieve of Eratosthenes: the number of primes up to N, their sum, and the largest
   gap between consecutive primes. Input: N segment_bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

int main(void) {
    unsigned long n, seg;
    if (scanf("%lu %lu", &n, &seg) != 2 || n < 10 || n > 4000000000ul || seg < 1024 || seg > (1ul << 26)) return 1;
    unsigned long root = 1;
    while ((root + 1) * (root + 1) <= n) root++;
    uint8_t *small = calloc(root + 1, 1), *block = malloc(seg);
    uint32_t *primes = malloc((root + 1) * sizeof *primes);
    unsigned long *next = malloc((root + 1) * sizeof *next);
    if (!small || !block || !primes || !next) return 1;
    unsigned np = 0;
    for (unsigned long i = 2; i <= root; i++) {
        if (small[i]) continue;
        primes[np] = (uint32_t)i; next[np] = i * i; np++;
        for (unsigned long j = i * i; j <= root; j += i) small[j] = 1;
    }
    unsigned long count = 0, last = 0, gap = 0;
    uint64_t sum = 0;
    for (unsigned long lo = 2; lo <= n; lo += seg) {
        unsigned long hi = lo + seg - 1 < n ? lo + seg - 1 : n;
        memset(block, 1, hi - lo + 1);
        for (unsigned k = 0; k < np; k++) {
            unsigned long p = primes[k], j = next[k];
            if (j < lo) j = lo + (p - lo % p) % p;
            for (; j <= hi; j += p) block[j - lo] = 0;
            next[k] = j;
        }
        for (unsigned long i = lo; i <= hi; i++)
            if (block[i - lo]) {
                count++; sum += i;
                if (last && i - last > gap) gap = i - last;
                last = i;
            }
    }
    printf("%lu %llu %lu\n", count, (unsigned long long)sum, gap);
    free(small); free(block); free(primes); free(next);
    return 0;
}
