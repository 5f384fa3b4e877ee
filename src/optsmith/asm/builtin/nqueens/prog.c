/* Count the placements of N non-attacking queens, for each board size on the input
   (first the number of boards, then the sizes, each at most 16). */
#include <stdio.h>
#include <stdint.h>

static uint64_t count(unsigned all, unsigned cols, unsigned d1, unsigned d2) {
    if (cols == all) return 1;
    uint64_t total = 0;
    unsigned free_ = all & ~(cols | d1 | d2);
    while (free_) {
        unsigned bit = free_ & -free_;
        free_ ^= bit;
        total += count(all, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1);
    }
    return total;
}

int main(void) {
    unsigned boards;
    if (scanf("%u", &boards) != 1) return 1;
    for (unsigned b = 0; b < boards; b++) {
        unsigned n;
        if (scanf("%u", &n) != 1 || n == 0 || n > 16) return 1;
        printf("%u %llu\n", n, (unsigned long long)count((1u << n) - 1, 0, 0, 0));
    }
    return 0;
}
