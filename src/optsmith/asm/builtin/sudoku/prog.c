/* Sudoku by backtracking. Puzzles are generated: a valid grid is shuffled (digits, rows within
   bands, columns within stacks) and `blanks` cells are cleared; the solver counts solutions
   (stopping at 2). Input: puzzles blanks seed. */
#include <stdio.h>
#include <stdint.h>

static uint32_t rng;
static unsigned rnd(unsigned n) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng % n; }

static int grid[81];
static unsigned rows[9], cols[9], boxes[9];
static unsigned long nodes;

static int solve(int limit) {
    int best = -1;
    unsigned best_free = 0, best_count = 10;
    for (int i = 0; i < 81; i++) {
        if (grid[i]) continue;
        unsigned fr = 0x3fe & ~(rows[i / 9] | cols[i % 9] | boxes[(i / 27) * 3 + (i % 9) / 3]);
        unsigned c = (unsigned)__builtin_popcount(fr);
        if (c < best_count) { best = i; best_count = c; best_free = fr; if (c <= 1) break; }
    }
    if (best < 0) return 1;
    int found = 0;
    int r = best / 9, c = best % 9, b = (best / 27) * 3 + c / 3;
    for (int d = 1; d <= 9 && found < limit; d++) {
        if (!(best_free & (1u << d))) continue;
        nodes++;
        grid[best] = d; rows[r] |= 1u << d; cols[c] |= 1u << d; boxes[b] |= 1u << d;
        found += solve(limit - found);
        grid[best] = 0; rows[r] &= ~(1u << d); cols[c] &= ~(1u << d); boxes[b] &= ~(1u << d);
    }
    return found;
}

int main(void) {
    unsigned puzzles, blanks, seed;
    if (scanf("%u %u %u", &puzzles, &blanks, &seed) != 3 || blanks > 81) return 1;
    rng = seed | 1;
    unsigned unique = 0, multiple = 0;
    for (unsigned p = 0; p < puzzles; p++) {
        int perm[10], rowmap[9], colmap[9];
        for (int i = 0; i < 10; i++) perm[i] = i;
        for (int i = 9; i > 1; i--) { int j = 1 + (int)rnd((unsigned)i); int t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
        for (int band = 0; band < 3; band++) {
            int o[3] = {0, 1, 2};
            for (int i = 2; i > 0; i--) { int j = (int)rnd((unsigned)i + 1); int t = o[i]; o[i] = o[j]; o[j] = t; }
            for (int i = 0; i < 3; i++) rowmap[band * 3 + i] = band * 3 + o[i];
            for (int i = 2; i > 0; i--) { int j = (int)rnd((unsigned)i + 1); int t = o[i]; o[i] = o[j]; o[j] = t; }
            for (int i = 0; i < 3; i++) colmap[band * 3 + i] = band * 3 + o[i];
        }
        for (int i = 0; i < 9; i++) rows[i] = cols[i] = boxes[i] = 0;
        for (int r = 0; r < 9; r++)
            for (int c = 0; c < 9; c++) {
                int rr = rowmap[r], cc = colmap[c];
                grid[r * 9 + c] = perm[(rr * 3 + rr / 3 + cc) % 9 + 1];
            }
        for (unsigned k = 0; k < blanks; k++) {
            int i = (int)rnd(81);
            while (!grid[i]) i = (i + 1) % 81;
            grid[i] = 0;
        }
        for (int i = 0; i < 81; i++)
            if (grid[i]) {
                unsigned bit = 1u << grid[i];
                rows[i / 9] |= bit; cols[i % 9] |= bit; boxes[(i / 27) * 3 + (i % 9) / 3] |= bit;
            }
        int n = solve(2);
        if (n == 1) unique++; else if (n > 1) multiple++;
    }
    printf("%u %u %lu\n", unique, multiple, nodes);
    return 0;
}
