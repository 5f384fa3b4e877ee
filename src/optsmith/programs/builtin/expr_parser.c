/* A tokenizer and recursive-descent parser for a small expression language (variables,
 * let-statements, ternaries, comparisons, calls) building an AST that is then evaluated
 * argv[1] times. Arithmetic is 32-bit unsigned and wraps; division by zero yields 0.
 * The program text comes from stdin, or a built-in script when stdin is empty. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXSRC 65536
#define MAXNODES 8192
#define MAXVARS 64
#define MAXSTMTS 512
#define MAXDEPTH 100

enum tok_kind { T_EOF, T_NUM, T_IDENT, T_LET, T_OP, T_LPAREN, T_RPAREN, T_COMMA, T_SEMI };

/* two-character operators are encoded as distinct codes */
enum { OP_LE = 256, OP_GE, OP_EQ, OP_NE, OP_AND, OP_OR, OP_SHL, OP_SHR };

typedef struct {
    enum tok_kind kind;
    int op;
    uint32_t value;
    char name[16];
    int line;
} token_t;

enum node_kind { N_NUM, N_VAR, N_UNARY, N_BINARY, N_TERNARY, N_CALL };

typedef struct {
    enum node_kind kind;
    int op;
    uint32_t value;
    int a, b, c; /* children (node indices) or var index */
} node_t;

typedef struct {
    int var; /* -1 for a bare expression */
    int expr;
} stmt_t;

static char src[MAXSRC + 1];
static size_t src_len, pos;
static int line_no = 1;
static token_t tok;
static node_t nodes[MAXNODES];
static int nnodes;
static char var_names[MAXVARS][16];
static uint32_t vars[MAXVARS];
static int nvars;
static stmt_t stmts[MAXSTMTS];
static int nstmts;
static int parse_error;
static int depth;

static const char *default_src =
    "let a = x * 3 + 1;\n"
    "let b = (a ^ 2) % 1000003;\n"
    "let c = x > 10 ? b - a : a * a - b;\n"
    "let acc = acc + gcd(b, c) + min(a, b) * 2;\n"
    "let bits = (c << 3) | (c >> 29);\n"
    "let m = max(isqrt(b), a % 17) + !(x % 4) + ~bits % 97;\n"
    "acc * 31 + m + (a <= b && b != c || x == 7);\n";

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

static void next_token(void) {
    while (pos < src_len) {
        char ch = src[pos];
        if (ch == '\n') {
            line_no++;
            pos++;
        } else if (ch == '#') {
            while (pos < src_len && src[pos] != '\n') pos++;
        } else if (isspace((unsigned char)ch)) {
            pos++;
        } else {
            break;
        }
    }
    tok.line = line_no;
    if (pos >= src_len) {
        tok.kind = T_EOF;
        return;
    }
    char ch = src[pos];
    if (isdigit((unsigned char)ch)) {
        uint32_t v = 0;
        while (pos < src_len && isdigit((unsigned char)src[pos]))
            v = v * 10u + (uint32_t)(src[pos++] - '0');
        tok.kind = T_NUM;
        tok.value = v;
        return;
    }
    if (isalpha((unsigned char)ch) || ch == '_') {
        size_t k = 0;
        while (pos < src_len && (isalnum((unsigned char)src[pos]) || src[pos] == '_')) {
            if (k < sizeof tok.name - 1) tok.name[k++] = src[pos];
            pos++;
        }
        tok.name[k] = '\0';
        tok.kind = strcmp(tok.name, "let") == 0 ? T_LET : T_IDENT;
        return;
    }
    pos++;
    char nx = pos < src_len ? src[pos] : '\0';
    tok.kind = T_OP;
    switch (ch) {
    case '(': tok.kind = T_LPAREN; return;
    case ')': tok.kind = T_RPAREN; return;
    case ',': tok.kind = T_COMMA; return;
    case ';': tok.kind = T_SEMI; return;
    case '<':
        if (nx == '=') { pos++; tok.op = OP_LE; }
        else if (nx == '<') { pos++; tok.op = OP_SHL; }
        else tok.op = '<';
        return;
    case '>':
        if (nx == '=') { pos++; tok.op = OP_GE; }
        else if (nx == '>') { pos++; tok.op = OP_SHR; }
        else tok.op = '>';
        return;
    case '=':
        if (nx == '=') { pos++; tok.op = OP_EQ; }
        else tok.op = '=';
        return;
    case '!':
        if (nx == '=') { pos++; tok.op = OP_NE; }
        else tok.op = '!';
        return;
    case '&':
        if (nx == '&') { pos++; tok.op = OP_AND; }
        else tok.op = '&';
        return;
    case '|':
        if (nx == '|') { pos++; tok.op = OP_OR; }
        else tok.op = '|';
        return;
    default:
        tok.op = ch;
        return;
    }
}

static int new_node(enum node_kind kind, int op, int a, int b, int c) {
    if (nnodes >= MAXNODES) {
        parse_error = 1;
        return 0;
    }
    node_t *n = &nodes[nnodes];
    n->kind = kind;
    n->op = op;
    n->value = 0;
    n->a = a;
    n->b = b;
    n->c = c;
    return nnodes++;
}

static int lookup_var(const char *name, int create) {
    for (int i = 0; i < nvars; i++)
        if (strcmp(var_names[i], name) == 0) return i;
    if (!create || nvars >= MAXVARS) return -1;
    strcpy(var_names[nvars], name);
    vars[nvars] = 0;
    return nvars++;
}

static int is_op(int op) { return tok.kind == T_OP && tok.op == op; }

static int parse_expr(void);

static int parse_primary(void) {
    if (tok.kind == T_NUM) {
        int n = new_node(N_NUM, 0, 0, 0, 0);
        nodes[n].value = tok.value;
        next_token();
        return n;
    }
    if (tok.kind == T_IDENT) {
        char name[16];
        strcpy(name, tok.name);
        next_token();
        if (tok.kind == T_LPAREN) {
            static const char *funcs[] = {"min", "max", "gcd", "isqrt"};
            int f = -1;
            for (int i = 0; i < 4; i++)
                if (strcmp(name, funcs[i]) == 0) f = i;
            if (f < 0) {
                parse_error = 1;
                return 0;
            }
            next_token();
            int a = parse_expr(), b = -1;
            if (tok.kind == T_COMMA) {
                next_token();
                b = parse_expr();
            }
            if (tok.kind != T_RPAREN || (f < 3) != (b >= 0)) {
                parse_error = 1;
                return 0;
            }
            next_token();
            return new_node(N_CALL, f, a, b, 0);
        }
        int v = lookup_var(name, 1);
        if (v < 0) {
            parse_error = 1;
            return 0;
        }
        return new_node(N_VAR, 0, v, 0, 0);
    }
    if (tok.kind == T_LPAREN) {
        next_token();
        int e = parse_expr();
        if (tok.kind != T_RPAREN) {
            parse_error = 1;
            return 0;
        }
        next_token();
        return e;
    }
    parse_error = 1;
    return 0;
}

static int parse_unary(void) {
    if (++depth > MAXDEPTH) {
        parse_error = 1;
        depth--;
        return 0;
    }
    int r;
    if (is_op('-') || is_op('!') || is_op('~')) {
        int op = tok.op;
        next_token();
        int a = parse_unary();
        r = new_node(N_UNARY, op, a, 0, 0);
    } else {
        r = parse_primary();
        if (!parse_error && is_op('^')) {
            next_token();
            int b = parse_unary();
            r = new_node(N_BINARY, '^', r, b, 0);
        }
    }
    depth--;
    return r;
}

typedef int (*parse_fn)(void);

static int parse_level(int level);

static const int level_ops[7][6] = {
    {OP_OR, 0}, {OP_AND, 0}, {'|', '&', 0}, {OP_EQ, OP_NE, 0},
    {'<', '>', OP_LE, OP_GE, 0}, {'+', '-', OP_SHL, OP_SHR, 0}, {'*', '/', '%', 0},
};

static int level_has(int level, int op) {
    for (int i = 0; level_ops[level][i]; i++)
        if (level_ops[level][i] == op) return 1;
    return 0;
}

static int parse_level(int level) {
    if (level == 7) return parse_unary();
    int left = parse_level(level + 1);
    while (!parse_error && tok.kind == T_OP && level_has(level, tok.op)) {
        int op = tok.op;
        next_token();
        int right = parse_level(level + 1);
        left = new_node(N_BINARY, op, left, right, 0);
    }
    return left;
}

static int parse_expr(void) {
    if (++depth > MAXDEPTH) {
        parse_error = 1;
        depth--;
        return 0;
    }
    int cond = parse_level(0);
    if (!parse_error && is_op('?')) {
        next_token();
        int a = parse_expr();
        if (!is_op(':')) {
            parse_error = 1;
            depth--;
            return 0;
        }
        next_token();
        int b = parse_expr();
        cond = new_node(N_TERNARY, 0, cond, a, b);
    }
    depth--;
    return cond;
}

static uint32_t gcd_u32(uint32_t a, uint32_t b) {
    while (b) {
        uint32_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static uint32_t isqrt_u32(uint32_t v) {
    uint32_t r = 0, bit = 1u << 30;
    while (bit > v) bit >>= 2;
    while (bit) {
        if (v >= r + bit) {
            v -= r + bit;
            r = (r >> 1) + bit;
        } else {
            r >>= 1;
        }
        bit >>= 2;
    }
    return r;
}

static uint32_t eval(int n) {
    const node_t *nd = &nodes[n];
    switch (nd->kind) {
    case N_NUM: return nd->value;
    case N_VAR: return vars[nd->a];
    case N_UNARY: {
        uint32_t v = eval(nd->a);
        switch (nd->op) {
        case '-': return 0u - v;
        case '!': return v == 0;
        default: return ~v;
        }
    }
    case N_TERNARY: return eval(nd->a) ? eval(nd->b) : eval(nd->c);
    case N_CALL: {
        uint32_t a = eval(nd->a);
        if (nd->op == 3) return isqrt_u32(a);
        uint32_t b = eval(nd->b);
        switch (nd->op) {
        case 0: return a < b ? a : b;
        case 1: return a > b ? a : b;
        default: return gcd_u32(a, b);
        }
    }
    case N_BINARY: {
        if (nd->op == OP_AND) return eval(nd->a) && eval(nd->b);
        if (nd->op == OP_OR) return eval(nd->a) || eval(nd->b);
        uint32_t a = eval(nd->a), b = eval(nd->b);
        switch (nd->op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return b ? a / b : 0;
        case '%': return b ? a % b : 0;
        case '&': return a & b;
        case '|': return a | b;
        case '<': return a < b;
        case '>': return a > b;
        case OP_LE: return a <= b;
        case OP_GE: return a >= b;
        case OP_EQ: return a == b;
        case OP_NE: return a != b;
        case OP_SHL: return a << (b & 31u);
        case OP_SHR: return a >> (b & 31u);
        case '^': {
            uint32_t r = 1;
            b &= 63u;
            while (b) {
                if (b & 1u) r *= a;
                a *= a;
                b >>= 1;
            }
            return r;
        }
        default: return 0;
        }
    }
    }
    return 0;
}

static void skip_statement(void) {
    while (tok.kind != T_SEMI && tok.kind != T_EOF) next_token();
    if (tok.kind == T_SEMI) next_token();
}

static int parse_program(void) {
    int errors = 0;
    next_token();
    while (tok.kind != T_EOF && nstmts < MAXSTMTS) {
        parse_error = 0;
        depth = 0;
        int var = -1;
        if (tok.kind == T_LET) {
            next_token();
            if (tok.kind != T_IDENT) {
                errors++;
                skip_statement();
                continue;
            }
            var = lookup_var(tok.name, 1);
            next_token();
            if (!is_op('=') || var < 0) {
                errors++;
                skip_statement();
                continue;
            }
            next_token();
        }
        int e = parse_expr();
        if (parse_error || (tok.kind != T_SEMI && tok.kind != T_EOF)) {
            printf("syntax error near line %d\n", tok.line);
            errors++;
            skip_statement();
            continue;
        }
        if (tok.kind == T_SEMI) next_token();
        stmts[nstmts].var = var;
        stmts[nstmts].expr = e;
        nstmts++;
    }
    return errors;
}

int main(int argc, char **argv) {
    int iters = (int)parse_arg(argc, argv, 2000, 1, 1000000);
    src_len = fread(src, 1, MAXSRC, stdin);
    int has_text = 0;
    for (size_t i = 0; i < src_len; i++)
        if (!isspace((unsigned char)src[i])) has_text = 1;
    if (!has_text) {
        src_len = strlen(default_src);
        memcpy(src, default_src, src_len);
    }
    src[src_len] = '\0';
    int x = lookup_var("x", 1);
    int errors = parse_program();
    printf("statements %d nodes %d vars %d errors %d\n", nstmts, nnodes, nvars, errors);
    uint32_t checksum = 0, last = 0;
    for (int it = 1; it <= iters; it++) {
        vars[x] = (uint32_t)it;
        for (int s = 0; s < nstmts; s++) {
            uint32_t v = eval(stmts[s].expr);
            if (stmts[s].var >= 0) vars[stmts[s].var] = v;
            last = v;
            checksum = (checksum ^ v) * 16777619u + (uint32_t)s;
        }
    }
    for (int v = 0; v < nvars && v < 8; v++) printf("%s = %u\n", var_names[v], vars[v]);
    printf("last %u\n", last);
    printf("checksum: %u\n", checksum);
    return 0;
}
