/* Fibonacci numbers with base-10^9 bignums: F(n) by iterated addition, and again by fast
 * doubling with schoolbook multiplication and subtraction; the two must agree. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE 1000000000u
#define MAXLIMBS 1200

typedef struct {
    int len;
    uint32_t d[MAXLIMBS];
} big_t;

static big_t fa, fb, fc;
static big_t da, db, t1, t2, t3;

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

static void big_set(big_t *a, uint32_t v) {
    a->len = 1;
    a->d[0] = v;
}

static void big_copy(big_t *dst, const big_t *src) {
    dst->len = src->len;
    memcpy(dst->d, src->d, (size_t)src->len * sizeof(uint32_t));
}

static void big_trim(big_t *a) {
    while (a->len > 1 && a->d[a->len - 1] == 0) a->len--;
}

static void big_add(big_t *r, const big_t *a, const big_t *b) {
    int n = a->len > b->len ? a->len : b->len;
    uint32_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint32_t s = carry;
        if (i < a->len) s += a->d[i];
        if (i < b->len) s += b->d[i];
        carry = s >= BASE;
        r->d[i] = carry ? s - BASE : s;
    }
    r->len = n;
    if (carry && n < MAXLIMBS) r->d[r->len++] = carry;
}

/* r = a - b, requires a >= b */
static void big_sub(big_t *r, const big_t *a, const big_t *b) {
    int64_t borrow = 0;
    for (int i = 0; i < a->len; i++) {
        int64_t s = (int64_t)a->d[i] - borrow - (i < b->len ? (int64_t)b->d[i] : 0);
        borrow = s < 0;
        if (s < 0) s += BASE;
        r->d[i] = (uint32_t)s;
    }
    r->len = a->len;
    big_trim(r);
}

static void big_mul(big_t *r, const big_t *a, const big_t *b) {
    static uint64_t acc[2 * MAXLIMBS];
    int n = a->len + b->len;
    if (n > MAXLIMBS) n = MAXLIMBS;
    memset(acc, 0, (size_t)n * sizeof(uint64_t));
    for (int i = 0; i < a->len; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < b->len && i + j < n; j++) {
            uint64_t cur = acc[i + j] + (uint64_t)a->d[i] * b->d[j] + carry;
            acc[i + j] = cur % BASE;
            carry = cur / BASE;
        }
        for (int k = i + b->len; carry && k < n; k++) {
            uint64_t cur = acc[k] + carry;
            acc[k] = cur % BASE;
            carry = cur / BASE;
        }
    }
    for (int i = 0; i < n; i++) r->d[i] = (uint32_t)acc[i];
    r->len = n;
    big_trim(r);
}

static int big_cmp(const big_t *a, const big_t *b) {
    if (a->len != b->len) return a->len < b->len ? -1 : 1;
    for (int i = a->len - 1; i >= 0; i--)
        if (a->d[i] != b->d[i]) return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

/* Fast doubling: F(2k) = F(k) * (2F(k+1) - F(k)), F(2k+1) = F(k)^2 + F(k+1)^2. */
static void fib_doubling(unsigned n, big_t *out) {
    big_set(&da, 0); /* F(k) */
    big_set(&db, 1); /* F(k+1) */
    int top = 31;
    while (top >= 0 && !((n >> top) & 1u)) top--;
    for (int bit = top; bit >= 0; bit--) {
        big_add(&t1, &db, &db);
        big_sub(&t2, &t1, &da);
        big_mul(&t3, &da, &t2); /* F(2k) */
        big_mul(&t1, &da, &da);
        big_mul(&t2, &db, &db);
        big_add(&db, &t1, &t2); /* F(2k+1) */
        big_copy(&da, &t3);
        if ((n >> bit) & 1u) {
            big_add(&t1, &da, &db);
            big_copy(&da, &db);
            big_copy(&db, &t1);
        }
    }
    big_copy(out, &da);
}

static uint32_t big_digit_sum(const big_t *a) {
    uint32_t s = 0;
    for (int i = 0; i < a->len; i++)
        for (uint32_t v = a->d[i]; v; v /= 10) s += v % 10;
    return s;
}

int main(int argc, char **argv) {
    unsigned n = (unsigned)parse_arg(argc, argv, 5000, 1, 50000);
    big_set(&fa, 0);
    big_set(&fb, 1);
    for (unsigned i = 0; i < n; i++) {
        big_add(&fc, &fa, &fb);
        big_copy(&fa, &fb);
        big_copy(&fb, &fc);
    }
    big_t *iter = &fa;
    static big_t fast;
    fib_doubling(n, &fast);
    int agree = big_cmp(iter, &fast) == 0;
    int digits = (iter->len - 1) * 9;
    for (uint32_t v = iter->d[iter->len - 1]; v; v /= 10) digits++;
    printf("F(%u) has %d digits, agree %d\n", n, digits, agree);
    printf("top limb %u low limb %09u\n", iter->d[iter->len - 1], iter->d[0]);
    uint32_t h = 0;
    for (int i = 0; i < iter->len; i++) h = h * 2654435761u + iter->d[i];
    printf("digit sum %u\n", big_digit_sum(iter));
    printf("checksum: %u\n", h);
    return 0;
}
