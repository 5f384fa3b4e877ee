"""Bad paths and options are one line and exit status 2, before any program is searched.

Each case runs the real `optsmith` command; "before any search" is checked in the store the
command was pointed at: no measurement was made (usually the store was not even opened).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sample_programs import LOOP_C

OPTSMITH = [sys.executable, "-m", "optsmith.cli"]
FAST_S = 60.0  # a search of the default budget takes minutes on a loaded 2-core machine


def _rows(store: Path) -> int:
    if not store.exists():
        return 0
    with sqlite3.connect(store) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM measurements").fetchone()[0])


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    (tmp_path / "prog.c").write_text(LOOP_C)
    (tmp_path / "suite").mkdir()
    (tmp_path / "suite" / "prog.c").write_text(LOOP_C)
    (tmp_path / "a_file").write_text("not a directory\n")
    return tmp_path


def _fails_fast(work: Path, args: list[str], *needles: str) -> str:
    """Run; expect exit 2, one line on stderr holding every needle, and no measurement."""
    store = work / "store.sqlite"
    env = {**os.environ, "OPTSMITH_STORE": str(store), "COLUMNS": "80"}
    started = time.monotonic()
    proc = subprocess.run(OPTSMITH + args, capture_output=True, text=True, env=env, cwd=work,
                          timeout=300)
    took = time.monotonic() - started
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert _rows(store) == 0 and took < FAST_S
    return lines[0]


def test_unwritable_json_is_refused_before_the_search(work: Path) -> None:
    _fails_fast(work, ["optimize", "prog.c", "--json", "no/such/dir/r.json"],
                "--json no/such/dir/r.json", "does not exist")
    _fails_fast(work, ["optimize", "prog.c", "--json", "a_file/r.json"], "is not a directory")
    _fails_fast(work, ["optimize", "prog.c", "--json", "suite"], "is a directory, not a file")
    _fails_fast(work, ["bench", "--suite", "suite", "--json", "/proc/r.json"],
                "cannot write in /proc")
    assert sorted(p.name for p in work.iterdir()) == ["a_file", "prog.c", "suite"]


def test_unusable_out_and_store_are_refused(work: Path) -> None:
    _fails_fast(work, ["optimize", "prog.c", "--out", "a_file"],
                "--out a_file", "exists and is not a directory")
    _fails_fast(work, ["optimize", "prog.c", "--out", "a_file/result"], "is not a directory")
    _fails_fast(work, ["optimize", "prog.c", "--store", "missing/s.sqlite"],
                "store missing/s.sqlite", "directory missing does not exist")
    _fails_fast(work, ["bench", "--suite", "suite", "--store", "/proc/s.sqlite"],
                "cannot write in /proc")
    _fails_fast(work, ["bench", "--suite", "suite", "--plot", "nowhere/p.png"],
                "--plot nowhere/p.png")
    assert sorted(p.name for p in work.iterdir()) == ["a_file", "prog.c", "suite"]


def test_a_directory_is_not_a_program(work: Path) -> None:
    line = _fails_fast(work, ["optimize", "suite"], "suite is a directory")
    assert "optimize takes one .c/.ll/.bc file; use `optsmith bench --suite suite`" in line


@pytest.mark.parametrize("workers", ["0", "-3"])
def test_workers_must_be_positive(work: Path, workers: str) -> None:
    _fails_fast(work, ["optimize", "prog.c", "--workers", workers], f"got {workers}")
    _fails_fast(work, ["bench", "--suite", "suite", "--workers", workers], f"got {workers}")
    assert not (work / "store.sqlite").exists()


def test_validation_failure_and_rejections_are_explained(tmp_path: Path) -> None:
    """Signed overflow is undefined: -O0 prints wraps=1, an optimized build may fold it to 0.
    Neither -Oz nor the smaller candidates pass, and `optimize` says what the tests saw."""
    ub = LOOP_C.replace(
        'printf("sum=%u xor=%u count=%d\\n", acc.sum, acc.xor_, acc.count);',
        'printf("sum=%u xor=%u count=%d wraps=%d\\n", acc.sum, acc.xor_, acc.count,'
        " acc.count + 2147483647 < acc.count);",
    )
    assert ub != LOOP_C
    (tmp_path / "ub.c").write_text(ub)
    (tmp_path / "ub.args").write_text("1\n")
    env = {**os.environ, "OPTSMITH_STORE": str(tmp_path / "s.sqlite"), "COLUMNS": "200"}
    proc = subprocess.run(
        OPTSMITH + ["optimize", "ub.c", "--budget", "40", "--workers", "2", "--json", "r.json"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    seen = "expected 'sum=1 xor=1540447798 count=1 wraps=1', got"
    failed = [line for line in proc.stdout.splitlines() if line.startswith("validation failed:")]
    assert len(failed) == 1 and seen in failed[0]
    rejected = json.loads((tmp_path / "r.json").read_text())["rejected"]
    assert rejected, "the budget finds candidates smaller than -Oz"
    assert f"{len(rejected)} better candidate(s) failed their tests" in proc.stdout
    reasons = [line for line in proc.stdout.splitlines() if line.startswith("  ") and seen in line]
    assert len(reasons) == len(rejected)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--format", "supercoder", "--portable", "--allow-fast-math"],
         "--portable excludes fast-math"),
        (["--format", "llm-compiler", "--portable"], "for --format supercoder only"),
    ],
)
def test_dataset_flag_modes_are_checked_first(work: Path, args: list[str], needle: str) -> None:
    _fails_fast(work, ["dataset", "build", "--out", "ds", "--corpus", "suite", *args], needle)
    assert not (work / "ds").exists()


@pytest.mark.parametrize("command", ["coreset", "predictor"])
@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--corpus", "builtin"], "never an evaluation suite"),
        (["--corpus", "csmith", "--first-seed", "7"], "overlaps the Csmith evaluation suite"),
        (["--corpus", "csmith", "--programs", "0"], "--programs must be at least 1"),
    ],
)
def test_training_builds_refuse_evaluation_suites_up_front(
    command: str, extra: list[str], message: str
) -> None:
    """coreset build and predictor build share one check: nothing is generated first."""
    from typer.testing import CliRunner

    from optsmith.cli import app

    result = CliRunner().invoke(app, [command, "build", *extra])
    assert result.exit_code == 2 and message in result.output, result.output
