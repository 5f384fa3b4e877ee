/* Count occurrences (overlapping) of each pattern in a synthesized DNA-like text with the
   naive algorithm. Input: text_length seed, then patterns, one per line. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

int main(void) {
    unsigned long n;
    unsigned seed;
    if (scanf("%lu %u", &n, &seed) != 2 || n == 0 || n > (1ul << 28)) return 1;
    char *text = malloc(n + 1);
    if (!text) return 1;
    uint32_t x = seed | 1;
    for (unsigned long i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        /* a skewed alphabet with short repeats, so partial matches are common */
        text[i] = (x & 7) < 2 && i >= 3 ? text[i - 3] : "ACGTAACG"[(x >> 4) & 7];
    }
    text[n] = 0;
    char pat[128];
    uint64_t all = 0;
    while (scanf("%127s", pat) == 1) {
        size_t m = strlen(pat);
        unsigned long count = 0, first = n;
        for (unsigned long i = 0; i + m <= n; i++) {
            size_t k = 0;
            while (k < m && text[i + k] == pat[k]) k++;
            if (k == m) { count++; if (first == n) first = i; }
        }
        all += count;
        printf("%s %lu %lu\n", pat, count, first);
    }
    printf("total %llu\n", (unsigned long long)all);
    free(text);
    return 0;
}
