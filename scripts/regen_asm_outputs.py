#!/usr/bin/env python3
"""Rewrite the expected outputs of the assembly task's built-in problems from real runs.

Each problem in `src/optsmith/asm/builtin/<name>/` has `prog.c` and `tests/input.N`; the
expected `tests/output.N` is what the program itself prints when built with `gcc -O0`, which
performs no transformation that could hide undefined behaviour. Every candidate assembly,
the `gcc -O3` baseline included, must then reproduce those bytes exactly.

Usage:
    python3 scripts/regen_asm_outputs.py                 # rewrite every output.N
    python3 scripts/regen_asm_outputs.py --check         # exit 1 if anything would change
    python3 scripts/regen_asm_outputs.py --sanitize      # also run each test under ASan+UBSan
    python3 scripts/regen_asm_outputs.py --timing        # also report -O3 CPU time per test
    python3 scripts/regen_asm_outputs.py --only nbody --only crc32
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROBLEMS = REPO / "src" / "optsmith" / "asm" / "builtin"
RUN_TIMEOUT_S = 120.0
MIN_O3_CPU_S = 0.050  # the floor: each test does real work at -O3
SANITIZE = ["-O1", "-g", "-fsanitize=undefined,address", "-fno-sanitize-recover=all",
            "-fno-omit-frame-pointer"]


def build(source: Path, out: Path, flags: list[str]) -> None:
    proc = subprocess.run(["gcc", *flags, str(source), "-o", str(out), "-lm"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"{source}: gcc {' '.join(flags)} failed:\n{proc.stderr}")


def run(exe: Path, stdin: bytes, env: dict[str, str] | None = None) -> tuple[bytes, bytes, float]:
    """stdout, stderr and the child's CPU seconds; exits on a non-zero status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([str(exe)], input=stdin, capture_output=True, timeout=RUN_TIMEOUT_S,
                          env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{exe.name}: exit status {proc.returncode}\n"
                 f"{proc.stderr.decode(errors='replace')[-2000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return proc.stdout, proc.stderr, cpu


def inputs_of(problem: Path) -> list[tuple[int, Path]]:
    found = []
    for path in (problem / "tests").glob("input.*"):
        suffix = path.name.split(".", 1)[1]
        if suffix.isdigit():
            found.append((int(suffix), path))
    return sorted(found)


def process(problem: Path, args: argparse.Namespace, work: Path) -> bool:
    """Returns True when the outputs on disk are (or now are) up to date."""
    source = problem / "prog.c"
    ref = work / f"{problem.name}-O0"
    build(source, ref, ["-O0"])
    tests = inputs_of(problem)
    if len(tests) < 5:
        print(f"{problem.name}: only {len(tests)} tests (want at least 5)")
    up_to_date = True
    expected: dict[int, bytes] = {}
    for index, path in tests:
        stdout, _, _ = run(ref, path.read_bytes())
        expected[index] = stdout
        out = problem / "tests" / f"output.{index}"
        if out.exists() and out.read_bytes() == stdout:
            continue
        up_to_date = False
        if args.check:
            print(f"{problem.name}: output.{index} is stale")
        else:
            out.write_bytes(stdout)
            print(f"{problem.name}: wrote output.{index}")
    if args.sanitize:
        checked = work / f"{problem.name}-san"
        build(source, checked, SANITIZE)
        env = {**os.environ, "ASAN_OPTIONS": "detect_leaks=0",
               "UBSAN_OPTIONS": "print_stacktrace=1"}
        for index, path in tests:
            stdout, stderr, _ = run(checked, path.read_bytes(), env)
            if stdout != expected[index] or b"runtime error" in stderr:
                sys.exit(f"{problem.name}: test {index} differs or reports UB under sanitizers:\n"
                         f"{stderr.decode(errors='replace')[-2000:]}")
        print(f"{problem.name}: clean under ASan+UBSan")
    if args.timing:
        fast = work / f"{problem.name}-O3"
        build(source, fast, ["-O3"])
        times = [run(fast, path.read_bytes())[2] for _, path in tests]
        flag = "" if min(times) >= MIN_O3_CPU_S else "  <-- under 50 ms"
        print(f"{problem.name}: -O3 CPU ms per test: "
              f"{' '.join(f'{t * 1000:.0f}' for t in times)}{flag}")
    return up_to_date


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale outputs, write nothing")
    parser.add_argument("--sanitize", action="store_true", help="run tests under ASan+UBSan")
    parser.add_argument("--timing", action="store_true", help="report -O3 CPU time per test")
    parser.add_argument("--only", action="append", default=[], help="problem name (repeatable)")
    args = parser.parse_args()
    problems = sorted(p for p in PROBLEMS.iterdir() if (p / "prog.c").is_file())
    if args.only:
        unknown = set(args.only) - {p.name for p in problems}
        if unknown:
            sys.exit(f"unknown problems: {', '.join(sorted(unknown))}")
        problems = [p for p in problems if p.name in args.only]
    with tempfile.TemporaryDirectory(prefix="optsmith-asm-regen-") as tmp:
        stale = [p.name for p in problems if not process(p, args, Path(tmp))]
    if args.check and stale:
        print(f"{len(stale)} problem(s) have stale outputs: {', '.join(stale)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
