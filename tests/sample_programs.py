"""Small real C programs shared by the tests (a module, not conftest: several conftest.py
files exist, and `import conftest` would pick whichever pytest loaded first)."""

from __future__ import annotations

from pathlib import Path

from optsmith.programs.benchmark import Benchmark, TestCase

DATA = Path(__file__).parent / "data"

LOOP_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Acc { unsigned sum; unsigned xor_; int count; };

static unsigned mix(unsigned x) { x ^= x >> 13; x *= 0x5bd1e995u; x ^= x >> 15; return x; }

static void feed(struct Acc *acc, unsigned v) {
    acc->sum += v;
    acc->xor_ ^= mix(v);
    acc->count++;
}

static int table[64];

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 100;
    struct Acc acc;
    memset(&acc, 0, sizeof acc);
    for (int i = 0; i < 64; i++) table[i] = i * 3 + 1;
    for (int i = 0; i < n; i++) {
        switch (i % 4) {
        case 0: feed(&acc, (unsigned)table[i % 64]); break;
        case 1: feed(&acc, (unsigned)i * 7u); break;
        case 2: feed(&acc, mix((unsigned)i)); break;
        default: feed(&acc, 1u); break;
        }
    }
    printf("sum=%u xor=%u count=%d\n", acc.sum, acc.xor_, acc.count);
    return 0;
}
"""


def make_loop_benchmark() -> Benchmark:
    return Benchmark(
        name="loop",
        source=LOOP_C,
        tests=(
            TestCase(args=("100",), expected_stdout="sum=1458946011 xor=3115543336 count=100\n"),
        ),
    )


TINY_C = r"""
#include <stdio.h>

static int square(int x) { return x * x; }

int main(void) {
    int total = 0;
    for (int i = 1; i <= 10; i++) total += square(i);
    printf("%d\n", total);
    return 0;
}
"""


def make_tiny_benchmark(name: str = "tiny") -> Benchmark:
    """A program whose prompts fit a small model's context (a few hundred IR lines)."""
    return Benchmark(name=name, source=TINY_C, tests=(TestCase(expected_stdout="385\n"),))
