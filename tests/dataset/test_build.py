"""Data sets built from real searches, read back by Hugging Face `datasets`, re-checked."""

from __future__ import annotations

import json
from pathlib import Path

from optsmith.dataset.checks import check_dataset
from optsmith.dataset.llm_compiler import build_llm_compiler
from optsmith.dataset.writer import DatasetWriter
from optsmith.llm.parsers import parse_pass_list
from optsmith.llvm.pool import EnginePool
from optsmith.search.budget import Budget
from optsmith.search.evaluator import Evaluator
from optsmith.store import Store
from sample_programs import make_loop_benchmark, make_tiny_benchmark


def test_llm_compiler_rows_load_with_datasets_and_hold(pool: EnginePool, tmp_path: Path) -> None:
    import datasets  # a dev dependency of `make test`
    out = tmp_path / "ds"
    evaluator = Evaluator(pool, Store(tmp_path / "s.sqlite"))
    programs = [make_tiny_benchmark(), make_loop_benchmark()]
    writer = DatasetWriter(out)
    counts = build_llm_compiler(programs, evaluator, writer, suite="tests", optimizer="random",
                                budget=Budget(compilations=24))
    writer.finish()
    assert counts["rows"] == 2 and counts["failed"] == 0

    parquet = datasets.load_dataset("parquet", data_files=str(out / "train.parquet"),
                                    split="train")
    jsonl = datasets.load_dataset("json", data_files=str(out / "train.jsonl"), split="train")
    assert parquet.num_rows == jsonl.num_rows == 2
    for row in parquet:
        assert row["prompt"].startswith(
            "[INST] Tell me how to optimize this LLVM-IR for object file size:\n\n<code>")
        assert row["answer"].startswith(" Run passes `")
        assert row["validated"] is True
        assert row["opt_text_size"] <= row["oz_text_size"]  # never worse than -Oz
        assert parse_pass_list(row["answer"]).ok  # the label survives our own parser
    assert check_dataset(out, Evaluator(pool)) == {row["id"]: None for row in parquet}

    # resumable: a second build adds nothing and searches nothing
    again = DatasetWriter(out)
    counts = build_llm_compiler(programs, evaluator, again, suite="tests", optimizer="random",
                                budget=Budget(compilations=24))
    assert counts == {"rows": 0, "resumed": 2, "unvalidated": 0, "failed": 0}


def test_a_tampered_row_is_caught(pool: EnginePool, tmp_path: Path) -> None:
    out = tmp_path / "ds"
    evaluator = Evaluator(pool, Store(tmp_path / "s.sqlite"))
    writer = DatasetWriter(out)
    build_llm_compiler([make_tiny_benchmark()], evaluator, writer, suite="tests",
                       optimizer="random", budget=Budget(compilations=8))
    row = json.loads((out / "train.jsonl").read_text())
    row["opt_text_size"] += 1
    (out / "train.jsonl").write_text(json.dumps(row) + "\n")
    (problem,) = check_dataset(out, Evaluator(pool)).values()  # no store: measured again
    assert problem is not None and "re-measured" in problem


def test_an_interrupted_write_loses_only_the_torn_row(tmp_path: Path) -> None:
    writer = DatasetWriter(tmp_path)
    writer.add({"id": "a", "x": 1})
    with (tmp_path / "train.jsonl").open("a") as handle:
        handle.write('{"id": "b", "x"')  # the process died mid-line
    reopened = DatasetWriter(tmp_path)
    assert reopened.ids == {"a"}
    reopened.add({"id": "b", "x": 2})
    assert [json.loads(line)["id"] for line in (tmp_path / "train.jsonl").read_text().splitlines()
            ] == ["a", "b"]
