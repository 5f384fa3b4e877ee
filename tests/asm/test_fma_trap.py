"""The floating-point trap: -march=native (FMA contraction) and fast-math look like wins and
change the output; they must fail validation and never be reported as a speedup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from asm_samples import LOGISTIC_C
from optsmith.asm import EvalSettings, FlagGenerator, Status, evaluate, judge, load_problem_dir
from optsmith.asm.flags import config_by_name

HAS_FMA = " fma " in Path("/proc/cpuinfo").read_text().replace("\n", " ")
pytestmark = pytest.mark.skipif(not HAS_FMA, reason="this CPU has no FMA: nothing to contract")


@pytest.mark.parametrize(
    ("compiler", "flags", "expected"),
    [
        ("gcc", ("-O3", "-march=native"), Status.WRONG_OUTPUT),  # gcc: -ffp-contract=fast
        ("gcc", ("-Ofast", "-march=native"), Status.WRONG_OUTPUT),
        ("clang", ("-O3", "-march=native"), Status.WRONG_OUTPUT),  # clang: -ffp-contract=on
        ("gcc", ("-O3", "-march=native", "-ffp-contract=off"), Status.CORRECT),
        ("clang", ("-O3", "-march=native", "-ffp-contract=off"), Status.CORRECT),
    ],
)
def test_contracting_candidates_are_rejected(problems_root: Path, asm_of: Callable[..., str],
                                             tmp_path: Path, compiler: str,
                                             flags: tuple[str, ...], expected: Status) -> None:
    problem = load_problem_dir(problems_root / "logistic")
    asm = asm_of(LOGISTIC_C, *flags, compiler=compiler)
    verdict = judge(problem, asm, name=" ".join(flags), workdir=tmp_path)
    assert verdict.status is expected, verdict.detail
    if expected is Status.WRONG_OUTPUT:
        assert "line 1: expected" in verdict.detail


def test_flag_search_never_reports_a_rejected_candidate(problems_root: Path) -> None:
    configs = config_by_name(["gcc-native", "gcc-ofast-native", "gcc-native-nofma"])
    settings = EvalSettings(repeats=2, select_repeats=1, warmup=0)
    evaluation = evaluate([load_problem_dir(problems_root / "logistic")],
                          FlagGenerator(configs, allow_fast_math=True), settings)
    (result,) = evaluation.results
    status = {c.name: c.status for c in result.candidates}
    assert status["gcc-native"] is Status.WRONG_OUTPUT
    assert status["gcc-ofast-native"] is Status.WRONG_OUTPUT
    assert result.winner in ("gcc-native-nofma", "gcc -O3")
    rejected = [c for c in result.candidates if c.status is not Status.CORRECT]
    assert all(c.training_speedup is None and c.rewards["speedup_only"] == 0 for c in rejected)
