"""The RL rewards: the documented ordering and the scaling with speedup."""

from __future__ import annotations

import pytest

from optsmith.asm import Status, correctness_guided_reward, speedup_only_reward
from optsmith.errors import OptionError

CGR = correctness_guided_reward


def test_ordering_compile_runtime_partial_correct() -> None:
    compile_error = CGR(Status.COMPILE_ERROR, 0, 5, None)
    runtime = CGR(Status.RUNTIME_ERROR, 0, 5, None)
    wrong = CGR(Status.WRONG_OUTPUT, 0, 5, None)
    partials = [CGR(Status.PARTIAL, k, 5, None) for k in (1, 2, 3, 4)]
    slow_correct = CGR(Status.CORRECT, 5, 5, 0.2)
    correct = CGR(Status.CORRECT, 5, 5, 1.0)
    assert compile_error < runtime == wrong < partials[0] < partials[-1] < slow_correct < correct
    assert partials == sorted(partials) and partials[-1] < 0
    assert (compile_error, runtime, correct) == (-1.0, -0.5, 1.0)


def test_speed_scales_only_a_correct_candidate() -> None:
    assert CGR(Status.CORRECT, 3, 3, 2.0) == pytest.approx(2.0)
    assert CGR(Status.CORRECT, 3, 3, 2.0, weight=0.5) == pytest.approx(1.5)
    assert CGR(Status.CORRECT, 3, 3, 0.5) == pytest.approx(0.5)
    assert CGR(Status.CORRECT, 3, 3, 50.0) == pytest.approx(10.0)  # capped
    assert CGR(Status.CORRECT, 3, 3, None) == 1.0  # unmeasured: no claim of a gain
    # a fast but partly wrong candidate earns nothing for its speed
    assert CGR(Status.PARTIAL, 2, 3, 5.0) == CGR(Status.PARTIAL, 2, 3, None) < 0


def test_speedup_only() -> None:
    assert speedup_only_reward(Status.CORRECT, 1.7) == pytest.approx(1.7)
    assert speedup_only_reward(Status.CORRECT, 99.0, cap=4.0) == 4.0
    for status in (Status.COMPILE_ERROR, Status.RUNTIME_ERROR, Status.WRONG_OUTPUT,
                   Status.PARTIAL):
        assert speedup_only_reward(status, 3.0) == 0.0


def test_bad_arguments_are_quoted() -> None:
    with pytest.raises(ValueError, match="within 0..5"):
        CGR(Status.PARTIAL, 6, 5, None)
    with pytest.raises(ValueError, match="positive finite"):
        CGR(Status.CORRECT, 5, 5, -1.0)
    with pytest.raises(OptionError, match="cap must exceed 1"):
        speedup_only_reward(Status.CORRECT, 2.0, cap=1.0)
