"""Predictor vs coreset: quality, compilations and seconds per program, side by side.

Runs each optimizer over each suite with the real engine pool and validation
(`optsmith.Session.bench`, the code `optsmith bench` runs) and reports per suite and
optimizer: the geometric-mean IR instruction-count reduction below -Oz, CompilerGym's
score, validated results, compilations per program (mean and max) and seconds per program:
"search" is the features, the two reference measurements and every compilation (what the
predictor must keep under a second); "wall" adds the validation (rebuild and tests).
On a shared machine wall seconds say more about the neighbours than about the search, so
the CPU seconds the search took (this process and its engine workers, from /proc) are
reported too; halved, they are the search's wall time on two idle cores.

Suites: `builtin` (the 51 built-in programs) and `csmith` (csmith_suite(50), seeds 1..50):
both evaluation suites, never trained on. By default nothing is cached (no store), so every
compilation is timed afresh and one optimizer's measurements cannot speed up the other's;
`--store FILE` makes a run resumable instead (and its seconds meaningless).

Usage: python benchmarks/predictor_quality.py [--suites builtin,csmith]
    [--optimizers predictor,coreset] [--budget 45] [--workers 2] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Literal

from optimizer_quality import load_suite
from rich.console import Console
from rich.table import Table

from optsmith.measure.objectives import get_objective
from optsmith.search.budget import Budget, BudgetClock
from optsmith.search.driver import SearchResult
from optsmith.search.registry import OPTIMIZERS
from optsmith.search.suite_run import SuiteCallbacks, SuiteFailure
from optsmith.session import Session
from optsmith.writable import check_file_target

_TICK = os.sysconf("SC_CLK_TCK")


def _tree_cpu(pid: int, into: dict[int, float] | None = None) -> dict[int, float]:
    """User + system CPU seconds of a live process and of each live descendant, by pid
    (Linux /proc)."""
    out = {} if into is None else into
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        out[pid] = (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                _tree_cpu(int(child), out)
    except (OSError, IndexError, ValueError):
        pass  # the process ended meanwhile
    return out


class _CpuMeter:
    """CPU seconds used by this process and its children since `reset`, read at each
    `sample`: an engine worker replaced after a crash adds all of its time, one that died
    loses only what it used since the previous sample (one batch)."""

    def __init__(self) -> None:
        self.used = 0.0
        self._seen: dict[int, float] = {}

    def reset(self) -> None:
        self.used, self._seen = 0.0, _tree_cpu(os.getpid())

    def sample(self) -> float:
        now = _tree_cpu(os.getpid())
        self.used += sum(t - self._seen.get(pid, 0.0) for pid, t in now.items())
        self._seen = now
        return self.used


class _Timing(SuiteCallbacks):
    """Records each program's search seconds (the clock at its last batch) and the CPU
    seconds spent until then, and prints one line per program on stderr."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.search_s: dict[str, float] = {}
        self.search_cpu_s: dict[str, float] = {}
        self._last = self._cpu_last = 0.0
        self._cpu = _CpuMeter()

    def program_started(self, benchmark: Any, index: int, total: int) -> None:
        self._last = self._cpu_last = 0.0
        self._cpu.reset()

    def progress(self, clock: BudgetClock, best: float | None) -> None:
        self._last = clock.elapsed
        self._cpu_last = self._cpu.sample()

    def program_finished(self, result: SearchResult | SuiteFailure, resumed: bool) -> None:
        if isinstance(result, SuiteFailure):
            print(f"  [{self.label}] {result.benchmark}: FAILED {result.error}", file=sys.stderr)
            return
        self.search_s[result.benchmark] = self._last
        cpu = self.search_cpu_s[result.benchmark] = self._cpu_last
        print(
            f"  [{self.label}] {result.benchmark}: {result.baseline:.0f} -> "
            f"{result.best_value:.0f} ({result.reduction:+.1%}) {result.compilations} comp, "
            f"search {self._last:.2f}s ({cpu:.2f} CPU s), wall {result.wall_s:.2f}s "
            f"valid={result.validated}",
            file=sys.stderr,
            flush=True,
        )


def _summary(results: list[SearchResult], timing: _Timing) -> dict[str, Any]:
    ratios = [r.speedup_ratio for r in results]
    geo = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
    scores = [max(r.compilergym_score, 1e-9) for r in results]
    searches = [timing.search_s.get(r.benchmark, float("nan")) for r in results]
    cpus = [timing.search_cpu_s.get(r.benchmark, float("nan")) for r in results]
    walls = [r.wall_s for r in results]
    compilations = [r.compilations for r in results]
    return {
        "programs": len(results),
        "geomean_reduction": 1.0 - 1.0 / geo,
        "geomean_compilergym_score": math.exp(sum(math.log(s) for s in scores) / len(scores)),
        "validated": sum(1 for r in results if r.validated),
        "beat_oz": sum(1 for r in results if r.best_value < r.baseline),
        "compilations_mean": statistics.mean(compilations),
        "compilations_max": max(compilations),
        "search_s_mean": statistics.mean(searches),
        "search_s_median": statistics.median(searches),
        "search_s_max": max(searches),
        "search_cpu_s_mean": statistics.mean(cpus),
        "search_cpu_s_median": statistics.median(cpus),
        "search_cpu_s_max": max(cpus),
        "wall_s_mean": statistics.mean(walls),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--suites", default="builtin,csmith")
    parser.add_argument("--optimizers", default="predictor,coreset")
    parser.add_argument("--budget", default="45")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="first N programs per suite")
    parser.add_argument("--store", type=Path, default=None, help="default: no store")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    names = [n.strip() for n in args.optimizers.split(",") if n.strip()]
    unknown = [n for n in names if n not in OPTIMIZERS]
    if unknown:
        raise SystemExit(f"unknown optimizers {unknown}; choose from {', '.join(OPTIMIZERS)}")
    suites = [s.strip() for s in args.suites.split(",") if s.strip()]
    budget = Budget.parse(args.budget)
    if args.json is not None:
        check_file_target(args.json, f"--json {args.json}")
    objective = get_objective("ir-instcount")
    rows: list[dict[str, Any]] = []
    load_before = os.getloadavg()
    for suite in suites:
        started = time.monotonic()
        programs = load_suite(suite, args.limit)
        print(
            f"{len(programs)} programs of '{suite}' in {time.monotonic() - started:.0f}s",
            file=sys.stderr,
        )
        for name in names:
            timing = _Timing(f"{suite}/{name}")
            # a fresh session (and store, if any) per optimizer: nothing measured for one
            # optimizer answers the other's proposals, so seconds are comparable
            store: Path | Literal[False] = args.store if args.store is not None else False
            with Session(workers=args.workers, store=store) as session:
                report = session.bench(
                    programs,
                    objective=objective,
                    budget=budget,
                    optimizer=name,
                    seed=args.seed,
                    callbacks=timing,
                    label=suite,
                )
            results = [r.search for r in report.results]
            rows.append(
                {
                    "suite": suite,
                    "optimizer": name,
                    "summary": _summary(results, timing),
                    "failures": [f.__dict__ for f in report.failures],
                    "results": [
                        {
                            **{k: v for k, v in r.to_dict().items() if k != "history"},
                            "search_s": timing.search_s.get(r.benchmark),
                            "search_cpu_s": timing.search_cpu_s.get(r.benchmark),
                        }
                        for r in results
                    ],
                }
            )

    table = Table(
        title=f"ir-instcount, budget {budget}, seed {args.seed}, {args.workers} workers, "
        f"load average {load_before[0]:.1f} at start"
    )
    for column in (
        "suite",
        "optimizer",
        "geomean reduction vs -Oz",
        "CompilerGym score",
        "beat -Oz",
        "validated",
        "compilations/program (max)",
        "search s/program (median, max)",
        "search CPU s/program (median, max)",
        "wall s/program",
    ):
        table.add_column(column, justify="right")
    for row in rows:
        s = row["summary"]
        table.add_row(
            row["suite"],
            row["optimizer"],
            f"{s['geomean_reduction']:.2%}",
            f"{s['geomean_compilergym_score']:.3f}",
            f"{s['beat_oz']}/{s['programs']}",
            f"{s['validated']}/{s['programs']}",
            f"{s['compilations_mean']:.1f} ({s['compilations_max']})",
            f"{s['search_s_mean']:.2f} ({s['search_s_median']:.2f}, {s['search_s_max']:.2f})",
            f"{s['search_cpu_s_mean']:.2f} ({s['search_cpu_s_median']:.2f}, "
            f"{s['search_cpu_s_max']:.2f})",
            f"{s['wall_s_mean']:.2f}",
        )
    Console(width=160).print(table)
    if args.json is not None:
        payload = {
            "budget": args.budget,
            "seed": args.seed,
            "workers": args.workers,
            "objective": objective.name,
            "load_average_start": load_before,
            "load_average_end": os.getloadavg(),
            "rows": rows,
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
        print(f"wrote {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
