/* Cache replacement policies over a skewed access trace: LRU (hash map + intrusive doubly
 * linked list over indices), CLOCK (second chance) and FIFO, with a brute-force LRU model
 * checking the fast LRU on a prefix of the trace. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCAP 4096
#define HASH_SIZE 8192 /* power of two, >= 2 * MAXCAP */
#define MAXTRACE 400000

typedef struct {
    uint32_t key;
    int prev, next; /* -1 = none */
    uint32_t value;
} entry_t;

typedef struct {
    entry_t e[MAXCAP];
    int slots[HASH_SIZE]; /* entry index or -1; linear probing with backward-shift delete */
    int head, tail, size, cap;
} lru_t;

static lru_t lru;
static uint32_t trace[MAXTRACE];

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

static uint32_t hkey(uint32_t k) { return (k * 2654435761u) >> 19; } /* 13 bits */

static void lru_init(lru_t *c, int cap) {
    c->cap = cap;
    c->size = 0;
    c->head = c->tail = -1;
    for (int i = 0; i < HASH_SIZE; i++) c->slots[i] = -1;
}

static int slot_find(const lru_t *c, uint32_t key) {
    uint32_t i = hkey(key) & (HASH_SIZE - 1);
    while (c->slots[i] >= 0) {
        if (c->e[c->slots[i]].key == key) return (int)i;
        i = (i + 1) & (HASH_SIZE - 1);
    }
    return -1;
}

static void slot_insert(lru_t *c, uint32_t key, int idx) {
    uint32_t i = hkey(key) & (HASH_SIZE - 1);
    while (c->slots[i] >= 0) i = (i + 1) & (HASH_SIZE - 1);
    c->slots[i] = idx;
}

static void slot_delete(lru_t *c, int slot) {
    uint32_t i = (uint32_t)slot;
    c->slots[i] = -1;
    uint32_t j = i;
    for (;;) {
        j = (j + 1) & (HASH_SIZE - 1);
        if (c->slots[j] < 0) return;
        uint32_t home = hkey(c->e[c->slots[j]].key) & (HASH_SIZE - 1);
        /* can the entry at j move back to i? only if home is not cyclically in (i, j] */
        int in_range = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!in_range) {
            c->slots[i] = c->slots[j];
            c->slots[j] = -1;
            i = j;
        }
    }
}

static void list_unlink(lru_t *c, int x) {
    entry_t *e = &c->e[x];
    if (e->prev >= 0) c->e[e->prev].next = e->next;
    else c->head = e->next;
    if (e->next >= 0) c->e[e->next].prev = e->prev;
    else c->tail = e->prev;
}

static void list_push_front(lru_t *c, int x) {
    c->e[x].prev = -1;
    c->e[x].next = c->head;
    if (c->head >= 0) c->e[c->head].prev = x;
    c->head = x;
    if (c->tail < 0) c->tail = x;
}

/* returns 1 on hit */
static int lru_access(lru_t *c, uint32_t key, uint32_t *evicted) {
    int slot = slot_find(c, key);
    *evicted = 0xFFFFFFFFu;
    if (slot >= 0) {
        int x = c->slots[slot];
        list_unlink(c, x);
        list_push_front(c, x);
        c->e[x].value++;
        return 1;
    }
    int x;
    if (c->size < c->cap) {
        x = c->size++;
    } else {
        x = c->tail;
        *evicted = c->e[x].key;
        slot_delete(c, slot_find(c, c->e[x].key));
        list_unlink(c, x);
    }
    c->e[x].key = key;
    c->e[x].value = 1;
    slot_insert(c, key, x);
    list_push_front(c, x);
    return 0;
}

/* brute force LRU: array ordered most recent first */
static int naive_access(uint32_t *arr, int *size, int cap, uint32_t key, uint32_t *evicted) {
    *evicted = 0xFFFFFFFFu;
    for (int i = 0; i < *size; i++)
        if (arr[i] == key) {
            memmove(arr + 1, arr, (size_t)i * sizeof *arr);
            arr[0] = key;
            return 1;
        }
    if (*size == cap) *evicted = arr[--(*size)];
    memmove(arr + 1, arr, (size_t)(*size) * sizeof *arr);
    arr[0] = key;
    (*size)++;
    return 0;
}

static long run_clock(const uint32_t *t, int n, int cap) {
    static uint32_t keys[MAXCAP];
    static uint8_t ref[MAXCAP];
    int size = 0, hand = 0;
    long hits = 0;
    for (int i = 0; i < n; i++) {
        int found = -1;
        for (int k = 0; k < size; k++)
            if (keys[k] == t[i]) {
                found = k;
                break;
            }
        if (found >= 0) {
            ref[found] = 1;
            hits++;
            continue;
        }
        if (size < cap) {
            keys[size] = t[i];
            ref[size++] = 0;
            continue;
        }
        while (ref[hand]) {
            ref[hand] = 0;
            hand = (hand + 1) % cap;
        }
        keys[hand] = t[i];
        hand = (hand + 1) % cap;
    }
    return hits;
}

static long run_fifo(const uint32_t *t, int n, int cap) {
    static uint32_t ring[MAXCAP];
    int size = 0, pos = 0;
    long hits = 0;
    for (int i = 0; i < n; i++) {
        int found = 0;
        for (int k = 0; k < size; k++)
            if (ring[k] == t[i]) {
                found = 1;
                break;
            }
        if (found) {
            hits++;
        } else if (size < cap) {
            ring[size++] = t[i];
        } else {
            ring[pos] = t[i];
            pos = (pos + 1) % cap;
        }
    }
    return hits;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 20000, 100, MAXTRACE);
    uint32_t s = 0x1A2Bu + (uint32_t)n;
    for (int i = 0; i < n; i++) {
        s = s * 1664525u + 1013904223u;
        uint32_t r = s >> 8;
        if ((i / 500) % 7 == 6)
            trace[i] = 100000u + (uint32_t)i; /* a one-off scan */
        else if (r % 10u < 7)
            trace[i] = (r >> 4) % 64u; /* hot set */
        else
            trace[i] = (r >> 4) % 4000u;
    }
    int cap = 128;
    lru_init(&lru, cap);
    long hits = 0;
    uint32_t h = 0;
    static uint32_t naive[MAXCAP];
    int naive_size = 0, model_errors = 0;
    int check_n = n < 5000 ? n : 5000;
    for (int i = 0; i < n; i++) {
        uint32_t ev;
        int hit = lru_access(&lru, trace[i], &ev);
        hits += hit;
        if (i < check_n) {
            uint32_t ev2;
            int hit2 = naive_access(naive, &naive_size, cap, trace[i], &ev2);
            if (hit != hit2 || ev != ev2) model_errors++;
        }
        h = h * 31u + (hit ? 1u : ev);
    }
    int clock_n = n < 30000 ? n : 30000;
    long clock_hits = run_clock(trace, clock_n, 64);
    long fifo_hits = run_fifo(trace, clock_n, 64);
    printf("lru capacity %d hits %ld of %d (model errors %d)\n", cap, hits, n, model_errors);
    printf("clock hits %ld fifo hits %ld of %d\n", clock_hits, fifo_hits, clock_n);
    printf("most recent key %u\n", lru.e[lru.head].key);
    printf("checksum: %u\n", h ^ (uint32_t)(clock_hits * 7 + fifo_hits));
    return 0;
}
