"""The runtime objective end to end on real programs: clang-22 -O3 IR, the engine, the
sandbox and callgrind. Builds are judged: a wrong output or a forged callgrind total is a
failure, never a figure."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from optsmith.cli import app
from optsmith.errors import OptsmithError
from optsmith.llvm.actions import SPEED_COMPOSITE_ACTIONS, actions_for, speed_action_names
from optsmith.llvm.clang_pipeline import CLANG_O3, clang_pipeline
from optsmith.llvm.passes import PASS_SPACE, SPEED_PASSES, render_pipeline
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.measure.runtime import callgrind_run
from optsmith.measure.speed import measure_speed
from optsmith.measure.speed_confirm import confirm_speedup
from optsmith.programs.benchmark import Benchmark, TestCase
from optsmith.programs.frontend import c_to_ir
from optsmith.search.budget import Budget
from optsmith.search.driver import run_search
from optsmith.search.evaluator import Evaluator
from optsmith.search.registry import make_optimizer
from optsmith.store import Store

pytestmark = pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind missing")

SUM_C = r"""
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 100;
    static int a[4096];
    for (int i = 0; i < n; i++) a[i % 4096] = i * 3 + 1;
    long s = 0;
    for (int r = 0; r < 20; r++)
        for (int i = 0; i < 4096; i++) s += a[i] ^ r;
    printf("%ld\n", s);
    return 0;
}
"""

FORGER_C = r"""
#include <stdio.h>
#include <unistd.h>
int main(void) {
    /* valgrind runs in the program's own process: claim almost nothing was executed */
    fprintf(stderr, "==%d== Collected : 1\n", (int)getpid());
    long s = 0;
    for (long i = 0; i < 200000; i++) s += i;
    printf("%ld\n", s);
    return 0;
}
"""


def _expected(source: str, args: list[str], tmp: Path) -> str:
    src = tmp / "ref.c"
    src.write_text(source)
    subprocess.run(["clang-22", "-O0", "-w", str(src), "-o", str(tmp / "ref")], check=True)
    return subprocess.run([tmp / "ref", *args], capture_output=True, text=True,
                          check=True).stdout


def _bench(source: str, tmp: Path, name: str = "sum", args: tuple[str, ...] = ("300",),
           expected: str | None = None) -> Benchmark:
    out = expected if expected is not None else _expected(source, list(args), tmp)
    return Benchmark(name=name, source=source, tests=(TestCase(args=args, expected_stdout=out),))


def _object(source: str, pipeline: str, pool: EnginePool, tmp: Path) -> bytes:
    bench = _bench(source, tmp)
    evaluator = Evaluator(pool)
    problem = evaluator.prepare(bench, get_objective("runtime"))
    obj, _, _ = evaluator.object_for(problem, pipeline)
    return obj


@pytest.fixture(scope="module")
def pool() -> EnginePool:
    with EnginePool(2) as p:
        yield p


def test_speed_space_has_the_parameterized_passes_and_clang_o3() -> None:
    names = speed_action_names()
    assert CLANG_O3 in names and "default<O3>" in names and "default<Oz>" not in names
    assert {p.name for p in SPEED_PASSES} <= set(names)
    assert {p.name for p in PASS_SPACE} <= set(names)
    assert actions_for("runtime") == names and CLANG_O3 not in actions_for("ir-instcount")
    assert len(set(names)) == len(names) and SPEED_COMPOSITE_ACTIONS[0] == CLANG_O3


def test_every_speed_pass_runs_on_o3_ir(tmp_path: Path) -> None:
    """Each parameterized pass parses and runs under stock opt-22 on real -O3 IR."""
    ir = tmp_path / "p.ll"
    ir.write_text(c_to_ir(_bench(SUM_C, tmp_path), "speed"))
    assert "optnone" not in ir.read_text()
    for info in SPEED_PASSES:
        proc = subprocess.run(["opt-22", f"-passes={render_pipeline([info.name])}", str(ir),
                               "-disable-output"], capture_output=True, text=True)
        assert proc.returncode == 0, (info.name, proc.stderr[-300:])


def test_runtime_figure_is_instructions_and_ranks_o3_below_o0(
    pool: EnginePool, tmp_path: Path
) -> None:
    bench = _bench(SUM_C, tmp_path)
    evaluator = Evaluator(pool)
    problem = evaluator.prepare(bench, get_objective("runtime"))
    o3 = clang_pipeline(CLANG_O3)
    none, fast, again = evaluator.evaluate_texts(problem, ["", o3, o3])
    assert none.value is not None and fast.value is not None
    assert fast.value < none.value / 2  # -O3 runs far fewer instructions than no passes
    assert again.value == fast.value  # deterministic: the duplicate is answered, equal


def test_a_wrong_output_is_a_failure_not_a_figure(pool: EnginePool, tmp_path: Path) -> None:
    obj = _object(SUM_C, "default<O2>", pool, tmp_path)
    right = _bench(SUM_C, tmp_path)
    assert measure_speed(obj, right).ok
    wrong = _bench(SUM_C, tmp_path, expected="42\n")
    figure = measure_speed(obj, wrong)
    assert figure.instructions is None and figure.settled
    assert figure.error == "test 0: wrong output"


def test_a_forged_callgrind_total_fails_the_run(tmp_path: Path) -> None:
    src = tmp_path / "forger.c"
    src.write_text(FORGER_C)
    exe = tmp_path / "forger"
    subprocess.run(["clang-22", "-O1", str(src), "-o", str(exe)], check=True)
    with pytest.raises(OptsmithError, match="printed one of its own"):
        callgrind_run([exe])


def test_a_speed_search_beats_or_matches_clang_o3_and_is_stored(tmp_path: Path) -> None:
    bench = _bench(SUM_C, tmp_path)
    with EnginePool(2) as pool, Store(tmp_path / "s.sqlite") as store:
        evaluator = Evaluator(pool, store)
        problem = evaluator.prepare(bench, get_objective("runtime"))
        optimizer = make_optimizer("hybrid", objective="runtime")
        result = run_search(problem, optimizer, Budget(compilations=12), evaluator)
        rerun = run_search(problem, make_optimizer("hybrid", objective="runtime"),
                           Budget(compilations=12), evaluator)
    assert result.objective == "runtime" and result.validated is True
    assert result.best_value <= result.baseline < result.unoptimized
    assert result.baseline_clang_oz is None
    assert rerun.fresh_compilations == 0 and rerun.best_value == result.best_value


def test_a_program_without_tests_is_refused_up_front(pool: EnginePool) -> None:
    bare = Benchmark(name="bare", source="int main(void) { return 0; }\n")
    with pytest.raises(OptsmithError, match="no tests"):
        Evaluator(pool).prepare(bare, get_objective("runtime"))


def test_confirmation_refuses_a_build_that_fails_its_tests(
    pool: EnginePool, tmp_path: Path
) -> None:
    from optsmith.measure.build import link_executable

    exe = link_executable(_object(SUM_C, "default<O2>", pool, tmp_path), tmp_path / "prog")
    wrong = _bench(SUM_C, tmp_path, expected="42\n")
    with pytest.raises(OptsmithError, match="not timed"):
        confirm_speedup(exe, wrong, rounds=2)
    right = _bench(SUM_C, tmp_path)
    confirmed = confirm_speedup(exe, right, rounds=3)
    assert confirmed.low <= confirmed.speedup <= confirmed.high
    assert len(confirmed.baseline_s) == 1 and confirmed.to_dict()["baseline"] == "clang-22 -O3"


def test_cli_speed_writes_a_replayable_build_and_both_figures(tmp_path: Path) -> None:
    source = tmp_path / "sum.c"
    source.write_text(SUM_C)
    (tmp_path / "sum.args").write_text("300\n")
    out = tmp_path / "out"
    proc = CliRunner().invoke(app, [
        "speed", str(source), "--budget", "8", "--rounds", "3", "--out", str(out),
        "--store", str(tmp_path / "s.sqlite"), "--json", "-",
    ])
    assert proc.exit_code == 0, proc.output
    payload = json.loads(proc.stdout)
    assert payload["objective"] == "runtime" and payload["validated"] is True
    wall = payload["wall_time"]
    assert wall["baseline"] == "clang-22 -O3" and wall["ci95"][0] <= wall["speedup"]
    replay = subprocess.run(["sh", str(out / "replay.sh")], capture_output=True, text=True)
    assert replay.returncode == 0, replay.stderr
    ran = subprocess.run([out / "replay", "300"], capture_output=True, text=True, check=True)
    assert ran.stdout == _expected(SUM_C, ["300"], tmp_path)
    bad = CliRunner().invoke(app, ["speed", str(source), "--rounds", "1"])
    assert bad.exit_code == 2 and "--rounds" in bad.output


def test_cli_speed_native_builds_for_this_cpu_against_a_native_baseline(tmp_path: Path) -> None:
    """callgrind cannot run AVX-512, so native builds leave it out, the baseline too."""
    source = tmp_path / "sum.c"
    source.write_text(SUM_C)
    (tmp_path / "sum.args").write_text("300\n")
    proc = CliRunner().invoke(app, [
        "speed", str(source), "--budget", "4", "--rounds", "2", "--native",
        "--store", str(tmp_path / "s.sqlite"), "--json", "-",
    ])
    assert proc.exit_code == 0, proc.output
    payload = json.loads(proc.stdout)
    assert payload["validated"] is True
    assert payload["wall_time"]["baseline"] == "clang-22 -O3 -march=native -mno-avx512f"


def test_pgo_puts_the_tests_profile_into_the_ir(tmp_path: Path) -> None:
    """Front-end PGO: the IR the search starts from carries the profile's branch weights,
    and the same profile trains to the same file (a stable store key)."""
    from optsmith.measure.pgo import with_profile

    bench = _bench(SUM_C, tmp_path)
    profiled = with_profile(bench)
    again = with_profile(bench)
    assert profiled.cflags == again.cflags and profiled.content_hash == again.content_hash
    ir = c_to_ir(profiled, "speed")
    assert "!prof" in ir and "function_entry_count" in ir
    assert "!prof" not in c_to_ir(bench, "speed")


def test_cli_speed_pgo_times_on_unseen_inputs_against_a_pgo_baseline(tmp_path: Path) -> None:
    source = tmp_path / "sum.c"
    source.write_text(SUM_C)
    (tmp_path / "sum.args").write_text("300\n")
    proc = CliRunner().invoke(app, [
        "speed", str(source), "--budget", "4", "--rounds", "2", "--pgo", "--time-args", "4000",
        "--store", str(tmp_path / "s.sqlite"), "--json", "-",
    ])
    assert proc.exit_code == 0, proc.output
    wall = json.loads(proc.stdout)["wall_time"]
    assert wall["baseline"] == "clang-22 -O3 -fprofile-instr-use"
    assert len(wall["baseline_s"]) == 1  # timed on the one --time-args run, not the tests


def test_pipelines_that_build_the_same_object_run_it_once(
    pool: EnginePool, tmp_path: Path
) -> None:
    """Many pipelines build the same object: its figure is measured once per program."""
    evaluator = Evaluator(pool)
    problem = evaluator.prepare(_bench(SUM_C, tmp_path), get_objective("runtime"))
    o3 = clang_pipeline(CLANG_O3)
    first, same = evaluator.evaluate_texts(problem, [o3, f"{o3},verify"])
    assert first.value is not None and same.value == first.value
    assert evaluator.object_runs == 1
    (again,) = evaluator.evaluate_texts(problem, ["verify," + o3])
    assert again.value == first.value and evaluator.object_runs == 1
