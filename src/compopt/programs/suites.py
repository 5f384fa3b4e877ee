"""Named suites: `builtin`, `csmith` (fixed seeds), or a path to programs of one's own."""

from __future__ import annotations

from pathlib import Path

from compopt.errors import CompoptError
from compopt.programs.benchmark import Benchmark

CSMITH_SUITE_SIZE = 50


def load_suite(name: str, *, limit: int | None = None) -> list[Benchmark]:
    """Resolve a suite name or path; `limit` keeps the first N programs."""
    if name == "builtin":
        from compopt.programs.builtin_suite import builtin_suite

        benchmarks = builtin_suite()
    elif name == "csmith":
        from compopt.programs.generators import csmith_suite

        benchmarks = csmith_suite(limit or CSMITH_SUITE_SIZE)
    else:
        path = Path(name)
        if not path.exists():
            raise CompoptError(
                f"unknown suite '{name}': use builtin, csmith, or a path to .c/.ll/.bc files"
            )
        from compopt.programs.loaders import load_path

        benchmarks = load_path(path)
    if limit is not None:
        benchmarks = benchmarks[:limit]
    if not benchmarks:
        raise CompoptError(f"suite '{name}' holds no programs")
    return benchmarks
