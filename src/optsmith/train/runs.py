"""What the SFT and GRPO recipes share: device, LoRA, checkpoints, the final save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from optsmith.errors import OptsmithError

CHECKPOINTS = "checkpoints"


def trainer_device() -> str:
    """"cuda" when torch sees a GPU, else "cpu" (TRL's defaults assume a GPU)."""
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def lora_config(rank: int) -> Any:
    """Low-rank adapters on every linear layer (PEFT), alpha = 2 x rank."""
    from peft import LoraConfig

    return LoraConfig(r=rank, lora_alpha=2 * rank, lora_dropout=0.0,
                      target_modules="all-linear", task_type="CAUSAL_LM")


def checkpoint_to_resume(out: Path, resume: bool) -> str | None:
    """The last checkpoint under `out/checkpoints` when resuming (an error if there is
    none: resuming from nothing would silently train from scratch)."""
    if not resume:
        return None
    from transformers.trainer_utils import get_last_checkpoint

    folder = Path(out) / CHECKPOINTS
    last = get_last_checkpoint(str(folder)) if folder.is_dir() else None
    if last is None:
        raise OptsmithError(f"--resume: no checkpoint under {folder} (a run saves one every "
                            "--save-steps steps and at the end)")
    return str(last)


def time_limit(seconds: float) -> Any:
    """A `TrainerCallback` that ends training (after a checkpoint) once `seconds` have
    passed since training began: a run bounded in time rather than in steps."""
    import time

    from transformers import TrainerCallback

    class TimeLimit(TrainerCallback):
        started = 0.0

        def on_train_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
            self.started = time.monotonic()

        def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
            if time.monotonic() - self.started > seconds:
                control.should_training_stop = True
                control.should_save = True

    return TimeLimit()


def save_final(trainer: Any, tokenizer: Any, out: Path, *, merge: bool) -> None:
    """The trained weights as a plain transformers directory (LoRA merged in) + tokenizer."""
    model = trainer.model
    if merge and hasattr(model, "merge_and_unload"):
        model = model.merge_and_unload()
    model.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))
