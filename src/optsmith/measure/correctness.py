"""Differential testing: run a build against a benchmark's tests and say exactly what differs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from optsmith.programs.benchmark import Benchmark
from optsmith.sandbox import Limits, run_sandboxed

DEFAULT_TEST_LIMITS = Limits(wall_s=10.0)


@dataclass(frozen=True)
class TestOutcome:
    __test__ = False

    passed: bool
    detail: str


@dataclass(frozen=True)
class Verdict:
    """All tests of one build: passed only when every test matched."""

    passed: bool
    outcomes: tuple[TestOutcome, ...]

    @property
    def detail(self) -> str:
        failures = [o.detail for o in self.outcomes if not o.passed]
        if not self.outcomes:
            return "no tests"
        if not failures:
            return f"{len(self.outcomes)}/{len(self.outcomes)} tests passed"
        return f"{len(self.outcomes) - len(failures)}/{len(self.outcomes)} passed; {failures[0]}"


def _first_difference(expected: str, actual: str) -> str:
    for line_no, (want, got) in enumerate(
        zip(expected.splitlines(), actual.splitlines(), strict=False), start=1
    ):
        if want != got:
            return f"line {line_no}: expected {want[:80]!r}, got {got[:80]!r}"
    return f"expected {len(expected)} bytes of output, got {len(actual)}"


def run_tests(exe: Path, benchmark: Benchmark, limits: Limits = DEFAULT_TEST_LIMITS) -> Verdict:
    """Run every test of `benchmark` on `exe` in the sandbox; compare stdout and exit code."""
    outcomes = []
    for index, test in enumerate(benchmark.tests):
        result = run_sandboxed([str(exe), *test.args], stdin=test.stdin.encode(), limits=limits)
        stdout = result.stdout.decode(errors="replace")
        if result.timed_out or result.signal is not None or result.output_truncated:
            outcomes.append(TestOutcome(False, f"test {index}: {result.reason}"))
        elif result.exit_code != test.expected_exit_code:
            outcomes.append(
                TestOutcome(
                    False,
                    f"test {index}: exit code {result.exit_code}, "
                    f"expected {test.expected_exit_code}",
                )
            )
        elif stdout != test.expected_stdout:
            outcomes.append(
                TestOutcome(
                    False, f"test {index}: {_first_difference(test.expected_stdout, stdout)}"
                )
            )
        else:
            outcomes.append(TestOutcome(True, f"test {index}: ok"))
    return Verdict(
        passed=all(o.passed for o in outcomes) and bool(outcomes), outcomes=tuple(outcomes)
    )
