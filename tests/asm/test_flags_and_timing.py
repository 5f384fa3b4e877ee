"""The flag generator (gcc/clang, PGO, LTO) and the timing that judges its candidates."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from asm_samples import SPIN_C
from optsmith.asm import (
    DEFAULT_CONFIGS,
    EvalSettings,
    FlagGenerator,
    Status,
    assemble,
    evaluate,
    load_problem_dir,
)
from optsmith.asm.build import baseline_asm
from optsmith.asm.flags import FlagConfig, build_config
from optsmith.asm.judge import JudgeSettings
from optsmith.asm.timing import instruction_totals, time_binaries


def test_every_default_config_builds_and_passes(problems_root: Path) -> None:
    problem = load_problem_dir(problems_root / "spin")
    evaluation = evaluate([problem], FlagGenerator(allow_fast_math=True),
                          EvalSettings(repeats=2, select_repeats=1, warmup=0))
    (result,) = evaluation.results
    assert {c.name for c in result.candidates} == {c.name for c in DEFAULT_CONFIGS}
    failed = {c.name: c.detail for c in result.candidates if c.status is not Status.CORRECT}
    assert failed == {}  # integer code: even the FMA/fast-math configs are exact here
    assert result.passed and result.winner is not None and result.held_out
    assert result.report_tests == [1, 2]  # the training test (0) is not reported on


def test_profile_guided_builds_use_the_training_profile(problems_root: Path,
                                                        tmp_path: Path) -> None:
    problem = load_problem_dir(problems_root / "spin")
    assert problem.source is not None
    plain = baseline_asm(problem.source, tmp_path)
    for config in (FlagConfig("gcc-pgo", "gcc", ("-O3",), pgo=True),
                   FlagConfig("clang-pgo", "clang", ("-O3",), pgo=True)):
        asm = build_config(problem, config, tmp_path / config.name, training=[0])
        assert asm != plain and "main" in asm
    lto = build_config(problem, FlagConfig("lto", "gcc", ("-O3",), lto=True), tmp_path / "lto",
                       training=[0])
    assert "main:" in lto and ".gnu.lto" not in lto  # real code, not GIMPLE bytecode


def test_baseline_against_itself_is_within_a_few_percent(problems_root: Path,
                                                         tmp_path: Path) -> None:
    """The noise floor, measured the way every reported speedup is (paired, interleaved).

    On the shared 2-core development machine (load average ~5) the full benchmark's 33
    per-problem figures had a geometric mean of 1.003x, 31 of them within 0.981-1.033x and one
    at 0.860x (benchmarks/results/asm_flags.json). The bound here is loose enough for a loaded
    machine, yet a biased estimator (a position effect within the round, say) would break it.
    The exact check is the callgrind test below.
    """
    problem = load_problem_dir(problems_root / "spin")
    assert problem.source is not None
    exe = assemble(baseline_asm(problem.source, tmp_path), tmp_path / "base")
    settings = JudgeSettings()
    timed = time_binaries(problem, {"a": exe, "b": exe}, [0, 1, 2], reference="a", repeats=7,
                          warmup=1, clock="cpu",
                          limits_for=lambda i: settings.limits_for(problem.tests[i].expected, 1))
    assert timed.speedups["b"] == pytest.approx(1.0, abs=0.08)


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is needed")
def test_instruction_counts_are_exact_and_see_the_difference(
        problems_root: Path, tmp_path: Path, asm_of: Callable[..., str]) -> None:
    problem = load_problem_dir(problems_root / "spin")
    fast = assemble(asm_of(SPIN_C, "-O3"), tmp_path / "fast")
    slow = assemble(asm_of(SPIN_C, "-O0"), tmp_path / "slow")
    counts = instruction_totals(problem, {"fast": fast, "again": fast, "slow": slow}, [0])
    assert counts["fast"] == counts["again"]
    assert counts["slow"] > 1.5 * counts["fast"]
