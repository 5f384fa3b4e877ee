/* An AVL tree over a node pool with insertion, deletion (in-order successor), rotations,
 * rank queries via subtree sizes, range counting, and a full invariant check. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define POOL 100000

typedef struct {
    int32_t key;
    int left, right; /* 0 = null; nodes start at 1 */
    int height;
    int size;
} avl_node_t;

static avl_node_t t[POOL + 1];
static int free_head, pool_next = 1;

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

static int height(int n) { return n ? t[n].height : 0; }
static int size(int n) { return n ? t[n].size : 0; }

static void update(int n) {
    int hl = height(t[n].left), hr = height(t[n].right);
    t[n].height = 1 + (hl > hr ? hl : hr);
    t[n].size = 1 + size(t[n].left) + size(t[n].right);
}

static int rotate_right(int y) {
    int x = t[y].left;
    t[y].left = t[x].right;
    t[x].right = y;
    update(y);
    update(x);
    return x;
}

static int rotate_left(int x) {
    int y = t[x].right;
    t[x].right = t[y].left;
    t[y].left = x;
    update(x);
    update(y);
    return y;
}

static int rebalance(int n) {
    update(n);
    int bal = height(t[n].left) - height(t[n].right);
    if (bal > 1) {
        if (height(t[t[n].left].left) < height(t[t[n].left].right)) t[n].left = rotate_left(t[n].left);
        return rotate_right(n);
    }
    if (bal < -1) {
        if (height(t[t[n].right].right) < height(t[t[n].right].left))
            t[n].right = rotate_right(t[n].right);
        return rotate_left(n);
    }
    return n;
}

static int new_node(int32_t key) {
    int n;
    if (free_head) {
        n = free_head;
        free_head = t[n].left;
    } else if (pool_next <= POOL) {
        n = pool_next++;
    } else {
        return 0;
    }
    t[n].key = key;
    t[n].left = t[n].right = 0;
    t[n].height = 1;
    t[n].size = 1;
    return n;
}

static int inserted;

static int insert(int n, int32_t key) {
    if (!n) {
        int m = new_node(key);
        if (m) inserted = 1;
        return m;
    }
    if (key < t[n].key)
        t[n].left = insert(t[n].left, key);
    else if (key > t[n].key)
        t[n].right = insert(t[n].right, key);
    else
        return n;
    return rebalance(n);
}

static int removed;

static int remove_min(int n, int *min_node) {
    if (!t[n].left) {
        *min_node = n;
        return t[n].right;
    }
    t[n].left = remove_min(t[n].left, min_node);
    return rebalance(n);
}

static int erase(int n, int32_t key) {
    if (!n) return 0;
    if (key < t[n].key) {
        t[n].left = erase(t[n].left, key);
    } else if (key > t[n].key) {
        t[n].right = erase(t[n].right, key);
    } else {
        removed = 1;
        int l = t[n].left, r = t[n].right;
        t[n].left = free_head;
        free_head = n;
        if (!r) return l;
        int m;
        int rest = remove_min(r, &m);
        t[m].right = rest;
        t[m].left = l;
        return rebalance(m);
    }
    return rebalance(n);
}

/* number of keys < key */
static int rank(int n, int32_t key) {
    int r = 0;
    while (n) {
        if (key <= t[n].key) {
            n = t[n].left;
        } else {
            r += size(t[n].left) + 1;
            n = t[n].right;
        }
    }
    return r;
}

static int32_t kth(int n, int k) {
    while (n) {
        int ls = size(t[n].left);
        if (k < ls) n = t[n].left;
        else if (k == ls) return t[n].key;
        else {
            k -= ls + 1;
            n = t[n].right;
        }
    }
    return -1;
}

static int check(int n, int64_t lo, int64_t hi, int *ok) {
    if (!n) return 0;
    if (t[n].key <= lo || t[n].key >= hi) *ok = 0;
    int hl = check(t[n].left, lo, t[n].key, ok);
    int hr = check(t[n].right, t[n].key, hi, ok);
    if (hl - hr > 1 || hr - hl > 1) *ok = 0;
    int h = 1 + (hl > hr ? hl : hr);
    if (h != t[n].height) *ok = 0;
    if (t[n].size != 1 + size(t[n].left) + size(t[n].right)) *ok = 0;
    return h;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 20000, 1, POOL);
    uint32_t s = 0xA5A5A5A5u ^ (uint32_t)n;
    int root = 0, ins = 0, del = 0;
    uint32_t h = 0;
    for (int i = 0; i < n; i++) {
        s = s * 1664525u + 1013904223u;
        int32_t key = (int32_t)((s >> 8) % (uint32_t)(n * 2));
        if ((s >> 29) < 2) {
            removed = 0;
            root = erase(root, key);
            del += removed;
        } else {
            inserted = 0;
            root = insert(root, key);
            ins += inserted;
        }
        if ((i & 255) == 0) h = h * 31u + (uint32_t)rank(root, key);
    }
    int ok = 1;
    int ht = check(root, INT64_MIN, INT64_MAX, &ok);
    int total = size(root);
    int32_t median = total ? kth(root, total / 2) : -1;
    int in_range = rank(root, n) - rank(root, n / 2);
    printf("inserted %d deleted %d size %d height %d valid %d\n", ins, del, total, ht, ok);
    printf("median %d keys in [%d,%d) %d\n", (int)median, n / 2, n, in_range);
    for (int k = 0; k < total; k += total / 16 + 1) h = h * 131u + (uint32_t)kth(root, k);
    printf("checksum: %u\n", h);
    return 0;
}
