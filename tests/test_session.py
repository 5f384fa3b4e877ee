"""`optsmith.optimize`, `optsmith.bench` and `optsmith.Session`: the one-import entry points,
on real programs with the real engine, store and sandbox."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import optsmith
from optsmith.llvm.pool import EnginePool
from optsmith.programs.benchmark import TestCase
from optsmith.toolchain import find_toolchain
from sample_programs import LOOP_C, TINY_C, make_loop_benchmark


def _rows(store: Path) -> int:
    if not store.exists():
        return 0
    with sqlite3.connect(store) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM measurements").fetchone()[0])


def test_optimize_a_c_file_in_one_call(tmp_path: Path) -> None:
    """The README's first lines: optimize, look at the result, write the outputs."""
    source = tmp_path / "prog.c"  # outside the repository: nothing depends on its layout
    source.write_text(LOOP_C)
    (tmp_path / "prog.args").write_text("100\n7\n")
    store = tmp_path / "s.sqlite"
    result = optsmith.optimize(source, budget=30, workers=2, store=store)
    assert isinstance(result, optsmith.Result)
    assert result.validated is True, result.validation_detail
    assert result.value <= result.baseline and result.reduction == pytest.approx(
        1 - result.value / result.baseline
    )
    assert result.pipeline and result.compilations == 30
    assert result.to_dict()["best_pipeline"] == result.pipeline
    text = str(result)
    assert "prog: ir-instcount" in text and "validated (tests passed)" in text
    assert result.pipeline[:50] in text
    assert repr(result).startswith("Result(name='prog'") and "validated=True" in repr(result)
    # the session that searched is closed; write() makes the files with a fresh worker
    written = result.write(tmp_path / "out")
    assert set(written) >= {"input IR", "optimized IR", "pipeline", "result", "object",
                            "executable"}
    assert (tmp_path / "out" / "pipeline.txt").read_text() == result.pipeline + "\n"
    assert json.loads((tmp_path / "out" / "result.json").read_text())["validated"] is True
    run = subprocess.run([str(written["executable"]), "7"], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.startswith("sum=")
    # stock opt-22 replays the pipeline on the written input IR
    opt = str(find_toolchain().opt)
    subprocess.run([opt, f"-passes={result.pipeline}", str(written["input IR"]), "-S", "-o",
                    str(tmp_path / "replay.ll")], check=True)
    assert _rows(store) >= 30  # measured through the store it was given
    with pytest.raises(optsmith.OptsmithError, match="exists and is not a directory"):
        result.write(source)


def test_bench_a_suite_in_one_call(tmp_path: Path) -> None:
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "a_loop.c").write_text(LOOP_C)
    (suite / "b_tiny.c").write_text(TINY_C)
    (suite / "c_tiny.c").write_text(TINY_C.replace("i <= 10", "i <= 12"))
    report = optsmith.bench(suite, limit=2, budget=12, optimizer="evolution", workers=2,
                            store=tmp_path / "s.sqlite")
    assert isinstance(report, optsmith.BenchReport)
    assert [r.name for r in report.results] == ["a_loop", "b_tiny"]  # the limit kept two
    assert report.failures == [] and report.ok
    assert report.summary.programs == 2 and report.summary.validated == 2
    assert all(r.value <= r.baseline for r in report.results)
    payload = report.to_dict()
    assert payload["optimizer"] == "evolution" and payload["budget"] == "12"
    assert len(payload["results"]) == 2 and payload["summary"]["programs"] == 2
    assert "evolution on" in str(report) and "a_loop" in str(report)
    assert "BenchReport(" in repr(report)


def test_bench_reports_programs_that_cannot_be_searched(tmp_path: Path) -> None:
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "tiny.c").write_text(TINY_C)
    (suite / "broken.c").write_text("int main(void) { return not_declared; }\n")
    with optsmith.Session(workers=1, store=tmp_path / "s.sqlite") as session:
        report = session.bench(suite, budget=4)
    assert [r.name for r in report.results] == ["tiny"]
    assert [f.benchmark for f in report.failures] == ["broken"]
    assert "not_declared" in report.failures[0].error and not report.ok


def test_failed_validation_and_rejected_candidates_say_why(tmp_path: Path) -> None:
    """A program whose tests cannot pass: the result says it failed, and why, in print."""
    wrong = replace(make_loop_benchmark(), name="wrong",
                    tests=(TestCase(args=("100",), expected_stdout="nope\n"),))
    with optsmith.Session(workers=2, store=False) as session:
        result = session.optimize(wrong, budget=20, seed=2)
    assert result.validated is False and "expected 'nope'" in result.validation_detail
    assert result.rejected  # smaller candidates were found, tested and turned down
    text = str(result)
    assert "FAILED validation" in text and "expected 'nope'" in text
    assert len(text.splitlines()) == 3 + len(result.rejected)
    assert all("expected 'nope'" in line for line in text.splitlines()[3:])


def test_session_closes_its_workers_and_store(tmp_path: Path) -> None:
    store_path = tmp_path / "s.sqlite"
    with optsmith.Session(workers=2, store=store_path) as session:
        session.optimize(make_loop_benchmark(), budget=8)
        pool = session.pool
        assert isinstance(pool, EnginePool)
        pids = [pid for pid in pool.pids if pid is not None]
        assert pids and all(_alive(pid) for pid in pids)
        assert session.store is not None and session.store.count() > 0
    assert session.closed and session.store.closed
    assert not any(_alive(pid) for pid in pids)
    with pytest.raises(sqlite3.ProgrammingError):
        session.store.count()  # the connection is closed
    with pytest.raises(optsmith.OptsmithError, match="closed"):
        session.optimize(make_loop_benchmark(), budget=8)
    session.close()  # again: harmless
    # the WAL is folded back on close: the file alone holds every row
    assert not Path(f"{store_path}-wal").exists() or Path(f"{store_path}-wal").stat().st_size == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is dead, just not yet reaped
        return stat.read().split(") ", 1)[1][0] != "Z"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"workers": 0}, "workers must be a whole number >= 1, got 0"),
        ({"workers": -3}, "got -3"),
        ({"workers": 2.5}, "got 2.5"),
        ({"executor": "rya"}, "unknown executor 'rya'"),
        ({"ray_address": "ray://head:10001"}, "('ray://head:10001') needs the Ray executor"),
        ({"timeout_s": 0}, "timeout_s must be positive, got 0"),
    ],
)
def test_session_rejects_bad_settings_at_once(kwargs: dict[str, object], message: str,
                                              tmp_path: Path) -> None:
    with pytest.raises(optsmith.OptsmithError, match=re.escape(message)):
        optsmith.Session(store=tmp_path / "s.sqlite", **kwargs)  # type: ignore[arg-type]
    assert not (tmp_path / "s.sqlite").exists()  # checked before the store was opened


def test_session_rejects_an_unusable_store(tmp_path: Path) -> None:
    with pytest.raises(optsmith.OptsmithError, match="does not exist"):
        optsmith.Session(store=tmp_path / "missing" / "s.sqlite")
    (tmp_path / "file").write_text("x")
    with pytest.raises(optsmith.OptsmithError, match="is not a directory"):
        optsmith.Session(store=tmp_path / "file" / "s.sqlite")
    (tmp_path / "junk.sqlite").write_text("this is not a database, just text" * 100)
    with pytest.raises(optsmith.OptsmithError, match="not a usable SQLite file"):
        optsmith.Session(store=tmp_path / "junk.sqlite")
    assert not (tmp_path / "missing").exists()


def test_optimize_rejects_bad_requests_before_work(tmp_path: Path) -> None:
    with optsmith.Session(workers=1, store=tmp_path / "s.sqlite") as session:
        with pytest.raises(optsmith.OptsmithError, match=r"is a directory; optimize takes one "
                           r"\.c/\.ll/\.bc file; use `optsmith bench --suite"):
            session.optimize(tmp_path)
        with pytest.raises(optsmith.OptsmithError, match="no such file"):
            session.optimize(tmp_path / "nope.c")
        with pytest.raises(optsmith.OptsmithError, match="unknown optimizer 'randm'"):
            session.optimize(tmp_path / "nope.c", optimizer="randm")
        with pytest.raises(optsmith.OptsmithError, match="cannot read budget"):
            session.bench("builtin", budget="lots")
        with pytest.raises(optsmith.OptsmithError, match="needs --model"):
            session.optimize(tmp_path / "nope.c", optimizer="llm")
        assert session._pool is None  # nothing reached the engine
    assert _rows(tmp_path / "s.sqlite") == 0


def test_import_optsmith_is_cheap() -> None:
    """`import optsmith` loads neither numpy, gymnasium, the CLI nor the engine."""
    code = (
        "import sys, optsmith\n"
        "heavy = ['numpy', 'gymnasium', 'typer', 'rich', 'optsmith.session', 'optsmith.llvm']\n"
        "print([m for m in heavy if m in sys.modules])\n"
        "print(optsmith.Session.__module__, optsmith.optimize.__module__)\n"
        "print(sorted(optsmith.__all__) == sorted(set(optsmith.__all__)))\n"
        "print(all(hasattr(optsmith, n) for n in optsmith.__all__))\n"
    )
    src = str(Path(optsmith.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["[]", "optsmith.session optsmith.session", "True", "True"]
    with pytest.raises(AttributeError, match="no attribute 'Sesion'"):
        optsmith.Sesion  # noqa: B018
    assert {"optimize", "bench", "Session", "Result", "Benchmark", "OptsmithError"} <= set(
        optsmith.__all__
    )


def test_engine_crashes_reach_the_result_and_the_report() -> None:
    """Random search (seed 7) on huffman meets a pipeline of the action space that
    segfaults LLVM 22.1.8 (tests/search/test_failures.py): the crash and its retry are
    counted per program, in the suite summary, in print and in the JSON form."""
    from optsmith.programs.builtin_suite import builtin_benchmark

    with optsmith.Session(workers=2, store=False) as session:
        report = session.bench(
            [builtin_benchmark("huffman")], budget=40, seed=7, optimizer="random"
        )
    (result,) = report.results
    assert (result.crashes, result.timeouts, result.retries) == (1, 0, 1)
    assert result.search.failures == 1 and result.value <= result.baseline
    assert "crashes 1, timeouts 0, retries 1" in str(result)
    summary = report.summary
    assert (summary.crashes, summary.timeouts, summary.retries) == (1, 0, 1)
    payload = report.to_dict()
    assert {k: payload["summary"][k] for k in ("crashes", "timeouts", "retries")} == {
        "crashes": 1, "timeouts": 0, "retries": 1
    }
    assert payload["results"][0]["crashes"] == 1 and payload["results"][0]["retries"] == 1
    assert "errors 0, crashes 1, timeouts 0, retries 1" in str(report)
    assert "crashes=1" in repr(report)
