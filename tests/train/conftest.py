"""Fixtures of the training tests: a small function-level data set and a tiny model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from optsmith.dataset.llm_compiler import build_llm_compiler
from optsmith.dataset.writer import DatasetWriter
from optsmith.llvm.pool import EnginePool
from optsmith.search.budget import Budget
from optsmith.search.evaluator import Evaluator
from optsmith.store import Store
from sample_programs import make_loop_benchmark, make_tiny_benchmark
from train_samples import make_tiny_llama


@pytest.fixture(scope="module")
def train_pool() -> Iterator[EnginePool]:
    with EnginePool(2, timeout_s=60) as pool:
        yield pool


@pytest.fixture(scope="module")
def function_dataset(tmp_path_factory: pytest.TempPathFactory,
                     train_pool: EnginePool) -> Path:
    """`dataset build --unit function` rows of two small programs, made by the real builder."""
    out = tmp_path_factory.mktemp("fn-data")
    store = Store(out / "store.sqlite")
    writer = DatasetWriter(out / "ds")
    build_llm_compiler([make_tiny_benchmark(), make_loop_benchmark()], Evaluator(train_pool, store),
                       writer, suite="tests", optimizer="random", budget=Budget(compilations=12),
                       unit="function")
    writer.finish()
    store.close()
    return out / "ds"


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory, function_dataset: Path) -> Path:
    text = (function_dataset / "train.jsonl").read_text()
    return make_tiny_llama(tmp_path_factory.mktemp("tiny-llama"), [text])
