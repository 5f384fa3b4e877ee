"""The `runtime` objective's figure: instructions a build executes on its tests, judged.

Pass search for speed compares thousands of builds, so each needs a figure that ranks them
like their wall time does and does not move with the machine's load: the instructions the
program executes, counted by valgrind's callgrind, summed over the benchmark's tests. A
deterministic program gives the same count on every run, so one run per test is enough
and the figure can be stored like a size (`benchmarks/runtime_proxy.py` measures how well
it ranks builds against wall time on this machine). The final answer is confirmed with
wall time against `clang-22 -O3` (`optsmith.measure.speed_confirm`).

Every run is a test: the build runs in the sandbox on each test's arguments and stdin, and
an output or exit code that differs from the reference's is a failure, not a figure. A
test that does not finish under callgrind (its limit is `CALLGRIND_SLOWDOWN` times the
candidate's own test limit) is a failure of this run only, never stored: a loaded machine
can cause it.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from optsmith.errors import OptsmithError
from optsmith.measure.build import link_executable
from optsmith.measure.correctness import per_test_timeout_s
from optsmith.measure.runtime import callgrind_run
from optsmith.programs.benchmark import Benchmark, as_text
from optsmith.sandbox import Limits

# callgrind runs a program 20-100x slower than natively; the limit of a test under it.
CALLGRIND_SLOWDOWN = 60.0


@dataclass(frozen=True)
class SpeedFigure:
    """Instructions executed over all tests (None on a failure), why it failed, and
    whether the failure is the build's own (stored) or this run's (a timeout: not)."""

    instructions: float | None
    error: str | None = None
    settled: bool = True

    @property
    def ok(self) -> bool:
        return self.instructions is not None


def can_measure_speed(benchmark: Benchmark) -> str | None:
    """Why `benchmark` cannot be measured for speed (None: it can): it needs tests and a
    `main`, since the figure is what its tests execute."""
    if not benchmark.has_main:
        return f"{benchmark.name} has no main(): the runtime objective runs the program"
    if not benchmark.tests:
        return (
            f"{benchmark.name} has no tests: the runtime objective runs the program on them "
            "(give a .c file, with prog.args / prog.N.stdin sidecars for inputs)"
        )
    return None


def measure_speed(obj: bytes, benchmark: Benchmark) -> SpeedFigure:
    """Link `obj`, run every test of `benchmark` under callgrind in the sandbox, compare
    its output with the reference's and sum the instructions executed."""
    why = can_measure_speed(benchmark)
    if why is not None:
        raise OptsmithError(why)
    total = 0
    with tempfile.TemporaryDirectory(prefix="optsmith-speed-") as tmp:
        try:
            exe = link_executable(obj, Path(tmp) / "prog", benchmark.ldflags)
        except OptsmithError as exc:
            return SpeedFigure(None, str(exc))
        for index, test in enumerate(benchmark.tests):
            limits = Limits(wall_s=CALLGRIND_SLOWDOWN * per_test_timeout_s(benchmark, test))
            try:
                result, count = callgrind_run([exe, *test.args], stdin=test.stdin_bytes,
                                              limits=limits)
            except OptsmithError as exc:
                return SpeedFigure(None, f"test {index}: {exc}")
            if result.timed_out:
                return SpeedFigure(None, f"test {index}: {result.reason} under callgrind",
                                   settled=False)
            if not result.ok or result.signal is not None or result.output_truncated:
                return SpeedFigure(None, f"test {index}: {result.reason}")
            if result.exit_code != test.expected_exit_code:
                return SpeedFigure(None, f"test {index}: exit code {result.exit_code}, "
                                   f"expected {test.expected_exit_code}")
            if as_text(result.stdout) != test.expected_stdout:
                return SpeedFigure(None, f"test {index}: wrong output")
            if count is None:
                return SpeedFigure(None, f"test {index}: callgrind reported no total")
            total += count
    return SpeedFigure(float(total))


__all__ = ["CALLGRIND_SLOWDOWN", "SpeedFigure", "can_measure_speed", "measure_speed"]
