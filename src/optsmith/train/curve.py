"""A flag-tuning GRPO run's reward curve, read back from its own logs.

`rollouts.jsonl` holds every sampled answer with its reward and reason
(`train.rewards.FlagTuningReward`); this groups them by the optimizer step they trained
and gives per step the mean, lowest and highest reward, the share of valid answers (a pass
list that parsed and ran: miscompiles included) and the share beating -Oz (reward > 0:
smaller than -Oz's .text and the tests did not fail). Beside each step, from the trainer's
own log (`train_log.jsonl`): its mean reward, a cross-check (the two are computed from the
same answers by different code), the step's wall time and the answers' mean length.

Step numbers are `train_log.jsonl`'s: TRL scores a step's answers before the optimizer
step is counted, so a rollout logged at `global_step` k trained step k + 1 (answers scored
outside a trainer, with no step, are step 0).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from optsmith.errors import OptsmithError
from optsmith.train.logs import ROLLOUT_LOG, TRAIN_LOG
from optsmith.train.rewards import INVALID, MISCOMPILE


@dataclass(frozen=True)
class StepRewards:
    """The answers scored for one optimizer step."""

    step: int  # as train_log.jsonl numbers it: 1 is the first
    answers: int
    scored: int  # answers with a reward (None: -Oz itself failed on the input)
    mean: float | None
    low: float | None
    high: float | None
    valid_share: float  # the pass list parsed and ran (a miscompile is valid, and -1)
    beats_oz_share: float  # reward > 0
    miscompiles: int
    prompts: tuple[str, ...]  # the inputs asked at this step
    logged_mean: float | None  # the trainer's own "reward" for the step
    seconds: float | None  # the trainer's "step_time": sampling, rewards, update
    mean_tokens: float | None  # the answers' mean length (tokens)


def _lines(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _figure(record: dict[str, Any] | None, key: str) -> float | None:
    value = (record or {}).get(key)
    return float(value) if isinstance(value, int | float) else None


def reward_curve(run_dir: Path) -> list[StepRewards]:
    """Per-step figures of the run in `run_dir` (its rollouts.jsonl and train_log.jsonl)."""
    rollouts = _lines(Path(run_dir) / ROLLOUT_LOG)
    if not rollouts:
        raise OptsmithError(f"no rollouts in {Path(run_dir) / ROLLOUT_LOG}")
    logged = {int(r["step"]): r for r in _lines(Path(run_dir) / TRAIN_LOG)
              if "reward" in r and r.get("step") is not None}
    by_step: dict[int, list[dict[str, Any]]] = {}
    for record in rollouts:
        step = record.get("step")
        by_step.setdefault(0 if step is None else int(step) + 1, []).append(record)
    curve = []
    for step, records in sorted(by_step.items()):
        rewards = [float(r["reward"]) for r in records if r.get("reward") is not None]
        reasons = [str(r.get("reason", "")) for r in records]
        curve.append(StepRewards(
            step=step,
            answers=len(records),
            scored=len(rewards),
            mean=sum(rewards) / len(rewards) if rewards else None,
            low=min(rewards, default=None),
            high=max(rewards, default=None),
            valid_share=sum(not why.startswith(INVALID) for why in reasons) / len(records),
            beats_oz_share=sum(r > 0 for r in rewards) / len(records),
            miscompiles=sum(why.startswith(MISCOMPILE) for why in reasons),
            prompts=tuple(sorted({str(r.get("prompt_id")) for r in records})),
            logged_mean=_figure(logged.get(step), "reward"),
            seconds=_figure(logged.get(step), "step_time"),
            mean_tokens=_figure(logged.get(step), "completions/mean_length"),
        ))
    return curve
