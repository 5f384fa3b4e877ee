/* Levenshtein distance between pairs of synthesized strings (two rows of the DP table).
   Input: length pairs seed. Strings are mutated copies of each other over a 4-letter alphabet. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    unsigned n, pairs, seed;
    if (scanf("%u %u %u", &n, &pairs, &seed) != 3 || n == 0 || n > 1000000) return 1;
    char *s = malloc(n), *t = malloc(n);
    uint32_t *prev = malloc((n + 1) * sizeof *prev), *cur = malloc((n + 1) * sizeof *cur);
    if (!s || !t || !prev || !cur) return 1;
    uint32_t x = seed | 1;
    uint64_t total = 0;
    for (unsigned p = 0; p < pairs; p++) {
        for (unsigned i = 0; i < n; i++) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            s[i] = "ACGT"[x & 3];
            t[i] = (x >> 8) % 10 == 0 ? "ACGT"[(x >> 12) & 3] : s[i];
        }
        for (unsigned j = 0; j <= n; j++) prev[j] = j;
        for (unsigned i = 1; i <= n; i++) {
            cur[0] = i;
            char si = s[i - 1];
            for (unsigned j = 1; j <= n; j++) {
                uint32_t del = prev[j] + 1, ins = cur[j - 1] + 1, sub = prev[j - 1] + (si != t[j - 1]);
                uint32_t m = del < ins ? del : ins;
                cur[j] = m < sub ? m : sub;
            }
            uint32_t *tmp = prev; prev = cur; cur = tmp;
        }
        total += prev[n];
        printf("%u\n", prev[n]);
    }
    printf("total %llu\n", (unsigned long long)total);
    free(s); free(t); free(prev); free(cur);
    return 0;
}
