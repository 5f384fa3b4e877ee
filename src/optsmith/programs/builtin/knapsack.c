/* Dynamic programming on knapsack-family problems: 0/1 knapsack (1-D table with item
 * reconstruction from a 2-D keep table), unbounded knapsack, bounded knapsack by binary
 * splitting, subset-sum with a 64-bit-word bitset, and counting coin-change ways mod 2^32. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXITEMS 200
#define MAXCAP 20000

static int weight[MAXITEMS], value[MAXITEMS], limit_cnt[MAXITEMS];
static int32_t best[MAXCAP + 1];
static uint8_t keep[MAXITEMS][MAXCAP + 1];
static uint64_t reach[(MAXCAP * 4) / 64 + 2];
static uint32_t ways[MAXCAP + 1];

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

static int32_t knapsack01(int n, int cap, int *chosen_count, int *chosen_weight) {
    memset(best, 0, sizeof(int32_t) * (size_t)(cap + 1));
    for (int i = 0; i < n; i++) {
        memset(keep[i], 0, (size_t)cap + 1);
        for (int c = cap; c >= weight[i]; c--) {
            int32_t cand = best[c - weight[i]] + value[i];
            if (cand > best[c]) {
                best[c] = cand;
                keep[i][c] = 1;
            }
        }
    }
    int c = cap;
    *chosen_count = 0;
    *chosen_weight = 0;
    for (int i = n - 1; i >= 0; i--)
        if (keep[i][c]) {
            (*chosen_count)++;
            *chosen_weight += weight[i];
            c -= weight[i];
        }
    return best[cap];
}

static int32_t knapsack_unbounded(int n, int cap) {
    memset(best, 0, sizeof(int32_t) * (size_t)(cap + 1));
    for (int c = 1; c <= cap; c++)
        for (int i = 0; i < n; i++)
            if (weight[i] <= c && best[c - weight[i]] + value[i] > best[c])
                best[c] = best[c - weight[i]] + value[i];
    return best[cap];
}

static int32_t knapsack_bounded(int n, int cap) {
    memset(best, 0, sizeof(int32_t) * (size_t)(cap + 1));
    for (int i = 0; i < n; i++) {
        int left = limit_cnt[i];
        for (int part = 1; left > 0; part <<= 1) {
            int take = part < left ? part : left;
            left -= take;
            int w = weight[i] * take, v = value[i] * take;
            for (int c = cap; c >= w; c--)
                if (best[c - w] + v > best[c]) best[c] = best[c - w] + v;
        }
    }
    return best[cap];
}

/* reach |= reach << w over a bitset of `bits` bits */
static void shift_or(uint64_t *set, int words, int w) {
    int ws = w / 64, bs = w % 64;
    for (int i = words - 1; i >= 0; i--) {
        uint64_t v = 0;
        if (i - ws >= 0) {
            v = set[i - ws] << bs;
            if (bs && i - ws - 1 >= 0) v |= set[i - ws - 1] >> (64 - bs);
        }
        set[i] |= v;
    }
}

static int subset_sums(int n, int total, int target, int *reachable) {
    int words = total / 64 + 1;
    memset(reach, 0, sizeof(uint64_t) * (size_t)words);
    reach[0] = 1;
    for (int i = 0; i < n; i++) shift_or(reach, words, weight[i]);
    *reachable = 0;
    for (int s = 0; s <= total; s++) *reachable += (int)((reach[s / 64] >> (s % 64)) & 1u);
    /* closest reachable sum to target */
    for (int d = 0; d <= total; d++) {
        if (target - d >= 0 && ((reach[(target - d) / 64] >> ((target - d) % 64)) & 1u)) return target - d;
        if (target + d <= total && ((reach[(target + d) / 64] >> ((target + d) % 64)) & 1u)) return target + d;
    }
    return -1;
}

static uint32_t coin_change_ways(const int *coins, int nc, int amount) {
    memset(ways, 0, sizeof(uint32_t) * (size_t)(amount + 1));
    ways[0] = 1;
    for (int k = 0; k < nc; k++)
        for (int a = coins[k]; a <= amount; a++) ways[a] += ways[a - coins[k]];
    return ways[amount];
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 60, 2, MAXITEMS);
    int cap = n * 40 < MAXCAP ? n * 40 : MAXCAP;
    uint32_t s = 0x4B4Eu + (uint32_t)n;
    int total = 0;
    for (int i = 0; i < n; i++) {
        s = s * 1103515245u + 12345u;
        weight[i] = 5 + (int)((s >> 16) % 95u);
        s = s * 1103515245u + 12345u;
        value[i] = 10 + (int)((s >> 16) % 200u);
        limit_cnt[i] = 1 + (int)((s >> 8) % 5u);
        total += weight[i];
    }
    int cnt, wsum;
    int32_t v01 = knapsack01(n, cap, &cnt, &wsum);
    int32_t vunb = knapsack_unbounded(n, cap);
    int32_t vbnd = knapsack_bounded(n, cap);
    int reachable;
    int closest = subset_sums(n, total < MAXCAP * 4 ? total : MAXCAP * 4 - 1, total / 2, &reachable);
    static const int coins[] = {1, 2, 5, 10, 20, 50, 100, 200};
    uint32_t w = coin_change_ways(coins, 8, cap);
    printf("items %d capacity %d\n", n, cap);
    printf("0/1 best %d using %d items weight %d\n", v01, cnt, wsum);
    printf("unbounded %d bounded %d\n", vunb, vbnd);
    printf("subset sums reachable %d closest to half %d\n", reachable, closest);
    printf("coin change ways mod 2^32 %u\n", w);
    printf("checksum: %u\n", (uint32_t)v01 * 31u + (uint32_t)vunb * 7u + (uint32_t)vbnd + w +
                                 (uint32_t)reachable);
    return 0;
}
