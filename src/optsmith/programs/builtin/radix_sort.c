/* Radix sorts: LSD byte-wise on 32-bit keys, LSD with 16-bit digits on 64-bit keys, and
 * a counting sort on small keys; all compared against each other for consistency. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 100000

static uint64_t sm_state = 0x9E3779B97F4A7C15ull;

static uint64_t splitmix64(void) {
    uint64_t z = (sm_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

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

static uint32_t a32[MAXN], b32[MAXN];
static uint64_t a64[MAXN], b64[MAXN];
static uint16_t small[MAXN], small_sorted[MAXN];
static uint32_t count16[65536];

static void radix_sort32(uint32_t *a, uint32_t *buf, int n) {
    uint32_t count[256];
    for (int shift = 0; shift < 32; shift += 8) {
        memset(count, 0, sizeof count);
        for (int i = 0; i < n; i++) count[(a[i] >> shift) & 0xffu]++;
        uint32_t total = 0;
        for (int d = 0; d < 256; d++) {
            uint32_t c = count[d];
            count[d] = total;
            total += c;
        }
        for (int i = 0; i < n; i++) buf[count[(a[i] >> shift) & 0xffu]++] = a[i];
        memcpy(a, buf, (size_t)n * sizeof *a);
    }
}

static void radix_sort64(uint64_t *a, uint64_t *buf, int n) {
    for (int shift = 0; shift < 64; shift += 16) {
        memset(count16, 0, sizeof count16);
        int skip = 1;
        uint32_t first = (uint32_t)((a[0] >> shift) & 0xffffu);
        for (int i = 0; i < n; i++) {
            uint32_t d = (uint32_t)((a[i] >> shift) & 0xffffu);
            count16[d]++;
            if (d != first) skip = 0;
        }
        if (skip) continue;
        uint32_t total = 0;
        for (int d = 0; d < 65536; d++) {
            uint32_t c = count16[d];
            count16[d] = total;
            total += c;
        }
        for (int i = 0; i < n; i++) buf[count16[(a[i] >> shift) & 0xffffu]++] = a[i];
        memcpy(a, buf, (size_t)n * sizeof *a);
    }
}

static void counting_sort16(const uint16_t *in, uint16_t *out, int n, int range) {
    memset(count16, 0, sizeof count16);
    for (int i = 0; i < n; i++) count16[in[i]]++;
    int k = 0;
    for (int v = 0; v < range; v++)
        for (uint32_t c = 0; c < count16[v]; c++) out[k++] = (uint16_t)v;
}

static void insertion_check32(const uint32_t *a, int n, int *ok) {
    for (int i = 1; i < n; i++)
        if (a[i - 1] > a[i]) *ok = 0;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 20000, 1, MAXN);
    sm_state ^= (uint64_t)n << 17;
    int range = 1000 + n % 5000;
    for (int i = 0; i < n; i++) {
        uint64_t r = splitmix64();
        a32[i] = (uint32_t)r;
        a64[i] = splitmix64() >> (r & 15u);
        small[i] = (uint16_t)((r >> 40) % (uint64_t)range);
    }
    radix_sort32(a32, b32, n);
    radix_sort64(a64, b64, n);
    counting_sort16(small, small_sorted, n, range);

    int ok = 1;
    insertion_check32(a32, n, &ok);
    for (int i = 1; i < n; i++) {
        if (a64[i - 1] > a64[i]) ok = 0;
        if (small_sorted[i - 1] > small_sorted[i]) ok = 0;
    }
    uint64_t h = 1469598103934665603ull;
    for (int i = 0; i < n; i++) {
        h = (h ^ a32[i]) * 1099511628211ull;
        h = (h ^ a64[i]) * 1099511628211ull;
        h = (h ^ small_sorted[i]) * 1099511628211ull;
    }
    printf("sorted %d range %d\n", ok, range);
    printf("median32 %u median16 %u\n", a32[n / 2], (unsigned)small_sorted[n / 2]);
    printf("checksum: %llu\n", (unsigned long long)h);
    return 0;
}
