/* Modular arithmetic queries under a modulus read from the input: powers, inverses (Fermat)
   and a polynomial hash. Input: modulus queries seed (the modulus should be a prime < 2^31). */
#include <stdio.h>
#include <stdint.h>

static uint64_t mod;

static uint64_t mulmod(uint64_t a, uint64_t b) { return a * b % mod; }

static uint64_t powmod(uint64_t b, uint64_t e) {
    uint64_t r = 1;
    b %= mod;
    while (e) {
        if (e & 1) r = mulmod(r, b);
        b = mulmod(b, b);
        e >>= 1;
    }
    return r;
}

int main(void) {
    unsigned long queries;
    unsigned seed;
    if (scanf("%lu %lu %u", &mod, &queries, &seed) != 3 || mod < 3 || mod >= (1ull << 31)) return 1;
    uint32_t x = seed | 1;
    uint64_t acc = 0, inv_check = 0, hash = 0;
    for (unsigned long q = 0; q < queries; q++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        uint64_t a = 1 + x % (mod - 1);
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        switch (x % 3) {
        case 0: acc = (acc + powmod(a, x)) % mod; break;
        case 1: { uint64_t inv = powmod(a, mod - 2); inv_check += mulmod(a, inv) == 1; break; }
        default:
            for (unsigned k = 0; k < 16; k++) hash = (hash * 131 + a + k) % mod;
        }
    }
    printf("%llu %llu %llu\n", (unsigned long long)acc, (unsigned long long)inv_check, (unsigned long long)hash);
    return 0;
}
