"""The task's figures over a set of problems, with failures counted as failures.

Per problem the speedup is `baseline time / candidate time`, and it exists only when the
candidate passed every test; a failed problem has no speedup (None), never a silent 1.0x.

* `pass_rate`: problems whose candidate passed every test, over all problems.
* `geomean_speedup` / `arith_mean_speedup`: over the problems that passed. A failure cannot
  enter a geometric mean (it would be a factor of 0), so it is counted where it belongs: in
  `pass_rate`, and in `mean_speedup_failures_as_zero` (arithmetic mean over *all* problems, a
  failure delivering 0x: what a user gets, on average, by taking the candidates as they are).
* `supercoder_clamped_mean`: the arithmetic mean over all problems with every failure set to
  1.0x, which is how SuperCoder's reported average treats failures. It is only here to set our
  numbers beside their table; it hides failures and is never our headline figure.
* `self_ratio_geomean`: the baseline timed against itself (same binary, interleaved). It is
  the noise floor: a speedup within its spread of 1.0 is not a speedup.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass


def geomean(values: Sequence[float]) -> float | None:
    """Geometric mean of positive values; None for an empty sequence."""
    if not values:
        return None
    if any(not math.isfinite(v) or v <= 0 for v in values):
        raise ValueError(f"geometric mean needs positive finite values, got {list(values)!r}")
    return math.exp(math.fsum(math.log(v) for v in values) / len(values))


def arith_mean(values: Sequence[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


@dataclass(frozen=True)
class Summary:
    """Suite-level figures; the field comments say exactly what each one averages."""

    problems: int
    passed: int
    failed: int
    pass_rate: float
    geomean_speedup: float | None  # over passed problems only
    arith_mean_speedup: float | None  # over passed problems only
    mean_speedup_failures_as_zero: float | None  # over all problems, failure = 0x
    supercoder_clamped_mean: float | None  # over all problems, failure = 1.0x (theirs)
    faster: int  # passed and speedup > 1 + noise margin
    self_ratio_geomean: float | None  # baseline vs itself: the noise floor
    self_ratio_max_deviation: float | None  # max |ratio - 1| over problems
    instruction_geomean_speedup: float | None = None  # callgrind counts, when measured

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def summarize(
    speedups: Sequence[float | None],
    self_ratios: Sequence[float] = (),
    *,
    instruction_speedups: Sequence[float] = (),
    noise_margin: float = 0.02,
) -> Summary:
    """Figures for one evaluation; `speedups[i]` is None when problem i failed."""
    total = len(speedups)
    ok = [s for s in speedups if s is not None]
    all_zero = [s if s is not None else 0.0 for s in speedups]
    clamped = [s if s is not None else 1.0 for s in speedups]
    deviations = [abs(r - 1.0) for r in self_ratios]
    return Summary(
        problems=total,
        passed=len(ok),
        failed=total - len(ok),
        pass_rate=len(ok) / total if total else 0.0,
        geomean_speedup=geomean(ok),
        arith_mean_speedup=arith_mean(ok),
        mean_speedup_failures_as_zero=arith_mean(all_zero),
        supercoder_clamped_mean=arith_mean(clamped),
        faster=sum(1 for s in ok if s > 1.0 + noise_margin),
        self_ratio_geomean=geomean(list(self_ratios)),
        self_ratio_max_deviation=max(deviations) if deviations else None,
        instruction_geomean_speedup=geomean(list(instruction_speedups)),
    )
