/* CRC-32 (IEEE, table driven) of many pseudo-random messages.
   Input: messages length seed. Prints the xor and the sum of all CRCs. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static uint32_t table[256];

static void make_table(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

static uint32_t crc32(const uint8_t *p, size_t n) {
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) c = table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

int main(void) {
    unsigned count, len, seed;
    if (scanf("%u %u %u", &count, &len, &seed) != 3 || len == 0 || len > (1u << 26)) return 1;
    make_table();
    uint8_t *buf = malloc(len);
    if (!buf) return 1;
    uint32_t x = seed | 1, xr = 0;
    uint64_t sum = 0;
    for (unsigned m = 0; m < count; m++) {
        for (unsigned i = 0; i < len; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; buf[i] = (uint8_t)(x >> 7); }
        uint32_t c = crc32(buf, len);
        xr ^= c; sum += c;
    }
    printf("%08x %llu\n", xr, (unsigned long long)sum);
    free(buf);
    return 0;
}
