/* A validating JSON scanner: tokenizer with string escape decoding (including \u surrogate
 * pairs to UTF-8) and strict number grammar, plus a pushdown state machine that checks the
 * structure and gathers statistics. Scans stdin (if any) and a generated document of
 * argv[1] records. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXDOC (1 << 21)
#define MAXDEPTH 256

enum tok { T_EOF, T_LBRACE, T_RBRACE, T_LBRACK, T_RBRACK, T_COLON, T_COMMA, T_STRING,
           T_NUMBER, T_TRUE, T_FALSE, T_NULL, T_ERROR };

typedef struct {
    const char *s;
    size_t len, pos;
    /* current token */
    enum tok kind;
    uint32_t str_hash;
    size_t str_bytes;
    int is_int;
    uint64_t int_value;
    int negative;
} lexer_t;

typedef struct {
    long objects, arrays, keys, strings, ints, floats, literals;
    int max_depth;
    uint64_t int_sum;
    uint32_t hash;
    size_t utf8_bytes;
    long error_at;
} stats_t;

static char doc[MAXDOC];
static char gen[MAXDOC];

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

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void emit_byte(lexer_t *lx, unsigned b) {
    lx->str_hash = (lx->str_hash ^ (b & 0xffu)) * 16777619u;
    lx->str_bytes++;
}

static void emit_codepoint(lexer_t *lx, uint32_t cp) {
    if (cp < 0x80) {
        emit_byte(lx, cp);
    } else if (cp < 0x800) {
        emit_byte(lx, 0xC0u | (cp >> 6));
        emit_byte(lx, 0x80u | (cp & 0x3Fu));
    } else if (cp < 0x10000) {
        emit_byte(lx, 0xE0u | (cp >> 12));
        emit_byte(lx, 0x80u | ((cp >> 6) & 0x3Fu));
        emit_byte(lx, 0x80u | (cp & 0x3Fu));
    } else {
        emit_byte(lx, 0xF0u | (cp >> 18));
        emit_byte(lx, 0x80u | ((cp >> 12) & 0x3Fu));
        emit_byte(lx, 0x80u | ((cp >> 6) & 0x3Fu));
        emit_byte(lx, 0x80u | (cp & 0x3Fu));
    }
}

static int read_hex4(lexer_t *lx, uint32_t *out) {
    if (lx->pos + 4 > lx->len) return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(lx->s[lx->pos + (size_t)i]);
        if (h < 0) return 0;
        v = v * 16u + (uint32_t)h;
    }
    lx->pos += 4;
    *out = v;
    return 1;
}

static enum tok lex_string(lexer_t *lx) {
    lx->str_hash = 2166136261u;
    lx->str_bytes = 0;
    lx->pos++; /* opening quote */
    while (lx->pos < lx->len) {
        unsigned char c = (unsigned char)lx->s[lx->pos++];
        if (c == '"') return T_STRING;
        if (c < 0x20) return T_ERROR;
        if (c != '\\') {
            emit_byte(lx, c);
            continue;
        }
        if (lx->pos >= lx->len) return T_ERROR;
        char e = lx->s[lx->pos++];
        switch (e) {
        case '"': emit_byte(lx, '"'); break;
        case '\\': emit_byte(lx, '\\'); break;
        case '/': emit_byte(lx, '/'); break;
        case 'b': emit_byte(lx, '\b'); break;
        case 'f': emit_byte(lx, '\f'); break;
        case 'n': emit_byte(lx, '\n'); break;
        case 'r': emit_byte(lx, '\r'); break;
        case 't': emit_byte(lx, '\t'); break;
        case 'u': {
            uint32_t cp;
            if (!read_hex4(lx, &cp)) return T_ERROR;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                uint32_t lo;
                if (lx->pos + 2 > lx->len || lx->s[lx->pos] != '\\' || lx->s[lx->pos + 1] != 'u')
                    return T_ERROR;
                lx->pos += 2;
                if (!read_hex4(lx, &lo) || lo < 0xDC00 || lo > 0xDFFF) return T_ERROR;
                cp = 0x10000u + ((cp - 0xD800u) << 10) + (lo - 0xDC00u);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return T_ERROR;
            }
            emit_codepoint(lx, cp);
            break;
        }
        default: return T_ERROR;
        }
    }
    return T_ERROR;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static enum tok lex_number(lexer_t *lx) {
    size_t p = lx->pos;
    lx->negative = 0;
    lx->is_int = 1;
    lx->int_value = 0;
    if (lx->s[p] == '-') {
        lx->negative = 1;
        p++;
    }
    if (p >= lx->len || !is_digit(lx->s[p])) return T_ERROR;
    if (lx->s[p] == '0') {
        p++;
        if (p < lx->len && is_digit(lx->s[p])) return T_ERROR; /* leading zero */
    } else {
        while (p < lx->len && is_digit(lx->s[p])) {
            lx->int_value = lx->int_value * 10u + (uint64_t)(lx->s[p] - '0');
            p++;
        }
    }
    if (p < lx->len && lx->s[p] == '.') {
        lx->is_int = 0;
        p++;
        if (p >= lx->len || !is_digit(lx->s[p])) return T_ERROR;
        while (p < lx->len && is_digit(lx->s[p])) p++;
    }
    if (p < lx->len && (lx->s[p] == 'e' || lx->s[p] == 'E')) {
        lx->is_int = 0;
        p++;
        if (p < lx->len && (lx->s[p] == '+' || lx->s[p] == '-')) p++;
        if (p >= lx->len || !is_digit(lx->s[p])) return T_ERROR;
        while (p < lx->len && is_digit(lx->s[p])) p++;
    }
    lx->pos = p;
    return T_NUMBER;
}

static int match_word(lexer_t *lx, const char *w) {
    size_t n = strlen(w);
    if (lx->pos + n > lx->len || memcmp(lx->s + lx->pos, w, n) != 0) return 0;
    lx->pos += n;
    return 1;
}

static enum tok next_token(lexer_t *lx) {
    while (lx->pos < lx->len) {
        char c = lx->s[lx->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        lx->pos++;
    }
    if (lx->pos >= lx->len) return lx->kind = T_EOF;
    char c = lx->s[lx->pos];
    switch (c) {
    case '{': lx->pos++; return lx->kind = T_LBRACE;
    case '}': lx->pos++; return lx->kind = T_RBRACE;
    case '[': lx->pos++; return lx->kind = T_LBRACK;
    case ']': lx->pos++; return lx->kind = T_RBRACK;
    case ':': lx->pos++; return lx->kind = T_COLON;
    case ',': lx->pos++; return lx->kind = T_COMMA;
    case '"': return lx->kind = lex_string(lx);
    case 't': return lx->kind = match_word(lx, "true") ? T_TRUE : T_ERROR;
    case 'f': return lx->kind = match_word(lx, "false") ? T_FALSE : T_ERROR;
    case 'n': return lx->kind = match_word(lx, "null") ? T_NULL : T_ERROR;
    default:
        if (c == '-' || is_digit(c)) return lx->kind = lex_number(lx);
        return lx->kind = T_ERROR;
    }
}

/* parser states */
enum { EXPECT_VALUE, EXPECT_KEY_OR_END, EXPECT_KEY, EXPECT_COLON, EXPECT_COMMA_OR_END,
       EXPECT_VALUE_OR_END, DONE };

static int scan(const char *text, size_t len, stats_t *st) {
    lexer_t lx;
    memset(&lx, 0, sizeof lx);
    lx.s = text;
    lx.len = len;
    char stack[MAXDEPTH]; /* '{' or '[' */
    int depth = 0;
    int state = EXPECT_VALUE;
    for (;;) {
        size_t at = lx.pos;
        enum tok t = next_token(&lx);
        if (t == T_ERROR) {
            st->error_at = (long)at;
            return 0;
        }
        if (t == T_EOF) {
            if (state == DONE) return 1;
            st->error_at = (long)at;
            return 0;
        }
        if (state == DONE) {
            st->error_at = (long)at;
            return 0;
        }
        int is_value = t == T_LBRACE || t == T_LBRACK || t == T_STRING || t == T_NUMBER ||
                       t == T_TRUE || t == T_FALSE || t == T_NULL;
        int closing = t == T_RBRACE || t == T_RBRACK;
        switch (state) {
        case EXPECT_KEY_OR_END:
        case EXPECT_KEY:
            if (t == T_STRING) {
                st->keys++;
                st->hash = st->hash * 31u + lx.str_hash;
                state = EXPECT_COLON;
                continue;
            }
            if (!(state == EXPECT_KEY_OR_END && t == T_RBRACE)) goto bad;
            break;
        case EXPECT_COLON:
            if (t != T_COLON) goto bad;
            state = EXPECT_VALUE;
            continue;
        case EXPECT_COMMA_OR_END:
            if (t == T_COMMA) {
                state = stack[depth - 1] == '{' ? EXPECT_KEY : EXPECT_VALUE;
                continue;
            }
            if (!closing) goto bad;
            break;
        case EXPECT_VALUE_OR_END:
            if (t == T_RBRACK) break;
            /* fall through */
        case EXPECT_VALUE:
            if (!is_value) goto bad;
            break;
        default: goto bad;
        }
        if (closing) {
            if (depth == 0 || stack[depth - 1] != (t == T_RBRACE ? '{' : '[')) goto bad;
            depth--;
            state = depth == 0 ? DONE : EXPECT_COMMA_OR_END;
            continue;
        }
        /* a value */
        switch (t) {
        case T_LBRACE:
        case T_LBRACK:
            if (depth >= MAXDEPTH) goto bad;
            stack[depth++] = t == T_LBRACE ? '{' : '[';
            if (depth > st->max_depth) st->max_depth = depth;
            if (t == T_LBRACE) st->objects++;
            else st->arrays++;
            state = t == T_LBRACE ? EXPECT_KEY_OR_END : EXPECT_VALUE_OR_END;
            continue;
        case T_STRING:
            st->strings++;
            st->utf8_bytes += lx.str_bytes;
            st->hash = (st->hash ^ lx.str_hash) * 16777619u;
            break;
        case T_NUMBER:
            if (lx.is_int) {
                st->ints++;
                st->int_sum += lx.negative ? (uint64_t)0 - lx.int_value : lx.int_value;
            } else {
                st->floats++;
                st->hash = st->hash * 17u + (uint32_t)(lx.pos - at);
            }
            break;
        default:
            st->literals++;
            st->hash = st->hash * 7u + (uint32_t)t;
            break;
        }
        state = depth == 0 ? DONE : EXPECT_COMMA_OR_END;
        continue;
    bad:
        st->error_at = (long)at;
        return 0;
    }
}

static size_t generate(int n) {
    static const char *names[] = {"alpha", "beta", "gamma", "delta\\u00e9", "caf\\u00e9",
                                  "smile \\ud83d\\ude00", "tab\\tsep", "quote\\\"d"};
    size_t at = 0;
    uint32_t s = 0x15015u + (uint32_t)n;
    at += (size_t)snprintf(gen + at, MAXDOC - at, "{\"records\": [\n");
    for (int i = 0; i < n && at + 1024 < MAXDOC; i++) {
        s = s * 1103515245u + 12345u;
        uint32_t r = s >> 8;
        at += (size_t)snprintf(gen + at, MAXDOC - at,
                               "  {\"id\": %d, \"name\": \"%s_%u\", \"score\": %s%u.%02ue%d, "
                               "\"delta\": %d, \"tags\": [\"t%u\", \"t%u\"], \"active\": %s, "
                               "\"parent\": %s, \"nested\": {\"k\": [%u, [], {}, {\"x\": 0.5}]}}%s\n",
                               i, names[r % 8u], r % 1000u, (r & 1u) ? "-" : "", r % 97u, r % 100u,
                               (int)(r % 7u) - 3, -(int)(r % 5000u), r % 13u, r % 29u,
                               (r & 2u) ? "true" : "false", (r & 4u) ? "null" : "1",
                               r % 100000u, i + 1 < n ? "," : "");
    }
    at += (size_t)snprintf(gen + at, MAXDOC - at, "], \"count\": %d}\n", n);
    return at;
}

static void report(const char *label, const stats_t *st, int ok) {
    printf("%s: valid %d objects %ld arrays %ld keys %ld strings %ld ints %ld floats %ld "
           "literals %ld depth %d\n",
           label, ok, st->objects, st->arrays, st->keys, st->strings, st->ints, st->floats,
           st->literals, st->max_depth);
    if (!ok) printf("%s: error at byte %ld\n", label, st->error_at);
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 500, 1, 20000);
    size_t dlen = fread(doc, 1, MAXDOC, stdin);
    uint32_t checksum = 0;
    if (dlen > 0) {
        stats_t st;
        memset(&st, 0, sizeof st);
        int ok = scan(doc, dlen, &st);
        report("stdin", &st, ok);
        checksum = st.hash ^ (uint32_t)st.int_sum;
    }
    size_t glen = generate(n);
    stats_t st;
    memset(&st, 0, sizeof st);
    int ok = scan(gen, glen, &st);
    report("generated", &st, ok);
    printf("utf8 bytes %zu int sum %lld\n", st.utf8_bytes, (long long)(int64_t)st.int_sum);
    /* truncated and corrupted variants must be rejected */
    stats_t bad;
    memset(&bad, 0, sizeof bad);
    int trunc_ok = scan(gen, glen / 2, &bad);
    memset(&bad, 0, sizeof bad);
    gen[glen / 3] = '\x01';
    int corrupt_ok = scan(gen, glen, &bad);
    printf("truncated accepted %d corrupted accepted %d\n", trunc_ok, corrupt_ok);
    checksum = checksum * 31u + (st.hash ^ (uint32_t)st.int_sum ^ (uint32_t)st.utf8_bytes);
    printf("checksum: %u\n", checksum);
    return 0;
}
