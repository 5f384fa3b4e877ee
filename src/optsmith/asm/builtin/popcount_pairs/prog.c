/* Sum of Hamming distances between each 64-bit word and the next W words.
   Input: n w seed. Words come from xorshift64 seeded by `seed`. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    unsigned long n, w, seed;
    if (scanf("%lu %lu %lu", &n, &w, &seed) != 3 || n == 0 || w >= n) return 1;
    uint64_t *a = malloc(n * sizeof *a);
    if (!a) return 1;
    uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
    for (unsigned long i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        a[i] = x;
    }
    uint64_t total = 0, best = 0;
    unsigned long best_i = 0;
    for (unsigned long i = 0; i + w < n; i++) {
        uint64_t s = 0;
        for (unsigned long j = 1; j <= w; j++) s += (uint64_t)__builtin_popcountll(a[i] ^ a[i + j]);
        total += s;
        if (s > best) { best = s; best_i = i; }
    }
    printf("%llu %llu %lu\n", (unsigned long long)total, (unsigned long long)best, best_i);
    free(a);
    return 0;
}
