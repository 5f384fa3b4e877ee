"""Differential testing: run a build against a benchmark's tests and say exactly what differs.

Each test of a candidate build runs under a wall-clock limit of its own (`per_test_timeout_s`),
taken from how long the -O0 reference took on it, so that a program whose tests take
minutes is judged as fairly as one whose tests take milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from optsmith.programs.benchmark import Benchmark, TestCase, as_text
from optsmith.sandbox import Limits, run_sandboxed

MIN_TEST_TIMEOUT_S = 5.0
REFERENCE_FACTOR = 10.0
UNTIMED_TEST_TIMEOUT_S = 10.0


def per_test_timeout_s(benchmark: Benchmark, test: TestCase) -> float:
    """The wall-clock limit of one test run of a candidate build.

    * `benchmark.test_timeout_s` when the user set it: their program, their call.
    * Otherwise max(5 s, 10 x the -O0 reference's time + 1 s). Candidates are optimized
      builds and normally beat -O0, so 10x leaves room for a loaded machine (parallel
      workers, timing noise) and for a pipeline that is slower than -O0 without being
      broken; a build 10x slower than -O0 is not worth waiting for. The 1 s and the 5 s
      floor absorb process start-up and scheduler noise on tests that take milliseconds,
      where a tenfold factor of almost nothing would refuse a correct build.
    * 10 s for a test whose reference was never timed (the built-in suite ships its
      expected outputs; its tests all finish in well under a second).
    """
    if benchmark.test_timeout_s is not None:
        return benchmark.test_timeout_s
    if test.reference_s is None:
        return UNTIMED_TEST_TIMEOUT_S
    return max(MIN_TEST_TIMEOUT_S, REFERENCE_FACTOR * test.reference_s + 1.0)


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
    contained: bool = True  # False: some test ran without the sandbox (--unsafe-no-sandbox)

    @property
    def detail(self) -> str:
        failures = [o.detail for o in self.outcomes if not o.passed]
        mark = "" if self.contained else " [UNCONTAINED: ran without the sandbox]"
        if not self.outcomes:
            return "no tests"
        if not failures:
            return f"{len(self.outcomes)}/{len(self.outcomes)} tests passed{mark}"
        passed = len(self.outcomes) - len(failures)
        return f"{passed}/{len(self.outcomes)} passed; {failures[0]}{mark}"


def _first_difference(expected: str, actual: str) -> str:
    for line_no, (want, got) in enumerate(
        zip(expected.splitlines(), actual.splitlines(), strict=False), start=1
    ):
        if want != got:
            return f"line {line_no}: expected {want[:80]!r}, got {got[:80]!r}"
    return f"expected {len(expected)} bytes of output, got {len(actual)}"


def run_tests(exe: Path, benchmark: Benchmark, limits: Limits | None = None) -> Verdict:
    """Run every test of `benchmark` on `exe` in the sandbox; compare stdout and exit code.

    `limits` applies to every test when given; by default each test gets
    `Limits(wall_s=per_test_timeout_s(benchmark, test))`. Output is compared byte for byte.
    """
    outcomes = []
    contained = True
    for index, test in enumerate(benchmark.tests):
        run_limits = limits or Limits(wall_s=per_test_timeout_s(benchmark, test))
        result = run_sandboxed(
            [str(exe), *test.args], stdin=test.stdin_bytes, limits=run_limits
        )
        contained = contained and result.contained
        stdout = as_text(result.stdout)
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
        passed=all(o.passed for o in outcomes) and bool(outcomes),
        outcomes=tuple(outcomes),
        contained=contained,
    )
