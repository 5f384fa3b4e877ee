"""Search end to end on a real program: never worse than -Oz, validated, resumable."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Console

from optsmith.llvm.clang_pipeline import clang_pipeline
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark, TestCase
from optsmith.programs.builtin_suite import builtin_benchmark
from optsmith.report.tables import results_table
from optsmith.search.budget import Budget
from optsmith.search.driver import SearchResult, run_search
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
    # the headline is clang's -Oz (the bytes of clang-22 -Oz -c), so both figures agree
    assert result.baseline_clang_oz == result.baseline


def test_both_oz_baselines_are_reported(
    pool: EnginePool, store: Store, loop_benchmark: Benchmark
) -> None:
    """ir-instcount keeps opt's default<Oz> as its headline (the literature's) and carries
    clang's own -Oz pipeline on the same IR beside it, into the result and the table."""
    evaluator = Evaluator(pool, store)
    problem = evaluator.prepare(builtin_benchmark("md5"), get_objective("ir-instcount"))
    result = run_search(
        problem, RandomSearch(space=default_space(), seed=4), Budget(compilations=4), evaluator
    )
    oz, clang_oz = evaluator.evaluate_texts(problem, ["default<Oz>", clang_pipeline()])
    assert result.baseline == oz.value
    assert result.baseline_clang_oz == clang_oz.value
    assert result.to_dict()["baseline_clang_oz"] == clang_oz.value
    assert SearchResult.from_dict(result.to_dict()) == result
    old = {k: v for k, v in result.to_dict().items() if k != "baseline_clang_oz"}
    assert SearchResult.from_dict(old).baseline_clang_oz is None  # results stored before
    console = Console(width=200, record=True)
    console.print(results_table([result]))
    header, row = (
        line for line in console.export_text().splitlines() if "md5" in line or "clang" in line
    )
    assert "clang -Oz" in header and f"{clang_oz.value:,.0f}" in row


def test_a_real_llvm_miscompile_is_caught_by_validation(pool: EnginePool, store: Store) -> None:
    """`attributor,default<Oz>` miscompiles huffman.c under LLVM 22.1.8 (it is therefore
    kept out of the pass space); validation must say so instead of reporting a win."""
    evaluator = Evaluator(pool, store)
    problem = evaluator.prepare(builtin_benchmark("huffman"), get_objective("ir-instcount"))
    passed, detail = evaluator.validate(problem, "attributor,default<Oz>")
    assert passed is False and "expected" in detail
    assert evaluator.validate(problem, "default<Oz>")[0] is True
