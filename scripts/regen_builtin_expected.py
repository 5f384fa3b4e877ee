#!/usr/bin/env python3
"""Rewrite the expected outputs in the built-in suite's manifest from real runs.

The built-in programs are validated by comparing a build's output against
`manifest.json`. The reference is defined as what `clang-22 -O0` produces, because
-O0 performs no transformation that could mask undefined behaviour; every optimized
build must then reproduce it exactly. Args and stdin are kept; only
`expected_stdout` and `expected_exit_code` are rewritten.

Usage:
    python3 scripts/regen_builtin_expected.py            # rewrite the manifest
    python3 scripts/regen_builtin_expected.py --check    # exit 1 if anything would change
    python3 scripts/regen_builtin_expected.py --only crc32 --only lz77
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BUILTIN_DIR = REPO / "src" / "optsmith" / "programs" / "builtin"
MANIFEST = BUILTIN_DIR / "manifest.json"
DEFAULT_LDFLAGS = ["-lm"]
RUN_TIMEOUT_S = 30.0
SLOW_TEST_S = 0.15  # the suite runs every program many times; keep each test cheap


def find_clang() -> str:
    """clang-22 from $CLANG, PATH, or the Debian LLVM 22 prefix."""
    for candidate in (os.environ.get("CLANG"), "clang-22", "/usr/lib/llvm-22/bin/clang"):
        if candidate and shutil.which(candidate):
            return candidate
    sys.exit("error: clang-22 not found (set $CLANG)")


def build(clang: str, program: dict[str, Any], workdir: Path) -> Path:
    name = str(program["name"])
    source = BUILTIN_DIR / f"{name}.c"
    exe = workdir / name
    cflags = [str(f) for f in program.get("cflags", [])]
    ldflags = [str(f) for f in program.get("ldflags", DEFAULT_LDFLAGS)]
    cmd = [clang, "-O0", *cflags, str(source), "-o", str(exe), *ldflags]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"error: {name} does not compile:\n{proc.stderr}")
    return exe


def run_tests(exe: Path, program: dict[str, Any]) -> tuple[list[dict[str, Any]], float]:
    """Run every test; returns the updated tests and the slowest run in seconds."""
    updated: list[dict[str, Any]] = []
    slowest = 0.0
    for test in program["tests"]:
        start = time.perf_counter()
        proc = subprocess.run(
            [str(exe), *[str(a) for a in test.get("args", [])]],
            input=str(test.get("stdin", "")),
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_S,
        )
        slowest = max(slowest, time.perf_counter() - start)
        if proc.stderr:
            print(f"warning: {program['name']} {test.get('args')}: stderr: {proc.stderr.strip()}")
        new = dict(test)
        new["expected_stdout"] = proc.stdout
        new["expected_exit_code"] = proc.returncode
        updated.append(new)
    return updated, slowest


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report differences, write nothing")
    parser.add_argument("--only", action="append", default=[], help="program name (repeatable)")
    args = parser.parse_args()

    manifest = json.loads(MANIFEST.read_text())
    programs = manifest["programs"]
    known = {p["name"] for p in programs}
    unknown = sorted(set(args.only) - known)
    if unknown:
        sys.exit(f"error: not in the manifest: {', '.join(unknown)}")
    clang = find_clang()
    changed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="optsmith-regen-") as tmp:
        for program in programs:
            if args.only and program["name"] not in args.only:
                continue
            exe = build(clang, program, Path(tmp))
            tests, slowest = run_tests(exe, program)
            if tests != program["tests"]:
                changed.append(program["name"])
                program["tests"] = tests
            flag = "  (slow)" if slowest > SLOW_TEST_S else ""
            ms = slowest * 1000
            print(f"{program['name']:24s} {len(tests)} tests, slowest {ms:6.1f} ms{flag}")
    if args.check:
        if changed:
            print(f"out of date: {', '.join(changed)}")
            return 1
        print("manifest is up to date")
        return 0
    programs.sort(key=lambda p: p["name"])
    MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    print(f"rewrote {MANIFEST.relative_to(REPO)} ({len(changed)} programs changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
