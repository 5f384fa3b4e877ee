"""Problems: the built-in set, the CodeNet directory layout, and SuperCoder-style rows."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from asm_samples import SUM_C
from optsmith.asm import (
    DirectoryCandidates,
    EvalSettings,
    builtin_names,
    builtin_problems,
    evaluate,
    judge,
    load_problem_dir,
    load_problems,
    load_supercoder,
    split_tests,
)
from optsmith.asm.build import baseline_asm
from optsmith.asm.problems import BUILTIN_DIR
from optsmith.errors import OptsmithError


def test_builtin_set_has_thirty_problems_with_five_tests_each() -> None:
    names = builtin_names()
    assert len(names) >= 30
    for problem in builtin_problems():
        assert len(problem.tests) >= 5, problem.name
        assert all(t.expected for t in problem.tests), problem.name
        assert "scanf" in (problem.source or ""), f"{problem.name} must read stdin"
    floating = [n for n in names if "double" in (BUILTIN_DIR / n / "prog.c").read_text()]
    assert len(floating) >= 4  # room for the FMA trap


def test_two_builtin_baselines_reproduce_their_outputs(tmp_path: Path) -> None:
    """The full set (30 x 5 heavy tests) runs in benchmarks/asm_flags.py, not here."""
    for problem in builtin_problems(["crc32", "nqueens"]):
        assert problem.source is not None
        one = type(problem)(name=problem.name, source=problem.source, tests=problem.tests[:1])
        verdict = judge(one, baseline_asm(problem.source, tmp_path / problem.name),
                        name="gcc -O3", workdir=tmp_path / problem.name)
        assert verdict.correct, verdict.detail


def test_split_holds_tests_out() -> None:
    assert split_tests(5) == ([0, 1], [2, 3, 4])
    assert split_tests(3) == ([0], [1, 2])
    assert split_tests(1) == ([0], [])
    with pytest.raises(ValueError):
        split_tests(0)


def test_problem_dir_errors_name_the_missing_file(tmp_path: Path) -> None:
    (tmp_path / "p" / "tests").mkdir(parents=True)
    with pytest.raises(OptsmithError, match=r"expected prog\.c"):
        load_problem_dir(tmp_path / "p")
    (tmp_path / "p" / "prog.c").write_text(SUM_C)
    (tmp_path / "p" / "tests" / "input.0.txt").write_text("1 2\n")
    with pytest.raises(OptsmithError, match=r"input\.0 has no output\.0"):
        load_problem_dir(tmp_path / "p")
    (tmp_path / "p" / "tests" / "output.0.txt").write_text("3\n")
    problem = load_problem_dir(tmp_path / "p")  # PIE's .txt names are accepted
    assert problem.tests[0].stdin == b"1 2\n" and problem.tests[0].expected == b"3\n"
    assert [p.name for p in load_problems(tmp_path)] == ["p"]
    with pytest.raises(OptsmithError, match="no problem named nope"):
        load_problems(tmp_path, only=["nope"])


def test_supercoder_rows_in_their_various_spellings(tmp_path: Path) -> None:
    rows = [
        {"problem_id": "p00001", "c_code": SUM_C,
         "tests": [{"input": "1 2\n", "output": "3\n"}, ["4 5\n", "9\n"]]},
        {"id": "p00001", "source": SUM_C, "inputs": ["7\n"], "outputs": ["7\n"]},
        {"name": "asm only", "asm": ".text\n", "input": "1\n", "output": "1\n"},
    ]
    path = tmp_path / "train.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    first, second, third = load_supercoder(path)
    assert (first.name, len(first.tests), first.tests[1].expected) == ("p00001", 2, b"9\n")
    assert second.name == "p00001-2" and second.tests[0].stdin == b"7\n"
    assert third.name == "asm_only" and third.source is None and third.baseline_asm == ".text\n"
    assert [p.name for p in load_problems(path, limit=1)] == ["p00001"]


def test_unknown_schema_says_what_it_found(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"prompt": "x", "completion": "y"}) + "\n")
    with pytest.raises(OptsmithError, match=r"unknown schema.*c_code.*'completion', 'prompt'"):
        load_supercoder(path)
    path.write_text("{not json\n")
    with pytest.raises(OptsmithError, match=r"odd\.jsonl:1: not valid JSON"):
        load_supercoder(path)


def test_parquet_needs_pyarrow_or_roundtrips(tmp_path: Path) -> None:
    path = tmp_path / "rows.parquet"
    if importlib.util.find_spec("pyarrow") is None:
        path.write_bytes(b"PAR1")
        with pytest.raises(OptsmithError, match="pip install pyarrow"):
            load_supercoder(path)
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist([{"problem_id": "p", "c_code": SUM_C,
                                          "inputs": ["2 2\n"], "outputs": ["4\n"]}]), path)
    (problem,) = load_supercoder(path)
    assert problem.tests[0].expected == b"4\n"


def test_a_row_with_only_assembly_is_judged_against_that_assembly(
        tmp_path: Path, asm_of: Callable[..., str]) -> None:
    """No C: the row's own assembly is the baseline; a candidate is timed against it."""
    row = {"problem_id": "asmrow", "baseline_asm": asm_of(SUM_C, "-O0"),
           "tests": [{"input": "1 2 3\n", "output": "6\n"}, {"input": "5\n", "output": "5\n"}]}
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps(row) + "\n")
    (tmp_path / "cands").mkdir()
    (tmp_path / "cands" / "asmrow.s").write_text(asm_of(SUM_C, "-O2"))
    evaluation = evaluate(load_problems(path), DirectoryCandidates(tmp_path / "cands"),
                          EvalSettings(repeats=2, select_repeats=1, warmup=0))
    (result,) = evaluation.results
    assert result.passed and result.winner == "asmrow.s" and result.report_tests == [0, 1]


def test_a_latin1_source_loads_builds_and_keeps_its_bytes(tmp_path: Path) -> None:
    """A comment in Latin-1 (not UTF-8) used to fail with UnicodeDecodeError."""
    from optsmith.asm.problems import load_problem_dir
    from optsmith.programs.benchmark import as_bytes

    raw = b"/* caf\xe9 */\n" + SUM_C.encode()
    problem_dir = tmp_path / "latin"
    (problem_dir / "tests").mkdir(parents=True)
    (problem_dir / "prog.c").write_bytes(raw)
    (problem_dir / "tests" / "input.1").write_bytes(b"")
    (problem_dir / "tests" / "output.1").write_bytes(b"")
    problem = load_problem_dir(problem_dir)
    assert problem.source is not None and as_bytes(problem.source) == raw
    assert len(problem.digest) == 16
    asm = baseline_asm(problem.source, tmp_path / "work")
    assert "main" in asm
    assert (tmp_path / "work" / "baseline" / "prog.c").read_bytes() == raw
