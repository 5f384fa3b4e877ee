"""What one sandboxed run costs: the old hand-written sandbox against the bubblewrap one.

The program is trivial (`int main(void) { return 0; }`, gcc -O2), so every figure is the
sandbox's own overhead. N runs of each variant, interleaved (old, new, ... in every round) so
that the machine's load hits all alike:

- direct: `subprocess.run` of the binary, no sandbox (the floor);
- old: the hand-written namespace/uid sandbox (`src/optsmith/sandbox/runner.py` at
  `--old-rev`, loaded from git into a temporary module);
- new: `run_sandboxed` (bubblewrap, library root, per-run cgroup);
- new, no cgroup: the same with cgroup creation disabled (the cgroup's own cost);
- new, /usr root: the same binary with the system root (all of /usr) instead of the
  library root (what the narrower root costs or saves).

Per variant: the caller's wall time per call (what a judge pays per test), and the run's
reported `wall_s` and `cpu_s` (the constant a timed program carries: exec, loader, exit).
All of it twice: from this small process, and again after it has touched `--ballast-mb` of
memory, as a search process holding an LLVM engine and a model does (a fork copies the
caller's page tables; vfork does not).

Usage: python benchmarks/sandbox_overhead.py [-n 50] [--ballast-mb 512] [--old-rev REV]
                                             [--json FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from rich.console import Console
from rich.table import Table

from optsmith.asm.busy import retry_when_busy
from optsmith.sandbox import bwrap, cgroup, run_sandboxed

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "sandbox_overhead.json"
OLD_REV = "b69a0a5"  # the last commit with the hand-written sandbox
Sample = tuple[float, float, float]  # caller's wall s, reported wall_s, reported cpu_s


def load_old_runner(rev: str) -> ModuleType | None:
    """The old runner.py from git, as a module of its own; None if git cannot show it."""
    proc = subprocess.run(["git", "show", f"{rev}:src/optsmith/sandbox/runner.py"], cwd=ROOT,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        return None
    path = Path(tempfile.mkdtemp(prefix="optsmith-bench-")) / "old_runner.py"
    path.write_text(proc.stdout)
    spec = importlib.util.spec_from_file_location("old_runner", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_runner"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def direct(exe: Path) -> Sample:
    start = time.monotonic()
    subprocess.run([str(exe)], check=True)
    elapsed = time.monotonic() - start
    return elapsed, elapsed, 0.0


def timed(call: Callable[[], Any]) -> Sample:
    start = time.monotonic()
    result = call()
    elapsed = time.monotonic() - start
    assert result.exit_code == 0, result
    return elapsed, result.wall_s, result.cpu_s


def new_without_cgroup(exe: Path) -> Sample:
    create = cgroup.create
    cgroup.create = lambda *_: None  # type: ignore[assignment]
    try:
        return timed(lambda: run_sandboxed([exe]))
    finally:
        cgroup.create = create  # type: ignore[assignment]


def new_with_usr_root(exe: Path) -> Sample:
    library_root = bwrap.library_root
    bwrap.library_root = bwrap.system_root  # type: ignore[assignment]
    try:
        return timed(lambda: run_sandboxed([exe]))
    finally:
        bwrap.library_root = library_root  # type: ignore[assignment]


def summary(samples: list[Sample]) -> dict[str, float]:
    out: dict[str, float] = {}
    for index, name in enumerate(("call_ms", "wall_s_ms", "cpu_s_ms")):
        values = sorted(s[index] * 1000 for s in samples)
        out[f"{name}_median"] = round(statistics.median(values), 3)
        out[f"{name}_p10"] = round(values[len(values) // 10], 3)
        out[f"{name}_p90"] = round(values[(len(values) * 9) // 10], 3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="runs of each variant")
    parser.add_argument("--ballast-mb", type=int, default=512)
    parser.add_argument("--old-rev", default=OLD_REV)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="optsmith-bench-"))
    (folder / "t.c").write_text("int main(void) { return 0; }\n")
    exe = folder / "t"
    subprocess.run(["gcc", "-O2", "-o", str(exe), str(folder / "t.c")], check=True)
    old = load_old_runner(args.old_rev)
    variants: dict[str, Callable[[], Sample]] = {"direct": lambda: direct(exe)}
    if old is not None:
        # it shares `nobody`'s process budget with every other sandbox: retry when exhausted
        variants["old"] = lambda: timed(lambda: retry_when_busy(lambda: old.run_sandboxed([exe])))
    else:
        print(f"git cannot show {args.old_rev}: the old sandbox is left out", file=sys.stderr)
    variants |= {"new": lambda: timed(lambda: run_sandboxed([exe])),
                 "new, no cgroup": lambda: new_without_cgroup(exe),
                 "new, /usr root": lambda: new_with_usr_root(exe)}
    for call in variants.values():  # warm up: the launcher's build, bwrap's probe, caches
        call()
    figures: dict[str, dict[str, dict[str, float]]] = {}
    ballast = bytearray()
    for size in (0, args.ballast_mb):
        ballast = bytearray(size << 20)
        for page in range(0, len(ballast), 4096):
            ballast[page] = 1
        samples: dict[str, list[Sample]] = {name: [] for name in variants}
        for _ in range(args.n):
            for name, call in variants.items():
                samples[name].append(call())
        figures[f"caller holding {size} MiB"] = {name: summary(s) for name, s in samples.items()}
    del ballast
    version = subprocess.run(["bwrap", "--version"], capture_output=True, text=True).stdout
    result = {
        "runs_per_variant": args.n, "program": "int main(void) { return 0; } (gcc -O2)",
        "old_rev": args.old_rev if old is not None else None, "variants": figures,
        "machine": {"cpus": os.cpu_count(), "load_average": list(os.getloadavg()),
                    "python": platform.python_version(), "kernel": platform.release(),
                    "bwrap": version.strip(), "euid": os.geteuid(),
                    "cgroup": bool(run_sandboxed([exe]).run_limits)},
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    table = Table(title=f"one run of a trivial program, {args.n} runs each, interleaved (ms)")
    for column in ("caller", "variant", "call median", "call p10-p90", "wall_s median",
                   "cpu_s median"):
        table.add_column(column, justify="left" if column in ("caller", "variant") else "right")
    for caller, rows in figures.items():
        for name, f in rows.items():
            table.add_row(caller, name, f"{f['call_ms_median']:.2f}",
                          f"{f['call_ms_p10']:.2f}-{f['call_ms_p90']:.2f}",
                          f"{f['wall_s_ms_median']:.3f}", f"{f['cpu_s_ms_median']:.3f}")
    Console(width=120).print(table)
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
