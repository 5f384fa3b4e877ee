"""Named suites: `builtin`, `csmith` (fixed seeds), or a path to programs of one's own."""

from __future__ import annotations

from pathlib import Path

from optsmith.errors import OptsmithError
from optsmith.programs.loaders import LoadFailure, LoadResult, load_path, scan_directory

CSMITH_SUITE_SIZE = 50


def load_suite(name: str, *, limit: int | None = None) -> LoadResult:
    """Resolve a suite name or path; `limit` keeps the first N programs.

    A directory is scanned leniently: a file that does not compile, or whose reference
    run hangs, crashes or floods its output, is reported in `failures` and the rest of
    the suite goes on.
    """
    failures: list[LoadFailure] = []
    if name == "builtin":
        from optsmith.programs.builtin_suite import builtin_suite

        benchmarks = builtin_suite()
    elif name == "csmith":
        from optsmith.programs.generators import csmith_suite

        benchmarks = csmith_suite(limit or CSMITH_SUITE_SIZE)
    else:
        path = Path(name)
        if not path.exists():
            raise OptsmithError(
                f"unknown suite '{name}': use builtin, csmith, or a path to .c/.ll/.bc files"
            )
        if path.is_dir():
            scan = scan_directory(path)
            benchmarks, failures = scan.benchmarks, scan.failures
        else:
            benchmarks = load_path(path)
    if limit is not None:
        benchmarks = benchmarks[:limit]
    if not benchmarks and not failures:
        raise OptsmithError(f"suite '{name}' holds no programs")
    return LoadResult(benchmarks=benchmarks, failures=failures)
