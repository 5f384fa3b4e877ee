"""`optsmith llm eval` and `optsmith dataset build/check` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from optsmith.cli import app
from optsmith.llm.local_server import free_port
from sample_programs import TINY_C
from scripted_model import serve


def _program(tmp_path: Path) -> Path:
    folder = tmp_path / "progs"
    folder.mkdir()
    (folder / "tiny.c").write_text(TINY_C)
    return folder


def test_llm_eval_writes_one_row_per_input(tmp_path: Path) -> None:
    suite = _program(tmp_path)
    with serve(lambda p: "Run passes `sroa,simplifycfg`") as (url, _):
        out = CliRunner().invoke(app, [
            "llm", "eval", "--task", "flag-tuning", "--model", url, "--suite", str(suite),
            "--unit", "function", "--store", str(tmp_path / "s.sqlite"), "--json", "-",
        ])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.stdout)
    assert payload["task"] == "flag-tuning" and payload["model"].startswith("scripted@")
    names = [r["name"] for r in payload["rows"]]
    assert "tiny:main" in names and all(n.startswith("tiny:") for n in names)
    assert all(r["valid"] == 1 and r["validated"] is True for r in payload["rows"])
    assert payload["summary"]["valid_answer_rate"] == 1.0


def test_llm_eval_errors_are_one_clear_line(tmp_path: Path) -> None:
    runner = CliRunner()
    down = runner.invoke(app, ["llm", "eval", "--task", "disassembly", "--model",
                               f"http://127.0.0.1:{free_port()}"])
    assert down.exit_code == 2 and "is it running" in down.output
    unknown = runner.invoke(app, ["llm", "eval", "--task", "poetry", "--model", "x.gguf"])
    assert unknown.exit_code == 2 and "unknown task" in unknown.output
    nothing = runner.invoke(app, ["llm", "eval", "--task", "emulation", "--model",
                                  str(tmp_path / "nothing.bin")])
    assert nothing.exit_code == 2 and "don't know how to open model" in nothing.output


def test_dataset_build_and_check(tmp_path: Path) -> None:
    suite = _program(tmp_path)
    runner = CliRunner()
    build = runner.invoke(app, [
        "dataset", "build", "--corpus", str(suite), "--budget", "12", "--out",
        str(tmp_path / "ds"), "--store", str(tmp_path / "s.sqlite"), "--json", "-",
    ])
    assert build.exit_code == 0, build.output
    summary = json.loads(build.stdout[build.stdout.index("{"):])
    assert summary["rows"] == 1 and (tmp_path / "ds" / "train.parquet").is_file()
    check = runner.invoke(app, ["dataset", "check", str(tmp_path / "ds")])
    assert check.exit_code == 0 and "1/1 rows hold" in check.output
    bad = runner.invoke(app, ["dataset", "build", "--format", "poetry", "--out",
                              str(tmp_path / "x")])
    assert bad.exit_code == 2 and "unknown format" in bad.output


def test_llm_eval_fails_when_nothing_was_scored(tmp_path: Path) -> None:
    """Every prompt over the limit: the rows and JSON are still written, the status says 1."""
    suite = _program(tmp_path)
    with serve(lambda p: "Run passes `sroa`") as (url, model):
        out = CliRunner().invoke(app, [
            "llm", "eval", "--task", "flag-tuning", "--model", url, "--suite", str(suite),
            "--max-prompt-chars", "10", "--store", str(tmp_path / "s.sqlite"),
            "--json", str(tmp_path / "r.json"),
        ])
    assert out.exit_code == 1, out.output
    assert model.requests == []  # nothing was asked
    assert "nothing was scored: 1 input(s); 1 skipped (first: prompt has" in out.output
    payload = json.loads((tmp_path / "r.json").read_text())
    assert payload["summary"]["scored"] == 0 and payload["rows"][0]["skipped"]


def test_llm_eval_stops_when_the_server_keeps_failing(tmp_path: Path) -> None:
    suite = tmp_path / "progs"
    suite.mkdir()
    for i in range(7):
        (suite / f"tiny{i}.c").write_text(TINY_C)
    with serve(lambda p: "never") as (url, model):
        model.faults = [401] * 20
        out = CliRunner().invoke(app, ["llm", "eval", "--task", "disassembly", "--model", url,
                                       "--suite", str(suite), "--concurrency", "1"])
    said = " ".join(out.output.split())
    assert out.exit_code == 2, out.output
    assert "failed 5 requests in a row" in said and "HTTP 401: injected" in said
    assert "Traceback" not in out.output
    assert len(model.requests) == 5  # the last two programs were never asked
