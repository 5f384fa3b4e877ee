/* Heapsort with sift-down, a bottom-up heap construction check, top-k selection with a
 * bounded min-heap, and a k-way merge of sorted runs driven by a heap of cursors. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXN 100000
#define RUNS 16
#define TOPK 32

static uint32_t rng_state = 123456789u;

static uint32_t xorshift32(void) {
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng_state = x;
    return x;
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

static uint32_t data[MAXN];
static uint32_t copy[MAXN];
static uint32_t merged[MAXN];

static void sift_down(uint32_t *a, int start, int end) {
    int root = start;
    for (;;) {
        int child = 2 * root + 1;
        if (child > end) break;
        if (child + 1 <= end && a[child] < a[child + 1]) child++;
        if (a[root] < a[child]) {
            uint32_t t = a[root];
            a[root] = a[child];
            a[child] = t;
            root = child;
        } else {
            break;
        }
    }
}

static void heapsort_u32(uint32_t *a, int n) {
    for (int start = (n - 2) / 2; start >= 0; start--) sift_down(a, start, n - 1);
    for (int end = n - 1; end > 0; end--) {
        uint32_t t = a[end];
        a[end] = a[0];
        a[0] = t;
        sift_down(a, 0, end - 1);
    }
}

/* Bounded min-heap keeping the TOPK largest values seen. */
typedef struct {
    uint32_t v[TOPK];
    int size;
} topk_t;

static void topk_push(topk_t *h, uint32_t x) {
    if (h->size < TOPK) {
        int i = h->size++;
        h->v[i] = x;
        while (i > 0) {
            int p = (i - 1) / 2;
            if (h->v[p] <= h->v[i]) break;
            uint32_t t = h->v[p];
            h->v[p] = h->v[i];
            h->v[i] = t;
            i = p;
        }
        return;
    }
    if (x <= h->v[0]) return;
    h->v[0] = x;
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->size && h->v[l] < h->v[m]) m = l;
        if (r < h->size && h->v[r] < h->v[m]) m = r;
        if (m == i) break;
        uint32_t t = h->v[m];
        h->v[m] = h->v[i];
        h->v[i] = t;
        i = m;
    }
}

typedef struct {
    uint32_t value;
    int run;
    int pos;
} cursor_t;

static void cursor_sift(cursor_t *h, int size, int i) {
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < size && h[l].value < h[m].value) m = l;
        if (r < size && h[r].value < h[m].value) m = r;
        if (m == i) break;
        cursor_t t = h[m];
        h[m] = h[i];
        h[i] = t;
        i = m;
    }
}

static int kway_merge(const uint32_t *src, int n, uint32_t *out) {
    int bounds[RUNS + 1];
    cursor_t heap[RUNS];
    int size = 0;
    for (int r = 0; r <= RUNS; r++) bounds[r] = (int)((long)n * r / RUNS);
    for (int r = 0; r < RUNS; r++) {
        if (bounds[r] < bounds[r + 1]) {
            heap[size].value = src[bounds[r]];
            heap[size].run = r;
            heap[size].pos = bounds[r];
            size++;
        }
    }
    for (int i = size / 2 - 1; i >= 0; i--) cursor_sift(heap, size, i);
    int k = 0;
    while (size > 0) {
        out[k++] = heap[0].value;
        int r = heap[0].run;
        heap[0].pos++;
        if (heap[0].pos < bounds[r + 1]) {
            heap[0].value = src[heap[0].pos];
        } else {
            heap[0] = heap[size - 1];
            size--;
        }
        cursor_sift(heap, size, 0);
    }
    return k;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 20000, RUNS, MAXN);
    rng_state += (uint32_t)n * 7919u;
    topk_t top = {{0}, 0};
    for (int i = 0; i < n; i++) {
        data[i] = xorshift32() >> 4;
        copy[i] = data[i];
        topk_push(&top, data[i]);
    }
    /* sort each run of the copy separately, then merge the runs */
    for (int r = 0; r < RUNS; r++) {
        int lo = (int)((long)n * r / RUNS), hi = (int)((long)n * (r + 1) / RUNS);
        heapsort_u32(copy + lo, hi - lo);
    }
    int merged_n = kway_merge(copy, n, merged);
    heapsort_u32(data, n);

    int same = merged_n == n;
    for (int i = 0; i < n && same; i++)
        if (data[i] != merged[i]) same = 0;
    heapsort_u32(top.v, top.size);
    int top_ok = 1;
    for (int i = 0; i < top.size; i++)
        if (top.v[top.size - 1 - i] != data[n - 1 - i]) top_ok = 0;
    uint32_t sum = 0;
    for (int i = 0; i < n; i++) sum = (sum << 5 | sum >> 27) ^ (data[i] + (uint32_t)i);
    printf("merge_matches %d topk_matches %d\n", same, top_ok);
    printf("min %u max %u\n", data[0], data[n - 1]);
    printf("checksum: %u\n", sum);
    return 0;
}
