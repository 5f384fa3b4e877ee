/* Longest Collatz chain for starting values up to N, with a cache of chain lengths for
   values below N. Input: N. Prints the best start, its length and the sum of all lengths. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    unsigned long n;
    if (scanf("%lu", &n) != 1 || n < 2 || n > 100000000ul) return 1;
    uint16_t *len = calloc(n, sizeof *len);
    if (!len) return 1;
    len[1] = 1;
    unsigned long best = 1;
    unsigned best_len = 1;
    uint64_t total = 1;
    for (unsigned long s = 2; s < n; s++) {
        uint64_t x = s;
        unsigned steps = 0;
        while (x >= n || len[x] == 0) {
            x = (x & 1) ? 3 * x + 1 : x >> 1;
            steps++;
        }
        unsigned l = steps + len[x];
        len[s] = (uint16_t)l;
        total += l;
        if (l > best_len) { best_len = l; best = s; }
    }
    printf("%lu %u %llu\n", best, best_len, (unsigned long long)total);
    free(len);
    return 0;
}
