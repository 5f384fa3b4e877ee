"""Reference outputs: what a program must print, taken from its clang-22 -O0 build.

-O0 is the build least likely to be miscompiled and the one every optimized build is
compared against. Each test runs once in the sandbox; its stdout and exit code become the
test's expectation and its wall time (`TestCase.reference_s`) sets how long a candidate
build may take on it (`optsmith.measure.correctness.per_test_timeout_s`).

The reference may run for up to `REFERENCE_CEILING_S` per test: generous, because a slow
-O0 build is a legitimate program (the optimized builds are what should be fast), yet
finite, because a program that never ends has no output to expect. A test timeout the
user set (`Benchmark.test_timeout_s`) is the limit of every run of a test, the
reference's included: `--test-timeout 600` admits a 400 s reference, and
`--test-timeout 10` refuses a hanging program after 10 s instead of 300. Generators pass a
short ceiling of their own: for csmith, a slow reference means "drop this seed".
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from optsmith.errors import CompileError, ReferenceRunError
from optsmith.programs.benchmark import Benchmark, TestCase, as_text
from optsmith.programs.frontend import build_reference_executable
from optsmith.sandbox import Limits, run_sandboxed

REFERENCE_CEILING_S = 300.0


def reference_ceiling_s(benchmark: Benchmark, ceiling_s: float | None = None) -> float:
    """How long one reference test may run: the user's test timeout when the benchmark
    has one, else `ceiling_s`, else `REFERENCE_CEILING_S`."""
    if benchmark.test_timeout_s is not None:
        return benchmark.test_timeout_s
    return REFERENCE_CEILING_S if ceiling_s is None else ceiling_s


def record_reference_outputs(benchmark: Benchmark, *, ceiling_s: float | None = None) -> Benchmark:
    """`benchmark` with each test's expected stdout, exit code and reference time filled in.

    A benchmark without tests gets one argument-less test. Raises `CompileError` when the
    program does not build and `ReferenceRunError` when a run crashes, runs past the
    ceiling (see `reference_ceiling_s`) or is cut off: such a program has no trustworthy
    expected output. Satisfies `optsmith.programs.benchmark.RecordOutputs`.
    """
    cases = list(benchmark.tests) or [TestCase()]
    ceiling = reference_ceiling_s(benchmark, ceiling_s)
    limits = Limits(wall_s=ceiling)
    recorded: list[TestCase] = []
    with tempfile.TemporaryDirectory(prefix="optsmith-ref-") as tmp:
        exe = Path(tmp) / _safe_stem(benchmark.name)
        try:
            build_reference_executable(benchmark, exe)
        except CompileError as exc:
            # clang names the temporary copy; point its diagnostics at the user's file.
            origin = benchmark.meta.get("path")
            if origin is None:
                raise
            text = str(exc).replace(str(exe.with_suffix(".c")), origin)
            raise CompileError(text) from exc
        for index, case in enumerate(cases, start=1):
            result = run_sandboxed([str(exe), *case.args], stdin=case.stdin_bytes, limits=limits)
            if (
                result.timed_out
                or result.exit_code is None
                or result.signal is not None
                or result.output_truncated
            ):
                hint = (
                    f" (the reference may take {ceiling:g}s per test; a longer test timeout "
                    f"raises that ceiling)"
                    if result.timed_out and benchmark.test_timeout_s is None
                    else ""
                )
                raise ReferenceRunError(
                    f"{benchmark.name}: test {index} of the -O0 reference build failed: "
                    f"{result.reason}{hint}"
                )
            recorded.append(
                replace(
                    case,
                    expected_stdout=as_text(result.stdout),
                    expected_exit_code=result.exit_code,
                    reference_s=result.wall_s,
                )
            )
    return replace(benchmark, tests=tuple(recorded))


def _safe_stem(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name) or "prog"


__all__ = ["REFERENCE_CEILING_S", "record_reference_outputs", "reference_ceiling_s"]
