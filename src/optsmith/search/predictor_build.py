"""Learning the predictor's library (`predictor.py`) from a training corpus.

1. Autotune every training program (any optimizer, any budget, a seed per program) and
   keep its `top_k` best distinct-valued pipelines that pass the program's tests (a
   program without tests, such as llvm-stress IR, cannot fail them). Measure the
   program's Autophase vector.
2. Measure every kept pipeline (and any `extra` ones, such as the coreset's) on every
   training program; the store answers repeats, so a rebuild after a crash resumes.
3. Drop pipelines that failed on any training program (an LLVM crash on one generated
   program is a crash waiting for a user's), that compile much slower than -Oz
   (`max_slowdown`: the predictor must stay under a second a program), or that beat
   -Oz nowhere. Order the rest by greedy cover over the whole corpus (the fallback order).

Training programs must never come from the evaluation suites: the default corpus is
Csmith seeds far from the Csmith suite's (1...).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence

from optsmith.errors import BaselineError, OptsmithError
from optsmith.measure.objectives import Objective
from optsmith.programs.benchmark import Benchmark
from optsmith.search.budget import Budget
from optsmith.search.coreset_build import greedy_cover
from optsmith.search.driver import run_search
from optsmith.search.evaluator import Evaluator, Problem
from optsmith.search.predictor import Library, TrainingProgram
from optsmith.search.registry import make_optimizer

ProgressFn = Callable[[str, int, int], None]
FEATURE = "autophase"
OZ = "default<Oz>"


def _autophase_names() -> tuple[str, ...]:
    # the names only (a tuple constant); libLLVM is loaded by workers, not by this import
    from optsmith.llvm.features import AUTOPHASE_NAMES

    return AUTOPHASE_NAMES


def _candidates(
    evaluator: Evaluator, problem: Problem, best: str, rejected: set[str], top_k: int
) -> list[str]:
    """The program's best distinct-valued pipelines that do not fail its tests."""
    store = evaluator.store
    assert store is not None  # checked by build_library
    bench, objective = problem.benchmark, problem.objective.name
    kept: list[str] = []
    for text in [best, *store.top(bench.content_hash, objective, evaluator.toolchain, 3 * top_k)]:
        if len(kept) >= top_k:
            break
        if text in (OZ, "") or text in rejected or text in kept:
            continue
        passed, _ = evaluator.validate(problem, text)
        if passed is not False:
            kept.append(text)
    return kept


def build_library(
    corpus: Sequence[Benchmark],
    objective: Objective,
    evaluator: Evaluator,
    *,
    optimizer: str = "evolution",
    budget: Budget,
    top_k: int = 4,
    seed: int = 0,
    extra: Sequence[str] = (),
    max_slowdown: float = 3.0,
    progress: ProgressFn | None = None,
) -> Library:
    """Autotune, cross-measure and keep what helps; see the module docstring."""
    if evaluator.store is None:
        raise OptsmithError("building a predictor library needs a store (not --no-store)")
    if not corpus:
        raise OptsmithError("the training corpus is empty")
    if top_k < 1 or max_slowdown <= 0:
        raise OptsmithError(f"need top_k >= 1 and max_slowdown > 0, got {top_k}, {max_slowdown}")
    started = time.monotonic()
    store, toolchain = evaluator.store, evaluator.toolchain
    problems: list[Problem] = []
    features: list[tuple[float, ...]] = []
    origins: dict[str, list[int]] = {}
    for index, bench in enumerate(corpus):
        if progress:
            progress(f"autotune {bench.name}", index, len(corpus))
        problem = evaluator.prepare(bench, objective)
        # a seed per program: one seed would propose the same pipelines everywhere
        result = run_search(
            problem, make_optimizer(optimizer, seed=seed + index), budget, evaluator
        )
        rejected = {r["pipeline"] for r in result.rejected}
        for text in _candidates(evaluator, problem, result.best_pipeline, rejected, top_k):
            origins.setdefault(text, []).append(index)
        problems.append(problem)
        features.append(evaluator.features(problem, (FEATURE,))[FEATURE])
    for text in extra:
        if text not in (OZ, ""):
            origins.setdefault(text, [])
    texts = list(origins)
    values: dict[str, list[float | None]] = {t: [] for t in texts}
    seconds = dict.fromkeys([*texts, OZ], 0.0)
    baselines: list[float] = []
    for index, problem in enumerate(problems):
        if progress:
            progress(f"cross-measure {problem.benchmark.name}", index, len(problems))
        outcomes = {o.text: o for o in evaluator.evaluate_texts(problem, [OZ, *texts])}
        baseline = outcomes[OZ].value
        if baseline is None:
            raise BaselineError(f"{problem.benchmark.name}: {OZ} failed: {outcomes[OZ].error}")
        baselines.append(baseline)
        for text in texts:
            values[text].append(outcomes[text].value)
        for text in seconds:  # compile time as measured (the store keeps it)
            hit = store.get(problem.benchmark.content_hash, text, objective.store_name, toolchain)
            seconds[text] += hit.seconds if hit is not None else 0.0
    failing = [t for t in texts if any(v is None for v in values[t])]
    slow = [t for t in texts if t not in failing and seconds[t] > max_slowdown * seconds[OZ] > 0]
    useful = [
        t
        for t in texts
        if t not in failing
        and t not in slow
        and any(v is not None and v < b for v, b in zip(values[t], baselines, strict=True))
    ]
    if not useful:
        raise OptsmithError("no pipeline beat -Oz on any training program; nothing to learn")
    gains: list[dict[int, float]] = [{} for _ in problems]
    for i, text in enumerate(useful):
        for j, (v, b) in enumerate(zip(values[text], baselines, strict=True)):
            if v is not None and 0 < v < b:
                gains[j][i] = math.log(b / v)
    picked, reduction = greedy_cover({t: values[t] for t in useful}, baselines, len(useful))
    total = {
        t: sum(gains[j].get(i, 0.0) for j in range(len(problems))) for i, t in enumerate(useful)
    }
    rest = sorted((t for t in useful if t not in picked), key=lambda t: (-total[t], len(t), t))
    position = {t: i for i, t in enumerate(useful)}
    return Library(
        feature=FEATURE,
        feature_names=_autophase_names(),
        pipelines=tuple(useful),
        programs=tuple(
            TrainingProgram(problem.benchmark.name, features[j], gains[j])
            for j, problem in enumerate(problems)
        ),
        cover_order=tuple(position[t] for t in [*picked, *rest]),
        origins=tuple(tuple(origins[t]) for t in useful),
        provenance={
            "corpus": [b.name for b in corpus],
            "objective": objective.name,
            "optimizer": optimizer,
            "budget": str(budget),
            "top_k": top_k,
            "seed": seed,
            "candidates": len(texts),
            "dropped_failing": len(failing),
            "dropped_slow": len(slow),
            "max_slowdown": max_slowdown,
            "training_cover_reduction": round(reduction, 5),
            "toolchain": toolchain,
            "seconds": round(time.monotonic() - started, 1),
        },
    )
