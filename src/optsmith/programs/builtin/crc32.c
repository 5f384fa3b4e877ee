/* CRC-32 (IEEE, reflected) three ways: bitwise, table-driven and slicing-by-4, plus
 * CRC-32C (Castagnoli); all computed over generated buffers of argv[1] bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXLEN (1 << 20)

static uint32_t table0[256], table1[256], table2[256], table3[256];
static uint32_t table_c[256];
static unsigned char buf[MAXLEN];

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

static void build_table(uint32_t *t, uint32_t poly) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1u) ? (c >> 1) ^ poly : c >> 1;
        t[i] = c;
    }
}

static void build_slices(void) {
    build_table(table0, 0xEDB88320u);
    for (int i = 0; i < 256; i++) {
        table1[i] = (table0[i] >> 8) ^ table0[table0[i] & 0xffu];
        table2[i] = (table1[i] >> 8) ^ table0[table1[i] & 0xffu];
        table3[i] = (table2[i] >> 8) ^ table0[table2[i] & 0xffu];
    }
}

static uint32_t crc32_bitwise(const unsigned char *p, size_t len) {
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < len; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++) {
            uint32_t mask = (uint32_t)0 - (crc & 1u);
            crc = (crc >> 1) ^ (0xEDB88320u & mask);
        }
    }
    return ~crc;
}

static uint32_t crc32_table(const uint32_t *t, const unsigned char *p, size_t len) {
    uint32_t crc = 0xFFFFFFFFu;
    while (len--) crc = (crc >> 8) ^ t[(crc ^ *p++) & 0xffu];
    return ~crc;
}

static uint32_t crc32_slice4(const unsigned char *p, size_t len) {
    uint32_t crc = 0xFFFFFFFFu;
    while (len >= 4) {
        crc ^= (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
               ((uint32_t)p[3] << 24);
        crc = table3[crc & 0xffu] ^ table2[(crc >> 8) & 0xffu] ^ table1[(crc >> 16) & 0xffu] ^
              table0[crc >> 24];
        p += 4;
        len -= 4;
    }
    while (len--) crc = (crc >> 8) ^ table0[(crc ^ *p++) & 0xffu];
    return ~crc;
}

static void fill(unsigned char *p, size_t len, uint32_t seed) {
    uint32_t s = seed;
    for (size_t i = 0; i < len; i++) {
        s = s * 1103515245u + 12345u;
        p[i] = (unsigned char)(s >> 16);
    }
}

int main(int argc, char **argv) {
    size_t len = (size_t)parse_arg(argc, argv, 100000, 1, MAXLEN);
    build_slices();
    build_table(table_c, 0x82F63B78u);
    printf("crc32(\"123456789\") = %08x\n",
           crc32_table(table0, (const unsigned char *)"123456789", 9));
    fill(buf, len, (uint32_t)len);
    size_t small = len < 20000 ? len : 20000;
    uint32_t a = crc32_bitwise(buf, small);
    uint32_t b = crc32_table(table0, buf, small);
    uint32_t c = crc32_slice4(buf, len);
    uint32_t d = crc32_table(table0, buf, len);
    uint32_t e = crc32_table(table_c, buf, len);
    /* per-block CRCs, as a file format would store them */
    uint32_t blocks = 0;
    for (size_t off = 0; off < len; off += 4096) {
        size_t bl = len - off < 4096 ? len - off : 4096;
        blocks = (blocks << 1 | blocks >> 31) ^ crc32_slice4(buf + off, bl);
    }
    printf("bitwise==table %d slice4==table %d\n", a == b, c == d);
    printf("crc32 %08x crc32c %08x blocks %08x\n", d, e, blocks);
    printf("checksum: %u\n", d ^ e ^ blocks ^ a);
    return 0;
}
