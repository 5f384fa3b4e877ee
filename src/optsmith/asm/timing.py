"""Time executables against a reference on a problem's tests, round-robin, in the sandbox.

Built on `optsmith.measure.runtime.time_interleaved`: every round runs each binary once
(A, B, C, A, B, C, ...) after warm-up rounds, so the machine's state changes hit all of them
alike. `clock` picks the figure: "cpu" (user+sys of the program, the default: it ignores time
spent descheduled) or "wall".

The estimator is *paired*: on each test, the speedup of B over the reference A is the median
over rounds of A's time / B's time *in the same round*, and B's time on that test is
median(A) / that ratio; a set of tests gives sum of A's medians / sum of B's estimated times.
Why not a ratio of medians: on a shared 2-core machine the same binary was measured at 82 ms
in some stretches and 140 ms in others; medians taken separately for A and B then land in
different stretches. Timing one binary against itself, 8 trials of 5 rounds each: the ratio of
medians ranged over 0.976-1.171x, the paired median over 0.987-1.026x. Every evaluation
measures and reports this baseline-against-itself ratio beside its speedups.

A candidate passed every test before it is timed, but it is still untrusted: one that fails
during timing (a nondeterministic crash, a hang) is dropped with its reason and the others are
timed again, instead of one bad binary losing the whole measurement.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal

from optsmith.asm.busy import retry_when_busy
from optsmith.asm.problems import Problem
from optsmith.errors import OptsmithError
from optsmith.measure.runtime import Timing, count_instructions, paired_time, time_interleaved
from optsmith.sandbox import Limits

Clock = Literal["cpu", "wall"]
_FAILED_RUN = re.compile(r"^run of (?P<q>['\"])(?P<name>.+?)(?P=q) \(")


@dataclass(frozen=True)
class TimedSet:
    """Seconds per binary on the tests (the reference's medians, the others' paired
    estimates), each binary's speedup over the reference, and the binaries dropped."""

    reference: str
    totals: dict[str, float]
    speedups: dict[str, float]  # reference time / this binary's time; 1.0 for the reference
    dropped: dict[str, str]  # name -> why it was dropped during timing


def time_binaries(
    problem: Problem,
    binaries: Mapping[str, Path],
    tests: Sequence[int],
    *,
    reference: str,
    repeats: int,
    warmup: int,
    clock: Clock,
    limits_for: Callable[[int], Limits],
    keep: Sequence[str] = (),
) -> TimedSet:
    """Interleaved, paired timing of `binaries` against `binaries[reference]` on `tests`.

    Names in `keep` (and the reference) must not fail, else OptsmithError. `limits_for(i)`
    gives the sandbox limits of test i (its deadline comes from the baseline's time, see
    `JudgeSettings.limits_for`).
    """
    if not tests:
        raise ValueError("time_binaries needs at least one test")
    if reference not in binaries:
        raise ValueError(f"the reference {reference!r} is not among the binaries")
    alive = dict(binaries)
    dropped: dict[str, str] = {}
    while True:
        try:
            totals, speedups = _time_all(problem, alive, tests, reference, repeats, warmup,
                                         clock, limits_for)
            return TimedSet(reference, totals, speedups, dropped)
        except OptsmithError as exc:
            match = _FAILED_RUN.match(str(exc))
            name = match.group("name") if match else None
            if name is None or name not in alive or name in keep or name == reference:
                raise
            dropped[name] = f"failed while being timed: {exc}"
            del alive[name]


def _time_all(problem: Problem, binaries: Mapping[str, Path], tests: Sequence[int],
              reference: str, repeats: int, warmup: int, clock: Clock,
              limits_for: Callable[[int], Limits]) -> tuple[dict[str, float], dict[str, float]]:
    totals = dict.fromkeys(binaries, 0.0)
    for index in tests:
        stdin = problem.tests[index].stdin
        cmds = {name: ([exe], stdin) for name, exe in binaries.items()}
        timings = retry_when_busy(partial(time_interleaved, cmds, repeats=repeats,
                                          warmup=warmup, limits=limits_for(index)))
        ref = _samples(timings[reference], clock)
        for name, timing in timings.items():
            totals[name] += paired_time(ref, _samples(timing, clock))
    ref_total = totals[reference]
    speedups = {name: ref_total / t if t > 0 else math.inf for name, t in totals.items()}
    return totals, speedups


def _samples(timing: Timing, clock: Clock) -> tuple[float, ...]:
    return timing.samples_s if clock == "wall" else timing.cpu_samples_s


def instruction_totals(problem: Problem, binaries: Mapping[str, Path],
                       tests: Sequence[int]) -> dict[str, int]:
    """Instructions executed (callgrind) per binary, summed over `tests`: noise-free figures."""
    totals = dict.fromkeys(binaries, 0)
    for index in tests:
        for name, exe in binaries.items():
            totals[name] += retry_when_busy(partial(count_instructions, [exe],
                                                    stdin=problem.tests[index].stdin))
    return totals
