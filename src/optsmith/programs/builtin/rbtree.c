/* A red-black tree (CLRS style, with a shared nil sentinel) over an index-based node
 * pool: insertion and deletion with fix-ups, successor iteration, floor queries, and a
 * check of the red-black properties (black height, no red-red edges, ordering). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define POOL 100000
#define NIL 0

enum { BLACK = 0, RED = 1 };

typedef struct {
    uint32_t key;
    uint32_t value;
    int left, right, parent;
    int color;
} rb_node_t;

static rb_node_t nd[POOL + 1];
static int root = NIL;
static int free_list = NIL, next_free = 1;

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

static void rotate_left(int x) {
    int y = nd[x].right;
    nd[x].right = nd[y].left;
    if (nd[y].left != NIL) nd[nd[y].left].parent = x;
    nd[y].parent = nd[x].parent;
    if (nd[x].parent == NIL) root = y;
    else if (x == nd[nd[x].parent].left) nd[nd[x].parent].left = y;
    else nd[nd[x].parent].right = y;
    nd[y].left = x;
    nd[x].parent = y;
}

static void rotate_right(int x) {
    int y = nd[x].left;
    nd[x].left = nd[y].right;
    if (nd[y].right != NIL) nd[nd[y].right].parent = x;
    nd[y].parent = nd[x].parent;
    if (nd[x].parent == NIL) root = y;
    else if (x == nd[nd[x].parent].right) nd[nd[x].parent].right = y;
    else nd[nd[x].parent].left = y;
    nd[y].right = x;
    nd[x].parent = y;
}

static int find(uint32_t key) {
    int x = root;
    while (x != NIL && nd[x].key != key) x = key < nd[x].key ? nd[x].left : nd[x].right;
    return x;
}

static void insert_fixup(int z) {
    while (nd[nd[z].parent].color == RED) {
        int p = nd[z].parent, g = nd[p].parent;
        if (p == nd[g].left) {
            int u = nd[g].right;
            if (nd[u].color == RED) {
                nd[p].color = BLACK;
                nd[u].color = BLACK;
                nd[g].color = RED;
                z = g;
            } else {
                if (z == nd[p].right) {
                    z = p;
                    rotate_left(z);
                    p = nd[z].parent;
                }
                nd[p].color = BLACK;
                nd[g].color = RED;
                rotate_right(g);
            }
        } else {
            int u = nd[g].left;
            if (nd[u].color == RED) {
                nd[p].color = BLACK;
                nd[u].color = BLACK;
                nd[g].color = RED;
                z = g;
            } else {
                if (z == nd[p].left) {
                    z = p;
                    rotate_right(z);
                    p = nd[z].parent;
                }
                nd[p].color = BLACK;
                nd[g].color = RED;
                rotate_left(g);
            }
        }
    }
    nd[root].color = BLACK;
}

static int insert(uint32_t key, uint32_t value) {
    int y = NIL, x = root;
    while (x != NIL) {
        y = x;
        if (key == nd[x].key) {
            nd[x].value = value;
            return 0;
        }
        x = key < nd[x].key ? nd[x].left : nd[x].right;
    }
    int z;
    if (free_list != NIL) {
        z = free_list;
        free_list = nd[z].right;
    } else if (next_free <= POOL) {
        z = next_free++;
    } else {
        return -1;
    }
    nd[z].key = key;
    nd[z].value = value;
    nd[z].left = nd[z].right = NIL;
    nd[z].parent = y;
    nd[z].color = RED;
    if (y == NIL) root = z;
    else if (key < nd[y].key) nd[y].left = z;
    else nd[y].right = z;
    insert_fixup(z);
    return 1;
}

static void transplant(int u, int v) {
    if (nd[u].parent == NIL) root = v;
    else if (u == nd[nd[u].parent].left) nd[nd[u].parent].left = v;
    else nd[nd[u].parent].right = v;
    nd[v].parent = nd[u].parent; /* may write the sentinel's parent, as in CLRS */
}

static int minimum(int x) {
    while (nd[x].left != NIL) x = nd[x].left;
    return x;
}

static void delete_fixup(int x) {
    while (x != root && nd[x].color == BLACK) {
        int p = nd[x].parent;
        if (x == nd[p].left) {
            int w = nd[p].right;
            if (nd[w].color == RED) {
                nd[w].color = BLACK;
                nd[p].color = RED;
                rotate_left(p);
                w = nd[p].right;
            }
            if (nd[nd[w].left].color == BLACK && nd[nd[w].right].color == BLACK) {
                nd[w].color = RED;
                x = p;
            } else {
                if (nd[nd[w].right].color == BLACK) {
                    nd[nd[w].left].color = BLACK;
                    nd[w].color = RED;
                    rotate_right(w);
                    w = nd[p].right;
                }
                nd[w].color = nd[p].color;
                nd[p].color = BLACK;
                nd[nd[w].right].color = BLACK;
                rotate_left(p);
                x = root;
            }
        } else {
            int w = nd[p].left;
            if (nd[w].color == RED) {
                nd[w].color = BLACK;
                nd[p].color = RED;
                rotate_right(p);
                w = nd[p].left;
            }
            if (nd[nd[w].right].color == BLACK && nd[nd[w].left].color == BLACK) {
                nd[w].color = RED;
                x = p;
            } else {
                if (nd[nd[w].left].color == BLACK) {
                    nd[nd[w].right].color = BLACK;
                    nd[w].color = RED;
                    rotate_left(w);
                    w = nd[p].left;
                }
                nd[w].color = nd[p].color;
                nd[p].color = BLACK;
                nd[nd[w].left].color = BLACK;
                rotate_right(p);
                x = root;
            }
        }
    }
    nd[x].color = BLACK;
}

static int erase(uint32_t key) {
    int z = find(key);
    if (z == NIL) return 0;
    int y = z, x;
    int y_color = nd[y].color;
    if (nd[z].left == NIL) {
        x = nd[z].right;
        transplant(z, nd[z].right);
    } else if (nd[z].right == NIL) {
        x = nd[z].left;
        transplant(z, nd[z].left);
    } else {
        y = minimum(nd[z].right);
        y_color = nd[y].color;
        x = nd[y].right;
        if (nd[y].parent == z) {
            nd[x].parent = y;
        } else {
            transplant(y, nd[y].right);
            nd[y].right = nd[z].right;
            nd[nd[y].right].parent = y;
        }
        transplant(z, y);
        nd[y].left = nd[z].left;
        nd[nd[y].left].parent = y;
        nd[y].color = nd[z].color;
    }
    if (y_color == BLACK) delete_fixup(x);
    nd[NIL].parent = NIL;
    nd[NIL].color = BLACK;
    nd[z].right = free_list;
    free_list = z;
    return 1;
}

static int successor(int x) {
    if (nd[x].right != NIL) return minimum(nd[x].right);
    int y = nd[x].parent;
    while (y != NIL && x == nd[y].right) {
        x = y;
        y = nd[y].parent;
    }
    return y;
}

/* largest key <= k, or NIL */
static int floor_node(uint32_t k) {
    int x = root, best = NIL;
    while (x != NIL) {
        if (nd[x].key == k) return x;
        if (nd[x].key < k) {
            best = x;
            x = nd[x].right;
        } else {
            x = nd[x].left;
        }
    }
    return best;
}

static int validate(int x, int *ok) {
    if (x == NIL) return 1;
    int l = nd[x].left, r = nd[x].right;
    if (nd[x].color == RED && (nd[l].color == RED || nd[r].color == RED)) *ok = 0;
    if (l != NIL && (nd[l].key >= nd[x].key || nd[l].parent != x)) *ok = 0;
    if (r != NIL && (nd[r].key <= nd[x].key || nd[r].parent != x)) *ok = 0;
    int bl = validate(l, ok), br = validate(r, ok);
    if (bl != br) *ok = 0;
    return bl + (nd[x].color == BLACK);
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 20000, 1, POOL);
    uint64_t s = 0x5DEECE66Dull ^ (uint64_t)n;
    nd[NIL].color = BLACK;
    int ins = 0, del = 0;
    uint32_t h = 0;
    for (int i = 0; i < n; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        uint32_t key = (uint32_t)(s >> 40) % (uint32_t)(n + n / 2);
        uint32_t op = (uint32_t)(s >> 20) % 10u;
        if (op < 3) {
            del += erase(key);
        } else if (op < 9) {
            ins += insert(key, (uint32_t)i) > 0;
        } else {
            int f = floor_node(key);
            h = h * 31u + (f != NIL ? nd[f].key : 0xFFFFFFFFu);
        }
    }
    int ok = 1;
    int bh = validate(root, &ok);
    if (nd[root].color != BLACK) ok = 0;
    int count = 0;
    uint32_t prev = 0;
    int sorted = 1;
    for (int x = root == NIL ? NIL : minimum(root); x != NIL; x = successor(x)) {
        if (count && nd[x].key <= prev) sorted = 0;
        prev = nd[x].key;
        h = h * 131u + nd[x].key + nd[x].value;
        count++;
    }
    printf("inserted %d erased %d size %d black height %d valid %d sorted %d\n", ins, del, count,
           bh, ok, sorted);
    printf("checksum: %u\n", h);
    return 0;
}
