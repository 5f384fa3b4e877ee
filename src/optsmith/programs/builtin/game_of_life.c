/* Conway's Game of Life on a toroidal grid, two ways: a byte-per-cell version with a
 * neighbour-count pass, and a bit-packed version processing 64 cells per word with
 * carry-save adders; both must evolve identically. Also tracks population and period. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W 128
#define H 96
#define WORDS (W / 64)
#define HISTORY 16

static uint8_t cells[H][W], next_cells[H][W];
static uint64_t packed[H][WORDS], next_packed[H][WORDS];
static uint32_t history[HISTORY];

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

static void step_bytes(void) {
    for (int y = 0; y < H; y++) {
        int ym = (y + H - 1) % H, yp = (y + 1) % H;
        for (int x = 0; x < W; x++) {
            int xm = (x + W - 1) % W, xp = (x + 1) % W;
            int n = cells[ym][xm] + cells[ym][x] + cells[ym][xp] + cells[y][xm] + cells[y][xp] +
                    cells[yp][xm] + cells[yp][x] + cells[yp][xp];
            next_cells[y][x] = (uint8_t)(n == 3 || (n == 2 && cells[y][x]));
        }
    }
    memcpy(cells, next_cells, sizeof cells);
}

/* shift a row left/right by one cell with wraparound across words; bit i = column i */
static void row_shift(const uint64_t *row, uint64_t *west, uint64_t *east) {
    for (int w = 0; w < WORDS; w++) {
        uint64_t prev = row[(w + WORDS - 1) % WORDS], next = row[(w + 1) % WORDS];
        west[w] = (row[w] << 1) | (prev >> 63); /* neighbour at x-1 */
        east[w] = (row[w] >> 1) | (next << 63); /* neighbour at x+1 */
    }
}

static void step_packed(void) {
    for (int y = 0; y < H; y++) {
        const uint64_t *up = packed[(y + H - 1) % H], *mid = packed[y], *dn = packed[(y + 1) % H];
        uint64_t uw[WORDS], ue[WORDS], mw[WORDS], me[WORDS], dw[WORDS], de[WORDS];
        row_shift(up, uw, ue);
        row_shift(mid, mw, me);
        row_shift(dn, dw, de);
        for (int w = 0; w < WORDS; w++) {
            uint64_t nb[8] = {uw[w], up[w], ue[w], mw[w], me[w], dw[w], dn[w], de[w]};
            /* bit-sliced counter: s0 (1s), s1 (2s), s2 (4s) */
            uint64_t s0 = 0, s1 = 0, s2 = 0;
            for (int k = 0; k < 8; k++) {
                uint64_t c0 = s0 & nb[k];
                s0 ^= nb[k];
                uint64_t c1 = s1 & c0;
                s1 ^= c0;
                s2 |= c1;
            }
            /* alive next if count == 3, or count == 2 and alive now */
            uint64_t two_or_three = s1 & ~s2;
            next_packed[y][w] = two_or_three & (s0 | mid[w]);
        }
    }
    memcpy(packed, next_packed, sizeof packed);
}

static uint32_t grid_hash(int *pop) {
    uint32_t h = 2166136261u;
    *pop = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            h = (h ^ cells[y][x]) * 16777619u;
            *pop += cells[y][x];
        }
    return h;
}

int main(int argc, char **argv) {
    int gens = (int)parse_arg(argc, argv, 40, 1, 5000);
    uint32_t s = 0x11FEu + (uint32_t)gens % 3u;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            s = s * 1103515245u + 12345u;
            cells[y][x] = (uint8_t)((s >> 16) % 100u < 30u);
        }
    /* a glider and an R-pentomino on top of the noise-free corner */
    for (int y = 0; y < 10; y++)
        for (int x = 0; x < 10; x++) cells[y][x] = 0;
    cells[1][2] = cells[2][3] = cells[3][1] = cells[3][2] = cells[3][3] = 1;
    cells[6][6] = cells[6][7] = cells[7][5] = cells[7][6] = cells[8][6] = 1;
    for (int y = 0; y < H; y++)
        for (int w = 0; w < WORDS; w++) {
            uint64_t v = 0;
            for (int b = 0; b < 64; b++)
                if (cells[y][w * 64 + b]) v |= (uint64_t)1 << b;
            packed[y][w] = v;
        }
    int mismatch_gen = -1, period = 0;
    uint32_t acc = 0;
    int pop = 0;
    for (int g = 1; g <= gens; g++) {
        step_bytes();
        step_packed();
        uint32_t h = grid_hash(&pop);
        acc = acc * 31u + h + (uint32_t)pop;
        if (mismatch_gen < 0) {
            for (int y = 0; y < H && mismatch_gen < 0; y++)
                for (int x = 0; x < W; x++)
                    if (((packed[y][x / 64] >> (x % 64)) & 1u) != cells[y][x]) {
                        mismatch_gen = g;
                        break;
                    }
        }
        for (int k = 0; k < HISTORY && !period; k++)
            if (history[k] == h && h) period = g;
        history[g % HISTORY] = h;
    }
    printf("generations %d population %d\n", gens, pop);
    printf("packed mismatch at %d, first repeat at %d\n", mismatch_gen, period);
    printf("checksum: %u\n", acc);
    return 0;
}
