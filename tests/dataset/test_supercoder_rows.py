"""SuperCoder-format rows: labels are assembly that passes the tests; rows load as problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asm_samples import SPIN_C, SUM_C, gcc_s, write_problem
from optsmith.asm.evaluate import EvalSettings
from optsmith.asm.loading import load_problems
from optsmith.asm.problems import load_problem_dir
from optsmith.dataset.checks import check_dataset
from optsmith.dataset.supercoder import build_supercoder
from optsmith.dataset.writer import DatasetWriter
from optsmith.errors import OptionError
from optsmith.llm import prompts
from optsmith.llvm.pool import EnginePool
from optsmith.search.evaluator import Evaluator

QUICK = EvalSettings(repeats=1, select_repeats=1, warmup=0)


def test_build_writes_only_real_speedups_and_rows_reload(tmp_path: Path, pool: EnginePool
                                                        ) -> None:
    problem = load_problem_dir(write_problem(tmp_path / "p", "spin", SPIN_C,
                                             ["200000 1\n", "300000 7\n", "250000 3\n"]))
    writer = DatasetWriter(tmp_path / "ds")
    counts = build_supercoder([problem], writer, configs=3, settings=QUICK)
    writer.finish()
    assert counts["rows"] + counts["no_gain"] == 1 and counts["failed"] == 0
    for row in writer.rows:
        assert row["speedup"] > 1.0 and row["validated"] is True
        assert row["prompt"] == prompts.supercoder(row["c_code"], row["baseline_asm"])
        assert row["target"] in ("portable", "native") and row["fast_math"] is False
    assert all(v is None for v in check_dataset(tmp_path / "ds", Evaluator(pool)).values())
    if writer.rows:  # the data set is also a problem file for `optsmith asm eval`
        (reloaded,) = load_problems(tmp_path / "ds" / "train.jsonl")
        assert reloaded.tests == problem.tests


def test_a_row_whose_label_is_wrong_is_caught(tmp_path: Path, pool: EnginePool) -> None:
    problem = load_problem_dir(write_problem(tmp_path / "p", "sum", SUM_C, ["1 2\n", "3\n"]))
    wrong = gcc_s(SUM_C.replace("total += x", "total -= x"), tmp_path / "w", "-O2")
    right = gcc_s(SUM_C, tmp_path / "r", "-O2")
    rows = []
    for name, asm in (("right", right), ("wrong", wrong)):
        rows.append({
            "id": f"supercoder:{name}", "format": "supercoder", "problem_id": name,
            "c_code": SUM_C, "answer": prompts.SUPERCODER_ANSWER.format(asm=asm),
            "tests": [{"input": t.stdin.decode(), "output": t.expected.decode()}
                      for t in problem.tests],
        })
    (tmp_path / "ds").mkdir()
    (tmp_path / "ds" / "train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    verdicts = check_dataset(tmp_path / "ds", Evaluator(pool))
    assert verdicts["supercoder:right"] is None
    assert "label fails its tests" in (verdicts["supercoder:wrong"] or "")


def test_portable_rows_and_the_refused_combination(tmp_path: Path) -> None:
    problem = load_problem_dir(write_problem(tmp_path / "p", "spin", SPIN_C,
                                             ["200000 1\n", "300000 7\n", "250000 3\n"]))
    writer = DatasetWriter(tmp_path / "ds")
    with pytest.raises(OptionError, match="--portable excludes fast-math"):
        build_supercoder([problem], writer, portable=True, allow_fast_math=True)
    counts = build_supercoder([problem], writer, configs=2, settings=QUICK, portable=True)
    assert counts["rows"] + counts["no_gain"] == 1 and counts["failed"] == 0
    assert all(row["target"] == "portable" and row["fast_math"] is False
               for row in writer.rows)
