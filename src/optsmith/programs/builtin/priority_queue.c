/* Priority queues driving a discrete-event simulation of a multi-server queue: a binary
 * heap, a 4-ary heap and a pairing heap must produce identical event orders. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXEVENTS 200000
#define SERVERS 4

typedef struct {
    uint64_t time;
    uint32_t seq; /* tie-break: insertion order */
    int kind;     /* 0 arrival, 1 departure */
    int customer;
} event_t;

static int ev_less(const event_t *a, const event_t *b) {
    if (a->time != b->time) return a->time < b->time;
    return a->seq < b->seq;
}

/* ---- binary / d-ary heap ---- */
typedef struct {
    event_t items[MAXEVENTS];
    int size;
    int arity;
} dheap_t;

static void dheap_push(dheap_t *h, event_t e) {
    int i = h->size++;
    while (i > 0) {
        int p = (i - 1) / h->arity;
        if (!ev_less(&e, &h->items[p])) break;
        h->items[i] = h->items[p];
        i = p;
    }
    h->items[i] = e;
}

static event_t dheap_pop(dheap_t *h) {
    event_t top = h->items[0];
    event_t last = h->items[--h->size];
    int i = 0;
    for (;;) {
        int first = i * h->arity + 1;
        if (first >= h->size) break;
        int best = first;
        for (int c = first + 1; c < first + h->arity && c < h->size; c++)
            if (ev_less(&h->items[c], &h->items[best])) best = c;
        if (!ev_less(&h->items[best], &last)) break;
        h->items[i] = h->items[best];
        i = best;
    }
    if (h->size > 0) h->items[i] = last;
    return top;
}

/* ---- pairing heap over a node pool ---- */
typedef struct {
    event_t e;
    int child, sibling;
} pnode_t;

static pnode_t pnodes[MAXEVENTS + 1];
static int pfree, pnext = 1;
static int proot;
static int psize;
static int merge_buf[MAXEVENTS];

static int pmeld(int a, int b) {
    if (!a) return b;
    if (!b) return a;
    if (ev_less(&pnodes[b].e, &pnodes[a].e)) {
        int t = a;
        a = b;
        b = t;
    }
    pnodes[b].sibling = pnodes[a].child;
    pnodes[a].child = b;
    return a;
}

static void ppush(event_t e) {
    int n;
    if (pfree) {
        n = pfree;
        pfree = pnodes[n].sibling;
    } else {
        n = pnext++;
    }
    pnodes[n].e = e;
    pnodes[n].child = pnodes[n].sibling = 0;
    proot = pmeld(proot, n);
    psize++;
}

static event_t ppop(void) {
    int r = proot;
    event_t top = pnodes[r].e;
    /* two-pass pairing */
    int cnt = 0;
    for (int c = pnodes[r].child; c;) {
        int next = pnodes[c].sibling;
        pnodes[c].sibling = 0;
        merge_buf[cnt++] = c;
        c = next;
    }
    int m = 0;
    for (int i = 0; i + 1 < cnt; i += 2) merge_buf[m++] = pmeld(merge_buf[i], merge_buf[i + 1]);
    if (cnt & 1) merge_buf[m++] = merge_buf[cnt - 1];
    int acc = 0;
    for (int i = m - 1; i >= 0; i--) acc = pmeld(acc, merge_buf[i]);
    proot = acc;
    pnodes[r].sibling = pfree;
    pfree = r;
    psize--;
    return top;
}

static dheap_t heap2, heap4;

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

typedef struct {
    uint64_t clock;
    int busy;
    int waiting[MAXEVENTS];
    int qhead, qtail;
    uint64_t arrival_time[MAXEVENTS];
    uint64_t total_wait;
    int served, max_queue;
    uint32_t seq;
    uint32_t rng;
} sim_t;

static sim_t sim;

static uint32_t sim_rand(sim_t *s) {
    s->rng = s->rng * 1103515245u + 12345u;
    return s->rng >> 8;
}

static void schedule(sim_t *s, uint64_t t, int kind, int customer) {
    event_t e = {t, s->seq++, kind, customer};
    dheap_push(&heap2, e);
    dheap_push(&heap4, e);
    ppush(e);
}

int main(int argc, char **argv) {
    int customers = (int)parse_arg(argc, argv, 5000, 1, MAXEVENTS / 4);
    heap2.arity = 2;
    heap4.arity = 4;
    sim.rng = 0xC0DEu + (uint32_t)customers;
    uint64_t t = 0;
    for (int c = 0; c < customers; c++) {
        t += 1 + sim_rand(&sim) % 20u;
        schedule(&sim, t, 0, c);
    }
    int agree = 1;
    uint32_t h = 0;
    while (heap2.size > 0) {
        event_t a = dheap_pop(&heap2), b = dheap_pop(&heap4), c = ppop();
        if (a.seq != b.seq || a.seq != c.seq) agree = 0;
        sim.clock = a.time;
        h = h * 31u + a.seq;
        if (a.kind == 0) {
            sim.arrival_time[a.customer] = a.time;
            if (sim.busy < SERVERS) {
                sim.busy++;
                schedule(&sim, a.time + 10 + sim_rand(&sim) % 60u, 1, a.customer);
            } else {
                sim.waiting[sim.qtail++] = a.customer;
                int q = sim.qtail - sim.qhead;
                if (q > sim.max_queue) sim.max_queue = q;
            }
        } else {
            sim.served++;
            if (sim.qhead < sim.qtail) {
                int next = sim.waiting[sim.qhead++];
                sim.total_wait += a.time - sim.arrival_time[next];
                schedule(&sim, a.time + 10 + sim_rand(&sim) % 60u, 1, next);
            } else {
                sim.busy--;
            }
        }
    }
    printf("served %d end time %llu max queue %d\n", sim.served, (unsigned long long)sim.clock,
           sim.max_queue);
    printf("mean wait x100 %llu heaps agree %d pairing left %d\n",
           (unsigned long long)(sim.total_wait * 100 / (uint64_t)customers), agree, psize);
    printf("checksum: %u\n", h);
    return 0;
}
