"""Runs one optimizer over a suite of programs, resumably.

Each finished program's result is written to the store under a run key (optimizer,
seed, budget, objective, toolchain), so a killed `optsmith bench` skips what it finished;
the program it was working on replays its seeded proposals from the measurement cache.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from optsmith.errors import OptsmithError
from optsmith.measure.objectives import Objective
from optsmith.programs.benchmark import Benchmark
from optsmith.search.budget import Budget, BudgetClock
from optsmith.search.driver import SearchResult, run_search
from optsmith.search.evaluator import Evaluator, Problem
from optsmith.search.protocol import Optimizer
from optsmith.search.registry import make_optimizer


@dataclass(frozen=True)
class SuiteFailure:
    """A program that could not be searched at all (does not compile, baseline crashes)."""

    benchmark: str
    error: str


def run_key(optimizer: str, seed: int, budget: Budget, objective: Objective, toolchain: str) -> str:
    payload = json.dumps(
        [optimizer, seed, budget.compilations, budget.seconds, objective.store_name, toolchain]
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


class SuiteCallbacks:
    """Hooks for progress display; the default does nothing."""

    def program_started(self, benchmark: Benchmark, index: int, total: int) -> None:
        """A program's search begins."""

    def progress(self, clock: BudgetClock, best: float | None) -> None:
        """Called after each batch of compilations."""

    def program_finished(self, result: SearchResult | SuiteFailure, resumed: bool) -> None:
        """A program is done (or was already done in the store)."""


def run_suite(
    benchmarks: Sequence[Benchmark],
    objective: Objective,
    optimizer_name: str,
    budget: Budget,
    evaluator: Evaluator,
    *,
    seed: int = 0,
    callbacks: SuiteCallbacks | None = None,
    optimizer_factory: Callable[[Problem], Optimizer] | None = None,
) -> tuple[list[SearchResult], list[SuiteFailure]]:
    """`optimizer_factory`, when given, builds each program's optimizer from its prepared
    problem (LLM-guided search asks a model about the IR); `optimizer_name` then only
    names the run (the store key), so give each factory configuration its own name."""
    cb = callbacks or SuiteCallbacks()
    key = run_key(optimizer_name, seed, budget, objective, evaluator.toolchain)
    results: list[SearchResult] = []
    failures: list[SuiteFailure] = []
    for index, bench in enumerate(benchmarks):
        cb.program_started(bench, index, len(benchmarks))
        stored = evaluator.store.get_result(key, bench.content_hash) if evaluator.store else None
        if stored is not None:
            result = SearchResult.from_dict(stored)
            results.append(result)
            cb.program_finished(result, True)
            continue
        try:
            problem = evaluator.prepare(bench, objective)
            optimizer = (
                optimizer_factory(problem)
                if optimizer_factory is not None
                else make_optimizer(optimizer_name, seed=seed, objective=objective.name)
            )
            result = run_search(problem, optimizer, budget, evaluator, progress=cb.progress)
        except (OptsmithError, RuntimeError) as exc:
            failure = SuiteFailure(bench.name, str(exc))
            failures.append(failure)
            cb.program_finished(failure, False)
            continue
        if evaluator.store is not None:
            evaluator.store.put_result(key, bench.content_hash, bench.name, result.to_dict())
        results.append(result)
        cb.program_finished(result, False)
    return results, failures
