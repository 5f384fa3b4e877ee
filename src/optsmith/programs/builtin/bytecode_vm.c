/* A stack-based bytecode interpreter with a switch-dispatch loop. A tiny assembler turns
 * text (stdin, or a built-in program when stdin is empty) with labels into bytecode; the
 * program receives argv[1] through the `arg` instruction. All values are 32-bit unsigned. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCODE 4096
#define MAXSTACK 1024
#define MAXFRAMES 256
#define MAXLABELS 128
#define NMEM 256
#define MAXSRC 32768
#define STEP_LIMIT 20000000L

enum opcode {
    OP_HALT, OP_PUSH, OP_ARG, OP_LOAD, OP_STORE, OP_LOADI, OP_STOREI, OP_ADD, OP_SUB, OP_MUL,
    OP_DIV, OP_MOD, OP_AND, OP_OR, OP_XOR, OP_SHL, OP_SHR, OP_LT, OP_EQ, OP_NOT, OP_JMP, OP_JZ,
    OP_JNZ, OP_CALL, OP_RET, OP_DUP, OP_DROP, OP_SWAP, OP_OVER, OP_PRINT, OP_INC, OP_DEC,
    NUM_OPS
};

static const char *const op_names[NUM_OPS] = {
    "halt", "push", "arg", "load", "store", "loadi", "storei", "add", "sub", "mul", "div",
    "mod", "and", "or", "xor", "shl", "shr", "lt", "eq", "not", "jmp", "jz", "jnz", "call",
    "ret", "dup", "drop", "swap", "over", "print", "inc", "dec",
};

typedef struct {
    uint8_t op;
    uint32_t operand;
} insn_t;

typedef struct {
    char name[32];
    int addr;
} label_t;

static insn_t code[MAXCODE];
static int ncode;
static label_t labels[MAXLABELS];
static int nlabels;
static char pending[MAXCODE][32]; /* unresolved label operand per instruction */
static char src[MAXSRC + 1];

static const char *default_program =
    "# count primes below arg by trial division, sum collatz lengths, then fib via calls\n"
    "      push 0\n      store 0          # prime count\n"
    "      push 2\n      store 1          # candidate\n"
    "outer: load 1\n      arg\n      lt\n      jz primes_done\n"
    "      push 2\n      store 2\n"
    "inner: load 2\n      dup\n      mul\n      load 1\n      swap\n      lt\n      jnz is_prime\n"
    "      load 1\n      load 2\n      mod\n      jz not_prime\n"
    "      load 2\n      inc\n      store 2\n      jmp inner\n"
    "is_prime: load 0\n      inc\n      store 0\n"
    "not_prime: load 1\n      inc\n      store 1\n      jmp outer\n"
    "primes_done: load 0\n      print\n"
    "      push 0\n      store 3\n      push 1\n      store 4\n"
    "cl_outer: load 4\n      arg\n      push 4\n      div\n      lt\n      jz cl_done\n"
    "      load 4\n      store 5\n"
    "cl_inner: load 5\n      push 1\n      eq\n      jnz cl_next\n"
    "      load 3\n      inc\n      store 3\n"
    "      load 5\n      push 1\n      and\n      jz cl_even\n"
    "      load 5\n      push 3\n      mul\n      inc\n      store 5\n      jmp cl_inner\n"
    "cl_even: load 5\n      push 1\n      shr\n      store 5\n      jmp cl_inner\n"
    "cl_next: load 4\n      inc\n      store 4\n      jmp cl_outer\n"
    "cl_done: load 3\n      print\n"
    "      arg\n      push 16\n      mod\n      push 8\n      add\n      call fib\n      print\n"
    "      push 0\n      store 6\n"
    "fill: load 6\n      push 64\n      lt\n      jz sum\n"
    "      load 6\n      dup\n      mul\n      arg\n      xor\n      load 6\n      push 10\n      add\n"
    "      storei\n      load 6\n      inc\n      store 6\n      jmp fill\n"
    "sum:  push 0\n      push 10\n      store 6\n"
    "sum_loop: load 6\n      push 74\n      lt\n      jz sum_done\n"
    "      load 6\n      loadi\n      add\n      load 6\n      inc\n      store 6\n      jmp sum_loop\n"
    "sum_done: print\n      halt\n"
    "fib:  dup\n      push 2\n      lt\n      jnz fib_base\n"
    "      dup\n      dec\n      call fib\n      swap\n      push 2\n      sub\n      call fib\n"
    "      add\n      ret\n"
    "fib_base: ret\n";

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

static int find_label(const char *name) {
    for (int i = 0; i < nlabels; i++)
        if (strcmp(labels[i].name, name) == 0) return labels[i].addr;
    return -1;
}

static int read_word(const char **p, char *out, size_t cap) {
    const char *s = *p;
    while (*s == ' ' || *s == '\t') s++;
    size_t k = 0;
    while (*s && !isspace((unsigned char)*s) && *s != '#') {
        if (k + 1 < cap) out[k++] = *s;
        s++;
    }
    out[k] = '\0';
    *p = s;
    return (int)k;
}

/* Returns the number of errors; fills code[] and resolves labels in a second pass. */
static int assemble(const char *text) {
    int errors = 0, line = 0;
    const char *p = text;
    while (*p) {
        line++;
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        char buf[256];
        if (len >= sizeof buf) len = sizeof buf - 1;
        memcpy(buf, p, len);
        buf[len] = '\0';
        p = eol ? eol + 1 : p + strlen(p);
        const char *q = buf;
        char word[32];
        for (;;) {
            if (!read_word(&q, word, sizeof word)) break;
            size_t wl = strlen(word);
            if (word[wl - 1] == ':') {
                word[wl - 1] = '\0';
                if (nlabels < MAXLABELS && find_label(word) < 0) {
                    memcpy(labels[nlabels].name, word, wl);
                    labels[nlabels].addr = ncode;
                    nlabels++;
                } else {
                    errors++;
                }
                continue;
            }
            int op = -1;
            for (int i = 0; i < NUM_OPS; i++)
                if (strcmp(word, op_names[i]) == 0) op = i;
            if (op < 0 || ncode >= MAXCODE) {
                printf("line %d: bad instruction '%s'\n", line, word);
                errors++;
                break;
            }
            code[ncode].op = (uint8_t)op;
            code[ncode].operand = 0;
            pending[ncode][0] = '\0';
            if (op == OP_PUSH || op == OP_LOAD || op == OP_STORE) {
                char arg[32];
                read_word(&q, arg, sizeof arg);
                code[ncode].operand = (uint32_t)strtoul(arg, NULL, 10);
                if ((op != OP_PUSH && code[ncode].operand >= NMEM) || !isdigit((unsigned char)arg[0])) {
                    printf("line %d: bad operand '%s'\n", line, arg);
                    errors++;
                    code[ncode].operand = 0;
                }
            } else if (op == OP_JMP || op == OP_JZ || op == OP_JNZ || op == OP_CALL) {
                char arg[32];
                read_word(&q, arg, sizeof arg);
                memcpy(pending[ncode], arg, sizeof arg);
            }
            ncode++;
            break;
        }
    }
    for (int i = 0; i < ncode; i++) {
        if (!pending[i][0]) continue;
        int addr = find_label(pending[i]);
        if (addr < 0) {
            printf("undefined label '%s'\n", pending[i]);
            errors++;
            addr = ncode;
        }
        code[i].operand = (uint32_t)addr;
    }
    return errors;
}

typedef struct {
    uint32_t stack[MAXSTACK];
    int sp;
    int frames[MAXFRAMES];
    int fp;
    uint32_t mem[NMEM];
    uint32_t out_hash;
    int printed;
    long steps;
} vm_t;

static vm_t vm;

/* Runs until halt, the end of code, a fault or the step limit; returns a status code. */
static int run(vm_t *m, uint32_t arg) {
    int pc = 0;
    for (;;) {
        if (pc < 0 || pc >= ncode) return 0;
        if (++m->steps > STEP_LIMIT) return 3;
        insn_t in = code[pc++];
        if (m->sp < 2 && in.op >= OP_ADD && in.op <= OP_EQ) return 2;
        if (m->sp >= MAXSTACK - 2) return 2;
        uint32_t a, b;
        switch ((enum opcode)in.op) {
        case OP_HALT: return 0;
        case OP_PUSH: m->stack[m->sp++] = in.operand; break;
        case OP_ARG: m->stack[m->sp++] = arg; break;
        case OP_LOAD: m->stack[m->sp++] = m->mem[in.operand]; break;
        case OP_STORE:
            if (m->sp < 1) return 2;
            m->mem[in.operand] = m->stack[--m->sp];
            break;
        case OP_LOADI:
            if (m->sp < 1) return 2;
            m->stack[m->sp - 1] = m->mem[m->stack[m->sp - 1] % NMEM];
            break;
        case OP_STOREI: /* value addr -- */
            if (m->sp < 2) return 2;
            m->mem[m->stack[m->sp - 1] % NMEM] = m->stack[m->sp - 2];
            m->sp -= 2;
            break;
#define BINOP(expr)                  \
    b = m->stack[--m->sp];           \
    a = m->stack[m->sp - 1];         \
    m->stack[m->sp - 1] = (expr);    \
    break
        case OP_ADD: BINOP(a + b);
        case OP_SUB: BINOP(a - b);
        case OP_MUL: BINOP(a * b);
        case OP_DIV: BINOP(b ? a / b : 0);
        case OP_MOD: BINOP(b ? a % b : 0);
        case OP_AND: BINOP(a & b);
        case OP_OR: BINOP(a | b);
        case OP_XOR: BINOP(a ^ b);
        case OP_SHL: BINOP(a << (b & 31u));
        case OP_SHR: BINOP(a >> (b & 31u));
        case OP_LT: BINOP(a < b);
        case OP_EQ: BINOP(a == b);
#undef BINOP
        case OP_NOT:
            if (m->sp < 1) return 2;
            m->stack[m->sp - 1] = !m->stack[m->sp - 1];
            break;
        case OP_JMP: pc = (int)in.operand; break;
        case OP_JZ:
            if (m->sp < 1) return 2;
            if (m->stack[--m->sp] == 0) pc = (int)in.operand;
            break;
        case OP_JNZ:
            if (m->sp < 1) return 2;
            if (m->stack[--m->sp] != 0) pc = (int)in.operand;
            break;
        case OP_CALL:
            if (m->fp >= MAXFRAMES) return 4;
            m->frames[m->fp++] = pc;
            pc = (int)in.operand;
            break;
        case OP_RET:
            if (m->fp == 0) return 0;
            pc = m->frames[--m->fp];
            break;
        case OP_DUP:
            if (m->sp < 1) return 2;
            m->stack[m->sp] = m->stack[m->sp - 1];
            m->sp++;
            break;
        case OP_DROP:
            if (m->sp < 1) return 2;
            m->sp--;
            break;
        case OP_SWAP:
            if (m->sp < 2) return 2;
            a = m->stack[m->sp - 1];
            m->stack[m->sp - 1] = m->stack[m->sp - 2];
            m->stack[m->sp - 2] = a;
            break;
        case OP_OVER:
            if (m->sp < 2) return 2;
            m->stack[m->sp] = m->stack[m->sp - 2];
            m->sp++;
            break;
        case OP_PRINT:
            if (m->sp < 1) return 2;
            a = m->stack[--m->sp];
            if (m->printed < 16) printf("out %u\n", a);
            m->printed++;
            m->out_hash = (m->out_hash ^ a) * 16777619u;
            break;
        case OP_INC:
            if (m->sp < 1) return 2;
            m->stack[m->sp - 1]++;
            break;
        case OP_DEC:
            if (m->sp < 1) return 2;
            m->stack[m->sp - 1]--;
            break;
        default: return 1;
        }
    }
}

int main(int argc, char **argv) {
    uint32_t arg = (uint32_t)parse_arg(argc, argv, 3000, 0, 10000000);
    size_t n = fread(src, 1, MAXSRC, stdin);
    src[n] = '\0';
    int has_code = 0;
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)src[i])) has_code = 1;
    int errors = assemble(has_code ? src : default_program);
    printf("assembled %d instructions, %d labels, %d errors\n", ncode, nlabels, errors);
    vm.out_hash = 2166136261u;
    int status = run(&vm, arg);
    static const char *status_names[] = {"ok", "bad opcode", "stack fault", "step limit",
                                         "call depth"};
    printf("status %s steps %ld printed %d\n", status_names[status], vm.steps, vm.printed);
    printf("checksum: %u\n", vm.out_hash ^ (uint32_t)vm.steps);
    return 0;
}
