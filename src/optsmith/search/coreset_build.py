"""Learning a coreset: autotune a training corpus, then greedy set cover over the results.

1. Autotune every training program (any optimizer, any budget); keep its top-k distinct
   pipelines as candidates (never one that failed the program's tests), with `-Oz`
   always among them.
2. Measure every candidate on every training program (the store answers repeats).
3. Greedily pick the candidate that most raises the training corpus's summed
   log(Oz/best-so-far), until `size` pipelines are picked or nothing improves.

The order of the result is the greedy order, so a budget below the coreset's size still
gets the most useful pipelines first. Training programs must never come from the
evaluation suites: the default corpus is Csmith seeds far from the Csmith suite's.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from optsmith.errors import BaselineError
from optsmith.measure.objectives import Objective
from optsmith.programs.benchmark import Benchmark
from optsmith.search.budget import Budget
from optsmith.search.driver import run_search
from optsmith.search.evaluator import Evaluator, Problem
from optsmith.search.registry import make_optimizer

ProgressFn = Callable[[str, int, int], None]


@dataclass
class CoresetBuild:
    pipelines: list[str]
    training_geomean_reduction: float
    provenance: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pipelines": self.pipelines,
            "training_geomean_reduction": self.training_geomean_reduction,
            "provenance": self.provenance,
        }


def greedy_cover(
    costs: dict[str, list[float | None]], baselines: Sequence[float], size: int
) -> tuple[list[str], float]:
    """Pick up to `size` pipelines maximizing the geomean of baseline/min(cost) per program.

    `costs[p][i]` is pipeline p's cost on program i (None = failed). Programs start at their
    baseline, so the cover never does worse than -Oz. Returns the picks and the final
    geometric-mean reduction below baseline.
    """
    n = len(baselines)
    best = list(baselines)
    picked: list[str] = []

    def gain(values: list[float | None]) -> float:
        total = 0.0
        for i, v in enumerate(values):
            if v is not None and 0 < v < best[i]:
                total += math.log(best[i] / v)
        return total

    while len(picked) < size:
        scored = sorted(
            ((gain(vals), p) for p, vals in costs.items() if p not in picked),
            key=lambda gp: (-gp[0], len(gp[1]), gp[1]),
        )
        if not scored or scored[0][0] <= 0:
            break
        choice = scored[0][1]
        picked.append(choice)
        for i, v in enumerate(costs[choice]):
            if v is not None and 0 < v < best[i]:
                best[i] = v
    ratio = math.exp(sum(math.log(b / c) for b, c in zip(baselines, best, strict=True)) / n)
    return picked, 1.0 - 1.0 / ratio


def build_coreset(
    corpus: Sequence[Benchmark],
    objective: Objective,
    evaluator: Evaluator,
    *,
    optimizer: str = "random",
    budget: Budget,
    top_k: int = 5,
    size: int = 45,
    seed: int = 0,
    progress: ProgressFn | None = None,
) -> CoresetBuild:
    started = time.monotonic()
    problems: list[Problem] = []
    candidates: dict[str, None] = {objective.baseline_pipeline: None}
    for index, bench in enumerate(corpus):
        if progress:
            progress(f"autotune {bench.name}", index, len(corpus))
        problem = evaluator.prepare(bench, objective)
        problems.append(problem)
        # a different seed per program: the same seed would propose the same pipelines to
        # every program, and the candidates would barely differ
        optimizer_ = make_optimizer(optimizer, seed=seed + index)
        result = run_search(problem, optimizer_, budget, evaluator)
        rejected = {r["pipeline"] for r in result.rejected}
        top = (
            evaluator.store.top(
                bench.content_hash, objective.store_name, evaluator.toolchain, top_k
            )
            if evaluator.store is not None
            else []
        )
        for text in [result.best_pipeline, *top]:
            if text not in rejected:
                candidates.setdefault(text, None)
    texts = list(candidates)
    costs: dict[str, list[float | None]] = {text: [] for text in texts}
    baselines: list[float] = []
    for index, problem in enumerate(problems):
        if progress:
            progress(f"cross-measure {problem.benchmark.name}", index, len(problems))
        by_text = {o.text: o.value for o in evaluator.evaluate_texts(problem, texts)}
        baseline = by_text[objective.baseline_pipeline]
        if baseline is None:
            raise BaselineError(f"{problem.benchmark.name}: {objective.baseline_pipeline} failed")
        baselines.append(baseline)
        for text in texts:
            costs[text].append(by_text[text])
    picked, reduction = greedy_cover(costs, baselines, size)
    return CoresetBuild(
        pipelines=picked,
        training_geomean_reduction=reduction,
        provenance={
            "corpus": [b.name for b in corpus],
            "objective": objective.name,
            "optimizer": optimizer,
            "budget": str(budget),
            "top_k": top_k,
            "candidates": len(texts),
            "toolchain": evaluator.toolchain,
            "seconds": round(time.monotonic() - started, 1),
        },
    )
