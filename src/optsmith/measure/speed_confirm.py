"""Confirm a speed result with wall time: the build against `clang-22 -O3`, interleaved.

The search ranks builds by instructions executed (`optsmith.measure.speed`): noise-free,
but a proxy. What a user gets is wall time, so the final build is timed against the
binary `clang-22 -O3` makes from the same source, in the sandbox, on the program's tests.

The estimator is paired, as in the assembly judge (`optsmith.asm.timing`): every round
runs the baseline and the candidate back to back on each test, so both meet the same
machine state; the speedup on a test is the median over rounds of baseline/candidate time
*in the same round*, and the program's speedup is the baseline's total over the
candidate's estimated total. A 95% interval comes from resampling the rounds (bootstrap,
fixed seed, so a rerun on the same samples gives the same interval). The baseline is also
timed against itself in the same rounds (a second copy of the binary): its ratio says how
much the machine alone moves the figure.

Every timed run is checked against the test's expected output first (`run_tests`): a
wrong output is never timed.

The tests a search ranks builds on are best small (callgrind runs them 20-100x slower);
what a user cares about is the time of real runs. `timing_benchmark` makes the benchmark
timed on other inputs (`optsmith speed --time-args`), their expected outputs taken from
the -O0 build as for any test: the search never sees them, so a build tuned to the small
inputs is judged on the large ones.
"""

from __future__ import annotations

import dataclasses
import math
import random
import shlex
import shutil
import statistics
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from optsmith.errors import OptsmithError
from optsmith.measure.correctness import per_test_timeout_s, run_tests
from optsmith.measure.reference import record_reference_outputs
from optsmith.measure.runtime import paired_time, time_interleaved
from optsmith.programs.benchmark import Benchmark, TestCase
from optsmith.programs.frontend import build_reference_executable
from optsmith.sandbox import Limits

BOOTSTRAP_DRAWS = 1000


@dataclass(frozen=True)
class SpeedConfirmation:
    """Wall-time speedup of a build over `clang-22 -O3` (>1: faster), its 95% interval,
    the baseline-against-itself ratio, the seconds per test and the rounds timed."""

    speedup: float
    low: float
    high: float
    self_ratio: float
    baseline_s: tuple[float, ...]  # median wall seconds per test, clang-22 -O3
    candidate_s: tuple[float, ...]  # paired estimate per test, the build
    rounds: int
    clock: str = "wall"
    baseline: str = "clang-22 -O3"  # the command line of the binary timed against

    def to_dict(self) -> dict[str, object]:
        return {
            "speedup": self.speedup,
            "ci95": [self.low, self.high],
            "baseline_vs_itself": self.self_ratio,
            "baseline_s": list(self.baseline_s),
            "candidate_s": list(self.candidate_s),
            "rounds": self.rounds,
            "clock": self.clock,
            "baseline": self.baseline,
        }

    def __str__(self) -> str:
        return (
            f"{self.speedup:.3f}x wall time vs {self.baseline} (95% CI {self.low:.3f}-"
            f"{self.high:.3f}, {self.rounds} interleaved rounds; baseline vs itself "
            f"{self.self_ratio:.3f}x)"
        )


def timing_benchmark(benchmark: Benchmark, runs: Sequence[str]) -> Benchmark:
    """`benchmark` with `runs` (shell-quoted argument lines) as its tests, their expected
    outputs recorded from its -O0 build: inputs to time on, unseen by the search."""
    if not runs:
        return benchmark
    tests = tuple(TestCase(args=tuple(shlex.split(line))) for line in runs)
    return record_reference_outputs(dataclasses.replace(benchmark, tests=tests))


def build_o3_baseline(benchmark: Benchmark, out: Path) -> Path:
    """The executable `clang-22 -O3` makes of the benchmark's source: what the user had."""
    return build_reference_executable(benchmark, out, "-O3")


def confirm_speedup(
    candidate: Path, benchmark: Benchmark, *, rounds: int = 10, warmup: int = 1
) -> SpeedConfirmation:
    """Time `candidate` against `clang-22 -O3` on `benchmark`'s tests; see the module doc.

    Raises OptsmithError when the candidate fails a test (it is not timed then) or a timed
    run fails.
    """
    if rounds < 2:
        raise OptsmithError(f"confirming a speedup needs at least 2 rounds, got {rounds}")
    verdict = run_tests(candidate, benchmark)
    if not verdict.passed:
        raise OptsmithError(f"the build fails its tests, so it is not timed: {verdict.detail}")
    with tempfile.TemporaryDirectory(prefix="optsmith-confirm-") as tmp:
        baseline = build_o3_baseline(benchmark, Path(tmp) / "o3")
        twin = Path(tmp) / "o3-twin"
        shutil.copy2(baseline, twin)
        per_test: list[tuple[list[float], list[float], list[float]]] = []
        for test in benchmark.tests:
            argv_tail: list[str | Path] = list(test.args)
            cmds: dict[str, tuple[list[str | Path], bytes]] = {
                "baseline": ([baseline, *argv_tail], test.stdin_bytes),
                "candidate": ([candidate, *argv_tail], test.stdin_bytes),
                "twin": ([twin, *argv_tail], test.stdin_bytes),
            }
            limits = Limits(wall_s=per_test_timeout_s(benchmark, test))
            timings = time_interleaved(cmds, repeats=rounds, warmup=warmup, limits=limits)
            per_test.append(
                (
                    list(timings["baseline"].samples_s),
                    list(timings["candidate"].samples_s),
                    list(timings["twin"].samples_s),
                )
            )
    speedup, baseline_s, candidate_s = _paired(per_test, range(rounds))
    self_ratio = _paired([(a, t, t) for a, _, t in per_test], range(rounds))[0]
    rng = random.Random(0)
    draws = sorted(
        _paired(per_test, [rng.randrange(rounds) for _ in range(rounds)])[0]
        for _ in range(BOOTSTRAP_DRAWS)
    )
    low = draws[int(0.025 * BOOTSTRAP_DRAWS)]
    high = draws[int(0.975 * BOOTSTRAP_DRAWS) - 1]
    flags = " ".join(
        f.split("=")[0] if f.startswith("-fprofile-instr-use=") else f
        for f in benchmark.cflags
        if f.startswith(("-m", "-fprofile-instr-use="))
    )
    return SpeedConfirmation(
        speedup, low, high, self_ratio, tuple(baseline_s), tuple(candidate_s), rounds,
        baseline=f"clang-22 -O3 {flags}".strip(),
    )


def _paired(
    per_test: list[tuple[list[float], list[float], list[float]]], picks: range | list[int]
) -> tuple[float, list[float], list[float]]:
    """Speedup of the second series over the first, paired by round, over the rounds
    `picks`; with the first's medians and the second's estimates per test."""
    base_total = cand_total = 0.0
    base_s: list[float] = []
    cand_s: list[float] = []
    for base, cand, _ in per_test:
        a = [base[i] for i in picks]
        median = statistics.median(a)
        estimate = paired_time(a, [cand[i] for i in picks])
        base_s.append(median)
        cand_s.append(estimate)
        base_total += median
        cand_total += estimate
    return (base_total / cand_total if cand_total > 0 else math.inf), base_s, cand_s


__all__ = ["SpeedConfirmation", "build_o3_baseline", "confirm_speedup", "timing_benchmark"]
