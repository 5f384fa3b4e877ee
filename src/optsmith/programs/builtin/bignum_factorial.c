/* Arbitrary-precision factorial in base 10^9: n! by repeated small multiplication, the
 * decimal digit count, digit sum, trailing zeros (checked against Legendre's formula),
 * and a binomial coefficient via bignum division by small integers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE 1000000000u
#define MAXLIMBS 4000

typedef struct {
    int len; /* number of limbs, little-endian */
    uint32_t limb[MAXLIMBS];
} bignum_t;

static bignum_t fact, binom;

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

static void big_set(bignum_t *a, uint32_t v) {
    a->len = 0;
    do {
        a->limb[a->len++] = v % BASE;
        v /= BASE;
    } while (v);
}

static void big_mul_small(bignum_t *a, uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < a->len; i++) {
        uint64_t cur = (uint64_t)a->limb[i] * m + carry;
        a->limb[i] = (uint32_t)(cur % BASE);
        carry = cur / BASE;
    }
    while (carry && a->len < MAXLIMBS) {
        a->limb[a->len++] = (uint32_t)(carry % BASE);
        carry /= BASE;
    }
}

static uint32_t big_div_small(bignum_t *a, uint32_t d) {
    uint64_t rem = 0;
    for (int i = a->len - 1; i >= 0; i--) {
        uint64_t cur = a->limb[i] + rem * BASE;
        a->limb[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    while (a->len > 1 && a->limb[a->len - 1] == 0) a->len--;
    return (uint32_t)rem;
}

static int big_digits(const bignum_t *a) {
    int d = (a->len - 1) * 9;
    uint32_t top = a->limb[a->len - 1];
    do {
        d++;
        top /= 10;
    } while (top);
    return d;
}

static uint32_t big_digit_sum(const bignum_t *a) {
    uint32_t s = 0;
    for (int i = 0; i < a->len; i++) {
        uint32_t v = a->limb[i];
        while (v) {
            s += v % 10;
            v /= 10;
        }
    }
    return s;
}

static int big_trailing_zeros(const bignum_t *a) {
    int z = 0;
    for (int i = 0; i < a->len; i++) {
        uint32_t v = a->limb[i];
        if (v == 0) {
            z += 9;
            continue;
        }
        while (v % 10 == 0) {
            z++;
            v /= 10;
        }
        break;
    }
    return z;
}

/* Leading 18 digits as text. */
static void big_head(const bignum_t *a, char *out, size_t cap) {
    char buf[64];
    int k = snprintf(buf, sizeof buf, "%u", a->limb[a->len - 1]);
    if (a->len > 1) k += snprintf(buf + k, sizeof buf - (size_t)k, "%09u", a->limb[a->len - 2]);
    if (a->len > 2) snprintf(buf + k, sizeof buf - (size_t)k, "%09u", a->limb[a->len - 3]);
    size_t len = strlen(buf);
    if (len > 18) len = 18;
    if (len >= cap) len = cap - 1;
    memcpy(out, buf, len);
    out[len] = '\0';
}

static uint32_t big_mod(const bignum_t *a, uint32_t m) {
    uint64_t r = 0;
    for (int i = a->len - 1; i >= 0; i--) r = (r * BASE + a->limb[i]) % m;
    return (uint32_t)r;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 1000, 1, 4000);
    big_set(&fact, 1);
    for (int i = 2; i <= n; i++) big_mul_small(&fact, (uint32_t)i);
    int legendre = 0;
    for (int p = 5; p <= n; p *= 5) legendre += n / p;
    char head[32];
    big_head(&fact, head, sizeof head);
    printf("%d! has %d digits, digit sum %u, trailing zeros %d (legendre %d)\n", n,
           big_digits(&fact), big_digit_sum(&fact), big_trailing_zeros(&fact), legendre);
    printf("leading digits %s\n", head);
    /* C(2k, k) = prod_{i=1..k} (k + i) / i, exact at every step */
    int k = n / 2 + 1;
    big_set(&binom, 1);
    uint32_t bad = 0;
    for (int i = 1; i <= k; i++) {
        big_mul_small(&binom, (uint32_t)(k + i));
        bad += big_div_small(&binom, (uint32_t)i);
    }
    printf("C(%d,%d) has %d digits, mod 1000000007 = %u, inexact %u\n", 2 * k, k,
           big_digits(&binom), big_mod(&binom, 1000000007u), bad);
    printf("checksum: %u\n", big_mod(&fact, 998244353u) ^ big_digit_sum(&binom));
    return 0;
}
