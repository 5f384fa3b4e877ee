/* Schoolbook multiplication of two big decimal numbers (base 10^4 limbs), repeated by squaring
   the product's low half. Input: digits rounds seed. Prints digit statistics of the result. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    unsigned digits, rounds, seed;
    if (scanf("%u %u %u", &digits, &rounds, &seed) != 3 || digits < 4 || digits > 4000000) return 1;
    unsigned n = (digits + 3) / 4;
    uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    uint64_t *acc = malloc(2 * (size_t)n * sizeof *acc);
    if (!a || !b || !acc) return 1;
    uint32_t x = seed | 1;
    for (unsigned i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5; a[i] = x % 10000;
        x ^= x << 13; x ^= x >> 17; x ^= x << 5; b[i] = x % 10000;
    }
    uint64_t digit_sum = 0;
    unsigned top = 0;
    for (unsigned r = 0; r < rounds; r++) {
        for (size_t i = 0; i < 2 * (size_t)n; i++) acc[i] = 0;
        for (unsigned i = 0; i < n; i++) {
            uint64_t ai = a[i];
            uint64_t *row = acc + i;
            for (unsigned j = 0; j < n; j++) row[j] += ai * b[j];
        }
        uint64_t carry = 0;
        for (size_t i = 0; i < 2 * (size_t)n; i++) {
            uint64_t v = acc[i] + carry;
            acc[i] = v % 10000; carry = v / 10000;
        }
        digit_sum = 0;
        for (size_t i = 0; i < 2 * (size_t)n; i++) {
            uint64_t v = acc[i];
            digit_sum += v % 10 + v / 10 % 10 + v / 100 % 10 + v / 1000;
        }
        top = (unsigned)acc[2 * (size_t)n - 1];
        for (unsigned i = 0; i < n; i++) { a[i] = (uint32_t)acc[i]; b[i] = (uint32_t)acc[n + i] ^ (b[i] & 1); if (b[i] > 9999) b[i] = 9999; }
    }
    printf("%llu %u\n", (unsigned long long)digit_sum, top);
    free(a); free(b); free(acc);
    return 0;
}
