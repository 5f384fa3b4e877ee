/* Generate random arithmetic expressions as text, then parse and evaluate them modulo
   1000000007 with a recursive-descent parser. Input: count depth seed. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define MOD 1000000007u
static char buf[1 << 20];
static size_t len;
static uint32_t rng;
static const char *p;

static unsigned next(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

static void put(char c) { if (len + 1 < sizeof buf) buf[len++] = c; }

static void gen(int depth) {
    unsigned r = next();
    if (depth == 0 || r % 7 == 0) {
        unsigned v = next() % 100000;
        char tmp[12]; int n = 0;
        do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
        while (n) put(tmp[--n]);
        return;
    }
    if (r % 11 == 1) { put('('); gen(depth - 1); put(')'); return; }
    gen(depth - 1);
    put("+-*"[(r >> 8) % 3]);
    gen(depth - 1);
}

static uint64_t expr(void);

static uint64_t atom(void) {
    if (*p == '(') { p++; uint64_t v = expr(); if (*p == ')') p++; return v; }
    uint64_t v = 0;
    while (*p >= '0' && *p <= '9') v = (v * 10 + (uint64_t)(*p++ - '0')) % MOD;
    return v;
}

static uint64_t term(void) {
    uint64_t v = atom();
    while (*p == '*') { p++; v = v * atom() % MOD; }
    return v;
}

static uint64_t expr(void) {
    uint64_t v = term();
    while (*p == '+' || *p == '-') {
        char op = *p++;
        uint64_t t = term();
        v = op == '+' ? (v + t) % MOD : (v + MOD - t) % MOD;
    }
    return v;
}

int main(void) {
    unsigned count, depth, seed;
    if (scanf("%u %u %u", &count, &depth, &seed) != 3 || depth > 16) return 1;
    rng = seed | 1;
    uint64_t acc = 0, chars = 0;
    for (unsigned i = 0; i < count; i++) {
        len = 0;
        gen((int)depth);
        buf[len] = 0;
        chars += len;
        p = buf;
        acc = (acc * 31 + expr()) % MOD;
    }
    printf("%llu %llu\n", (unsigned long long)acc, (unsigned long long)chars);
    return 0;
}
