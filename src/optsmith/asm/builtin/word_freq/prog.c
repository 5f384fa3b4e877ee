/* Word frequencies with a chained hash table. The text is read from stdin: a line
   "words seed" followed by a vocabulary (one word per line); the text itself is drawn from the
   vocabulary with a skewed distribution. Prints the ten most frequent words. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

typedef struct Entry { char *word; unsigned long count; struct Entry *next; } Entry;

#define BUCKETS 4096
static Entry *table[BUCKETS];

static uint32_t hash(const char *s) {
    uint32_t h = 2166136261u;
    while (*s) h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static void add(const char *w) {
    uint32_t h = hash(w) % BUCKETS;
    for (Entry *e = table[h]; e; e = e->next)
        if (strcmp(e->word, w) == 0) { e->count++; return; }
    Entry *e = malloc(sizeof *e);
    if (!e) exit(1);
    size_t n = strlen(w);
    e->word = malloc(n + 1);
    if (!e->word) exit(1);
    memcpy(e->word, w, n + 1);
    e->count = 1; e->next = table[h]; table[h] = e;
}

static int by_count(const void *a, const void *b) {
    const Entry *x = *(Entry *const *)a, *y = *(Entry *const *)b;
    if (x->count != y->count) return x->count < y->count ? 1 : -1;
    return strcmp(x->word, y->word);
}

int main(void) {
    unsigned long words;
    unsigned seed;
    if (scanf("%lu %u", &words, &seed) != 2) return 1;
    static char vocab[2000][32];
    unsigned nv = 0;
    while (nv < 2000 && scanf("%31s", vocab[nv]) == 1) nv++;
    if (nv == 0) return 1;
    uint32_t x = seed | 1;
    char word[80];
    for (unsigned long i = 0; i < words; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        unsigned r = x % 1000;
        unsigned idx = r < 500 ? x / 1000 % (nv < 20 ? nv : 20) : r < 850 ? x / 1000 % (nv < 200 ? nv : 200) : x / 1000 % nv;
        const char *v = vocab[idx];
        size_t n = strlen(v);
        memcpy(word, v, n + 1);
        if (r % 37 == 0 && n + 3 < sizeof word) { word[n] = 'e'; word[n + 1] = 's'; word[n + 2] = 0; }
        add(word);
    }
    Entry **all = malloc(sizeof *all * (nv * 2 + 1));
    unsigned total = 0;
    for (unsigned b = 0; b < BUCKETS; b++)
        for (Entry *e = table[b]; e; e = e->next) all[total++] = e;
    qsort(all, total, sizeof *all, by_count);
    printf("%u distinct\n", total);
    for (unsigned i = 0; i < total && i < 10; i++) printf("%s %lu\n", all[i]->word, all[i]->count);
    return 0;
}
