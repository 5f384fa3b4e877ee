/* Backtracking search: N-queens counted with bitmasks (with mirror symmetry) and with an
 * array-based solver that also records the first solution, plus Heap's permutation
 * algorithm counting derangements and a subset-sum search with pruning. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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

static uint64_t count_bits(uint32_t all, uint32_t cols, uint32_t d1, uint32_t d2) {
    if (cols == all) return 1;
    uint64_t total = 0;
    uint32_t avail = all & ~(cols | d1 | d2);
    while (avail) {
        uint32_t bit = avail & (0u - avail);
        avail ^= bit;
        total += count_bits(all, cols | bit, ((d1 | bit) << 1) & all, (d2 | bit) >> 1);
    }
    return total;
}

/* Use left/right symmetry: count placements with the first queen in the left half. */
static uint64_t queens_bitmask(int n) {
    uint32_t all = (1u << n) - 1u;
    uint64_t total = 0;
    for (int c = 0; c < n / 2; c++) {
        uint32_t bit = 1u << c;
        total += 2 * count_bits(all, bit, (bit << 1) & all, bit >> 1);
    }
    if (n & 1) {
        uint32_t bit = 1u << (n / 2);
        total += count_bits(all, bit, (bit << 1) & all, bit >> 1);
    }
    return total;
}

static int pos[16];
static int first[16];
static int have_first;

static int safe(int row, int col) {
    for (int r = 0; r < row; r++) {
        int c = pos[r];
        if (c == col || c - col == r - row || c - col == row - r) return 0;
    }
    return 1;
}

static long queens_array(int n, int row) {
    if (row == n) {
        if (!have_first) {
            for (int i = 0; i < n; i++) first[i] = pos[i];
            have_first = 1;
        }
        return 1;
    }
    long count = 0;
    for (int c = 0; c < n; c++)
        if (safe(row, c)) {
            pos[row] = c;
            count += queens_array(n, row + 1);
        }
    return count;
}

static long derangements_heap(int m, uint32_t *perm_hash) {
    int a[12], c[12];
    for (int i = 0; i < m; i++) {
        a[i] = i;
        c[i] = 0;
    }
    long count = 0;
    uint32_t h = 0;
    int i = 1;
    /* the identity is not a derangement; iterate over the remaining permutations */
    while (i < m) {
        if (c[i] < i) {
            int j = (i & 1) ? c[i] : 0;
            int t = a[j];
            a[j] = a[i];
            a[i] = t;
            int fixed = 0;
            for (int k = 0; k < m; k++) fixed |= a[k] == k;
            if (!fixed) {
                count++;
                h = h * 131u + (uint32_t)(a[0] * 10 + a[m - 1]);
            }
            c[i]++;
            i = 1;
        } else {
            c[i] = 0;
            i++;
        }
    }
    *perm_hash = h;
    return count;
}

static long subset_nodes;

static int subset_sum(const int *w, int n, int i, int target, int remaining) {
    subset_nodes++;
    if (target == 0) return 1;
    if (i == n || target < 0 || remaining < target) return 0;
    int count = 0;
    if (w[i] <= target) count += subset_sum(w, n, i + 1, target - w[i], remaining - w[i]);
    count += subset_sum(w, n, i + 1, target, remaining - w[i]);
    return count;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 9, 4, 12);
    uint64_t total = 0;
    for (int k = 4; k <= n; k++) {
        uint64_t c = queens_bitmask(k);
        total = total * 31u + c;
        printf("%d-queens: %llu\n", k, (unsigned long long)c);
    }
    int m = n < 10 ? n : 10;
    have_first = 0;
    long ca = queens_array(m - 1, 0);
    printf("array solver %d-queens: %ld, first:", m - 1, ca);
    for (int i = 0; i < m - 1; i++) printf(" %d", first[i]);
    printf("\n");
    uint32_t ph;
    int dm = n < 9 ? n : 9;
    long der = derangements_heap(dm, &ph);
    printf("derangements of %d: %ld\n", dm, der);
    int w[24], sum = 0;
    uint32_t s = 77u + (uint32_t)n;
    int nw = 10 + n;
    for (int i = 0; i < nw; i++) {
        s = s * 1103515245u + 12345u;
        w[i] = 1 + (int)((s >> 16) % 40u);
        sum += w[i];
    }
    int ways = subset_sum(w, nw, 0, sum / 3, sum);
    printf("subset-sum ways %d nodes %ld\n", ways, subset_nodes);
    printf("checksum: %llu\n", (unsigned long long)(total ^ ph ^ (uint64_t)ways));
    return 0;
}
