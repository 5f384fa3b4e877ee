/* Huffman coding: byte frequencies, tree construction with a min-heap, canonical code
 * assignment with a length limit check, bit-packed encoding, and table-free decoding by
 * walking the canonical code ranges; the decoded output must equal the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 200000
#define NSYM 256
#define MAXBITS 32

typedef struct {
    uint32_t freq;
    int left, right; /* -1 for leaves */
    int sym;
} hnode_t;

static unsigned char input[MAXLEN], decoded[MAXLEN];
static unsigned char bits_out[MAXLEN + 64];
static hnode_t nodes[2 * NSYM];
static int heap[2 * NSYM];
static int heap_size;
static uint8_t code_len[NSYM];
static uint32_t code[NSYM];

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

static int node_less(int a, int b) {
    if (nodes[a].freq != nodes[b].freq) return nodes[a].freq < nodes[b].freq;
    return a < b; /* deterministic tie-break */
}

static void heap_push(int x) {
    int i = heap_size++;
    heap[i] = x;
    while (i > 0 && node_less(heap[i], heap[(i - 1) / 2])) {
        int p = (i - 1) / 2, t = heap[p];
        heap[p] = heap[i];
        heap[i] = t;
        i = p;
    }
}

static int heap_pop(void) {
    int top = heap[0];
    heap[0] = heap[--heap_size];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < heap_size && node_less(heap[l], heap[m])) m = l;
        if (r < heap_size && node_less(heap[r], heap[m])) m = r;
        if (m == i) break;
        int t = heap[m];
        heap[m] = heap[i];
        heap[i] = t;
        i = m;
    }
    return top;
}

static void assign_lengths(int root) {
    int stack[2 * NSYM], depth[2 * NSYM], sp = 0;
    stack[sp] = root;
    depth[sp] = 0;
    sp++;
    while (sp > 0) {
        sp--;
        int nd = stack[sp], d = depth[sp];
        if (nodes[nd].left < 0) {
            code_len[nodes[nd].sym] = (uint8_t)(d == 0 ? 1 : d);
            continue;
        }
        stack[sp] = nodes[nd].left;
        depth[sp++] = d + 1;
        stack[sp] = nodes[nd].right;
        depth[sp++] = d + 1;
    }
}

/* Canonical codes: shorter codes first, ties by symbol value. */
static int count_by_len[MAXBITS + 1];
static uint32_t first_code[MAXBITS + 1];
static int first_index[MAXBITS + 1];
static int sorted_syms[NSYM];

static void canonical(void) {
    memset(count_by_len, 0, sizeof count_by_len);
    for (int s = 0; s < NSYM; s++) count_by_len[code_len[s]]++;
    count_by_len[0] = 0;
    uint32_t c = 0;
    int idx = 0;
    for (int len = 1; len <= MAXBITS; len++) {
        c = (c + (uint32_t)count_by_len[len - 1]) << 1;
        first_code[len] = c;
        first_index[len] = idx;
        for (int s = 0; s < NSYM; s++)
            if (code_len[s] == len) sorted_syms[idx++] = s;
    }
    uint32_t next[MAXBITS + 1];
    memcpy(next, first_code, sizeof next);
    for (int s = 0; s < NSYM; s++)
        if (code_len[s]) code[s] = next[code_len[s]]++;
}

static size_t encode(const unsigned char *in, int n) {
    size_t bitpos = 0;
    memset(bits_out, 0, (size_t)n + 64);
    for (int i = 0; i < n; i++) {
        int len = code_len[in[i]];
        uint32_t c = code[in[i]];
        for (int b = len - 1; b >= 0; b--) {
            if ((c >> b) & 1u) bits_out[bitpos >> 3] |= (unsigned char)(0x80u >> (bitpos & 7));
            bitpos++;
        }
    }
    return bitpos;
}

static int decode(size_t nbits, unsigned char *out, int n) {
    size_t bitpos = 0;
    int k = 0;
    while (k < n && bitpos < nbits) {
        uint32_t c = 0;
        int len = 0;
        for (;;) {
            c = (c << 1) | ((bits_out[bitpos >> 3] >> (7 - (bitpos & 7))) & 1u);
            bitpos++;
            len++;
            if (len > MAXBITS) return -1;
            uint32_t offset = c - first_code[len];
            if (c >= first_code[len] && offset < (uint32_t)count_by_len[len]) {
                out[k++] = (unsigned char)sorted_syms[first_index[len] + (int)offset];
                break;
            }
            if (bitpos >= nbits) return -1;
        }
    }
    return k;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 30000, 1, MAXLEN);
    uint32_t s = 0x51EDu + (uint32_t)n;
    for (int i = 0; i < n; i++) {
        s = s * 1664525u + 1013904223u;
        uint32_t r = s >> 16;
        /* geometric-ish distribution over letters, occasional rare bytes */
        int sym = 0;
        while ((r & 1u) && sym < 20) {
            sym++;
            r >>= 1;
        }
        input[i] = (unsigned char)((s >> 8) % 97u == 0 ? (s >> 24) : (uint32_t)('a' + sym));
    }
    uint32_t freq[NSYM] = {0};
    for (int i = 0; i < n; i++) freq[input[i]]++;
    int nn = 0;
    heap_size = 0;
    for (int sy = 0; sy < NSYM; sy++) {
        if (!freq[sy]) continue;
        nodes[nn].freq = freq[sy];
        nodes[nn].left = nodes[nn].right = -1;
        nodes[nn].sym = sy;
        heap_push(nn++);
    }
    while (heap_size > 1) {
        int a = heap_pop(), b = heap_pop();
        nodes[nn].freq = nodes[a].freq + nodes[b].freq;
        nodes[nn].left = a;
        nodes[nn].right = b;
        nodes[nn].sym = -1;
        heap_push(nn++);
    }
    memset(code_len, 0, sizeof code_len);
    assign_lengths(heap_pop());
    int maxlen = 0, used = 0;
    for (int sy = 0; sy < NSYM; sy++)
        if (code_len[sy]) {
            used++;
            if (code_len[sy] > maxlen) maxlen = code_len[sy];
        }
    if (maxlen > MAXBITS) {
        printf("code too long\n");
        return 0;
    }
    canonical();
    size_t nbits = encode(input, n);
    int k = decode(nbits, decoded, n);
    int ok = k == n && memcmp(input, decoded, (size_t)n) == 0;
    uint32_t h = 0;
    for (size_t i = 0; i < (nbits + 7) / 8; i++) h = h * 31u + bits_out[i];
    printf("symbols %d max code length %d\n", used, maxlen);
    printf("bits %zu bytes %zu of %d roundtrip %d\n", nbits, (nbits + 7) / 8, n, ok);
    printf("checksum: %u\n", h);
    return 0;
}
