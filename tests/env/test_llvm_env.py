"""The Gymnasium environment on the real toolchain: API, state, rewards, crashes, forks."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import optsmith.env  # noqa: F401  (registers the id)
from optsmith.env import ENV_ID, EnvClosedError, InvalidActionError, LlvmEnv, action_names
from optsmith.env.llvm_env import compile_benchmark
from optsmith.errors import OptsmithError
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.builtin_suite import builtin_benchmark
from optsmith.search.registry import default_space
from optsmith.toolchain import find_toolchain

ABORTING = "function(instcombine<max-iterations=0;verify-fixpoint>)"  # LLVM ERROR, abort()
PASSES = [
    "mem2reg",
    "sroa<modify-cfg>",
    "instcombine<no-verify-fixpoint>",
    "simplifycfg",
    "licm",
    "loop-rotate",
    "gvn",
    "inline",
    "dse",
]


@pytest.fixture()
def env() -> Iterator[LlvmEnv]:
    e = LlvmEnv("crc32")
    yield e
    e.close()


def _act(e: LlvmEnv, name: str) -> tuple[object, float, bool, bool, dict[str, object]]:
    return e.step(e.action_names.index(name))


def test_check_env_passes_on_a_made_env() -> None:
    env = gym.make(ENV_ID, benchmark="builtin/crc32", observation="Autophase")
    try:
        check_env(env.unwrapped)  # raises on any API violation
        assert env.spec is not None and env.spec.id == ENV_ID
        assert env.observation_space.shape == (56,)
    finally:
        env.close()


def test_step_is_a_five_tuple_and_actions_are_the_search_space(env: LlvmEnv) -> None:
    assert env.action_names == action_names() == default_space()
    assert env.action_space.n == len(env.action_names)
    obs, info = env.reset(seed=0)
    assert info["benchmark"] == "builtin/crc32" and info["instcount"] == obs[0]
    result = _act(env, "mem2reg")
    assert len(result) == 5
    obs, reward, terminated, truncated, info = result
    assert env.observation_space.contains(obs)
    assert isinstance(reward, float) and reward > 0
    assert terminated is False and truncated is False
    assert info == {"action": "mem2reg", "instcount": env.instcount}
    with pytest.raises(OptsmithError, match="outside"):
        env.step(len(env.action_names))


def test_same_seed_same_benchmark_and_observations() -> None:
    def episode(seed: int) -> tuple[str, list[np.ndarray]]:
        e = LlvmEnv()  # benchmark drawn from the built-in suite with the reset seed
        try:
            obs, info = e.reset(seed=seed)
            e.action_space.seed(seed)
            seen = [obs]
            for _ in range(4):
                seen.append(e.step(e.action_space.sample())[0])
            return str(info["benchmark"]), seen
        finally:
            e.close()

    first, again = episode(11), episode(11)
    assert first[0] == again[0]
    assert all(np.array_equal(a, b) for a, b in zip(first[1], again[1], strict=True))
    e = LlvmEnv()
    try:
        drawn = {e.reset(seed=s)[1]["benchmark"] for s in range(6)}
    finally:
        e.close()
    assert len(drawn) > 1  # the seed does choose the program


def test_instcount_oz_rewards_sum_to_compilergym_score() -> None:
    e = LlvmEnv("crc32", reward="instcount-oz")
    try:
        _, info = e.reset(seed=0)
        start = info["instcount"]
        refs = e.references
        assert refs.instcount_o0 == start  # -O0 IR: default<O0> changes nothing here
        assert refs.instcount_oz < start
        total = sum(_act(e, name)[1] for name in PASSES[:5])
        expected = (start - e.instcount) / max(refs.instcount_o0 - refs.instcount_oz, 1)
        assert total == pytest.approx(expected, rel=1e-12)
        # -Oz from the start earns exactly 1.0, as in CompilerGym
        e.reset()
        assert _act(e, "default<Oz>")[1] == pytest.approx(1.0)
        assert e.instcount == refs.instcount_oz
    finally:
        e.close()


def test_instcount_and_text_size_rewards_are_cost_drops() -> None:
    e = LlvmEnv("crc32", reward="instcount")
    try:
        e.reset()
        before = e.instcount
        reward = _act(e, "mem2reg")[1]
        assert reward == before - e.instcount > 0
    finally:
        e.close()
    t = LlvmEnv("crc32", objective="text-size")
    try:
        t.reset()
        start = t.cost
        total = sum(_act(t, name)[1] for name in ("mem2reg", "simplifycfg", "gvn"))
        assert total == pytest.approx(start - t.cost) and t.cost > 0
    finally:
        t.close()


def test_pipeline_round_trips_through_reset_and_stock_opt(env: LlvmEnv) -> None:
    env.reset()
    for name in PASSES:
        _act(env, name)
    pipeline = env.pipeline
    assert env.state == pipeline and env.passes == PASSES
    twin = LlvmEnv("crc32")
    try:
        _, info = twin.reset(options={"pipeline": pipeline})
        assert info["instcount"] == env.instcount and twin.pipeline == pipeline
    finally:
        twin.close()
    # stock opt-22 on the same input IR, counted by a fresh environment over its output
    ir = compile_benchmark(builtin_benchmark("crc32"), "instcount")
    out = subprocess.run(
        [str(find_toolchain().opt), f"-passes={pipeline}", "-S", "-o", "-"],
        input=ir.encode(),
        capture_output=True,
        check=True,
    ).stdout.decode()
    counter = LlvmEnv(Benchmark(name="replayed", source=out, language="llvm-ir"))
    try:
        assert counter.reset()[1]["instcount"] == env.instcount
    finally:
        counter.close()


def test_fork_is_independent_and_outlives_its_parent(env: LlvmEnv) -> None:
    env.reset()
    _act(env, "mem2reg")
    fork = env.fork()
    try:
        assert fork.pipeline == env.pipeline and fork.instcount == env.instcount
        before = env.observation["InstCount"]
        _act(fork, "instcombine<no-verify-fixpoint>")
        assert fork.instcount < env.instcount
        assert np.array_equal(env.observation["InstCount"], before)
        _act(env, "simplifycfg")
        assert env.passes == ["mem2reg", "simplifycfg"]
        assert fork.passes == ["mem2reg", "instcombine<no-verify-fixpoint>"]
        env.close()
        count = fork.instcount
        _, reward, *_ = _act(fork, "gvn")
        assert fork.instcount == count - reward
    finally:
        fork.close()


def test_validate_rebuilds_and_runs_the_tests(env: LlvmEnv) -> None:
    env.reset()
    for name in PASSES[:4]:
        _act(env, name)
    result = env.validate()
    assert result.passed is True and result.reproduced is True, result.detail
    assert "tests passed" in result.detail
    untested = LlvmEnv(Benchmark(name="lib", source="int f(int x){return x+1;}", has_main=False))
    try:
        untested.reset()
        assert untested.validate().passed is None
    finally:
        untested.close()


def test_llvm_abort_in_a_step_restores_the_state(env: LlvmEnv) -> None:
    env.reset()
    _act(env, "mem2reg")
    fork = env.fork()  # shares the worker the abort is about to kill
    try:
        state, count, obs = env.pipeline, env.instcount, env.observation["Autophase"]
        obs2, reward, terminated, truncated, info = env.apply_pipeline(ABORTING)
        assert "LLVM ERROR" in str(info["error"]) and info["restored"] is True
        assert (reward, terminated, truncated) == (0.0, False, False)
        assert np.array_equal(obs2, env.observation["InstCount"])
        assert env.pipeline == state and env.instcount == count
        assert np.array_equal(env.observation["Autophase"], obs)
        assert _act(env, "simplifycfg")[1] > 0  # the episode goes on
        # the fork lost its module with the worker and is rebuilt on its next request
        assert fork.observation["InstCount"][0] == count
        _act(fork, "gvn")
        assert fork.passes == ["mem2reg", "gvn"]
    finally:
        fork.close()


def test_bad_inputs_fail_early_with_the_bad_value() -> None:
    with pytest.raises(OptsmithError, match="crc33"):
        LlvmEnv("crc33")
    with pytest.raises(OptsmithError, match="Autophase"):
        LlvmEnv("crc32", observation="autofase")
    with pytest.raises(OptsmithError, match="instcount-oz"):
        LlvmEnv("crc32", reward="bytes")
    e = LlvmEnv("crc32")
    try:
        with pytest.raises(OptsmithError, match="reset"):
            e.step(0)
        e.reset(options={"benchmark": "builtin/adler32"})
        assert e.benchmark.name == "adler32"
        with pytest.raises(OptsmithError, match="unknown pass"):
            e.apply_pipeline("mem2reg,not-a-pass")
    finally:
        e.close()
        e.close()  # idempotent


def test_step_refuses_what_is_not_an_action(env: LlvmEnv) -> None:
    env.reset()
    mem2reg = env.action_names.index("mem2reg")
    for bad in (float(mem2reg) + 0.5, True, np.bool_(True), np.float64(mem2reg), [mem2reg]):
        with pytest.raises(InvalidActionError, match="index 0..") as caught:
            env.step(bad)
        assert repr(bad) in str(caught.value)
        assert isinstance(caught.value, OptsmithError)
        assert isinstance(caught.value, gym.error.InvalidAction)
    with pytest.raises(InvalidActionError, match=r"step\(None\)"):
        env.step(None)
    with pytest.raises(InvalidActionError, match="outside"):
        env.step(np.int64(-1))
    assert env.passes == []  # nothing refused was applied
    # numpy integers are actions: action_space.sample() returns them
    assert env.step(np.int64(mem2reg))[4]["action"] == "mem2reg"
    assert env.step(np.array(mem2reg, dtype=np.int32))[4]["action"] == "mem2reg"
    assert env.step(env.action_space.sample())[4]["action"] in env.action_names
    assert env.passes[:2] == ["mem2reg", "mem2reg"]


def test_a_closed_environment_says_so() -> None:
    e = LlvmEnv("crc32")
    e.reset()
    e.close()
    calls = {
        "reset": e.reset,
        "step": lambda: e.step(0),
        "step(pipeline)": lambda: e.step("dce"),
        "observation": lambda: e.observation["InstCount"],
        "fork": e.fork,
        "validate": e.validate,
    }
    for name, call in calls.items():
        with pytest.raises(EnvClosedError, match="the environment is closed") as caught:
            call()
        assert isinstance(caught.value, gym.error.ClosedEnvironmentError), name
    never_reset = LlvmEnv("crc32")
    never_reset.close()
    with pytest.raises(EnvClosedError, match="closed"):
        never_reset.reset()


def test_the_caller_never_loads_libllvm() -> None:
    script = textwrap.dedent(
        """
        import gymnasium as gym, optsmith.env
        env = gym.make("optsmith/llvm-v0", benchmark="crc32", observation="Autophase")
        env.reset(seed=0)
        env.step(0)
        env.unwrapped.observation["BehaviorSpectrum"]
        maps = open("/proc/self/maps").read()
        env.close()
        print("libLLVM" in maps)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "False"


def test_a_recycled_worker_is_replayed_into(monkeypatch: pytest.MonkeyPatch) -> None:
    import optsmith.llvm.pool as pool

    steady = LlvmEnv("crc32")
    try:
        steady.reset()
        for name in PASSES[:6]:
            _act(steady, name)
        expected = steady.instcount
    finally:
        steady.close()
    monkeypatch.setattr(pool, "MAX_REQUESTS_PER_WORKER", 3)  # recycle every 3 requests
    e = LlvmEnv("crc32")
    try:
        e.reset()
        pids = set()
        for name in PASSES[:6]:
            _act(e, name)
            pids.add(e._worker.pid)
        assert len(pids) > 1  # the handle did recycle its worker under the episode
        assert e.instcount == expected and e.passes == PASSES[:6]
    finally:
        e.close()
