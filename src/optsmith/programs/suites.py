"""Named suites: `builtin`, `csmith` (fixed seeds), or a path to programs of one's own."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from optsmith.errors import OptsmithError
from optsmith.programs.benchmark import Benchmark, RecordOutputs, check_test_timeout
from optsmith.programs.builtin_suite import builtin_suite
from optsmith.programs.generators import csmith_suite
from optsmith.programs.loaders import LoadFailure, LoadResult, load_path, scan_directory

CSMITH_SUITE_SIZE = 50


def load_suite(
    name: str,
    *,
    record: RecordOutputs,
    limit: int | None = None,
    test_timeout_s: float | None = None,
) -> LoadResult:
    """Resolve a suite name or path; `limit` keeps the first N programs.

    A directory is scanned leniently: a file that does not compile, or whose reference
    run hangs, crashes or floods its output, is reported in `failures` and the rest of
    the suite goes on. `record` runs the reference builds of C programs that come without
    expected outputs (`optsmith.measure.reference.record_reference_outputs`; the built-in
    suite ships its outputs). `test_timeout_s`, when given, limits every run of every
    program's tests (`Benchmark.test_timeout_s`).
    """
    check_test_timeout(test_timeout_s)  # before minutes of reference runs, not after
    failures: list[LoadFailure] = []
    benchmarks: list[Benchmark]
    if name == "builtin":
        benchmarks = builtin_suite()
    elif name == "csmith":
        benchmarks = csmith_suite(limit or CSMITH_SUITE_SIZE, record=record)
    else:
        path = Path(name)
        if not path.exists():
            raise OptsmithError(
                f"unknown suite '{name}': use builtin, csmith, or a path to .c/.ll/.bc files"
            )
        if path.is_dir():
            scan = scan_directory(path, record=record, test_timeout_s=test_timeout_s)
            benchmarks, failures = scan.benchmarks, scan.failures
        else:
            benchmarks = load_path(path, record=record, test_timeout_s=test_timeout_s)
    if limit is not None:
        benchmarks = benchmarks[:limit]
    if test_timeout_s is not None:
        benchmarks = [replace(b, test_timeout_s=test_timeout_s) for b in benchmarks]
    if not benchmarks and not failures:
        raise OptsmithError(f"suite '{name}' holds no programs")
    return LoadResult(benchmarks=benchmarks, failures=failures)
