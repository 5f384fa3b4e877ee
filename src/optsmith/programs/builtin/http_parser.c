/* A byte-at-a-time HTTP/1.1 request parser written as an explicit state machine: request
 * line, headers (with folding), Content-Length and chunked bodies, and error recovery.
 * Parses stdin when given, otherwise a generated stream of argv[1] requests. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXSTREAM (1 << 21)
#define MAXTOKEN 256

enum pstate {
    P_METHOD, P_URI, P_VERSION, P_REQ_LF, P_HDR_START, P_HDR_NAME, P_HDR_VALUE_START,
    P_HDR_VALUE, P_HDR_LF, P_HEADERS_LF, P_BODY, P_CHUNK_SIZE, P_CHUNK_EXT, P_CHUNK_SIZE_LF,
    P_CHUNK_DATA, P_CHUNK_CR, P_CHUNK_LF, P_TRAILER_START, P_TRAILER_LINE, P_TRAILER_LF,
    P_ERROR_SKIP
};

enum { M_GET, M_POST, M_PUT, M_DELETE, M_HEAD, M_UNKNOWN, NMETHODS };
static const char *const method_names[NMETHODS] = {"GET", "POST", "PUT", "DELETE", "HEAD", "?"};

typedef struct {
    enum pstate st;
    char tok[MAXTOKEN];
    int toklen;
    char hname[MAXTOKEN];
    int method;
    int headers;
    long content_length;
    int chunked;
    long remaining;
    uint32_t body_hash;
    long body_len;
    int skip_state; /* progress through "\r\n\r\n" while recovering */
    /* statistics */
    int requests, errors;
    int per_method[NMETHODS];
    uint32_t path_hash, header_hash;
    long total_body;
} parser_t;

static char stream[MAXSTREAM];
static size_t stream_len;
static parser_t P;

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

static uint32_t fnv_step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

static void reset_request(parser_t *p) {
    p->st = P_METHOD;
    p->toklen = 0;
    p->headers = 0;
    p->content_length = 0;
    p->chunked = 0;
    p->body_hash = 2166136261u;
    p->body_len = 0;
}

/* Enter recovery: skip to the next blank line. `c`, the offending byte, may start it. */
static void fail_at(parser_t *p, char c) {
    p->errors++;
    p->st = P_ERROR_SKIP;
    p->skip_state = c == '\r' ? 1 : 0;
}

static void finish_request(parser_t *p) {
    p->requests++;
    p->per_method[p->method]++;
    p->total_body += p->body_len;
    p->path_hash = p->path_hash * 31u + p->body_hash + (uint32_t)p->headers;
    reset_request(p);
}

static int tok_push(parser_t *p, char c) {
    if (p->toklen >= MAXTOKEN - 1) return 0;
    p->tok[p->toklen++] = c;
    return 1;
}

static int ieq(const char *a, const char *b) {
    while (*a && *b) {
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
        a++;
        b++;
    }
    return *a == *b;
}

static void end_header(parser_t *p) {
    p->tok[p->toklen] = '\0';
    /* trim trailing whitespace of the value */
    while (p->toklen > 0 && (p->tok[p->toklen - 1] == ' ' || p->tok[p->toklen - 1] == '\t'))
        p->tok[--p->toklen] = '\0';
    p->headers++;
    for (int i = 0; p->hname[i]; i++)
        p->header_hash = fnv_step(p->header_hash, (unsigned char)tolower((unsigned char)p->hname[i]));
    for (int i = 0; i < p->toklen; i++) p->header_hash = fnv_step(p->header_hash, (unsigned char)p->tok[i]);
    if (ieq(p->hname, "Content-Length")) {
        long v = 0;
        int ok = p->toklen > 0;
        for (int i = 0; i < p->toklen; i++) {
            if (!isdigit((unsigned char)p->tok[i]) || v > 100000000L) ok = 0;
            else v = v * 10 + (p->tok[i] - '0');
        }
        p->content_length = ok ? v : -1;
    } else if (ieq(p->hname, "Transfer-Encoding") && ieq(p->tok, "chunked")) {
        p->chunked = 1;
    }
}

static void feed(parser_t *p, char c) {
    unsigned char uc = (unsigned char)c;
    switch (p->st) {
    case P_METHOD:
        if (c == ' ') {
            p->tok[p->toklen] = '\0';
            p->method = M_UNKNOWN;
            for (int m = 0; m < M_UNKNOWN; m++)
                if (strcmp(p->tok, method_names[m]) == 0) p->method = m;
            if (p->toklen == 0) { fail_at(p, c); break; }
            p->toklen = 0;
            p->st = P_URI;
        } else if (c == '\r' || c == '\n') {
            if (p->toklen) fail_at(p, c); /* blank lines between requests are tolerated */
        } else if (!isupper(uc) || !tok_push(p, c)) {
            fail_at(p, c);
        }
        break;
    case P_URI:
        if (c == ' ') {
            if (p->toklen == 0 || p->tok[0] != '/') { fail_at(p, c); break; }
            for (int i = 0; i < p->toklen; i++) p->path_hash = fnv_step(p->path_hash, (unsigned char)p->tok[i]);
            p->toklen = 0;
            p->st = P_VERSION;
        } else if (uc <= 32 || uc >= 127 || !tok_push(p, c)) {
            fail_at(p, c);
        }
        break;
    case P_VERSION:
        if (c == '\r') {
            p->tok[p->toklen] = '\0';
            if (strcmp(p->tok, "HTTP/1.1") != 0 && strcmp(p->tok, "HTTP/1.0") != 0) { fail_at(p, c); break; }
            p->st = P_REQ_LF;
        } else if (!tok_push(p, c)) {
            fail_at(p, c);
        }
        break;
    case P_REQ_LF:
        if (c != '\n') { fail_at(p, c); break; }
        p->st = P_HDR_START;
        break;
    case P_HDR_START:
        if (c == '\r') {
            p->st = P_HEADERS_LF;
        } else if ((c == ' ' || c == '\t') && p->headers > 0) {
            /* obsolete line folding: continue the previous value */
            p->headers--;
            p->st = P_HDR_VALUE;
        } else if (isalnum(uc) || c == '-') {
            p->toklen = 0;
            tok_push(p, c);
            p->st = P_HDR_NAME;
        } else {
            fail_at(p, c);
        }
        break;
    case P_HDR_NAME:
        if (c == ':') {
            p->tok[p->toklen] = '\0';
            memcpy(p->hname, p->tok, (size_t)p->toklen + 1);
            p->toklen = 0;
            p->st = P_HDR_VALUE_START;
        } else if (!(isalnum(uc) || c == '-') || !tok_push(p, c)) {
            fail_at(p, c);
        }
        break;
    case P_HDR_VALUE_START:
        if (c == ' ' || c == '\t') break;
        p->st = P_HDR_VALUE;
        /* fall through */
    case P_HDR_VALUE:
        if (c == '\r') {
            p->st = P_HDR_LF;
        } else if (c == '\n' || !tok_push(p, c)) {
            fail_at(p, c);
        }
        break;
    case P_HDR_LF:
        if (c != '\n') { fail_at(p, c); break; }
        end_header(p);
        p->toklen = 0;
        p->st = P_HDR_START;
        break;
    case P_HEADERS_LF:
        if (c != '\n') { fail_at(p, c); break; }
        if (p->chunked) {
            p->remaining = 0;
            p->toklen = 0;
            p->st = P_CHUNK_SIZE;
        } else if (p->content_length < 0) {
            fail_at(p, c);
        } else if (p->content_length > 0) {
            p->remaining = p->content_length;
            p->st = P_BODY;
        } else {
            finish_request(p);
        }
        break;
    case P_BODY:
        p->body_hash = fnv_step(p->body_hash, uc);
        p->body_len++;
        if (--p->remaining == 0) finish_request(p);
        break;
    case P_CHUNK_SIZE:
        if (isxdigit(uc)) {
            int d = isdigit(uc) ? c - '0' : tolower(uc) - 'a' + 10;
            if (p->remaining > 0xFFFFFF) { fail_at(p, c); break; }
            p->remaining = p->remaining * 16 + d;
            p->toklen++;
        } else if (c == ';' && p->toklen) {
            p->st = P_CHUNK_EXT;
        } else if (c == '\r' && p->toklen) {
            p->st = P_CHUNK_SIZE_LF;
        } else {
            fail_at(p, c);
        }
        break;
    case P_CHUNK_EXT:
        if (c == '\r') p->st = P_CHUNK_SIZE_LF;
        break;
    case P_CHUNK_SIZE_LF:
        if (c != '\n') { fail_at(p, c); break; }
        p->st = p->remaining == 0 ? P_TRAILER_START : P_CHUNK_DATA;
        break;
    case P_CHUNK_DATA:
        p->body_hash = fnv_step(p->body_hash, uc);
        p->body_len++;
        if (--p->remaining == 0) p->st = P_CHUNK_CR;
        break;
    case P_CHUNK_CR:
        if (c != '\r') { fail_at(p, c); break; }
        p->st = P_CHUNK_LF;
        break;
    case P_CHUNK_LF:
        if (c != '\n') { fail_at(p, c); break; }
        p->remaining = 0;
        p->toklen = 0;
        p->st = P_CHUNK_SIZE;
        break;
    case P_TRAILER_START:
        if (c == '\r') p->st = P_TRAILER_LF;
        else p->st = P_TRAILER_LINE;
        break;
    case P_TRAILER_LINE:
        if (c == '\n') p->st = P_TRAILER_START;
        break;
    case P_TRAILER_LF:
        if (c != '\n') { fail_at(p, c); break; }
        finish_request(p);
        break;
    case P_ERROR_SKIP: {
        static const char term[] = "\r\n\r\n";
        if (c == term[p->skip_state]) {
            if (++p->skip_state == 4) reset_request(p);
        } else {
            p->skip_state = c == '\r' ? 1 : 0;
        }
        break;
    }
    }
}

static size_t emit(size_t at, const char *s) {
    size_t len = strlen(s);
    if (at + len >= MAXSTREAM) return at;
    memcpy(stream + at, s, len);
    return at + len;
}

static size_t generate(int n) {
    static const char *agents[] = {"curl/8.5", "optsmith-test/1.0", "Mozilla/5.0 (X11)", "wget"};
    static const char *resources[] = {"users", "items", "orders", "search", "static/img"};
    uint32_t s = 0xFEEDu + (uint32_t)n;
    size_t at = 0;
    char line[512];
    for (int i = 0; i < n && at + 4096 < MAXSTREAM; i++) {
        s = s * 1103515245u + 12345u;
        uint32_t r = s >> 8;
        int method = (int)(r % 5u);
        int kind = (int)((r >> 3) % 16u);
        if (kind == 0) {
            at = emit(at, "GET /broken HTTP/1.x\r\nHost: bad\r\n\r\n");
            continue;
        }
        snprintf(line, sizeof line, "%s /%s/%u?page=%u HTTP/1.%d\r\n", method_names[method],
                 resources[(r >> 7) % 5u], (r >> 10) % 10000u, i % 7, (int)(r & 1u));
        at = emit(at, line);
        snprintf(line, sizeof line, "Host: example%u.test\r\nUser-Agent: %s\r\n", r % 3u,
                 agents[(r >> 12) % 4u]);
        at = emit(at, line);
        if (kind == 1) at = emit(at, "X-Folded: first part\r\n  second part\r\n");
        if (method == M_POST || method == M_PUT) {
            int body = 1 + (int)((r >> 14) % 300u);
            if (kind & 2) {
                at = emit(at, "Transfer-Encoding: chunked\r\n\r\n");
                int left = body;
                while (left > 0) {
                    int chunk = left > 64 ? 64 : left;
                    snprintf(line, sizeof line, "%x%s\r\n", chunk, (left & 1) ? ";ext=1" : "");
                    at = emit(at, line);
                    for (int k = 0; k < chunk; k++) stream[at++] = (char)('a' + (i + k + left) % 26);
                    at = emit(at, "\r\n");
                    left -= chunk;
                }
                at = emit(at, "0\r\nX-Trailer: yes\r\n\r\n");
            } else {
                snprintf(line, sizeof line, "Content-Length: %d\r\n\r\n", body);
                at = emit(at, line);
                for (int k = 0; k < body; k++) stream[at++] = (char)('A' + (i * 7 + k) % 26);
            }
        } else {
            at = emit(at, "Accept: */*\r\n\r\n");
        }
    }
    return at;
}

int main(int argc, char **argv) {
    int n = (int)parse_arg(argc, argv, 1000, 1, 100000);
    stream_len = fread(stream, 1, MAXSTREAM - 1, stdin);
    int from_stdin = stream_len > 0;
    if (!from_stdin) stream_len = generate(n);
    memset(&P, 0, sizeof P);
    P.path_hash = 2166136261u;
    P.header_hash = 2166136261u;
    reset_request(&P);
    int passes = from_stdin ? n : 1;
    for (int pass = 0; pass < passes; pass++)
        for (size_t i = 0; i < stream_len; i++) feed(&P, stream[i]);
    printf("bytes %zu requests %d errors %d body bytes %ld\n", stream_len, P.requests, P.errors,
           P.total_body);
    for (int m = 0; m < NMETHODS; m++) printf("%s=%d ", method_names[m], P.per_method[m]);
    printf("\nchecksum: %u\n", P.path_hash ^ P.header_hash);
    return 0;
}
