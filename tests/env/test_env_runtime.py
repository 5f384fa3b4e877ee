"""The environment's runtime rewards on the real toolchain: clang-22 -O3 IR, the engine, the
sandbox and callgrind. Each step's cost is what the build executes on the program's tests,
a build with a wrong output is a failed step, and a program without tests is refused."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import gymnasium as gym
import pytest

import optsmith.env  # noqa: F401  (registers the id)
from optsmith.env import ENV_ID, LlvmEnv, action_names
from optsmith.errors import OptsmithError
from optsmith.llvm.actions import speed_action_names
from optsmith.llvm.clang_pipeline import CLANG_O3, clang_pipeline
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark, TestCase
from optsmith.search.evaluator import Evaluator

pytestmark = pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind missing")

LOOP_C = r"""
#include <stdio.h>
#include <stdlib.h>
static int table[1024];
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10;
    for (int i = 0; i < 1024; i++) table[i] = (i * 7) ^ n;
    long s = 0;
    for (int r = 0; r < n; r++)
        for (int i = 0; i < 1024; i++) s += table[i] % (r + 3);
    printf("%ld\n", s);
    return 0;
}
"""

# Signed overflow is undefined: the unoptimized build wraps and prints "wraps", while
# instcombine folds `x + 1 < x` to false and the build prints "holds". A correct compiler
# may do that, so a search must catch it: the tests expect the unoptimized output.
OVERFLOW_C = r"""
#include <stdio.h>
#include <stdlib.h>
static int wraps(int x) { return x + 1 < x; }
int main(int argc, char **argv) {
    int x = argc > 1 ? atoi(argv[1]) : 0;
    puts(wraps(x) ? "wraps" : "holds");
    return 0;
}
"""


def _loop_bench(tmp: Path) -> Benchmark:
    src = tmp / "loop.c"
    src.write_text(LOOP_C)
    subprocess.run(["clang-22", "-O0", "-w", str(src), "-o", str(tmp / "ref")], check=True)
    out = subprocess.run([tmp / "ref", "12"], capture_output=True, text=True, check=True)
    return Benchmark(name="loop", source=LOOP_C,
                     tests=(TestCase(args=("12",), expected_stdout=out.stdout),))


@pytest.fixture()
def loop_env(tmp_path: Path) -> Iterator[LlvmEnv]:
    env = gym.make(ENV_ID, benchmark=_loop_bench(tmp_path), reward="runtime-o3")
    unwrapped = env.unwrapped
    assert isinstance(unwrapped, LlvmEnv)
    yield unwrapped
    env.close()


def _act(env: LlvmEnv, name: str) -> tuple[object, float, bool, bool, dict[str, object]]:
    return env.step(env.action_names.index(name))


def test_runtime_env_has_the_speed_actions_and_o3_ir(loop_env: LlvmEnv) -> None:
    assert loop_env.objective.name == "runtime" and loop_env.reward_spec.executes
    assert loop_env.action_names == speed_action_names()
    assert CLANG_O3 in loop_env.action_names and "default<Oz>" not in loop_env.action_names
    assert loop_env.action_space.n == len(speed_action_names())
    plain = LlvmEnv("crc32")  # the other objectives keep their action space
    try:
        assert plain.action_names == action_names() and CLANG_O3 not in plain.action_names
    finally:
        plain.close()
    loop_env.reset()
    ir = loop_env.observation["Ir"]
    assert "optnone" not in ir and "alloca" in ir  # clang -O3 IR before any pass


def test_runtime_rewards_sum_to_the_drop_over_clang_o3s(loop_env: LlvmEnv) -> None:
    _, info = loop_env.reset(seed=0)
    start = loop_env.cost
    assert float(info["measure_seconds"]) > 0
    refs = loop_env.speed_references
    assert refs.executed_start == start and 0 < refs.executed_o3 < start
    total = 0.0
    for name in ("sroa<modify-cfg>", "instcombine<no-verify-fixpoint>", "licm"):
        _, reward, terminated, truncated, info = _act(loop_env, name)
        assert "error" not in info and not terminated and not truncated
        assert float(info["measure_seconds"]) > 0
        total += reward
    assert loop_env.cost < start
    assert total == pytest.approx((start - loop_env.cost) / refs.o3_norm, rel=1e-12)
    # clang -O3 from the start earns exactly 1.0, and its figure is the search's
    loop_env.reset()
    assert _act(loop_env, CLANG_O3)[1] == pytest.approx(1.0)
    assert loop_env.cost == refs.executed_o3
    with EnginePool(1) as pool:
        evaluator = Evaluator(pool)
        problem = evaluator.prepare(loop_env.benchmark, get_objective("runtime"))
        (searched,) = evaluator.evaluate_texts(problem, [clang_pipeline(CLANG_O3)])
    assert searched.value == loop_env.cost


def test_a_build_with_a_wrong_output_is_a_failed_step(tmp_path: Path) -> None:
    bench = Benchmark(name="overflow", source=OVERFLOW_C,
                      tests=(TestCase(args=("2147483647",), expected_stdout="wraps\n"),))
    env = LlvmEnv(bench, objective="runtime", reward="runtime")
    try:
        env.reset()
        _act(env, "mem2reg")
        before = (env.passes, env.cost, env.instcount)
        obs, reward, terminated, truncated, info = _act(env, "instcombine<no-verify-fixpoint>")
        assert info["error"] == "the build fails: test 0: wrong output"
        assert reward == 0.0 and not terminated and not truncated and info["restored"] is True
        assert float(info["measure_seconds"]) > 0
        assert (env.passes, env.cost, env.instcount) == before
        assert env.observation["InstCount"][0] == env.instcount  # the worker's module too
        _, _, _, _, info = _act(env, "simplifycfg")  # the episode goes on from there
        assert "error" not in info and env.passes == ["mem2reg", "simplifycfg"]
    finally:
        env.close()


def test_runtime_reward_refuses_a_program_it_cannot_run(loop_env: LlvmEnv) -> None:
    bare = Benchmark(name="bare", source="int main(void) { return 0; }\n")
    with pytest.raises(OptsmithError, match="bare has no tests"):
        LlvmEnv(bare, reward="runtime")
    library = Benchmark(name="lib", source="int f(int x) { return x + 1; }\n",
                        tests=(TestCase(expected_stdout=""),), has_main=False)
    with pytest.raises(OptsmithError, match=r"lib has no main\(\)"):
        LlvmEnv(library, reward="runtime-o3")
    with pytest.raises(OptsmithError, match="objective='runtime'"):
        LlvmEnv("crc32", objective="ir-instcount", reward="runtime")
    loop_env.reset()
    with pytest.raises(OptsmithError, match="no tests"):
        loop_env.reset(options={"benchmark": bare})
    assert loop_env.benchmark.name == "loop"  # the refused program never replaced it
