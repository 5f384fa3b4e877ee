"""The `optsmith` command as a user runs it: real subprocesses, real toolchain, real store."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from optsmith.toolchain import find_toolchain
from sample_programs import LOOP_C

OPTSMITH = [sys.executable, "-m", "optsmith.cli"]

SMALL_PROGRAMS = {
    "sumsq": "#include <stdio.h>\nint main(void){unsigned s=0;for(unsigned i=0;i<500;i++)"
    's+=i*i%7;printf("%u\\n",s);return 0;}\n',
    "fib": "#include <stdio.h>\nstatic unsigned f(unsigned n){return n<2?n:f(n-1)+f(n-2);}\n"
    'int main(void){printf("%u\\n",f(20));return 0;}\n',
    "rev": '#include <stdio.h>\n#include <string.h>\nint main(void){char b[32]="optsmith-reverse";'
    "size_t n=strlen(b);for(size_t i=0;i<n/2;i++){char t=b[i];b[i]=b[n-1-i];"
    "b[n-1-i]=t;}puts(b);return 0;}\n",
}


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        OPTSMITH + args, capture_output=True, text=True, env=env, cwd=cwd, timeout=600
    )


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "OPTSMITH_STORE": str(tmp_path / "store.sqlite"), "COLUMNS": "160"}


def _instcount(ir: Path) -> int:
    from optsmith.llvm.module import Engine

    return Engine().parse(ir.read_text()).instruction_count()


def test_doctor_lists_the_toolchain(tmp_path: Path) -> None:
    proc = _run(["doctor", "--json", "-"], _env(tmp_path), tmp_path)
    assert proc.returncode == 0, proc.stderr
    tools = {t["name"]: t for t in json.loads(proc.stdout)}
    assert tools["opt-22"]["path"] and "22." in tools["opt-22"]["version"]
    assert tools["libLLVM 22"]["path"]


def test_optimize_c_writes_replayable_outputs(tmp_path: Path) -> None:
    (tmp_path / "prog.c").write_text(LOOP_C)
    (tmp_path / "prog.args").write_text("100\n7\n")
    proc = _run(
        [
            "optimize",
            "prog.c",
            "--objective",
            "ir-instcount",
            "--budget",
            "60",
            "--out",
            "result",
            "--workers",
            "2",
        ],
        _env(tmp_path),
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "-Oz" in proc.stdout and "pass" in proc.stdout
    out = tmp_path / "result"
    result = json.loads((out / "result.json").read_text())
    assert result["validated"] is True and result["best_value"] <= result["baseline"]
    # stock opt-22 replays pipeline.txt to the same instruction count
    opt = str(find_toolchain().opt)
    pipeline = (out / "pipeline.txt").read_text().strip()
    subprocess.run(
        [opt, f"-passes={pipeline}", str(out / "input.ll"), "-S", "-o", str(out / "replay.ll")],
        check=True,
    )
    assert _instcount(out / "replay.ll") == result["best_value"]
    assert _instcount(out / "optimized.ll") == result["best_value"]
    run = subprocess.run([str(out / "optimized"), "100"], capture_output=True, text=True)
    assert run.stdout == "sum=1458946011 xor=3115543336 count=100\n"
    assert (out / "optimized.o").read_bytes()[:4] == b"\x7fELF"


def test_optimize_ir_with_time_budget(tmp_path: Path) -> None:
    (tmp_path / "sumsq.c").write_text(SMALL_PROGRAMS["sumsq"])
    subprocess.run(
        [
            str(find_toolchain().clang),
            "-O0",
            "-Xclang",
            "-disable-O0-optnone",
            "-emit-llvm",
            "-S",
            "sumsq.c",
            "-o",
            "sumsq.ll",
        ],
        cwd=tmp_path,
        check=True,
    )
    proc = _run(
        ["optimize", "sumsq.ll", "--objective", "text-size", "--budget", "3s", "--json", "-"],
        _env(tmp_path),
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["objective"] == "text-size" and result["best_value"] <= result["baseline"]
    assert result["validated"] is None  # IR input carries no tests, and says so


def test_bad_inputs_give_clear_errors(tmp_path: Path) -> None:
    (tmp_path / "broken.c").write_text("int main(void) { return missing_symbol; }\n")
    proc = _run(["optimize", "broken.c", "--budget", "5"], _env(tmp_path), tmp_path)
    assert proc.returncode == 2
    assert "missing_symbol" in proc.stderr and "Traceback" not in proc.stderr
    (tmp_path / "bad.ll").write_text("define i32 @f() {\n  ret i64 0\n}\n")
    proc = _run(["optimize", "bad.ll", "--budget", "5"], _env(tmp_path), tmp_path)
    assert proc.returncode == 2 and "bad.ll" in proc.stderr and "Traceback" not in proc.stderr
    proc = _run(["optimize", "nope.c"], _env(tmp_path), tmp_path)
    assert proc.returncode == 2 and "no such file" in proc.stderr
    proc = _run(["bench", "--optimizer", "randm"], _env(tmp_path), tmp_path)
    assert proc.returncode == 2 and "random" in proc.stderr


def _finished(store: Path) -> int:
    try:
        with sqlite3.connect(store, timeout=30) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM results").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_killed_bench_resumes_without_redoing_work(tmp_path: Path) -> None:
    suite = tmp_path / "suite"
    suite.mkdir()
    for name, source in SMALL_PROGRAMS.items():
        (suite / f"{name}.c").write_text(source)
    env = _env(tmp_path)
    store = tmp_path / "store.sqlite"
    args = ["bench", "--suite", str(suite), "--budget", "150", "--workers", "2"]
    proc = subprocess.Popen(
        OPTSMITH + args,
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    while _finished(store) < 1 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(store) as conn:
        done_before = {
            row[0]: row[1] for row in conn.execute("SELECT bench_name, created FROM results")
        }
        measured_before = conn.execute("SELECT COUNT(*) FROM measurements").fetchone()[0]
    assert 1 <= len(done_before) < 3, "kill the run part-way"

    resumed = _run([*args, "--json", "bench.json"], env, tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    report = json.loads((tmp_path / "bench.json").read_text())
    assert {r["benchmark"] for r in report["results"]} == set(SMALL_PROGRAMS)
    assert all(r["validated"] is True for r in report["results"])
    with sqlite3.connect(store) as conn:
        done_after = {
            row[0]: row[1] for row in conn.execute("SELECT bench_name, created FROM results")
        }
        measured_after = conn.execute("SELECT COUNT(*) FROM measurements").fetchone()[0]
    for name, created in done_before.items():
        assert done_after[name] == created  # finished programs were not searched again
    # only the unfinished programs added measurements (<= 150 + 3 references each: -O0,
    # the -Oz baseline and clang's own -Oz pipeline)
    assert measured_after - measured_before <= (3 - len(done_before)) * 153
    assert report["summary"]["geomean_reduction"] >= 0.0


HOSTILE = {
    "forever": "int main(void){volatile unsigned x=0;for(;;)x++;}\n",
    "flood": '#include <stdio.h>\nint main(void){for(;;)fputs("0123456789abcdef\\n",stdout);}\n',
    "forkbomb": "#include <unistd.h>\nint main(void){for(;;)fork();}\n",
    "broken": "int main(void) { return undeclared_thing; }\n",
}


def test_bench_survives_hostile_programs(tmp_path: Path) -> None:
    """Hangs, floods, fork bombs, broken C and broken IR: each is an error row, the rest runs."""
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "sumsq.c").write_text(SMALL_PROGRAMS["sumsq"])
    for name, source in HOSTILE.items():
        (suite / f"{name}.c").write_text(source)
    (suite / "garbage.ll").write_text("this is not LLVM IR\n")
    started = time.monotonic()
    proc = _run(
        ["bench", "--suite", str(suite), "--budget", "20", "--test-timeout", "10",
         "--json", "out.json"],
        _env(tmp_path),
        tmp_path,
    )
    assert time.monotonic() - started < 240
    assert proc.returncode == 1  # errors are reported, and the exit status says so
    report = json.loads((tmp_path / "out.json").read_text())
    assert [r["benchmark"] for r in report["results"]] == ["sumsq"]
    assert report["results"][0]["validated"] is True
    errors = {e["benchmark"]: e["error"] for e in report["errors"]}
    assert set(errors) == {*HOSTILE, "garbage"}
    assert "timed out" in errors["forever"]
    assert "output exceeded" in errors["flood"]
    assert "undeclared_thing" in errors["broken"]
    assert "expected top-level entity" in errors["garbage"]
    assert errors["forkbomb"]  # contained: killed by the time limit or failing its fork()s


def test_console_script_is_a_file_on_path(tmp_path: Path) -> None:
    """`optsmith` is a command in bash (the old name, `compopt`, was a bash builtin)."""
    script = Path(sys.executable).with_name("optsmith")  # the venv's bin/, not resolved
    if not script.is_file():
        pytest.skip(f"no optsmith console script beside {sys.executable} (pip install -e .)")
    env = {**_env(tmp_path), "PATH": f"{script.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    kind = subprocess.run(["bash", "-c", "type -t optsmith"], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=60)
    assert kind.stdout.strip() == "file", kind.stdout + kind.stderr
    runs = subprocess.run(["bash", "-c", "optsmith --help"], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)
    assert runs.returncode == 0 and "optimize" in runs.stdout and "bench" in runs.stdout


def _huffman_ir(directory: Path) -> Path:
    """huffman as IR: random search (seed 7) meets a pipeline that segfaults LLVM 22.1.8."""
    from optsmith.programs.builtin_suite import builtin_benchmark
    from optsmith.programs.frontend import c_to_ir

    directory.mkdir(exist_ok=True)
    path = directory / "huffman.ll"
    path.write_text(c_to_ir(builtin_benchmark("huffman"), "instcount"))
    return path


def test_optimize_and_bench_count_engine_crashes(tmp_path: Path) -> None:
    """A worker that died is counted (and its retry) in the closing lines and the JSON."""
    program = _huffman_ir(tmp_path / "suite")
    common = ["--budget", "40", "--seed", "7", "--workers", "2", "--optimizer", "random"]
    proc = _run(["optimize", str(program), *common, "--json", "one.json"], _env(tmp_path),
                tmp_path)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "40 compilations (1 failed): crashes 1  timeouts 0  retries 1" in proc.stdout
    one = json.loads((tmp_path / "one.json").read_text())
    assert (one["crashes"], one["timeouts"], one["retries"], one["failures"]) == (1, 0, 1, 1)

    bench_env = {**_env(tmp_path), "OPTSMITH_STORE": str(tmp_path / "bench.sqlite")}
    proc = _run(["bench", "--suite", str(program.parent), *common, "--json", "all.json"],
                bench_env, tmp_path)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "errors 0  crashes 1  timeouts 0  retries 1" in proc.stdout
    report = json.loads((tmp_path / "all.json").read_text())
    assert {k: report["summary"][k] for k in ("crashes", "timeouts", "retries")} == {
        "crashes": 1, "timeouts": 0, "retries": 1
    }
    assert report["results"][0]["crashes"] == 1
