"""Suite figures: failures counted as failures; SuperCoder's clamped mean only beside them."""

from __future__ import annotations

import math

import pytest

from optsmith.asm import summarize
from optsmith.asm.metrics import geomean


def test_failures_are_failures_not_one_x() -> None:
    s = summarize([2.0, 0.5, None, 4.0], [1.01, 0.99, 1.0])
    assert (s.problems, s.passed, s.failed) == (4, 3, 1)
    assert s.pass_rate == 0.75
    assert s.geomean_speedup == pytest.approx(math.pow(2.0 * 0.5 * 4.0, 1 / 3))
    assert s.arith_mean_speedup == pytest.approx(6.5 / 3)
    assert s.mean_speedup_failures_as_zero == pytest.approx(6.5 / 4)
    # SuperCoder's convention: the failure becomes 1.0x, which flatters a failing model
    assert s.supercoder_clamped_mean == pytest.approx(7.5 / 4)
    assert s.supercoder_clamped_mean > s.mean_speedup_failures_as_zero
    assert s.faster == 2
    assert s.self_ratio_max_deviation == pytest.approx(0.01)


def test_all_failed_and_empty() -> None:
    s = summarize([None, None])
    assert s.pass_rate == 0.0 and s.geomean_speedup is None
    assert s.mean_speedup_failures_as_zero == 0.0 and s.supercoder_clamped_mean == 1.0
    assert summarize([]).problems == 0


def test_geomean_refuses_non_positive() -> None:
    assert geomean([]) is None
    with pytest.raises(ValueError, match="positive finite"):
        geomean([1.0, 0.0])
