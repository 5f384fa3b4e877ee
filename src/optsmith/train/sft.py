"""Supervised fine-tuning on a `dataset build` output, with TRL's `SFTTrainer`.

The rows are prompt/completion pairs (`train.data`), so TRL takes the loss on the
completion only. With `lora=True` PEFT trains low-rank adapters on every linear layer and
they are merged into the weights at the end: the output is always a plain transformers
directory (weights + tokenizer) that `optsmith llm eval --model OUT` and every other
consumer of a weights directory opens as is. Checkpoints go to `OUT/checkpoints` (TRL's
own), so `resume=True` picks up the last one; `OUT/train_log.jsonl` has the loss per step
and `OUT/train_info.json` what was trained on what.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from optsmith.errors import OptionError, OptsmithError
from optsmith.train.data import AnswerForm, check_answer_form, load_rows, sft_examples
from optsmith.train.logs import TRAIN_LOG, step_log
from optsmith.train.models import context_length, load_base, resolve_base
from optsmith.train.runs import (
    checkpoint_to_resume,
    lora_config,
    save_final,
    time_limit,
    trainer_device,
)

Note = Callable[[str], None]
DEFAULT_MAX_LENGTH = 2048
INFO = "train_info.json"


@dataclass(frozen=True, kw_only=True)
class SftSettings:
    """How long and how hard to train; validated at once."""

    max_steps: int = 100
    batch_size: int = 4
    learning_rate: float | None = None  # default: 2e-4 with LoRA, 5e-5 without
    seed: int = 0
    lora: bool = False
    lora_rank: int = 16
    max_length: int | None = None  # default: the model's context, at most 2048
    answer: AnswerForm = "full"
    save_steps: int | None = None  # default: at the end only
    max_seconds: float | None = None  # stop (after a checkpoint) once training took this long
    resume: bool = False

    def __post_init__(self) -> None:
        if self.max_seconds is not None and not self.max_seconds > 0:
            raise OptionError(f"max_seconds must be positive, got {self.max_seconds!r}")
        for name in ("max_steps", "batch_size", "lora_rank"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise OptionError(f"{name} must be a whole number >= 1, got {value!r}")
        if self.learning_rate is not None and not 0 < self.learning_rate < 1:
            raise OptionError(f"learning rate must be in (0, 1), got {self.learning_rate!r}")
        if self.max_length is not None and self.max_length < 16:
            raise OptionError(f"max_length must be at least 16 tokens, got {self.max_length!r}")
        check_answer_form(self.answer)

    @property
    def lr(self) -> float:
        if self.learning_rate is not None:
            return self.learning_rate
        return 2e-4 if self.lora else 5e-5


def run_sft(data: Path, base: str, out: Path, settings: SftSettings,
            note: Note | None = None) -> dict[str, Any]:
    """Fine-tune `base` on the rows of `data`; writes the model to `out`; returns a summary."""
    say = note or (lambda _text: None)
    rows = load_rows(data)  # a bad --data fails before the model is loaded
    resume = checkpoint_to_resume(out, settings.resume)
    started = time.monotonic()
    model_ref = resolve_base(base)
    say(f"loading {model_ref.label}")
    model, tokenizer = load_base(model_ref)
    max_length = settings.max_length or min(context_length(model) or DEFAULT_MAX_LENGTH,
                                            DEFAULT_MAX_LENGTH)
    examples = sft_examples(rows, tokenizer, max_length, settings.answer)
    skipped = examples.skipped_note(max_length)
    if skipped:
        say(skipped)
    if not examples.rows:
        raise OptsmithError(f"no row of {data} fits in {max_length} tokens"
                            + (f": {skipped}" if skipped else ""))
    from datasets import Dataset
    from transformers import PrinterCallback
    from trl import SFTConfig, SFTTrainer

    config = SFTConfig(
        output_dir=str(out / "checkpoints"),
        max_steps=settings.max_steps,
        per_device_train_batch_size=settings.batch_size,
        learning_rate=settings.lr,
        seed=settings.seed,
        data_seed=settings.seed,
        max_length=max_length,
        completion_only_loss=True,
        logging_steps=1,
        save_strategy="steps",
        save_steps=settings.save_steps or settings.max_steps,
        save_total_limit=2,
        report_to=[],
        bf16=False,
        gradient_checkpointing=False,
        use_cpu=trainer_device() == "cpu",
        dataloader_num_workers=0,
        disable_tqdm=True,
        shuffle_dataset=True,
    )
    trainer = SFTTrainer(
        model=model,
        args=config,
        train_dataset=Dataset.from_list(examples.rows),
        processing_class=tokenizer,
        peft_config=lora_config(settings.lora_rank) if settings.lora else None,
        callbacks=[step_log(out / TRAIN_LOG, note),
                   *([time_limit(settings.max_seconds)] if settings.max_seconds else [])],
    )
    trainer.remove_callback(PrinterCallback)
    say(f"training on {len(examples.rows)} examples for {settings.max_steps} steps")
    result = trainer.train(resume_from_checkpoint=resume)
    save_final(trainer, tokenizer, out, merge=settings.lora)
    summary: dict[str, Any] = {
        "base": model_ref.spec,
        "data": str(data),
        "out": str(out),
        "rows": len(rows),
        **examples.summary(),
        "max_length": max_length,
        "steps": trainer.state.global_step,
        "train_loss": result.training_loss,
        "seconds": round(time.monotonic() - started, 1),
        "resumed_from": resume,
        "settings": {**asdict(settings), "learning_rate": settings.lr},
    }
    (out / INFO).write_text(json.dumps(summary, indent=2, sort_keys=True, default=str) + "\n")
    return summary
