"""Shared fixtures: small real C programs compiled by the real clang-22."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from optsmith.llvm.pool import EnginePool
from optsmith.programs.benchmark import Benchmark
from optsmith.store import Store
from sample_programs import make_loop_benchmark


@pytest.fixture(scope="session")
def loop_benchmark() -> Benchmark:
    return make_loop_benchmark()


@pytest.fixture(scope="session")
def pool() -> Iterator[EnginePool]:
    with EnginePool(2, timeout_s=60) as p:
        yield p


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "store.sqlite")
    yield s
    s.close()
