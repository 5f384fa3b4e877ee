from __future__ import annotations

from pathlib import Path

from optsmith.llvm.passes import parse_pipeline
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.search.evaluator import Evaluator, render
from optsmith.store import Store
from sample_programs import make_loop_benchmark


def test_minimization_drops_passes_that_do_nothing(pool: EnginePool, tmp_path: Path) -> None:
    evaluator = Evaluator(pool, Store(tmp_path / "s.sqlite"))
    problem = evaluator.prepare(make_loop_benchmark(), get_objective("ir-instcount"))
    useful = ("sroa", "instcombine<no-verify-fixpoint>", "simplifycfg")
    noisy = ("loop-sink", "sroa", "lower-constant-intrinsics", "instcombine<no-verify-fixpoint>",
             "strip-dead-prototypes", "simplifycfg", "loop-sink")
    from optsmith.search.minimize import minimize_pipeline

    (before,) = evaluator.evaluate_pipelines(problem, [noisy])
    text, value = minimize_pipeline(evaluator, problem, render(noisy))
    assert value <= (before.value or 0)
    kept = parse_pipeline(text)
    assert len(kept) < len(noisy) and set(kept) <= set(noisy)
    assert set(useful) >= set(kept) or value < (before.value or 0)
