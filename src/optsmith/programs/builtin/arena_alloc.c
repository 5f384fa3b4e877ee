/* A first-fit free-list allocator over a static arena of 64-bit words: block headers and
 * footers (boundary tags), splitting, immediate coalescing, realloc in place or by moving,
 * and a heap walk that validates every block. Driven by a random alloc/free/realloc mix. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_WORDS (1 << 18)
#define MAXLIVE 4096
#define MIN_BLOCK 4 /* header + 2 free-list links + footer */

/* Block layout (word indices): [hdr][payload ...][ftr]. hdr = ftr = size_in_words << 1 | used.
 * Free blocks keep next/prev free-list indices in payload words 0 and 1 (0 = none). */
static uint64_t arena[ARENA_WORDS];
static size_t free_head; /* index of a free block header, 0 = empty (index 0 is a guard) */

typedef struct {
    size_t block; /* header index, 0 = empty slot */
    size_t words; /* requested payload words */
    uint64_t tag;
} live_t;

static live_t live[MAXLIVE];

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

static size_t bsize(size_t b) { return (size_t)(arena[b] >> 1); }
static int bused(size_t b) { return (int)(arena[b] & 1u); }

static void set_block(size_t b, size_t size, int used) {
    arena[b] = (uint64_t)size << 1 | (uint64_t)used;
    arena[b + size - 1] = arena[b];
}

static void list_remove(size_t b) {
    size_t next = (size_t)arena[b + 1], prev = (size_t)arena[b + 2];
    if (prev) arena[prev + 1] = next;
    else free_head = next;
    if (next) arena[next + 2] = prev;
}

static void list_push(size_t b) {
    arena[b + 1] = free_head;
    arena[b + 2] = 0;
    if (free_head) arena[free_head + 2] = b;
    free_head = b;
}

static void heap_init(void) {
    /* word 0 and the last word are permanently "used" guards of size 1 */
    arena[0] = 1u << 1 | 1u;
    arena[ARENA_WORDS - 1] = 1u << 1 | 1u;
    free_head = 0;
    set_block(1, ARENA_WORDS - 2, 0);
    list_push(1);
}

static size_t my_alloc(size_t words) {
    size_t need = words + 2;
    if (need < MIN_BLOCK) need = MIN_BLOCK;
    for (size_t b = free_head; b; b = (size_t)arena[b + 1]) {
        size_t size = bsize(b);
        if (size < need) continue;
        list_remove(b);
        if (size - need >= MIN_BLOCK) {
            set_block(b, need, 1);
            set_block(b + need, size - need, 0);
            list_push(b + need);
        } else {
            set_block(b, size, 1);
        }
        return b;
    }
    return 0;
}

static void my_free(size_t b) {
    size_t size = bsize(b);
    size_t prev_ftr = b - 1, next_hdr = b + size;
    if (!bused(next_hdr)) {
        list_remove(next_hdr);
        size += bsize(next_hdr);
    }
    if (!bused(prev_ftr)) {
        size_t prev = b - bsize(prev_ftr);
        list_remove(prev);
        size += bsize(prev);
        b = prev;
    }
    set_block(b, size, 0);
    list_push(b);
}

/* grow in place when the next block is free and large enough, else move */
static size_t my_realloc(size_t b, size_t old_words, size_t words) {
    size_t need = words + 2 < MIN_BLOCK ? MIN_BLOCK : words + 2;
    size_t size = bsize(b);
    if (need <= size) return b;
    size_t next = b + size;
    if (!bused(next) && size + bsize(next) >= need) {
        size_t total = size + bsize(next);
        list_remove(next);
        if (total - need >= MIN_BLOCK) {
            set_block(b, need, 1);
            set_block(b + need, total - need, 0);
            list_push(b + need);
        } else {
            set_block(b, total, 1);
        }
        return b;
    }
    size_t nb = my_alloc(words);
    if (!nb) return 0;
    memcpy(&arena[nb + 1], &arena[b + 1], old_words * sizeof(uint64_t));
    my_free(b);
    return nb;
}

static void fill_payload(size_t b, size_t words, uint64_t tag) {
    for (size_t i = 0; i < words; i++) arena[b + 1 + i] = tag + i;
}

static int check_payload(size_t b, size_t words, uint64_t tag) {
    for (size_t i = 0; i < words; i++)
        if (arena[b + 1 + i] != tag + i) return 0;
    return 1;
}

/* walk every block; returns 1 if consistent, and reports free-space statistics */
static int heap_walk(size_t *free_words, size_t *free_blocks, size_t *largest) {
    *free_words = *free_blocks = *largest = 0;
    size_t b = 1;
    int prev_free = 0;
    while (b < ARENA_WORDS - 1) {
        size_t size = bsize(b);
        if (size < MIN_BLOCK || b + size > ARENA_WORDS - 1) return 0;
        if (arena[b] != arena[b + size - 1]) return 0;
        if (!bused(b)) {
            if (prev_free) return 0; /* coalescing missed */
            (*free_blocks)++;
            *free_words += size;
            if (size > *largest) *largest = size;
        }
        prev_free = !bused(b);
        b += size;
    }
    size_t listed = 0;
    for (size_t f = free_head; f; f = (size_t)arena[f + 1]) listed++;
    return b == ARENA_WORDS - 1 && listed == *free_blocks;
}

int main(int argc, char **argv) {
    int ops = (int)parse_arg(argc, argv, 20000, 1, 1000000);
    heap_init();
    uint32_t s = 0xA110Cu + (uint32_t)ops;
    int failures = 0, corrupt = 0, moves = 0;
    uint64_t h = 0;
    for (int i = 0; i < ops; i++) {
        s = s * 1664525u + 1013904223u;
        int slot = (int)((s >> 8) % MAXLIVE);
        live_t *L = &live[slot];
        uint32_t r = s >> 28;
        if (!L->block) {
            size_t words = 1 + ((s >> 4) % 16u == 0 ? (s >> 12) % 600u : (s >> 12) % 24u);
            size_t b = my_alloc(words);
            if (!b) {
                failures++;
                continue;
            }
            L->block = b;
            L->words = words;
            L->tag = (uint64_t)i * 0x9E3779B97F4A7C15ull;
            fill_payload(b, words, L->tag);
        } else if (r < 10) {
            if (!check_payload(L->block, L->words, L->tag)) corrupt++;
            h = h * 31u + L->block;
            my_free(L->block);
            L->block = 0;
        } else {
            size_t words = L->words + 1 + (s >> 4) % 40u;
            size_t nb = my_realloc(L->block, L->words, words);
            if (!nb) {
                failures++;
                continue;
            }
            if (nb != L->block) moves++;
            if (!check_payload(nb, L->words, L->tag)) corrupt++;
            fill_payload(nb, words, L->tag);
            L->block = nb;
            L->words = words;
        }
    }
    size_t fw, fb, largest;
    int ok = heap_walk(&fw, &fb, &largest);
    int in_use = 0;
    for (int i = 0; i < MAXLIVE; i++) {
        if (!live[i].block) continue;
        in_use++;
        if (!check_payload(live[i].block, live[i].words, live[i].tag)) corrupt++;
    }
    printf("ops %d live %d failures %d corrupt %d realloc moves %d\n", ops, in_use, failures,
           corrupt, moves);
    printf("heap ok %d free words %zu in %zu blocks, largest %zu\n", ok, fw, fb, largest);
    printf("checksum: %llu\n", (unsigned long long)(h ^ fw ^ (fb << 20)));
    return 0;
}
