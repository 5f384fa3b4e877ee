"""GRPO for two steps on the tiny model with the real flag-tuning reward (engine, -Oz,
tests) on two small programs: the rollout log holds every answer with the reward the
evaluator gave it. The tiny model writes noise, so one answer per step is replaced by a
known-good one before the reward sees it: that one must earn a positive, validated
reward in the log, the noise the invalid-answer penalty."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from optsmith.cli import app
from optsmith.llvm.pool import EnginePool
from optsmith.report.reward_plot import plot_reward_curve
from optsmith.search.evaluator import Evaluator
from optsmith.train.curve import reward_curve
from optsmith.train.grpo import GrpoSettings, flag_tuning_prompts, run_grpo
from optsmith.train.logs import ROLLOUT_LOG, TRAIN_LOG, JsonlWriter
from optsmith.train.rewards import INVALID_REWARD
from sample_programs import TINY_C, make_loop_benchmark, make_tiny_benchmark
from train_samples import GOOD


def test_grpo_two_steps_logs_real_rewards(tiny_model: Path, train_pool: EnginePool,
                                          tmp_path: Path) -> None:
    out = tmp_path / "grpo"
    rows, reward, skipped = flag_tuning_prompts(
        Evaluator(train_pool), [make_tiny_benchmark(), make_loop_benchmark()],
        log=JsonlWriter(out / ROLLOUT_LOG))
    assert [r["name"] for r in rows] == ["tiny", "loop"] and not skipped

    def injected(prompts: Sequence[Any], completions: Sequence[Any], *, name: Sequence[str],
                 **kwargs: Any) -> list[float | None]:
        answers = list(completions)
        if "loop" in name:
            answers[list(name).index("loop")] = GOOD
        return reward(prompts, answers, name=name, **kwargs)

    summary = run_grpo(rows, injected, str(tiny_model), out,
                       GrpoSettings(max_steps=2, num_generations=2, prompts_per_step=2,
                                    max_completion_length=12),
                       task="flag-tuning")
    assert summary["steps"] == 2 and (out / "config.json").is_file()
    rollouts = [json.loads(line) for line in (out / ROLLOUT_LOG).read_text().splitlines()]
    assert len(rollouts) == 2 * 2 * 2  # steps x prompts x answers
    good = [r for r in rollouts if r["completion"] == GOOD]
    assert len(good) == 2 and all(r["prompt_id"] == "loop" for r in good)
    assert all(r["reward"] > 0.1 and r["validated"] is True for r in good)
    noise = [r for r in rollouts if r["completion"] != GOOD]
    assert all(r["reward"] == INVALID_REWARD or r.get("size") for r in noise)
    steps = [json.loads(line) for line in (out / TRAIN_LOG).read_text().splitlines()]
    assert [s["step"] for s in steps if "reward" in s] == [1, 2]
    # the curve read back from the logs: its steps are the trainer's, its means the same
    # figures TRL logged, and the known-good answer is the valid one beating -Oz
    curve = reward_curve(out)
    assert [c.step for c in curve] == [1, 2] and all(c.answers == 4 for c in curve)
    for point in curve:
        assert point.prompts == ("loop", "tiny") and point.logged_mean is not None
        assert point.mean is not None and abs(point.mean - point.logged_mean) < 1e-6
        assert point.low == INVALID_REWARD or point.valid_share == 1.0
        assert point.high is not None and point.high > 0.1 and point.beats_oz_share >= 0.25
        assert point.valid_share >= point.beats_oz_share and point.miscompiles == 0
        assert point.seconds is not None and point.seconds > 0
        assert point.mean_tokens is not None and 0 < point.mean_tokens <= 12
    png = plot_reward_curve(curve, tmp_path / "curve.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def test_cli_grpo_checks_its_options_before_loading_anything(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = tmp_path / "progs"
    folder.mkdir()
    (folder / "tiny.c").write_text(TINY_C)
    bad_task = runner.invoke(app, ["train", "grpo", "--task", "emulation", "--model", "x",
                                   "--out", str(tmp_path / "o")])
    assert bad_task.exit_code == 2 and "unknown task 'emulation'" in bad_task.output
    one = runner.invoke(app, ["train", "grpo", "--task", "flag-tuning", "--model", "x",
                              "--out", str(tmp_path / "o"), "--num-generations", "1"])
    assert one.exit_code == 2 and "num_generations" in one.output
    no_model = runner.invoke(app, ["train", "grpo", "--task", "flag-tuning", "--suite",
                                   str(folder), "--model", str(tmp_path / "none"),
                                   "--out", str(tmp_path / "o"),
                                   "--store", str(tmp_path / "s.sqlite")])
    assert no_model.exit_code == 2 and "cannot train from" in no_model.output
