"""Small real problems for the assembly task, built in a temporary directory.

Expected outputs come from the program itself at `gcc -O0`, as for the built-in set
(scripts/regen_asm_outputs.py); candidates are real `gcc -S`/`clang-22 -S` output or
hostile C compiled to assembly.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from optsmith.toolchain import find_toolchain

SUM_C = r"""
#include <stdio.h>
int main(void) {
    long long total = 0, x;
    while (scanf("%lld", &x) == 1) total += x;
    printf("%lld\n", total);
    return 0;
}
"""

# A chaotic floating-point loop: fusing r*x - r*x*x into an FMA changes the rounding, and
# the logistic map amplifies the difference into visibly different digits.
LOGISTIC_C = r"""
#include <stdio.h>
int main(void) {
    unsigned long n; double r, x;
    if (scanf("%lu %lf %lf", &n, &r, &x) != 3) return 1;
    double sum = 0;
    for (unsigned long i = 0; i < n; i++) { x = r * x - r * x * x; sum += x; }
    printf("%.17g %.17g\n", x, sum);
    return 0;
}
"""

# ~30 ms of integer work at -O3: long enough for timing to mean something.
SPIN_C = r"""
#include <stdio.h>
int main(void) {
    unsigned n, seed;
    if (scanf("%u %u", &n, &seed) != 2) return 1;
    unsigned x = seed | 1, acc = 0;
    for (unsigned i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        acc += (x % 7 == 0) ? x >> 3 : x & 0xff;
    }
    printf("%u\n", acc);
    return 0;
}
"""

# A floating-point sum that only value-unsafe math vectorizes (-O3 keeps the additions in
# source order). Every partial sum is a multiple of 0.25 far below 2**53, so any order gives
# the same bits: -Ofast passes the tests here and is several times faster, a clear winner.
FSUM_C = r"""
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    unsigned n, rounds;
    if (scanf("%u %u", &n, &rounds) != 2 || n == 0) return 1;
    double *a = malloc(n * sizeof *a);
    if (!a) return 1;
    for (unsigned i = 0; i < n; i++) a[i] = (double)(i & 7) * 0.25;
    double total = 0;
    for (unsigned r = 0; r < rounds; r++)
        for (unsigned i = 0; i < n; i++) total += a[i];
    printf("%.17g\n", total);
    free(a);
    return 0;
}
"""


def gcc_s(source: str, tmp: Path, *flags: str, compiler: str = "gcc") -> str:
    """Compile C to assembly with a real compiler; the text a candidate file would hold."""
    tmp.mkdir(parents=True, exist_ok=True)
    src = tmp / "cand.c"
    src.write_text(source)
    cc = str(find_toolchain().clang) if compiler == "clang" else "gcc"
    extra = ["-fno-integrated-as"] if compiler == "clang" else []
    subprocess.run([cc, *flags, *extra, "-S", str(src), "-o", str(tmp / "cand.s")],
                   check=True, capture_output=True)
    return (tmp / "cand.s").read_text()


def write_problem(root: Path, name: str, source: str, inputs: Sequence[str]) -> Path:
    """A CodeNet-layout problem whose outputs are the program's own at gcc -O0."""
    folder = root / name
    (folder / "tests").mkdir(parents=True)
    (folder / "prog.c").write_text(source)
    exe = folder / "ref"
    subprocess.run(["gcc", "-O0", "-o", str(exe), str(folder / "prog.c"), "-lm"], check=True)
    for i, stdin in enumerate(inputs):
        (folder / "tests" / f"input.{i}").write_text(stdin)
        out = subprocess.run([str(exe)], input=stdin.encode(), capture_output=True, check=True)
        (folder / "tests" / f"output.{i}").write_bytes(out.stdout)
    exe.unlink()
    return folder


