/* A lexer for C source: keywords found by binary search, identifiers interned in a hash
 * table with frequency counts, integer/float literals (hex, octal, suffixes, exponents),
 * character and string literals with escapes, comments, preprocessor lines, and
 * punctuators by maximal munch. Lexes stdin if given, else generated C-like code. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXSRC (1 << 21)
#define MAXIDENT 4096
#define IDLEN 32

enum kind { K_KEYWORD, K_IDENT, K_INT, K_FLOAT, K_CHAR, K_STRING, K_PUNCT, K_PREPROC,
            K_COMMENT, K_ERROR, NKINDS };
static const char *const kind_names[NKINDS] = {"keyword", "ident", "int", "float", "char",
                                               "string", "punct", "preproc", "comment", "error"};

static const char *const keywords[] = {
    "_Bool", "auto", "break", "case", "char", "const", "continue", "default", "do", "double",
    "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long",
    "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct",
    "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
};
#define NKEYWORDS (int)(sizeof keywords / sizeof keywords[0])

static const char *const puncts3[] = {"<<=", ">>=", "...", NULL};
static const char *const puncts2[] = {"->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&",
                                      "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##",
                                      NULL};
static const char puncts1[] = "[](){}.&*+-~!/%<>^|?:;=,#";

typedef struct {
    char name[IDLEN];
    int count;
    int used;
} ident_t;

static char src[MAXSRC + 1];
static ident_t idents[MAXIDENT];
static int nidents;
static long kind_count[NKINDS];
static int keyword_count[NKEYWORDS];

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

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

static int keyword_index(const char *s, size_t len) {
    int lo = 0, hi = NKEYWORDS - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strncmp(keywords[mid], s, len);
        if (c == 0 && keywords[mid][len] != '\0') c = 1;
        if (c == 0) return mid;
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
    }
    return -1;
}

static void intern(const char *s, size_t len) {
    if (len >= IDLEN) len = IDLEN - 1;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    uint32_t i = h & (MAXIDENT - 1);
    for (int probes = 0; probes < MAXIDENT; probes++) {
        ident_t *e = &idents[i];
        if (!e->used) {
            if (nidents >= MAXIDENT * 3 / 4) return;
            e->used = 1;
            memcpy(e->name, s, len);
            e->name[len] = '\0';
            e->count = 1;
            nidents++;
            return;
        }
        if (strlen(e->name) == len && memcmp(e->name, s, len) == 0) {
            e->count++;
            return;
        }
        i = (i + 1) & (MAXIDENT - 1);
    }
}

/* Returns the length of a numeric literal at p, and whether it is floating. */
static size_t lex_number(const char *p, int *is_float) {
    const char *q = p;
    *is_float = 0;
    if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X')) {
        q += 2;
        while (is_hex(*q)) q++;
    } else {
        while (is_digit(*q)) q++;
        if (*q == '.') {
            *is_float = 1;
            q++;
            while (is_digit(*q)) q++;
        }
        if (*q == 'e' || *q == 'E') {
            const char *e = q + 1;
            if (*e == '+' || *e == '-') e++;
            if (is_digit(*e)) {
                *is_float = 1;
                q = e;
                while (is_digit(*q)) q++;
            }
        }
    }
    while (*q == 'u' || *q == 'U' || *q == 'l' || *q == 'L' || (*is_float && (*q == 'f' || *q == 'F')))
        q++;
    return (size_t)(q - p);
}

/* quoted literal with escapes; returns length including quotes, or 0 if unterminated */
static size_t lex_quoted(const char *p, char quote, int *chars) {
    const char *q = p + 1;
    *chars = 0;
    while (*q && *q != quote && *q != '\n') {
        if (*q == '\\') {
            q++;
            if (*q == 'x') {
                q++;
                while (is_hex(*q)) q++;
            } else if (*q >= '0' && *q <= '7') {
                for (int k = 0; k < 3 && *q >= '0' && *q <= '7'; k++) q++;
            } else if (*q) {
                q++;
            }
        } else {
            q++;
        }
        (*chars)++;
    }
    if (*q != quote) return 0;
    return (size_t)(q + 1 - p);
}

static uint32_t lex_all(const char *s, long *lines) {
    const char *p = s;
    uint32_t h = 0;
    int at_line_start = 1;
    *lines = 1;
    while (*p) {
        if (*p == '\n') {
            (*lines)++;
            at_line_start = 1;
            p++;
            continue;
        }
        if (*p == ' ' || *p == '\t' || *p == '\r') {
            p++;
            continue;
        }
        enum kind k;
        size_t len = 0;
        if (at_line_start && *p == '#') {
            const char *q = p;
            while (*q && !(*q == '\n' && q[-1] != '\\')) {
                if (*q == '\n') (*lines)++;
                q++;
            }
            len = (size_t)(q - p);
            k = K_PREPROC;
        } else if (p[0] == '/' && p[1] == '/') {
            const char *q = p;
            while (*q && *q != '\n') q++;
            len = (size_t)(q - p);
            k = K_COMMENT;
        } else if (p[0] == '/' && p[1] == '*') {
            const char *q = p + 2;
            while (*q && !(q[0] == '*' && q[1] == '/')) {
                if (*q == '\n') (*lines)++;
                q++;
            }
            len = *q ? (size_t)(q + 2 - p) : (size_t)(q - p);
            k = *q ? K_COMMENT : K_ERROR;
        } else if (is_alpha(*p)) {
            const char *q = p;
            while (is_alpha(*q) || is_digit(*q)) q++;
            len = (size_t)(q - p);
            int kw = keyword_index(p, len);
            if (kw >= 0) {
                keyword_count[kw]++;
                k = K_KEYWORD;
            } else {
                intern(p, len);
                k = K_IDENT;
            }
        } else if (is_digit(*p) || (*p == '.' && is_digit(p[1]))) {
            int fl;
            len = lex_number(p, &fl);
            k = fl ? K_FLOAT : K_INT;
        } else if (*p == '\'' || *p == '"') {
            int chars;
            len = lex_quoted(p, *p, &chars);
            if (len == 0) {
                len = 1;
                k = K_ERROR;
            } else {
                k = *p == '"' ? K_STRING : (chars == 1 ? K_CHAR : K_ERROR);
            }
        } else {
            k = K_ERROR;
            len = 1;
            for (int i = 0; puncts3[i] && k == K_ERROR; i++)
                if (strncmp(p, puncts3[i], 3) == 0) { k = K_PUNCT; len = 3; }
            for (int i = 0; puncts2[i] && k == K_ERROR; i++)
                if (strncmp(p, puncts2[i], 2) == 0) { k = K_PUNCT; len = 2; }
            if (k == K_ERROR && strchr(puncts1, *p)) k = K_PUNCT;
        }
        at_line_start = 0;
        kind_count[k]++;
        h = h * 31u + (uint32_t)k * 1000u + (uint32_t)len;
        p += len;
    }
    return h;
}

static size_t generate(int nfuncs) {
    static const char *types[] = {"int", "unsigned long", "double", "char *", "struct node *"};
    static const char *names[] = {"count", "index", "buffer", "total", "node", "limit", "value"};
    size_t at = 0;
    uint32_t s = 0xC0DE5u + (uint32_t)nfuncs;
    at += (size_t)snprintf(src + at, MAXSRC - at,
                           "#include <stdio.h>\n#define MAX(a, b) ((a) > (b) ? (a) : (b))\n"
                           "/* generated translation unit */\nstruct node { int v; struct node *next; };\n");
    for (int f = 0; f < nfuncs && at + 2048 < MAXSRC; f++) {
        s = s * 1103515245u + 12345u;
        uint32_t r = s >> 8;
        const char *t = types[r % 5u], *a = names[r % 7u], *b = names[(r >> 3) % 7u];
        at += (size_t)snprintf(
            src + at, MAXSRC - at,
            "static %s func_%d(%s %s, int %s_%u) {\n"
            "    // loop %d\n"
            "    for (int i = 0; i < 0x%xu; ++i) {\n"
            "        if (%s_%u >= %u && i != '\\n') %s_%u += i << 2;\n"
            "        else { double d = %u.%ue-%u; (void)d; }\n"
            "    }\n"
            "    const char *msg = \"value: %%d\\t\\\"%s\\\"\\n\";\n"
            "    while (%s_%u-- > 0L) { switch (i %% 3) { case 0: break; default: continue; } }\n"
            "    return (%s)MAX(%s, sizeof(struct node));\n}\n",
            t, f, t, a, b, r % 100u, f, r % 4096u, b, r % 100u, r % 50u, b, r % 100u, r % 10u,
            r % 1000u, r % 20u, a, b, r % 100u, t, a);
    }
    return at;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 200, 1, 5000);
    size_t len = fread(src, 1, MAXSRC, stdin);
    if (len == 0) len = generate(n);
    src[len] = '\0';
    long lines;
    uint32_t h = 0;
    int passes = len < 4096 ? n : 1; /* small stdin inputs are lexed repeatedly */
    for (int pass = 0; pass < passes; pass++) h = h * 31u + lex_all(src, &lines) + (uint32_t)pass;
    printf("bytes %zu lines %ld passes %d\n", len, lines, passes);
    for (int k = 0; k < NKINDS; k++) printf("%s %ld%s", kind_names[k], kind_count[k], k + 1 < NKINDS ? ", " : "\n");
    int top = -1, top_kw = 0;
    for (int i = 0; i < MAXIDENT; i++)
        if (idents[i].used && (top < 0 || idents[i].count > idents[top].count ||
                               (idents[i].count == idents[top].count &&
                                strcmp(idents[i].name, idents[top].name) < 0)))
            top = i;
    for (int i = 1; i < NKEYWORDS; i++)
        if (keyword_count[i] > keyword_count[top_kw]) top_kw = i;
    printf("distinct identifiers %d, most common '%s' (%d), top keyword '%s' (%d)\n", nidents,
           top >= 0 ? idents[top].name : "", top >= 0 ? idents[top].count : 0, keywords[top_kw],
           keyword_count[top_kw]);
    printf("checksum: %u\n", h);
    return 0;
}
