"""Search end to end on a real program: never worse than -Oz, validated, resumable."""

from __future__ import annotations

from dataclasses import replace

from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark, TestCase
from optsmith.search.budget import Budget
from optsmith.search.driver import run_search
from optsmith.search.evaluator import Evaluator
from optsmith.search.random_search import RandomSearch
from optsmith.search.registry import default_space
from optsmith.store import Store


def test_random_search_beats_or_matches_oz_and_validates(
    pool: EnginePool, store: Store, loop_benchmark: Benchmark
) -> None:
    evaluator = Evaluator(pool, store)
    problem = evaluator.prepare(loop_benchmark, get_objective("ir-instcount"))
    result = run_search(
        problem, RandomSearch(space=default_space(), seed=1), Budget(compilations=40), evaluator
    )
    assert result.compilations == 40
    assert result.best_value <= result.baseline < result.unoptimized
    assert result.validated is True, result.validation_detail
    assert len(result.history) == 40 and result.history == sorted(result.history, reverse=True)
    assert result.compilergym_score >= 1.0
    # a second identical run is answered by the store: nothing is compiled again
    again = run_search(
        problem, RandomSearch(space=default_space(), seed=1), Budget(compilations=40), evaluator
    )
    assert again.fresh_compilations == 0
    assert again.best_pipeline == result.best_pipeline


def test_wrong_expected_output_is_reported_not_hidden(
    pool: EnginePool, loop_benchmark: Benchmark, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """A program whose tests cannot pass: every candidate and -Oz fail, and it says so."""
    broken = replace(
        loop_benchmark, name="wrong", tests=(TestCase(args=("100",), expected_stdout="nope\n"),)
    )
    evaluator = Evaluator(pool, Store(tmp_path / "s.sqlite"))
    problem = evaluator.prepare(broken, get_objective("ir-instcount"))
    result = run_search(
        problem, RandomSearch(space=default_space(), seed=2), Budget(compilations=20), evaluator
    )
    assert result.validated is False
    assert "expected 'nope'" in result.validation_detail
    assert result.best_value == result.baseline  # fell back to -Oz, and reported it failing
    assert all("expected 'nope'" in r["why"] for r in result.rejected)


def test_text_size_objective(pool: EnginePool, store: Store, loop_benchmark: Benchmark) -> None:
    evaluator = Evaluator(pool, store)
    problem = evaluator.prepare(loop_benchmark, get_objective("text-size"))
    result = run_search(
        problem, RandomSearch(space=default_space(), seed=3), Budget(compilations=16), evaluator
    )
    assert 0 < result.best_value <= result.baseline
    assert result.validated is True


def test_a_real_llvm_miscompile_is_caught_by_validation(pool: EnginePool, store: Store) -> None:
    """`attributor,default<Oz>` miscompiles huffman.c under LLVM 22.1.8 (it is therefore
    kept out of the pass space); validation must say so instead of reporting a win."""
    from optsmith.programs.builtin_suite import builtin_benchmark

    evaluator = Evaluator(pool, store)
    problem = evaluator.prepare(builtin_benchmark("huffman"), get_objective("ir-instcount"))
    passed, detail = evaluator.validate(problem, "attributor,default<Oz>")
    assert passed is False and "expected" in detail
    assert evaluator.validate(problem, "default<Oz>")[0] is True
