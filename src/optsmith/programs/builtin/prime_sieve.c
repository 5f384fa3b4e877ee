/* Prime sieves: byte-per-number Eratosthenes, an odd-only bit sieve, and a segmented sieve,
 * cross-checked; plus twin primes, prime gaps, a Goldbach check on small evens, and
 * deterministic Miller-Rabin for 32-bit numbers against the sieve. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 4000000
#define SEG 32768

static uint8_t composite[MAXN + 1];
static uint64_t oddbits[MAXN / 128 + 2];
static uint8_t segment[SEG];
static uint32_t small_primes[4000];

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

static uint32_t sieve_bytes(uint32_t n) {
    memset(composite, 0, n + 1);
    composite[0] = composite[1] = 1;
    for (uint32_t i = 2; i * i <= n; i++)
        if (!composite[i])
            for (uint32_t j = i * i; j <= n; j += i) composite[j] = 1;
    uint32_t count = 0;
    for (uint32_t i = 2; i <= n; i++) count += !composite[i];
    return count;
}

/* bit k represents the odd number 2k+1 */
static uint32_t sieve_odd_bits(uint32_t n) {
    uint32_t words = (n / 2) / 64 + 1;
    memset(oddbits, 0, words * sizeof(uint64_t));
    for (uint32_t i = 3; i * i <= n; i += 2) {
        uint32_t k = i / 2;
        if (oddbits[k / 64] >> (k % 64) & 1u) continue;
        for (uint32_t j = i * i; j <= n; j += 2 * i) {
            uint32_t m = j / 2;
            oddbits[m / 64] |= (uint64_t)1 << (m % 64);
        }
    }
    uint32_t count = n >= 2 ? 1 : 0;
    for (uint32_t v = 3; v <= n; v += 2) {
        uint32_t k = v / 2;
        if (!(oddbits[k / 64] >> (k % 64) & 1u)) count++;
    }
    return count;
}

static uint32_t sieve_segmented(uint32_t n) {
    uint32_t root = 1;
    while ((root + 1) * (root + 1) <= n) root++;
    uint32_t np = 0;
    for (uint32_t i = 2; i <= root; i++) {
        int prime = 1;
        for (uint32_t k = 0; k < np && small_primes[k] * small_primes[k] <= i; k++)
            if (i % small_primes[k] == 0) {
                prime = 0;
                break;
            }
        if (prime && np < 4000) small_primes[np++] = i;
    }
    uint32_t count = 0;
    for (uint32_t lo = 0; lo <= n; lo += SEG) {
        uint32_t hi = lo + SEG - 1 < n ? lo + SEG - 1 : n;
        memset(segment, 0, SEG);
        for (uint32_t k = 0; k < np; k++) {
            uint32_t p = small_primes[k];
            uint32_t start = (lo + p - 1) / p * p;
            if (start < p * p) start = p * p;
            for (uint32_t j = start; j <= hi; j += p) segment[j - lo] = 1;
        }
        for (uint32_t v = lo; v <= hi; v++)
            if (v >= 2 && !segment[v - lo]) count++;
    }
    return count;
}

static uint32_t powmod(uint32_t b, uint32_t e, uint32_t m) {
    uint64_t r = 1, x = b % m;
    while (e) {
        if (e & 1u) r = r * x % m;
        x = x * x % m;
        e >>= 1;
    }
    return (uint32_t)r;
}

static int miller_rabin(uint32_t n) {
    if (n < 2) return 0;
    static const uint32_t bases[3] = {2, 7, 61};
    for (int i = 0; i < 3; i++)
        if (n % bases[i] == 0) return n == bases[i];
    uint32_t d = n - 1;
    int r = 0;
    while (!(d & 1u)) {
        d >>= 1;
        r++;
    }
    for (int i = 0; i < 3; i++) {
        uint64_t x = powmod(bases[i], d, n);
        if (x == 1 || x == n - 1) continue;
        int witness = 1;
        for (int k = 1; k < r; k++) {
            x = x * x % n;
            if (x == n - 1) {
                witness = 0;
                break;
            }
        }
        if (witness) return 0;
    }
    return 1;
}

int main(int argc, char **argv) {
    uint32_t n = (uint32_t)parse_arg(argc, argv, 500000, 10, MAXN);
    uint32_t c1 = sieve_bytes(n);
    uint32_t c2 = sieve_odd_bits(n);
    uint32_t c3 = sieve_segmented(n);
    uint32_t twins = 0, max_gap = 0, last = 2, gap_at = 2;
    uint64_t sum = 0;
    for (uint32_t i = 3; i <= n; i++) {
        if (composite[i]) continue;
        if (i - last == 2) twins++;
        if (i - last > max_gap) {
            max_gap = i - last;
            gap_at = last;
        }
        last = i;
        sum += i;
    }
    int goldbach_ok = 1;
    uint32_t limit = n < 20000 ? n : 20000;
    for (uint32_t e = 4; e <= limit; e += 2) {
        int found = 0;
        for (uint32_t p = 2; p <= e / 2; p++)
            if (!composite[p] && !composite[e - p]) {
                found = 1;
                break;
            }
        if (!found) goldbach_ok = 0;
    }
    int mr_mismatch = 0;
    uint32_t step = n / 3000 + 1;
    for (uint32_t v = 1; v <= n; v += step)
        if (miller_rabin(v) != !composite[v]) mr_mismatch++;
    uint32_t big_primes = 0;
    for (uint32_t v = 4294967291u; v > 4294967291u - 2000u; v -= 2) big_primes += miller_rabin(v);
    printf("pi(%u) = %u %u %u\n", n, c1, c2, c3);
    printf("twins %u max gap %u after %u largest %u\n", twins, max_gap, gap_at, last);
    printf("goldbach ok %d miller-rabin mismatches %d primes near 2^32: %u\n", goldbach_ok,
           mr_mismatch, big_primes);
    printf("checksum: %llu\n", (unsigned long long)(sum ^ ((uint64_t)twins << 32)));
    return 0;
}
