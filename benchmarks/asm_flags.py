"""The assembly task on the built-in problems with the flag generator: how far flags get.

Runs `optsmith.asm.evaluate` (the code `optsmith asm eval builtin --generator flags` runs) over
every built-in problem: gcc and clang-22 with -march=native, unrolling, PGO trained on the
problem's training tests, LTO, and the FMA/fast-math traps. Per problem it prints the winner
(chosen on the training tests), its speedup over `gcc -O3` timed on the held-out tests, the
tests passed, and the baseline timed against itself; then the pass rate, the geometric and
arithmetic mean speedups (failures as failures), SuperCoder's clamped mean (labelled) and
the noise floor. JSON goes to benchmarks/results/asm_flags.json.

Timing is CPU time (user+sys), paired per round (see optsmith.asm.timing); the machine, its
load and the compilers are recorded in the JSON so that figures are compared like for like.

Usage: python benchmarks/asm_flags.py [--only nbody --only crc32] [--limit N]
           [--repeats 7] [--select-repeats 3] [--configs gcc-native-nofma,clang]
           [--json benchmarks/results/asm_flags.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console

from optsmith.asm import EvalSettings, FlagGenerator, ProblemResult, builtin_problems, evaluate
from optsmith.asm.evaluate import Callbacks
from optsmith.asm.flags import DEFAULT_CONFIGS, config_by_name
from optsmith.asm.problems import Problem
from optsmith.report.asm_tables import results_table, summary_lines
from optsmith.toolchain import find_toolchain

RESULTS = Path(__file__).parent / "results" / "asm_flags.json"


class _Log(Callbacks):
    """One line per finished problem on stderr, so a long run shows it is alive."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.name = ""

    def problem_started(self, problem: Problem, index: int, total: int) -> None:
        self.name = f"[{index + 1}/{total}] {problem.name}"

    def problem_finished(self, result: ProblemResult | None) -> None:
        elapsed = time.monotonic() - self.start
        if result is None:
            print(f"{self.name}: error ({elapsed:.0f}s)", file=sys.stderr, flush=True)
            return
        speed = f"{result.speedup:.3f}x" if result.speedup is not None else "failed"
        print(f"{self.name}: {result.winner} {speed} (self {result.self_ratio or 0:.3f}) "
              f"at {elapsed:.0f}s", file=sys.stderr, flush=True)


def machine() -> dict[str, Any]:
    tc = find_toolchain()
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    return {"cpu": cpu, "cores": os.cpu_count(), "load_average": os.getloadavg(),
            "gcc": tc.gcc_version, "llvm": tc.llvm_version, "python": platform.python_version()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=None, help="problem (repeatable)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--select-repeats", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--configs", default=None, help="comma-separated flag configs")
    parser.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args()
    problems = builtin_problems(args.only)[: args.limit]
    configs = config_by_name(args.configs.split(",")) if args.configs else DEFAULT_CONFIGS
    settings = EvalSettings(repeats=args.repeats, select_repeats=args.select_repeats,
                            warmup=args.warmup)
    before = machine()
    start = time.monotonic()
    evaluation = evaluate(problems, FlagGenerator(configs), settings, _Log())
    wall = time.monotonic() - start
    console = Console(width=200)
    console.print(results_table(evaluation, title="flag search vs gcc -O3, built-in problems"))
    for line in summary_lines(evaluation):
        console.print(line)
    console.print(f"wall time {wall / 60:.1f} min; CPU time (user+sys), paired, "
                  f"{args.repeats} rounds on held-out tests")
    payload = {
        "command": "python benchmarks/asm_flags.py " + " ".join(sys.argv[1:]),
        "machine": {**before, "load_average_after": os.getloadavg()},
        "configs": [{"name": c.name, "command": c.command} for c in configs],
        "wall_s": wall,
        **evaluation.to_dict(),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(payload, indent=2, sort_keys=True, default=str) + "\n")
    print(f"wrote {args.json}", file=sys.stderr)
    return 1 if evaluation.errors else 0


if __name__ == "__main__":
    sys.exit(main())
