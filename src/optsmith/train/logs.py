"""JSONL logs a run can be inspected (and plotted) from: one line per step, per rollout.

`train_log.jsonl` gets what the trainer logs at each step (loss, learning rate, gradient
norm; GRPO's reward mean and spread too), `rollouts.jsonl` every sampled completion with its
reward and the reason for it. Both are appended to, so a resumed run continues its logs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

TRAIN_LOG = "train_log.jsonl"
ROLLOUT_LOG = "rollouts.jsonl"


class JsonlWriter:
    """Appends one JSON object per line and flushes it (a killed run keeps its lines)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)

    def write(self, record: dict[str, Any]) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, sort_keys=True, default=str) + "\n")


def _number(value: Any) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value if math.isfinite(value) else None


def step_log(path: Path, note: Callable[[str], None] | None = None) -> Any:
    """A `TrainerCallback` that writes each `on_log` (one per step with `logging_steps=1`)
    as a line of numbers to `path`, and says a short line per step through `note` (the
    trainer's own printer is removed: it writes to stdout, which `--json -` owns).

    Built on call so that importing this module does not import transformers."""
    from transformers import TrainerCallback

    out = JsonlWriter(path)

    class StepLog(TrainerCallback):
        def on_log(self, args: Any, state: Any, control: Any,
                   logs: dict[str, Any] | None = None, **kwargs: Any) -> None:
            if not logs:
                return
            record: dict[str, Any] = {"step": state.global_step}
            record.update({k: v for k, v in logs.items() if _number(v) is not None})
            out.write(record)
            shown = [f"{k} {record[k]:.4g}" for k in ("loss", "reward", "reward_std",
                                                       "train_loss") if k in record]
            if note is not None and shown:
                note(f"step {state.global_step}: " + ", ".join(shown))

    return StepLog()
