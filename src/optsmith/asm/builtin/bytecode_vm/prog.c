/* A small stack machine interpreter. The input is the program: a count of times to run it,
   then one instruction per line (push N, load R, store R, add, sub, mul, mod, lt, jz L, jmp L,
   dup, swap, pop, print, halt; labels are instruction indices). Registers persist between runs. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, JZ, JMP, DUP, SWAP, POP, PRINT, HALT };
static const char *names[] = {"push", "load", "store", "add", "sub", "mul", "mod", "lt", "jz", "jmp",
                              "dup", "swap", "pop", "print", "halt"};

typedef struct { int op; int64_t arg; } Insn;

int main(void) {
    unsigned runs, count = 0;
    static Insn prog[4096];
    char word[32];
    if (scanf("%u", &runs) != 1) return 1;
    while (count < 4096 && scanf("%31s", word) == 1) {
        int op = -1;
        for (int i = 0; i <= HALT; i++) if (strcmp(word, names[i]) == 0) op = i;
        if (op < 0) return 2;
        long long arg = 0;
        if ((op == PUSH || op == LOAD || op == STORE || op == JZ || op == JMP) && scanf("%lld", &arg) != 1) return 2;
        prog[count].op = op; prog[count].arg = arg; count++;
    }
    int64_t reg[16] = {0}, stack[256];
    uint64_t printed = 0, steps = 0;
    unsigned long lines = 0;
    for (unsigned r = 0; r < runs; r++) {
        int sp = 0;
        unsigned pc = 0;
        reg[15] = r;
        while (pc < count) {
            Insn in = prog[pc++];
            steps++;
            switch (in.op) {
            case PUSH: if (sp >= 256) return 3; stack[sp++] = in.arg; break;
            case LOAD: if (sp >= 256) return 3; stack[sp++] = reg[in.arg & 15]; break;
            case STORE: if (sp < 1) return 3; reg[in.arg & 15] = stack[--sp]; break;
            case ADD: if (sp < 2) return 3; sp--; stack[sp - 1] = (int64_t)((uint64_t)stack[sp - 1] + (uint64_t)stack[sp]); break;
            case SUB: if (sp < 2) return 3; sp--; stack[sp - 1] = (int64_t)((uint64_t)stack[sp - 1] - (uint64_t)stack[sp]); break;
            case MUL: if (sp < 2) return 3; sp--; stack[sp - 1] = (int64_t)((uint64_t)stack[sp - 1] * (uint64_t)stack[sp]); break;
            case MOD: if (sp < 2) return 3; sp--;
                if (stack[sp] <= 0) return 4;
                stack[sp - 1] = (int64_t)((uint64_t)stack[sp - 1] % (uint64_t)stack[sp]); break;
            case LT: if (sp < 2) return 3; sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
            case JZ: if (sp < 1) return 3; if (stack[--sp] == 0) pc = (unsigned)in.arg; break;
            case JMP: pc = (unsigned)in.arg; break;
            case DUP: if (sp < 1 || sp >= 256) return 3; stack[sp] = stack[sp - 1]; sp++; break;
            case SWAP: if (sp < 2) return 3; { int64_t t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; } break;
            case POP: if (sp < 1) return 3; sp--; break;
            case PRINT: if (sp < 1) return 3; printed = printed * 1000003u + (uint64_t)stack[--sp]; lines++; break;
            case HALT: pc = count; break;
            }
        }
    }
    printf("%llu %lu %llu\n", (unsigned long long)printed, lines, (unsigned long long)steps);
    for (int i = 0; i < 8; i++) printf("%lld%c", (long long)reg[i], i == 7 ? '\n' : ' ');
    return 0;
}
