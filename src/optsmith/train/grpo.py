"""Reinforcement learning with TRL's `GRPOTrainer` on optsmith's own rewards.

The prompts are the tasks' own: flag-tuning prompts from `FlagTuning.prepare` over a suite
of programs (whole modules or functions), SuperCoder prompts over assembly problems. The
rewards are `train.rewards` (the engine, the tests, the assembly judge); each rollout goes
to `OUT/rollouts.jsonl` with its reward and reason, each step's figures to
`OUT/train_log.jsonl`. Checkpoints are TRL's own under `OUT/checkpoints`, so a run
resumes from the last one; the final weights (LoRA merged) are a plain transformers
directory in `OUT`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from optsmith.asm.problems import Problem as AsmProblem
from optsmith.errors import OptionError, OptsmithError
from optsmith.llmtasks.base import DEFAULT_MAX_PROMPT_CHARS, TaskInput
from optsmith.llmtasks.flag_tuning import FlagTuning
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.units import Unit
from optsmith.search.evaluator import Evaluator
from optsmith.train.logs import ROLLOUT_LOG, TRAIN_LOG, JsonlWriter, step_log
from optsmith.train.models import load_base, resolve_base
from optsmith.train.rewards import AsmReward, FlagTuningReward, asm_prompt
from optsmith.train.runs import checkpoint_to_resume, lora_config, save_final, trainer_device

Note = Callable[[str], None]
Reward = Callable[..., list[float | None]]
TASKS = ("flag-tuning", "asm-optimization")
INFO = "train_info.json"


@dataclass(frozen=True, kw_only=True)
class GrpoSettings:
    """Steps, group size and sampling; validated at once."""

    max_steps: int = 50
    prompts_per_step: int = 1
    num_generations: int = 4
    max_completion_length: int = 128
    temperature: float = 1.0
    learning_rate: float | None = None  # default: 1e-4 with LoRA, 1e-5 without
    beta: float = 0.0  # KL weight; 0 (TRL's default) needs no reference model
    seed: int = 0
    lora: bool = False
    lora_rank: int = 16
    save_steps: int | None = None  # default: at the end only
    resume: bool = False

    def __post_init__(self) -> None:
        for name in ("max_steps", "prompts_per_step", "max_completion_length", "lora_rank"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise OptionError(f"{name} must be a whole number >= 1, got {value!r}")
        if self.num_generations < 2:
            raise OptionError(f"GRPO compares a group of answers: num_generations must be "
                              f">= 2, got {self.num_generations!r}")
        if not 0 < self.temperature <= 5:
            raise OptionError(f"temperature must be in (0, 5], got {self.temperature!r}")
        if self.learning_rate is not None and not 0 < self.learning_rate < 1:
            raise OptionError(f"learning rate must be in (0, 1), got {self.learning_rate!r}")
        if self.beta < 0:
            raise OptionError(f"beta must be >= 0, got {self.beta!r}")

    @property
    def lr(self) -> float:
        if self.learning_rate is not None:
            return self.learning_rate
        return 1e-4 if self.lora else 1e-5


def flag_tuning_prompts(
    evaluator: Evaluator, benchmarks: Sequence[Benchmark], *, unit: Unit = "module",
    max_prompt_chars: int = DEFAULT_MAX_PROMPT_CHARS, log: JsonlWriter | None = None,
) -> tuple[list[dict[str, str]], FlagTuningReward, list[TaskInput]]:
    """(prompt rows, reward, skipped inputs) for flag tuning over `benchmarks`."""
    task = FlagTuning(evaluator, unit=unit, max_prompt_chars=max_prompt_chars)
    inputs = [item for benchmark in benchmarks for item in task.prepare(benchmark)]
    rows = [{"prompt": i.prompt, "name": i.name} for i in inputs if i.skipped is None]
    return rows, FlagTuningReward(task, log), [i for i in inputs if i.skipped is not None]


def asm_prompts(problems: Sequence[AsmProblem], *, log: JsonlWriter | None = None
                ) -> tuple[list[dict[str, str]], AsmReward]:
    """(prompt rows, reward) for assembly optimization over `problems`."""
    rows = [{"prompt": asm_prompt(p), "name": p.name} for p in problems]
    return rows, AsmReward({p.name: p for p in problems}, log=log)


def run_grpo(prompt_rows: Sequence[dict[str, str]], reward: Reward, base: str, out: Path,
             settings: GrpoSettings, *, task: str, note: Note | None = None) -> dict[str, Any]:
    """Train `base` with GRPO on `prompt_rows` ({"prompt", "name"}) scored by `reward`."""
    say = note or (lambda _text: None)
    if not prompt_rows:
        raise OptsmithError("no prompts to train on (every input was skipped)")
    resume = checkpoint_to_resume(out, settings.resume)
    started = time.monotonic()
    model_ref = resolve_base(base)
    say(f"loading {model_ref.label}")
    model, tokenizer = load_base(model_ref)
    from datasets import Dataset
    from transformers import PrinterCallback
    from trl import GRPOConfig, GRPOTrainer

    batch = settings.prompts_per_step * settings.num_generations
    config = GRPOConfig(
        output_dir=str(out / "checkpoints"),
        max_steps=settings.max_steps,
        per_device_train_batch_size=batch,
        num_generations=settings.num_generations,
        max_completion_length=settings.max_completion_length,
        temperature=settings.temperature,
        learning_rate=settings.lr,
        beta=settings.beta,
        seed=settings.seed,
        data_seed=settings.seed,
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
    )
    trainer = GRPOTrainer(
        model=model,
        reward_funcs=[reward],
        args=config,
        train_dataset=Dataset.from_list(list(prompt_rows)),
        processing_class=tokenizer,
        peft_config=lora_config(settings.lora_rank) if settings.lora else None,
        callbacks=[step_log(out / TRAIN_LOG, note)],
    )
    trainer.remove_callback(PrinterCallback)
    say(f"GRPO on {len(prompt_rows)} prompts, {settings.num_generations} answers each, "
        f"{settings.max_steps} steps")
    trainer.train(resume_from_checkpoint=resume)
    save_final(trainer, tokenizer, out, merge=settings.lora)
    summary: dict[str, Any] = {
        "task": task,
        "base": model_ref.spec,
        "out": str(out),
        "prompts": len(prompt_rows),
        "steps": trainer.state.global_step,
        "seconds": round(time.monotonic() - started, 1),
        "resumed_from": resume,
        "rollouts": str(out / ROLLOUT_LOG),
        "settings": {**asdict(settings), "learning_rate": settings.lr},
    }
    (out / INFO).write_text(json.dumps(summary, indent=2, sort_keys=True, default=str) + "\n")
    return summary
