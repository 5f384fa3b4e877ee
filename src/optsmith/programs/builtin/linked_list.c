/* Linked lists over a static node pool: sorted insertion, in-place reversal, merge sort
 * of a singly linked list, duplicate removal, a doubly linked deque, and the Josephus
 * problem on a circular list. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define POOL 120000

typedef struct snode {
    int32_t value;
    struct snode *next;
} snode_t;

typedef struct dnode {
    int32_t value;
    struct dnode *prev, *next;
} dnode_t;

static snode_t spool[POOL];
static int spool_used;
static dnode_t dpool[POOL];
static int dpool_used;
static uint32_t rng_state = 0x0DDBA11u;

static uint32_t next_rand(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
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

static snode_t *snew(int32_t v) {
    if (spool_used >= POOL) return NULL;
    snode_t *n = &spool[spool_used++];
    n->value = v;
    n->next = NULL;
    return n;
}

static snode_t *sorted_insert(snode_t *head, snode_t *node) {
    if (!head || node->value <= head->value) {
        node->next = head;
        return node;
    }
    snode_t *cur = head;
    while (cur->next && cur->next->value < node->value) cur = cur->next;
    node->next = cur->next;
    cur->next = node;
    return head;
}

static snode_t *reverse(snode_t *head) {
    snode_t *prev = NULL;
    while (head) {
        snode_t *next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

static snode_t *merge(snode_t *a, snode_t *b) {
    snode_t dummy;
    snode_t *tail = &dummy;
    dummy.next = NULL;
    while (a && b) {
        if (b->value < a->value) {
            tail->next = b;
            b = b->next;
        } else {
            tail->next = a;
            a = a->next;
        }
        tail = tail->next;
    }
    tail->next = a ? a : b;
    return dummy.next;
}

static snode_t *merge_sort(snode_t *head) {
    if (!head || !head->next) return head;
    snode_t *slow = head, *fast = head->next;
    while (fast && fast->next) {
        slow = slow->next;
        fast = fast->next->next;
    }
    snode_t *second = slow->next;
    slow->next = NULL;
    return merge(merge_sort(head), merge_sort(second));
}

static int remove_duplicates(snode_t *head) {
    int removed = 0;
    while (head && head->next) {
        if (head->next->value == head->value) {
            head->next = head->next->next;
            removed++;
        } else {
            head = head->next;
        }
    }
    return removed;
}

static uint32_t list_hash(const snode_t *n, int *len) {
    uint32_t h = 0;
    *len = 0;
    for (; n; n = n->next) {
        h = h * 31u + (uint32_t)n->value;
        (*len)++;
    }
    return h;
}

typedef struct {
    dnode_t head; /* sentinel */
    int size;
} deque_t;

static void dq_init(deque_t *d) {
    d->head.next = d->head.prev = &d->head;
    d->size = 0;
}

static void dq_insert_after(deque_t *d, dnode_t *at, int32_t v) {
    if (dpool_used >= POOL) return;
    dnode_t *n = &dpool[dpool_used++];
    n->value = v;
    n->prev = at;
    n->next = at->next;
    at->next->prev = n;
    at->next = n;
    d->size++;
}

static int32_t dq_unlink(deque_t *d, dnode_t *n) {
    n->prev->next = n->next;
    n->next->prev = n->prev;
    d->size--;
    return n->value;
}

/* Josephus: people 1..m in a circle, every k-th is removed; returns the survivor. */
static int josephus(int m, int k, uint32_t *order_hash) {
    snode_t *first = NULL, *last = NULL;
    for (int i = 1; i <= m; i++) {
        snode_t *n = snew(i);
        if (!n) return -1;
        if (!first) first = n;
        else last->next = n;
        last = n;
    }
    last->next = first;
    snode_t *prev = last;
    uint32_t h = 0;
    while (prev->next != prev) {
        for (int s = 1; s < k; s++) prev = prev->next;
        snode_t *out = prev->next;
        h = h * 17u + (uint32_t)out->value;
        prev->next = out->next;
    }
    *order_hash = h;
    return prev->value;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 3000, 2, 20000);
    rng_state ^= (uint32_t)n;
    /* sorted insertion is quadratic, so use a slice of n */
    snode_t *sorted = NULL;
    int ns = n / 4 + 1;
    for (int i = 0; i < ns; i++) sorted = sorted_insert(sorted, snew((int32_t)(next_rand() % 1000u)));
    snode_t *unsorted = NULL;
    for (int i = 0; i < n; i++) {
        snode_t *node = snew((int32_t)(next_rand() % 5000u));
        node->next = unsorted;
        unsorted = node;
    }
    unsorted = merge_sort(unsorted);
    int ok = 1;
    for (snode_t *p = unsorted; p && p->next; p = p->next)
        if (p->value > p->next->value) ok = 0;
    int dups = remove_duplicates(unsorted);
    unsorted = reverse(unsorted);
    int len1, len2;
    uint32_t h1 = list_hash(sorted, &len1);
    uint32_t h2 = list_hash(unsorted, &len2);

    deque_t dq;
    dq_init(&dq);
    int64_t dsum = 0;
    for (int i = 0; i < n; i++) {
        uint32_t r = next_rand();
        switch (r % 4u) {
        case 0:
        case 1: dq_insert_after(&dq, &dq.head, (int32_t)(r >> 8)); break;
        case 2: dq_insert_after(&dq, dq.head.prev, (int32_t)(r >> 12)); break;
        default:
            if (dq.size > 0) dsum += dq_unlink(&dq, (r & 16u) ? dq.head.next : dq.head.prev);
            break;
        }
    }
    uint32_t jh = 0;
    int survivor = josephus(n, 3 + n % 5, &jh);
    printf("sorted-insert len %d merge-sorted ok %d removed dups %d remaining %d\n", len1, ok, dups,
           len2);
    printf("deque size %d popped sum %lld josephus survivor %d\n", dq.size, (long long)dsum, survivor);
    printf("checksum: %u\n", h1 ^ h2 ^ jh);
    return 0;
}
