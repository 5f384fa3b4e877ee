/* Regular expressions via Thompson's construction: a recursive-descent regex parser builds
 * an NFA (literals, '.', classes, * + ?, alternation, groups), simulated with state lists,
 * and a lazily built DFA (subset construction with a state cache) that must agree. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXSTATES 512
#define MAXDFA 256
#define MAXTEXT 32
#define NCHARS 128

enum { S_CHAR, S_ANY, S_CLASS, S_SPLIT, S_MATCH };

typedef struct {
    int type;
    int c;
    uint8_t cls[NCHARS / 8];
    int out, out1;
} state_t;

typedef struct {
    int start;
    int patch_head, patch_tail; /* list of dangling slots: slot = state * 2 + which */
} frag_t;

static state_t states[MAXSTATES];
static int nstates;
static int patch_next[MAXSTATES * 2];
static const char *re_pos;
static int re_error;

typedef struct {
    int n;
    int s[MAXSTATES];
} list_t;

static int list_mark[MAXSTATES];
static int list_gen;

typedef struct {
    int nset;
    int set[MAXSTATES];
    int next[NCHARS];
    int accepting;
} dstate_t;

static dstate_t dfa[MAXDFA];
static int ndfa;
static int dfa_overflow;

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

static int new_state(int type, int c, int out, int out1) {
    if (nstates >= MAXSTATES) {
        re_error = 1;
        return 0;
    }
    state_t *s = &states[nstates];
    s->type = type;
    s->c = c;
    memset(s->cls, 0, sizeof s->cls);
    s->out = out;
    s->out1 = out1;
    return nstates++;
}

static frag_t frag_single(int st, int slot) {
    frag_t f;
    f.start = st;
    f.patch_head = f.patch_tail = slot;
    patch_next[slot] = -1;
    return f;
}

static void patch(frag_t f, int target) {
    for (int slot = f.patch_head; slot >= 0; slot = patch_next[slot]) {
        if (slot & 1)
            states[slot >> 1].out1 = target;
        else
            states[slot >> 1].out = target;
    }
}

static frag_t append_lists(frag_t a, frag_t b) {
    patch_next[a.patch_tail] = b.patch_head;
    a.patch_tail = b.patch_tail;
    return a;
}

static frag_t parse_alt(void);

static frag_t parse_atom(void) {
    char c = *re_pos;
    if (c == '(') {
        re_pos++;
        frag_t f = parse_alt();
        if (*re_pos != ')') re_error = 1;
        else re_pos++;
        return f;
    }
    if (c == '.') {
        re_pos++;
        int s = new_state(S_ANY, 0, -1, -1);
        return frag_single(s, s * 2);
    }
    if (c == '[') {
        re_pos++;
        int s = new_state(S_CLASS, 0, -1, -1);
        int negate = 0;
        if (*re_pos == '^') {
            negate = 1;
            re_pos++;
        }
        while (*re_pos && *re_pos != ']') {
            int lo = (unsigned char)*re_pos++, hi = lo;
            if (*re_pos == '-' && re_pos[1] && re_pos[1] != ']') {
                hi = (unsigned char)re_pos[1];
                re_pos += 2;
            }
            for (int ch = lo; ch <= hi && ch < NCHARS; ch++)
                states[s].cls[ch >> 3] |= (uint8_t)(1u << (ch & 7));
        }
        if (*re_pos != ']') re_error = 1;
        else re_pos++;
        if (negate)
            for (size_t i = 0; i < sizeof states[s].cls; i++)
                states[s].cls[i] = (uint8_t)~states[s].cls[i];
        return frag_single(s, s * 2);
    }
    if (c == '\\' && re_pos[1]) re_pos++;
    if (!*re_pos || *re_pos == ')' || *re_pos == '|' || *re_pos == '*' || *re_pos == '+' ||
        *re_pos == '?') {
        re_error = 1;
        int s = new_state(S_CHAR, 0, -1, -1);
        return frag_single(s, s * 2);
    }
    int s = new_state(S_CHAR, (unsigned char)*re_pos++, -1, -1);
    return frag_single(s, s * 2);
}

static frag_t parse_repeat(void) {
    frag_t f = parse_atom();
    while (!re_error && (*re_pos == '*' || *re_pos == '+' || *re_pos == '?')) {
        char op = *re_pos++;
        int s = new_state(S_SPLIT, 0, f.start, -1);
        switch (op) {
        case '*':
            patch(f, s);
            f = frag_single(s, s * 2 + 1);
            break;
        case '+': {
            patch(f, s);
            frag_t g = frag_single(s, s * 2 + 1);
            g.start = f.start;
            f = g;
            break;
        }
        default: { /* '?' */
            frag_t g = frag_single(s, s * 2 + 1);
            f.start = s;
            f = append_lists(f, g);
            f.start = s;
            break;
        }
        }
    }
    return f;
}

static frag_t parse_concat(void) {
    frag_t f = parse_repeat();
    while (!re_error && *re_pos && *re_pos != '|' && *re_pos != ')') {
        frag_t g = parse_repeat();
        patch(f, g.start);
        f.patch_head = g.patch_head;
        f.patch_tail = g.patch_tail;
    }
    return f;
}

static frag_t parse_alt(void) {
    frag_t f = parse_concat();
    while (!re_error && *re_pos == '|') {
        re_pos++;
        frag_t g = parse_concat();
        int s = new_state(S_SPLIT, 0, f.start, g.start);
        f = append_lists(f, g);
        f.start = s;
    }
    return f;
}

static int compile(const char *re) {
    nstates = 0;
    re_error = 0;
    re_pos = re;
    frag_t f = parse_alt();
    if (*re_pos) re_error = 1;
    int m = new_state(S_MATCH, 0, -1, -1);
    if (re_error) return -1;
    patch(f, m);
    return f.start;
}

static void add_state(list_t *l, int s) {
    int stack[MAXSTATES * 2];
    int sp = 0;
    stack[sp++] = s;
    while (sp > 0) {
        int t = stack[--sp];
        if (t < 0 || list_mark[t] == list_gen) continue;
        list_mark[t] = list_gen;
        if (states[t].type == S_SPLIT) {
            stack[sp++] = states[t].out1;
            stack[sp++] = states[t].out;
        } else {
            l->s[l->n++] = t;
        }
    }
}

static int state_accepts(const state_t *st, int c) {
    switch (st->type) {
    case S_CHAR: return st->c == c;
    case S_ANY: return 1;
    case S_CLASS: return (st->cls[c >> 3] >> (c & 7)) & 1;
    default: return 0;
    }
}

static void step(const list_t *cur, int c, list_t *next) {
    list_gen++;
    next->n = 0;
    for (int i = 0; i < cur->n; i++) {
        const state_t *st = &states[cur->s[i]];
        if (state_accepts(st, c)) add_state(next, st->out);
    }
}

static int has_match(const list_t *l) {
    for (int i = 0; i < l->n; i++)
        if (states[l->s[i]].type == S_MATCH) return 1;
    return 0;
}

static list_t la, lb;

static int nfa_full_match(int start, const char *text) {
    list_t *cur = &la, *next = &lb;
    list_gen++;
    cur->n = 0;
    add_state(cur, start);
    for (const char *p = text; *p; p++) {
        step(cur, (unsigned char)*p & (NCHARS - 1), next);
        list_t *t = cur;
        cur = next;
        next = t;
    }
    return has_match(cur);
}

static int nfa_search(int start, const char *text) {
    list_t *cur = &la, *next = &lb;
    list_gen++;
    cur->n = 0;
    add_state(cur, start);
    for (const char *p = text;; p++) {
        if (has_match(cur)) return 1;
        if (!*p) return 0;
        step(cur, (unsigned char)*p & (NCHARS - 1), next);
        add_state(next, start); /* same generation: dedupes against step's states */
        list_t *t = cur;
        cur = next;
        next = t;
    }
}

static int sort_ints(int *a, int n) {
    for (int i = 1; i < n; i++) {
        int v = a[i], j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
    return n;
}

static int dfa_lookup(const list_t *l) {
    static int tmp[MAXSTATES];
    memcpy(tmp, l->s, (size_t)l->n * sizeof(int));
    sort_ints(tmp, l->n);
    for (int i = 0; i < ndfa; i++)
        if (dfa[i].nset == l->n && memcmp(dfa[i].set, tmp, (size_t)l->n * sizeof(int)) == 0) return i;
    if (ndfa >= MAXDFA) {
        dfa_overflow = 1;
        return -1;
    }
    dstate_t *d = &dfa[ndfa];
    d->nset = l->n;
    memcpy(d->set, tmp, (size_t)l->n * sizeof(int));
    for (int c = 0; c < NCHARS; c++) d->next[c] = -2; /* not computed */
    d->accepting = has_match(l);
    return ndfa++;
}

static int dfa_full_match(int d, const char *text) {
    for (const char *p = text; *p && d >= 0; p++) {
        int c = (unsigned char)*p & (NCHARS - 1);
        if (dfa[d].next[c] == -2) {
            list_t cur;
            cur.n = dfa[d].nset;
            memcpy(cur.s, dfa[d].set, (size_t)cur.n * sizeof(int));
            step(&cur, c, &lb);
            dfa[d].next[c] = dfa_lookup(&lb);
        }
        d = dfa[d].next[c];
    }
    return d >= 0 && dfa[d].accepting;
}

int main(int argc, char **argv) {
    static const char *patterns[] = {
        "a(b|c)*d",        "(ab|ba)+e?",    "[a-c]*d[de]+", ".*abc.*",
        "a?b?c?d?e?",      "(a|b)*a(a|b)(a|b)", "e+(d|c)*b", "((a|b)(c|d))*",
        "[^a]*a[^b]*",     "(a|ab)(c|bcd)(d*)", "a**b",      "(bad",
    };
    int n = (int)parse_arg(argc, argv, 2000, 1, 100000);
    static char texts[1][MAXTEXT + 1];
    uint32_t seed = 0x1F2E3D4Cu ^ (uint32_t)n * 2654435761u;
    uint32_t checksum = 0;
    int total_full = 0, total_search = 0, disagreements = 0;
    for (size_t p = 0; p < sizeof patterns / sizeof patterns[0]; p++) {
        int start = compile(patterns[p]);
        if (start < 0) {
            printf("%-20s parse error\n", patterns[p]);
            continue;
        }
        ndfa = 0;
        dfa_overflow = 0;
        list_gen++;
        la.n = 0;
        add_state(&la, start);
        int d0 = dfa_lookup(&la);
        int full = 0, found = 0;
        uint32_t s = seed + (uint32_t)p;
        for (int i = 0; i < n; i++) {
            s = s * 1664525u + 1013904223u;
            int len = (int)(s >> 27);
            char *t = texts[0];
            for (int k = 0; k < len; k++) {
                s = s * 1664525u + 1013904223u;
                t[k] = (char)('a' + (s >> 24) % 5u);
            }
            t[len] = '\0';
            int m1 = nfa_full_match(start, t);
            int m2 = dfa_full_match(d0, t);
            if (m1 != m2 && !dfa_overflow) disagreements++;
            int m3 = nfa_search(start, t);
            full += m1;
            found += m3;
            checksum = checksum * 31u + (uint32_t)(m1 * 2 + m3) + (uint32_t)i;
        }
        printf("%-20s states %3d dfa %3d full %5d search %5d\n", patterns[p], nstates, ndfa, full,
               found);
        total_full += full;
        total_search += found;
    }
    printf("total full %d search %d disagreements %d\n", total_full, total_search, disagreements);
    printf("checksum: %u\n", checksum);
    return 0;
}
