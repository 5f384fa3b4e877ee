"""Reference runs: a generous, adjustable ceiling, and candidate timeouts taken from them.

The slow program's run time is its argument (milliseconds of busy work), so these tests
exercise "a reference slower than the ceiling" in about a second instead of minutes.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest

from optsmith.errors import OptionError, ReferenceRunError
from optsmith.measure.correctness import (
    MIN_TEST_TIMEOUT_S,
    UNTIMED_TEST_TIMEOUT_S,
    per_test_timeout_s,
    run_tests,
)
from optsmith.measure.reference import (
    REFERENCE_CEILING_S,
    record_reference_outputs,
    reference_ceiling_s,
)
from optsmith.programs.benchmark import Benchmark, TestCase
from optsmith.programs.frontend import build_reference_executable
from optsmith.programs.loaders import load_c_file
from optsmith.programs.suites import load_suite

SLOW_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}
int main(int argc, char **argv) {
  double ms = argc > 1 ? atof(argv[1]) : 0.0, start = now();
  volatile unsigned long spins = 0;
  while ((now() - start) * 1000.0 < ms) spins++;
  printf("worked %.0f ms\n", ms);
  return 0;
}
"""
SLOW_MS = 1200  # the "12 s program" of a 10 s limit, scaled down tenfold


def _slow_program(tmp_path: Path, ms: int = SLOW_MS) -> Path:
    source = tmp_path / "slow.c"
    source.write_text(SLOW_C)
    (tmp_path / "slow.args").write_text(f"{ms}\n")
    return source


def test_a_reference_slower_than_the_ceiling_is_refused_with_a_hint(tmp_path: Path) -> None:
    source = _slow_program(tmp_path)
    with pytest.raises(ReferenceRunError, match=r"test 1 .*timed out.*ceiling"):
        load_c_file(source, record=partial(record_reference_outputs, ceiling_s=1.0))


def test_the_users_test_timeout_is_the_references_limit_too(tmp_path: Path) -> None:
    source = _slow_program(tmp_path)
    bench = load_c_file(
        source, record=partial(record_reference_outputs, ceiling_s=1.0), test_timeout_s=3.0
    )
    (test,) = bench.tests
    assert test.expected_stdout == f"worked {SLOW_MS} ms\n"
    assert bench.test_timeout_s == 3.0
    assert per_test_timeout_s(bench, test) == 3.0  # the user's limit, not the derived one
    # ...and a short one refuses a slow (or hanging) program early, whatever the ceiling.
    with pytest.raises(ReferenceRunError, match=r"timed out after 0\.\d+s") as refused:
        load_c_file(source, record=record_reference_outputs, test_timeout_s=0.5)
    assert "ceiling" not in str(refused.value)  # the user chose that limit; no hint


def test_candidate_timeouts_follow_the_reference_and_the_override(tmp_path: Path) -> None:
    bench = load_c_file(
        _slow_program(tmp_path), record=partial(record_reference_outputs, ceiling_s=3.0)
    )
    (test,) = bench.tests
    assert test.reference_s is not None and SLOW_MS / 1000 <= test.reference_s < 3.0
    derived = per_test_timeout_s(bench, test)
    assert derived == pytest.approx(10 * test.reference_s + 1.0)
    assert derived > 10.0  # a fixed 10 s limit would have been too short for this test
    # A candidate as slow as the reference passes under the derived limit...
    exe = build_reference_executable(bench, tmp_path / "candidate")
    verdict = run_tests(exe, bench)
    assert verdict.passed, verdict.detail
    # ...and the user's override, not the reference, decides when one is given.
    hurried = replace(bench, test_timeout_s=0.5)
    verdict = run_tests(exe, hurried)
    assert not verdict.passed and "timed out" in verdict.detail
    assert hurried.content_hash != bench.content_hash  # stored validations are not shared
    assert bench == hurried  # the same program, though: equality ignores the limit


def test_derived_timeout_formula() -> None:
    bench = Benchmark(name="b", source="")
    assert per_test_timeout_s(bench, TestCase()) == UNTIMED_TEST_TIMEOUT_S
    assert per_test_timeout_s(bench, TestCase(reference_s=0.01)) == MIN_TEST_TIMEOUT_S
    assert per_test_timeout_s(bench, TestCase(reference_s=2.0)) == 21.0
    assert per_test_timeout_s(replace(bench, test_timeout_s=7.5), TestCase(reference_s=2.0)) == 7.5
    assert reference_ceiling_s(bench) == REFERENCE_CEILING_S == 300.0
    assert reference_ceiling_s(bench, 2.0) == 2.0
    assert reference_ceiling_s(replace(bench, test_timeout_s=900.0)) == 900.0
    assert reference_ceiling_s(replace(bench, test_timeout_s=4.0), 60.0) == 4.0


def test_reference_time_is_not_part_of_a_tests_identity() -> None:
    timed, untimed = TestCase(args=("1",), reference_s=1.5), TestCase(args=("1",))
    assert timed == untimed and timed.to_dict() == untimed.to_dict()


@pytest.mark.parametrize("bad", [0, -1.0, float("inf"), float("nan"), True])
def test_bad_test_timeouts_are_refused_before_any_work(bad: float) -> None:
    with pytest.raises(OptionError, match="test timeout"):
        Benchmark(name="b", source="", test_timeout_s=bad)
    with pytest.raises(OptionError, match="test timeout"):
        load_suite("csmith", record=record_reference_outputs, test_timeout_s=bad)


def test_load_suite_sets_the_override_on_every_program(tmp_path: Path) -> None:
    _slow_program(tmp_path, ms=50)
    loaded = load_suite(str(tmp_path), record=record_reference_outputs, test_timeout_s=42.0)
    assert [b.test_timeout_s for b in loaded.benchmarks] == [42.0]
    builtin = load_suite("builtin", record=record_reference_outputs, limit=2, test_timeout_s=9.0)
    assert {b.test_timeout_s for b in builtin.benchmarks} == {9.0}
