"""Fixtures of the assembly-task tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from asm_samples import FSUM_C, LOGISTIC_C, SPIN_C, SUM_C, gcc_s, write_problem


@pytest.fixture(scope="session")
def problems_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sum (instant), logistic (floating point), spin (~30 ms) and fsum (a floating-point
    sum that only fast-math vectorizes, ~50 ms): one directory of problems."""
    root = tmp_path_factory.mktemp("asm-problems")
    write_problem(root, "sum", SUM_C, ["1 2 3\n", "10 -4 7 100\n", "5\n"])
    write_problem(root, "logistic", LOGISTIC_C,
                  ["20000 3.99 0.2\n", "30000 3.97 0.51\n", "25000 3.995 0.7\n"])
    write_problem(root, "spin", SPIN_C, ["3000000 1\n", "3000000 2\n", "3000000 3\n"])
    write_problem(root, "fsum", FSUM_C, ["4096 15000\n", "4000 16000\n", "4096 14000\n"])
    return root


@pytest.fixture(scope="session")
def asm_of(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., str]:
    """asm_of(source, *flags, compiler='gcc') -> assembly text, cached per session."""
    base = tmp_path_factory.mktemp("asm-build")
    cache: dict[tuple[str, tuple[str, ...], str], str] = {}

    def build(source: str, *flags: str, compiler: str = "gcc") -> str:
        key = (source, flags, compiler)
        if key not in cache:
            cache[key] = gcc_s(source, base / str(len(cache)), *flags, compiler=compiler)
        return cache[key]

    return build
