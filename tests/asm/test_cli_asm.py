"""`optsmith asm baseline` and `optsmith asm eval` as a user runs them (real subprocesses)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from asm_samples import SPIN_C, SUM_C

ASM = [sys.executable, "-m", "optsmith.cli", "asm"]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(ASM + args, capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=300)


@pytest.fixture(scope="module")
def two_problems(problems_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-problems")
    for name in ("sum", "spin"):
        shutil.copytree(problems_root / name, root / name)
    return root


def test_baseline_writes_assembly_and_checks_it(two_problems: Path, tmp_path: Path) -> None:
    proc = _run(["baseline", str(two_problems), "--out", "base", "--json", "-"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = {r["problem"]: r for r in json.loads(proc.stdout)["baselines"]}
    assert set(rows) == {"sum", "spin"}
    assert all(r["status"] == "correct" and r["passed"] == r["tests"] == 3 for r in rows.values())
    assert "main:" in (tmp_path / "base" / "spin.s").read_text()
    table = _run(["baseline", str(two_problems), "--out", "base"], tmp_path)
    assert table.returncode == 0 and "gcc -O3 baselines" in table.stdout


def test_eval_candidates_directory(two_problems: Path, tmp_path: Path,
                                   asm_of: Callable[..., str]) -> None:
    cands = tmp_path / "cands"
    (cands / "spin").mkdir(parents=True)
    (cands / "spin" / "o2.s").write_text(asm_of(SPIN_C, "-O2"))
    (cands / "spin" / "broken.s").write_text("main:\n\tnot_an_instruction\n")
    (cands / "sum.s").write_text(asm_of(SUM_C.replace("total += x", "total -= x"), "-O2"))
    proc = _run(["eval", str(two_problems), "--candidates", str(cands), "--repeats", "3",
                 "--json", "-"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    results = {r["problem"]: r for r in data["results"]}
    assert results["spin"]["passed"] and results["spin"]["winner"] == "o2"
    assert results["spin"]["speedup"] > 0 and results["spin"]["self_ratio"] > 0
    broken = next(c for c in results["spin"]["candidates"] if c["name"] == "broken")
    assert broken["status"] == "compile_error" and "not_an_instruction" in broken["detail"]
    assert broken["rewards"]["correctness_guided"] == -1.0
    assert not results["sum"]["passed"] and results["sum"]["speedup"] is None
    summary = data["summary"]
    assert summary["pass_rate"] == 0.5 and summary["mean_speedup_failures_as_zero"] is not None
    assert data["candidates"]["compile_error"] == 1 and data["candidates"]["wrong_output"] == 1


def test_eval_flag_generator_table_and_outputs(two_problems: Path, tmp_path: Path) -> None:
    args = ["eval", str(two_problems), "--generator", "flags", "--configs",
            "gcc-native-nofma,clang,gcc-pgo", "--repeats", "3", "--select-repeats", "2",
            "--out", "winners"]
    proc = _run([*args, "--json", "report.json"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "flag search" in proc.stdout and "pass rate 2/2" in proc.stdout
    assert "SuperCoder-style mean" in proc.stdout and "baseline vs itself" in proc.stdout
    data = json.loads((tmp_path / "report.json").read_text())
    assert data["summary"]["passed"] == 2 and data["summary"]["self_ratio_geomean"] > 0
    for result in data["results"]:
        assert {c["name"] for c in result["candidates"]} == {"gcc-native-nofma", "clang",
                                                             "gcc-pgo"}
        assert (tmp_path / "winners" / f"{result['problem']}.s").is_file()


def test_eval_refuses_ambiguous_or_unknown_sources(two_problems: Path, tmp_path: Path) -> None:
    neither = _run(["eval", str(two_problems)], tmp_path)
    assert neither.returncode == 2 and "exactly one of" in neither.stderr
    unknown = _run(["eval", str(two_problems), "--generator", "flags", "--configs", "nope"],
                   tmp_path)
    assert unknown.returncode == 2 and "unknown flag config" in unknown.stderr


def test_eval_tries_fast_math_only_when_allowed_and_labels_it(problems_root: Path,
                                                              tmp_path: Path) -> None:
    args = ["eval", str(problems_root), "--only", "fsum", "--generator", "flags", "--configs",
            "clang,gcc-ofast-native", "--repeats", "3", "--select-repeats", "2"]
    refused = _run(args, tmp_path)
    assert refused.returncode == 2 and "--allow-fast-math" in refused.stderr
    assert "gcc-ofast-native uses value-unsafe math" in refused.stderr
    proc = _run([*args, "--allow-fast-math", "--json", "fm.json"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "native + fast-math" in proc.stdout and "FAST-MATH" in proc.stdout
    data = json.loads((tmp_path / "fm.json").read_text())
    assert data["allow_fast_math"] is True and data["portable"] is False
    assert {c["name"]: c["fast_math"] for c in data["configs"]} == {
        "clang": False, "gcc-ofast-native": True}
    (result,) = data["results"]
    labels = {c["name"]: (c["target"], c["fast_math"]) for c in result["candidates"]}
    assert labels == {"clang": ("portable", False), "gcc-ofast-native": ("native", True)}
    # the vectorized sum is several times faster and exact here: it wins, and says how
    assert result["winner"] == "gcc-ofast-native" and result["speedup"] > 1.5
    assert result["winner_fast_math"] is True and result["winner_target"] == "native"
    assert data["winners"] == {"portable": 0, "native": 1, "unknown": 0, "fast_math": 1}


def test_eval_portable_labels_every_row(two_problems: Path, tmp_path: Path) -> None:
    proc = _run(["eval", str(two_problems), "--only", "spin", "--generator", "flags",
                 "--portable", "--configs", "clang,gcc-unroll", "--repeats", "2",
                 "--select-repeats", "1", "--json", "-"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["portable"] is True and data["source"] == "flag search (portable)"
    assert all(c["target"] == "portable" and not c["fast_math"] for c in data["configs"])
    (result,) = data["results"]
    assert [(c["target"], c["fast_math"]) for c in result["candidates"]] == [
        ("portable", False)] * 2
    assert result["winner_target"] == "portable" and result["winner_fast_math"] is False
    assert data["winners"]["native"] == 0 and data["winners"]["portable"] == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--generator", "flags", "--portable", "--allow-fast-math"],
         "--portable excludes fast-math"),
        (["--generator", "flags", "--portable", "--configs", "gcc-native-nofma"],
         "gcc-native-nofma is CPU-specific (-march=native)"),
        (["--candidates", ".", "--portable"], "--portable applies to --generator flags only"),
    ],
)
def test_eval_refuses_flag_mode_mistakes_before_any_work(tmp_path: Path, extra: list[str],
                                                         message: str) -> None:
    started = time.monotonic()
    proc = _run(["eval", "no-such-problems", *extra], tmp_path)  # never loaded: fails first
    assert proc.returncode == 2 and message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "no-such-problems" not in proc.stderr
    assert time.monotonic() - started < 60


def test_eval_pass_generator_meets_the_judge(two_problems: Path, tmp_path: Path) -> None:
    """A runtime pass search on the training tests becomes a `.s` candidate: assembled,
    tested and timed against gcc -O3 by the same judge, labelled portable and exact."""
    args = ["eval", str(two_problems), "--only", "spin", "--generator", "passes", "--budget",
            "4", "--repeats", "3", "--select-repeats", "2", "--json", "report.json"]
    proc = _run(args, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "pass search" in proc.stdout
    (result,) = json.loads((tmp_path / "report.json").read_text())["results"]
    (candidate,) = [c for c in result["candidates"] if c["name"] == "passes"]
    assert candidate["status"] == "correct", candidate
    assert candidate["tests_passed"] == candidate["tests_total"] > 0
    assert candidate["target"] == "portable" and candidate["fast_math"] is False
    assert "runtime search" in candidate["origin"]
    bad = _run(["eval", str(two_problems), "--generator", "passes", "--allow-fast-math"],
               tmp_path)
    assert bad.returncode == 2 and "flags only" in bad.stderr
