"""The GRPO rewards called directly, with TRL's signature, on the real engine, tests and
assembly judge: a known-good answer earns a positive reward, garbage the penalty, a
miscompile the failure reward, and every call lands in the rollout log."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from asm_samples import SUM_C, gcc_s, write_problem
from optsmith.asm.loading import load_problems
from optsmith.llmtasks.flag_tuning import FlagTuning
from optsmith.llvm.pool import EnginePool
from optsmith.programs.benchmark import TestCase
from optsmith.search.evaluator import Evaluator
from optsmith.train.logs import JsonlWriter
from optsmith.train.rewards import (
    INVALID_REWARD,
    MISCOMPILE_REWARD,
    AsmReward,
    FlagTuningReward,
    size_reward,
)
from sample_programs import make_loop_benchmark
from train_samples import GOOD


def _reward(pool: EnginePool, log: Path, broken: bool = False) -> FlagTuningReward:
    benchmark = make_loop_benchmark()
    if broken:  # a program whose expected output no build prints: every gain "miscompiles"
        benchmark = replace(benchmark, name="loop-broken",
                            tests=(TestCase(args=("100",), expected_stdout="wrong\n"),))
    task = FlagTuning(Evaluator(pool))
    (item,) = task.prepare(benchmark)
    assert item.skipped is None
    return FlagTuningReward(task, JsonlWriter(log))


def test_size_reward_is_bounded_and_ordered() -> None:
    assert size_reward(100, 100) == 0.0
    assert size_reward(80, 100) == pytest.approx(0.2)
    assert size_reward(300, 100) == pytest.approx(-2 / 3)
    assert INVALID_REWARD < size_reward(10**9, 1) < 0 < size_reward(1, 10**9) < 1


def test_flag_tuning_reward_on_the_real_engine(train_pool: EnginePool, tmp_path: Path) -> None:
    log = tmp_path / "rollouts.jsonl"
    reward = _reward(train_pool, log)
    answers = [GOOD, "I would use some passes.", " Run passes `no-such-pass`",
               " Run passes `default<Oz>`", " Run passes `mem2reg`"]
    got = reward(["p"] * len(answers), answers, name=["loop"] * len(answers))
    good, prose, unknown, oz, weak = got
    assert good == pytest.approx(1 - 201 / 243, abs=0.02) and good > 0
    assert prose == unknown == INVALID_REWARD
    assert oz == pytest.approx(0.0, abs=0.01)
    assert weak is not None and INVALID_REWARD < weak < 0  # valid but larger than -Oz
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    assert [line["reward"] for line in lines] == got
    assert lines[0]["validated"] is True and "tests passed" in lines[0]["reason"]
    assert lines[0]["size"] < lines[0]["size_oz"]
    assert lines[1]["reason"].startswith("invalid") and lines[2]["reason"].startswith("invalid")
    assert "validated" not in lines[4]  # no gain: not rebuilt and tested


def test_a_miscompiling_gain_gets_the_failure_reward(train_pool: EnginePool,
                                                     tmp_path: Path) -> None:
    reward = _reward(train_pool, tmp_path / "r.jsonl", broken=True)
    (got,) = reward(["p"], [GOOD], name=["loop-broken"])
    assert got == MISCOMPILE_REWARD
    (line,) = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert line["validated"] is False and line["reason"].startswith("miscompile")


def test_asm_reward_judges_answers_in_the_sandbox(tmp_path: Path) -> None:
    write_problem(tmp_path / "p", "sum", SUM_C, ["1 2 3\n", "10 -4 7 100\n", "5\n"])
    (problem,) = load_problems(tmp_path / "p" / "sum")
    good = f"```assembly\n{gcc_s(SUM_C, tmp_path / 'build', '-O3')}```"
    log = tmp_path / "asm.jsonl"
    reward = AsmReward({"sum": problem}, log=JsonlWriter(log))
    right, garbage, broken = reward(["p"] * 3, [good, "no code here", "```assembly\nnot asm\n```"],
                                    name=["sum"] * 3)
    assert right is not None and right > 0  # correct: the speedup vs gcc -O3 (about 1)
    assert garbage == broken == -1.0  # compile errors
    reasons = [json.loads(x)["reason"] for x in log.read_text().splitlines()]
    assert reasons[0].startswith("correct") and reasons[1].startswith("compile_error")
