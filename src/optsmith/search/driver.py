"""Runs an optimizer against one program within a budget and proves the answer.

The driver is where optsmith's two promises are kept: the result is never worse than the
baseline (-Oz: opt's `default<Oz>` for ir-instcount, as the literature; clang's own -Oz
pipeline for text-size, the bytes of `clang-22 -Oz -c`), and the reported pipeline was
rebuilt and passed the program's tests. clang's -Oz figure is measured for ir-instcount
too and kept beside the headline (`baseline_clang_oz`).
Candidates are tried best-first; one that fails its tests is reported as a failure and
the next is tried; when nothing beats -Oz and validates, -Oz itself is the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from optsmith.errors import BaselineError
from optsmith.llvm.clang_pipeline import CLANG_OZ, clang_pipeline
from optsmith.search.budget import Budget, BudgetClock
from optsmith.search.evaluator import Evaluator, Outcome, Problem
from optsmith.search.protocol import Optimizer
from optsmith.search.validation_order import ValidationOrder

MAX_VALIDATION_TRIES = 8
ProgressFn = Callable[[BudgetClock, float | None], None]


@dataclass
class SearchResult:
    """The outcome of one search on one program (see DESIGN.md, 'Result')."""

    benchmark: str
    bench_hash: str
    objective: str
    optimizer: str
    seed: int
    budget: str
    unoptimized: float
    baseline: float
    best_value: float
    best_pipeline: str
    compilations: int
    fresh_compilations: int
    failures: int
    wall_s: float
    validated: bool | None
    validation_detail: str
    rejected: list[dict[str, Any]] = field(default_factory=list)
    history: list[float] = field(default_factory=list)
    # evaluations (this run's, the reference ones included) during which an engine
    # worker died, during which one hung, and that were measured again in a fresh worker;
    # results stored by older versions have none
    crashes: int = 0
    timeouts: int = 0
    retries: int = 0
    # The value after clang's own -Oz pipeline (`clang-Oz`); the headline baseline for
    # text-size, reported beside opt's default<Oz> for ir-instcount. None in old records.
    baseline_clang_oz: float | None = None

    @property
    def reduction(self) -> float:
        """1 - best/baseline: positive when the result beats the baseline."""
        return 1.0 - self.best_value / self.baseline if self.baseline else 0.0

    @property
    def speedup_ratio(self) -> float:
        """baseline/best, the quantity averaged geometrically over a suite."""
        return self.baseline / self.best_value if self.best_value else 1.0

    @property
    def compilergym_score(self) -> float:
        """(IC0 - IC) / (IC0 - IC_Oz): 1.0 matches -Oz, above 1 beats it."""
        denom = self.unoptimized - self.baseline
        return (self.unoptimized - self.best_value) / denom if denom else 1.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            reduction=self.reduction,
            ratio=self.speedup_ratio,
            compilergym_score=self.compilergym_score,
        )
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SearchResult:
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class EngineTrouble:
    """What went wrong in the engine during one search (see `SearchResult.crashes`)."""

    crashes: int = 0
    timeouts: int = 0
    retries: int = 0

    def count(self, outcome: Outcome) -> None:
        self.crashes += outcome.crashed
        self.timeouts += outcome.timed_out
        self.retries += outcome.retried


@dataclass(frozen=True)
class _Reference:
    unoptimized: float
    baseline: float
    baseline_text: str
    clang_oz: float | None


def _measure_reference(
    evaluator: Evaluator, problem: Problem, trouble: EngineTrouble
) -> _Reference:
    """Unoptimized, baseline and clang -Oz values; the first two must succeed or nothing can
    be judged (clang's -Oz beside opt's for ir-instcount is only reported: None if it fails;
    a speed search, whose every figure runs the program, does not measure it)."""
    baseline_text = problem.objective.baseline_for(problem.benchmark)
    clang_text = (
        baseline_text
        if problem.objective.executes
        else clang_pipeline(CLANG_OZ, problem.benchmark.cflags)
    )
    texts = list(dict.fromkeys(["", baseline_text, clang_text]))
    outcomes = {o.text: o for o in evaluator.evaluate_texts(problem, texts)}
    for outcome in outcomes.values():
        trouble.count(outcome)
    for text in ("", baseline_text):
        if outcomes[text].value is None:
            raise BaselineError(
                f"{problem.benchmark.name}: reference pipeline '{text}' failed: "
                f"{outcomes[text].error}"
            )
    return _Reference(
        unoptimized=outcomes[""].value or 0.0,
        baseline=outcomes[baseline_text].value or 0.0,
        baseline_text=baseline_text,
        clang_oz=None if problem.objective.executes else outcomes[clang_text].value,
    )


def run_search(
    problem: Problem,
    optimizer: Optimizer,
    budget: Budget,
    evaluator: Evaluator,
    *,
    batch_size: int | None = None,
    progress: ProgressFn | None = None,
) -> SearchResult:
    """Search, then validate best-first; see the module docstring for the guarantees."""
    clock = BudgetClock(budget)
    trouble = EngineTrouble()
    reference = _measure_reference(evaluator, problem, trouble)
    unoptimized, baseline = reference.unoptimized, reference.baseline
    if optimizer.features:
        optimizer.observe(evaluator.features(problem, optimizer.features))
    optimizer.start(baseline, unoptimized, baseline_action=problem.objective.baseline)
    batch = batch_size or max(1, evaluator.pool.size * 2)
    seen: dict[str, Outcome] = {}
    history: list[float] = []
    best = baseline
    failures = fresh = 0
    while not clock.exhausted():
        remaining = clock.remaining_compilations()
        n = batch if remaining is None else min(batch, remaining)
        pipelines = []
        for _ in range(n):
            proposal = optimizer.ask()
            if proposal is None:
                break
            pipelines.append(proposal)
        if not pipelines:
            break  # the optimizer has nothing more to propose
        for outcome in evaluator.evaluate_pipelines(problem, pipelines):
            clock.used += 1
            fresh += 0 if outcome.cached else 1
            trouble.count(outcome)
            if outcome.value is None:
                failures += 1
            else:
                best = min(best, outcome.value)
                if outcome.text not in seen:
                    seen[outcome.text] = outcome
            history.append(best)
            optimizer.tell(outcome.pipeline, outcome.value)
        if progress is not None:
            progress(clock, best)
    return _finish(
        problem,
        optimizer,
        budget,
        evaluator,
        clock,
        seen,
        history,
        reference,
        failures,
        fresh,
        trouble,
    )


def _finish(
    problem: Problem,
    optimizer: Optimizer,
    budget: Budget,
    evaluator: Evaluator,
    clock: BudgetClock,
    seen: dict[str, Outcome],
    history: list[float],
    reference: _Reference,
    failures: int,
    fresh: int,
    trouble: EngineTrouble,
) -> SearchResult:
    baseline, baseline_text = reference.baseline, reference.baseline_text
    better = sorted(
        (o for o in seen.values() if o.value is not None and o.value < baseline),
        key=lambda o: (o.value, len(o.text)),
    )
    rejected: list[dict[str, Any]] = []
    chosen_text, chosen_value = baseline_text, baseline
    validated: bool | None = None
    detail = ""
    order = ValidationOrder(better, MAX_VALIDATION_TRIES)  # the next tried is unlike those failed
    for candidate in order:
        passed, why = evaluator.validate(problem, candidate.text)
        if passed is False:
            order.reject(candidate)
            rejected.append({"pipeline": candidate.text, "value": candidate.value, "why": why})
            continue
        chosen_text, chosen_value = candidate.text, float(candidate.value or baseline)
        validated, detail = passed, why
        break
    else:
        validated, detail = evaluator.validate(problem, baseline_text)
    return SearchResult(
        benchmark=problem.benchmark.name,
        bench_hash=problem.benchmark.content_hash,
        objective=problem.objective.name,
        optimizer=optimizer.name,
        seed=optimizer.seed,
        budget=str(budget),
        unoptimized=reference.unoptimized,
        baseline=baseline,
        best_value=chosen_value,
        best_pipeline=chosen_text,
        compilations=clock.used,
        fresh_compilations=fresh,
        failures=failures,
        wall_s=clock.elapsed,
        validated=validated,
        validation_detail=detail,
        rejected=rejected,
        history=history,
        crashes=trouble.crashes,
        timeouts=trouble.timeouts,
        retries=trouble.retries,
        baseline_clang_oz=reference.clang_oz,
    )
