"""Rewards for training a model on the assembly task (RL), from a judged and timed candidate.

Two rewards, after SuperCoder (2025), defined here so that they can be read and tested:

**Correctness-guided speedup** (`correctness_guided_reward`). With `s` the speedup over the
`gcc -O3` baseline (baseline time / candidate time), `k` of `n` tests passed, `w` the speedup
weight and `c` the speedup cap::

    compile error                         r = -1
    runtime failure (k = 0)               r = -0.5        (crash, hang, limit or wrong output)
    partial pass (0 < k < n)              r = -0.5 + 0.5 * k / n        in (-0.5, 0)
    correct (k = n), not faster (s <= 1)  r = s                         in (0, 1]
    correct and faster (s > 1)            r = 1 + w * (min(s, c) - 1)   in (1, 1 + w(c - 1)]

so compile error < runtime failure < partial pass < correct, whatever the speedup: no amount
of speed makes a wrong program worth more than a right one. A correct candidate that is slower
than the baseline still beats every incorrect one, but earns less than matching the baseline.
The cap stops one huge (often measurement-noise) speedup from dominating a batch.

**Speedup only** (`speedup_only_reward`): r = min(s, c) when correct, else 0. It ignores how
close a wrong candidate came, which is why it learns more slowly from scratch; it is the
ablation the correctness-guided reward is compared with.

A correct candidate whose speedup was not measured is scored as s = 1 (no claim of a gain).
"""

from __future__ import annotations

import math

from optsmith.asm.judge import Judgement, Status
from optsmith.errors import OptionError

COMPILE_ERROR_REWARD = -1.0
RUNTIME_FAILURE_REWARD = -0.5
DEFAULT_SPEEDUP_WEIGHT = 1.0
DEFAULT_SPEEDUP_CAP = 10.0


def correctness_guided_reward(
    status: Status,
    tests_passed: int,
    tests_total: int,
    speedup: float | None,
    *,
    weight: float = DEFAULT_SPEEDUP_WEIGHT,
    cap: float = DEFAULT_SPEEDUP_CAP,
) -> float:
    """The correctness-guided speedup reward; formula in the module docstring."""
    _check(tests_passed, tests_total, weight, cap)
    if status is Status.COMPILE_ERROR:
        return COMPILE_ERROR_REWARD
    if status is Status.CORRECT:
        s = _speedup(speedup)
        return s if s <= 1.0 else 1.0 + weight * (min(s, cap) - 1.0)
    if tests_passed == 0:
        return RUNTIME_FAILURE_REWARD
    return RUNTIME_FAILURE_REWARD + 0.5 * tests_passed / tests_total


def speedup_only_reward(status: Status, speedup: float | None, *,
                        cap: float = DEFAULT_SPEEDUP_CAP) -> float:
    """min(speedup, cap) for a correct candidate, 0 otherwise."""
    if cap <= 1.0:
        raise OptionError(f"cap must exceed 1, got {cap!r}")
    if status is not Status.CORRECT:
        return 0.0
    return min(_speedup(speedup), cap)


def rewards_for(judgement: Judgement, speedup: float | None) -> dict[str, float]:
    """Both rewards for one judged candidate, keyed as they appear in JSON output."""
    return {
        "correctness_guided": correctness_guided_reward(
            judgement.status, judgement.tests_passed, judgement.tests_total, speedup),
        "speedup_only": speedup_only_reward(judgement.status, speedup),
    }


def _speedup(value: float | None) -> float:
    if value is None:
        return 1.0
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"a speedup must be a positive finite number, got {value!r}")
    return value


def _check(passed: int, total: int, weight: float, cap: float) -> None:
    if total < 1 or not 0 <= passed <= total:
        raise ValueError(f"tests passed must be within 0..{total} (of {total} >= 1), "
                         f"got {passed}")
    if not weight > 0 or not math.isfinite(weight):
        raise OptionError(f"weight must be a positive number, got {weight!r}")
    if cap <= 1.0:
        raise OptionError(f"cap must exceed 1, got {cap!r}")
