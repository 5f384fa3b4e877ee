"""The -Oz baselines against what clang gives: is the text-size baseline `clang-22 -Oz -c`?

Per program, with the real engine workers (the path a search takes):
- `clang -Oz -c`: .text bytes of the object `clang-22 -Oz <cflags> -c` writes;
- `baseline`: the text-size baseline (clang's own -Oz pipeline, `clang-Oz`), which must
  equal it byte for byte;
- `opt Oz`: .text bytes after opt's `default<Oz>` instead (the old baseline; it runs the
  loop vectorizer and not the SLP one);
- `IR opt Oz` / `IR clang Oz`: ir-instcount after each pipeline on the -O0 IR (the
  headline there stays opt's `default<Oz>`, the literature's).

Suites: the 51 built-in programs and csmith_suite(50) (`--limit N` takes the first N of
each). Prints a table and writes JSON (default benchmarks/results/oz_baseline.json).

Usage: python benchmarks/oz_baseline.py [--suites builtin,csmith] [--limit N] [--json FILE]
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from optsmith.llvm.clang_pipeline import CLANG_OZ, clang_pipeline
from optsmith.llvm.module import Engine, object_sizes
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.measure.reference import record_reference_outputs
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.builtin_suite import builtin_suite
from optsmith.programs.generators import csmith_suite
from optsmith.search.evaluator import Evaluator
from optsmith.toolchain import find_toolchain
from optsmith.writable import check_file_target

DEFAULT_JSON = Path(__file__).parent / "results" / "oz_baseline.json"


@functools.lru_cache(maxsize=1)
def _reader() -> Engine:
    """An in-process engine, only to read section sizes of clang's objects."""
    return Engine()


def clang_text_bytes(bench: Benchmark) -> int:
    """.text bytes (all .text* sections) of the object `clang-22 -Oz <cflags> -c` writes."""
    with tempfile.TemporaryDirectory(prefix="optsmith-oz-") as tmp:
        src, obj = Path(tmp) / "prog.c", Path(tmp) / "prog.o"
        src.write_text(bench.source)
        subprocess.run(
            [str(find_toolchain().clang), "-Oz", *bench.cflags, "-c", str(src), "-o", str(obj)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return object_sizes(_reader(), obj.read_bytes()).text


def measure(evaluator: Evaluator, suite: str, bench: Benchmark) -> dict[str, Any]:
    size, count = get_objective("text-size"), get_objective("ir-instcount")
    clang_text = clang_pipeline(CLANG_OZ, bench.cflags)
    size_problem = evaluator.prepare(bench, size)
    baseline, opt_oz = evaluator.evaluate_texts(
        size_problem, [size.baseline_for(bench), "default<Oz>"]
    )
    count_problem = evaluator.prepare(bench, count)
    ir_opt, ir_clang = evaluator.evaluate_texts(count_problem, ["default<Oz>", clang_text])
    clang_c = clang_text_bytes(bench)
    return {
        "suite": suite,
        "program": bench.name,
        "clang_oz_c": clang_c,
        "baseline": baseline.value,
        "match": baseline.value == clang_c,
        "opt_oz": opt_oz.value,
        "ir_opt_oz": ir_opt.value,
        "ir_clang_oz": ir_clang.value,
    }


def _geomean_ratio(rows: list[dict[str, Any]], num: str, den: str) -> float:
    pairs = [(r[num], r[den]) for r in rows if r[num] and r[den]]
    if not pairs:
        return 1.0
    return math.exp(sum(math.log(a / b) for a, b in pairs) / len(pairs))


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "programs": len(rows),
        "baseline_matches_clang_oz_c": sum(1 for r in rows if r["match"]),
        "opt_oz_matches_clang_oz_c": sum(1 for r in rows if r["opt_oz"] == r["clang_oz_c"]),
        "geomean_opt_oz_over_clang_oz_bytes": _geomean_ratio(rows, "opt_oz", "clang_oz_c"),
        "ir_differs": sum(1 for r in rows if r["ir_opt_oz"] != r["ir_clang_oz"]),
        "geomean_ir_clang_oz_over_opt_oz": _geomean_ratio(rows, "ir_clang_oz", "ir_opt_oz"),
    }


def table(rows: list[dict[str, Any]]) -> Table:
    out = Table(title="-Oz baselines: engine vs clang-22 -Oz -c (.text bytes; IR instructions)")
    for column in (
        "suite",
        "program",
        "clang -Oz -c",
        "baseline",
        "match",
        "opt Oz",
        "IR opt Oz",
        "IR clang Oz",
    ):
        out.add_column(column, justify="left" if column in ("suite", "program") else "right")
    for r in rows:
        out.add_row(
            r["suite"],
            r["program"],
            f"{r['clang_oz_c']:,}",
            f"{r['baseline']:,.0f}" if r["baseline"] is not None else "failed",
            "yes" if r["match"] else "[red]NO[/]",
            f"{r['opt_oz']:,.0f}" if r["opt_oz"] is not None else "failed",
            f"{r['ir_opt_oz']:,.0f}" if r["ir_opt_oz"] is not None else "failed",
            f"{r['ir_clang_oz']:,.0f}" if r["ir_clang_oz"] is not None else "failed",
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suites", default="builtin,csmith")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    args = parser.parse_args()
    check_file_target(args.json, "--json")
    suites: dict[str, list[Benchmark]] = {}
    for name in args.suites.split(","):
        if name == "builtin":
            programs = builtin_suite()
            suites[name] = programs[: args.limit] if args.limit else programs
        elif name == "csmith":
            suites[name] = csmith_suite(args.limit or 50, record=record_reference_outputs)
        else:
            raise SystemExit(f"unknown suite '{name}': choose builtin or csmith")
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    with EnginePool(args.workers, timeout_s=300) as pool:
        evaluator = Evaluator(pool)
        for suite, programs in suites.items():
            for bench in programs:
                rows.append(measure(evaluator, suite, bench))
                print(f"{suite}/{bench.name}: done", file=sys.stderr, flush=True)
    console = Console(width=max(Console().width, 120))
    console.print(table(rows))
    summary = {suite: summarize([r for r in rows if r["suite"] == suite]) for suite in suites}
    for suite, s in summary.items():
        console.print(
            f"{suite}: baseline == clang -Oz -c on {s['baseline_matches_clang_oz_c']}/"
            f"{s['programs']}; opt default<Oz> == clang -Oz -c on "
            f"{s['opt_oz_matches_clang_oz_c']}/{s['programs']} (geomean bytes ratio "
            f"{s['geomean_opt_oz_over_clang_oz_bytes']:.4f}); IR counts differ on "
            f"{s['ir_differs']}/{s['programs']} (geomean clang/opt "
            f"{s['geomean_ir_clang_oz_over_opt_oz']:.4f})"
        )
    payload = {
        "toolchain": find_toolchain().version_key,
        "clang_oz_pipeline": clang_pipeline(CLANG_OZ),
        "wall_s": round(time.perf_counter() - started, 1),
        "summary": summary,
        "rows": rows,
    }
    args.json.write_text(json.dumps(payload, indent=2) + "\n")
    ok = all(r["match"] for r in rows)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
