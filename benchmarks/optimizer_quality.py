"""Optimizer quality: every chosen optimizer on one suite at one budget, side by side.

Runs each optimizer over the programs with the real engine pool, store and validation
(`optsmith.Session.bench`, the code `optsmith bench` runs) and reports, per
optimizer: the geometric-mean IR instruction-count reduction below -Oz, CompilerGym's
score (geomean), how many results were validated, wall time and compilations.

Suites: `builtin` (the 51 built-in programs), `csmith` (csmith_suite(50), seeds from 1:
an evaluation suite), `csmith-train` (csmith programs from seed 1000 on: the set to tune
optimizers on, disjoint from the evaluation suites). `--limit N` takes the first N.

The store defaults to a file in the temporary directory, so repeated runs reuse
measurements and a killed run resumes where it stopped; pass `--store` for another file.

Usage: python benchmarks/optimizer_quality.py --suite csmith-train --limit 8 \
    --optimizers random,evolution --budget 300 [--seed 0] [--workers 2] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from optsmith.measure.objectives import get_objective
from optsmith.measure.reference import record_reference_outputs
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.builtin_suite import builtin_suite
from optsmith.programs.generators import csmith_suite
from optsmith.search.budget import Budget
from optsmith.search.driver import SearchResult
from optsmith.search.registry import OPTIMIZERS
from optsmith.search.suite_run import SuiteCallbacks, SuiteFailure
from optsmith.session import Session
from optsmith.writable import check_file_target

TRAIN_FIRST_SEED = 1000  # csmith seeds of the training set; the evaluation suite uses 1..


def load_suite(name: str, limit: int | None) -> list[Benchmark]:
    if name == "builtin":
        programs = builtin_suite()
        return programs[:limit] if limit else programs
    count = limit or 50
    if name == "csmith":
        # seed order: the first N are csmith_suite(50)'s first N
        return csmith_suite(count, record=record_reference_outputs)
    if name == "csmith-train":
        return csmith_suite(count, record=record_reference_outputs, first_seed=TRAIN_FIRST_SEED)
    raise SystemExit(f"unknown suite '{name}': choose builtin, csmith or csmith-train")


class _Progress(SuiteCallbacks):
    """One line per finished program, on stderr, so long runs show they are alive."""

    def __init__(self, optimizer: str) -> None:
        self.optimizer = optimizer

    def program_finished(self, result: SearchResult | SuiteFailure, resumed: bool) -> None:
        if isinstance(result, SuiteFailure):
            print(
                f"  [{self.optimizer}] {result.benchmark}: FAILED {result.error}", file=sys.stderr
            )
            return
        print(
            f"  [{self.optimizer}] {result.benchmark}: {result.baseline:.0f} -> "
            f"{result.best_value:.0f} ({result.reduction:+.1%}) valid={result.validated} "
            f"{result.wall_s:.1f}s{' (stored)' if resumed else ''}",
            file=sys.stderr,
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--suite", default="csmith-train")
    parser.add_argument("--limit", type=int, default=None, help="first N programs only")
    parser.add_argument("--optimizers", default="random,greedy,evolution,annealing,beam,mcts")
    parser.add_argument("--budget", default="1000", help="compilations (1000) or time (60s)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--objective", default="ir-instcount")
    parser.add_argument(
        "--store",
        type=Path,
        default=Path(tempfile.gettempdir()) / "optsmith-optimizer-quality.sqlite",
    )
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    names = [n.strip() for n in args.optimizers.split(",") if n.strip()]
    unknown = [n for n in names if n not in OPTIMIZERS]
    if unknown:
        raise SystemExit(f"unknown optimizers {unknown}; choose from {', '.join(OPTIMIZERS)}")
    budget = Budget.parse(args.budget)
    if args.json is not None:
        check_file_target(args.json, f"--json {args.json}")  # before hours of search
    objective = get_objective(args.objective)
    started = time.monotonic()
    programs = load_suite(args.suite, args.limit)
    print(
        f"{len(programs)} programs from '{args.suite}' loaded in {time.monotonic() - started:.1f}s",
        file=sys.stderr,
    )

    rows: list[dict[str, Any]] = []
    with Session(workers=args.workers, store=args.store) as session:
        for name in names:
            t0 = time.monotonic()
            report = session.bench(
                programs,
                objective=objective,
                budget=budget,
                optimizer=name,
                seed=args.seed,
                callbacks=_Progress(name),
                label=args.suite,
            )
            rows.append(
                {
                    "optimizer": name,
                    "summary": report.summary.to_dict(),
                    "run_wall_s": time.monotonic() - t0,
                    "failures": [f.__dict__ for f in report.failures],
                    "results": [
                        {k: v for k, v in r.to_dict().items() if k != "history"}
                        for r in report.results
                    ],
                }
            )

    table = Table(
        title=f"{objective.name} on {args.suite} ({len(programs)} programs), budget {budget}, "
        f"seed {args.seed}, {args.workers} workers"
    )
    for column in (
        "optimizer",
        "geomean reduction vs -Oz",
        "CompilerGym score",
        "validated",
        "wall s (search)",
        "compilations",
        "failed",
    ):
        table.add_column(column, justify="right")
    for row in rows:
        s = row["summary"]
        table.add_row(
            row["optimizer"],
            f"{s['geomean_reduction']:.2%}",
            f"{s['mean_compilergym_score']:.4f}",
            f"{s['validated']}/{s['programs']}",
            f"{s['wall_s']:.0f}",
            f"{s['compilations']}",
            str(len(row["failures"])),
        )
    Console(width=150).print(table)
    if args.json is not None:
        payload = {
            "suite": args.suite,
            "programs": [p.name for p in programs],
            "budget": args.budget,
            "seed": args.seed,
            "workers": args.workers,
            "objective": objective.name,
            "optimizers": rows,
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
        print(f"wrote {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
