"""Reward curve of a short, real GRPO run on flag tuning, read from the run's own logs.

1. Prompts: exactly as `optsmith train grpo --task flag-tuning` picks them (the same
   library calls, `cli.dataset.load_corpus` and `train.grpo.flag_tuning_prompts`): Csmith
   *training* programs (seeds from 100000, never the built-in suite or the Csmith
   evaluation seeds), one LLM Compiler flag-tuning prompt per defined function, prompts
   over `--max-prompt-chars` skipped (short ones only, so that a CPU can train on them).
2. Training: `train.grpo.run_grpo` (TRL's GRPOTrainer) from `--model` (a transformers
   weights directory, a .gguf file, or `smollm2`) for `--max-steps` steps, each step one
   prompt and `--num-generations` sampled answers, rewarded by the library's own
   flag-tuning reward (the answer's pipeline run on the engine, .text against -Oz, tests on
   any gain; -1 for an invalid answer or a miscompile).
3. The curve: per step the mean, lowest and highest reward, the share of valid answers and
   of answers beating -Oz, from `rollouts.jsonl` (`train.curve.reward_curve`), beside the
   trainer's own logged mean from `train_log.jsonl`; a PNG of reward against step
   (`report.reward_plot`).

JSON to benchmarks/results/grpo_curve.json (model, steps, prompts, seconds, machine, the
curve), PNG to benchmarks/results/grpo_curve.png. The model is recorded by its file or
directory name only.

Usage: python benchmarks/grpo_curve.py [--model smollm2|DIR|FILE.gguf] [--programs 4]
           [--max-steps 30] [--num-generations 4] [--max-prompt-chars 1500]
           [--max-completion-length 96] [--lora] [--work DIR] [--json FILE] [--plot FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from optsmith.cli.coreset import DEFAULT_TRAIN_FIRST_SEED
from optsmith.cli.dataset import load_corpus
from optsmith.errors import OptsmithError
from optsmith.report.reward_plot import plot_reward_curve
from optsmith.session import Session
from optsmith.train.curve import StepRewards, reward_curve
from optsmith.train.grpo import GrpoSettings, flag_tuning_prompts, run_grpo
from optsmith.train.logs import ROLLOUT_LOG, JsonlWriter
from optsmith.train.models import require_training_stack, resolve_base
from optsmith.train.runs import trainer_device
from optsmith.writable import check_file_target

RESULTS = Path(__file__).parent / "results"


def machine() -> dict[str, Any]:
    import torch

    return {"machine": platform.machine(), "processor": platform.processor() or None,
            "cpus": os.cpu_count(), "device": trainer_device(),
            "torch_threads": torch.get_num_threads(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def summarize(curve: list[StepRewards]) -> dict[str, Any]:
    """Start against end of the curve (first and last quarter of the steps), and totals."""
    quarter = max(1, len(curve) // 4)

    def part(points: list[StepRewards]) -> dict[str, Any]:
        answers = sum(p.answers for p in points)
        return {"steps": [points[0].step, points[-1].step] if points else [],
                "mean_reward": _mean([p.mean for p in points if p.mean is not None]),
                "valid_share": sum(p.valid_share * p.answers for p in points) / answers
                if answers else None,
                "beats_oz_share": sum(p.beats_oz_share * p.answers for p in points) / answers
                if answers else None}

    return {"first_quarter": part(curve[:quarter]), "last_quarter": part(curve[-quarter:]),
            "all": part(curve), "answers": sum(p.answers for p in curve),
            "best_reward": max((p.high for p in curve if p.high is not None), default=None),
            "miscompiles": sum(p.miscompiles for p in curve)}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--model", default="smollm2",
                        help="transformers weights directory, .gguf file, or smollm2")
    parser.add_argument("--programs", type=int, default=4, help="Csmith training programs")
    parser.add_argument("--first-seed", type=int, default=DEFAULT_TRAIN_FIRST_SEED)
    parser.add_argument("--max-prompt-chars", type=int, default=1500,
                        help="skip longer prompts (short ones fit a CPU)")
    parser.add_argument("--max-steps", type=int, default=30)
    parser.add_argument("--num-generations", type=int, default=4, help="answers per prompt")
    parser.add_argument("--max-completion-length", type=int, default=96, help="answer tokens")
    parser.add_argument("--temperature", type=float, default=1.0)
    parser.add_argument("--lora", action="store_true", help="train LoRA adapters")
    parser.add_argument("--lr", type=float, default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "grpo_curve",
                        help="store, programs and the run (weights, logs); the run is redone")
    parser.add_argument("--json", type=Path, default=RESULTS / "grpo_curve.json")
    parser.add_argument("--plot", type=Path, default=RESULTS / "grpo_curve.png")
    args = parser.parse_args()
    # everything that can be wrong is checked before a program is compiled
    try:
        settings = GrpoSettings(
            max_steps=args.max_steps, num_generations=args.num_generations,
            max_completion_length=args.max_completion_length, temperature=args.temperature,
            learning_rate=args.lr, lora=args.lora, seed=args.seed)
        base = resolve_base(args.model)
        require_training_stack()
        for target, option in ((args.json, "--json"), (args.plot, "--plot")):
            check_file_target(target, f"{option} {target}")
    except OptsmithError as exc:
        parser.error(str(exc))
    if args.programs < 1:
        parser.error(f"--programs must be at least 1, got {args.programs}")

    console = Console()
    work: Path = args.work
    run = work / "run"
    shutil.rmtree(run, ignore_errors=True)  # the logs are appended to: start them afresh
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    results: dict[str, Any] = {
        "model": base.label,  # a name, not a machine path
        "model_kind": "smollm2 (packaged GGUF)" if args.model == "smollm2" else
        ("gguf" if base.gguf_file else "transformers weights directory"),
        "machine": machine(),
        "args": {k: v for k, v in vars(args).items()
                 if k not in ("model", "work", "json", "plot")},
    }
    with Session(store=work / "store.sqlite") as session:
        loaded = load_corpus(session, "csmith", args.programs, args.first_seed)
        for failure in loaded.failures:
            console.print(f"[yellow]skipped[/] {failure}")
        rows, reward, skipped = flag_tuning_prompts(
            session.evaluator, loaded.benchmarks, unit="function",
            max_prompt_chars=args.max_prompt_chars, log=JsonlWriter(run / ROLLOUT_LOG))
        prompts_s = time.monotonic() - started
        console.print(f"{len(rows)} prompts from {len(loaded.benchmarks)} programs "
                      f"({len(skipped)} inputs skipped) in {prompts_s:.0f}s")
        results["prompts"] = {
            "programs": [b.name for b in loaded.benchmarks],
            "count": len(rows), "names": [r["name"] for r in rows],
            "chars_max": max((len(r["prompt"]) for r in rows), default=0),
            "skipped_too_long": sum(" characters > " in str(s.skipped) for s in skipped),
            "skipped_other": [f"{s.name}: {s.skipped}" for s in skipped
                              if " characters > " not in str(s.skipped)],
            "seconds": round(prompts_s, 1)}
        summary = run_grpo(rows, reward, args.model, run, settings, task="flag-tuning",
                           note=lambda text: console.print(text, highlight=False))
    curve = reward_curve(run)
    results.update({
        "steps": summary["steps"],
        "settings": summary["settings"],
        "seconds": {"total": round(time.monotonic() - started, 1),
                    "prompts": round(prompts_s, 1),
                    "training_with_load_and_save": summary["seconds"],
                    "per_step": _rounded(_mean([p.seconds for p in curve
                                                if p.seconds is not None]))},
        "summary": summarize(curve),
        "curve": [asdict(point) for point in curve],
    })
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, default=str) + "\n")
    plot_reward_curve(curve, args.plot,
                      title=f"GRPO flag tuning: {base.label}, {len(rows)} prompts, "
                      f"{settings.num_generations} answers/step")
    _table(console, curve, results)
    console.print(f"wrote {args.json} and {args.plot}")


def _table(console: Console, curve: list[StepRewards], results: dict[str, Any]) -> None:
    table = Table(title=f"GRPO reward per step: {results['model']}, "
                  f"{results['settings']['num_generations']} answers per step (valid, < -Oz: "
                  "shares of them; TRL: the trainer's logged mean; tok: mean answer tokens)")
    for column in ("step", "mean", "min..max", "valid", "< -Oz", "TRL", "tok", "s"):
        table.add_column(column, justify="right", no_wrap=True)
    table.add_column("prompt", overflow="fold")

    def num(value: float | None) -> str:
        return "-" if value is None else f"{value:+.2f}"

    for p in curve:
        table.add_row(str(p.step), num(p.mean), f"{num(p.low)}..{num(p.high)}",
                      f"{p.valid_share:.0%}", f"{p.beats_oz_share:.0%}", num(p.logged_mean),
                      "-" if p.mean_tokens is None else f"{p.mean_tokens:.0f}",
                      "-" if p.seconds is None else f"{p.seconds:.0f}", ", ".join(p.prompts))
    console.print(table)
    first, last = results["summary"]["first_quarter"], results["summary"]["last_quarter"]
    console.print(f"mean reward {num(first['mean_reward'])} (steps {first['steps']}) -> "
                  f"{num(last['mean_reward'])} (steps {last['steps']}); valid answers "
                  f"{first['valid_share']:.0%} -> {last['valid_share']:.0%}", highlight=False)


if __name__ == "__main__":
    main()
