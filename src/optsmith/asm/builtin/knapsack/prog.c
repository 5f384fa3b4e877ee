/* 0/1 knapsack by dynamic programming over capacities.
   Input: n capacity seed. Item weights and values come from an LCG. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    unsigned n, cap, seed;
    if (scanf("%u %u %u", &n, &cap, &seed) != 3 || cap > 50000000u) return 1;
    int32_t *dp = calloc((size_t)cap + 1, sizeof *dp);
    if (!dp) return 1;
    uint32_t x = seed;
    int64_t value_sum = 0;
    for (unsigned it = 0; it < n; it++) {
        x = x * 1103515245u + 12345u;
        unsigned wt = 1 + (x >> 8) % (cap / 8 + 1);
        x = x * 1103515245u + 12345u;
        int32_t v = (int32_t)(1 + (x >> 8) % 1000);
        value_sum += v;
        for (unsigned c = cap; c >= wt; c--) {
            int32_t take = dp[c - wt] + v;
            dp[c] = take > dp[c] ? take : dp[c];
        }
    }
    int64_t check = 0;
    for (unsigned c = 0; c <= cap; c += 7) check += dp[c];
    printf("%d %lld %lld\n", dp[cap], (long long)check, (long long)value_sum);
    free(dp);
    return 0;
}
