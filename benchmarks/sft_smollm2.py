"""Fine-tune SmolLM2-135M on optsmith's own flag-tuning data; score it before and after.

1. Data: Csmith *training* programs (seeds from 100000 on, never the built-in suite or the
   Csmith evaluation seeds) are autotuned for .text size (`dataset build --unit function`:
   one row per function, labelled with the program's validated, minimized pipeline). The
   last `--holdout` share of the programs is held back.
2. Training: `optsmith.train.run_sft` from the packaged GGUF (`smollm2`), on the training
   rows whose prompt is at most `--max-prompt-chars` and whose label is not -Oz's own
   pipeline (~250 passes: nothing the -Oz backup does not already give, and most of a
   small model's answer budget), for `--steps` steps or `--minutes`, answers in the short
   form (pass list and counts, no IR).
3. Scoring (`llm eval`'s flag-tuning task, by function, greedy, one answer each) of the base
   model, the fine-tuned one, and beside them the best single fixed pipeline at the same
   number of compilations: the shipped coreset's first pipeline, asked the same questions
   through the same scorer. On the built-in suite and on held-back functions (labelled,
   not in the training rows, those the label improves first). Reported:
   valid-answer rate, geomean .text reduction vs -Oz with and without the -Oz backup, share
   of the autotuning potential (held-back: the labels' own reduction on the same
   functions), and compilations per function (1 for the answer, 1 more for the backup).

JSON to benchmarks/results/sft_smollm2.json. Reduced runs (fewer programs, steps, prompts)
are what a 2-core machine allows; the JSON says what was run.

Usage: python benchmarks/sft_smollm2.py [--programs 12] [--budget 30] [--steps 60]
           [--minutes 15] [--builtin-limit 4] [--held-functions 12] [--max-prompt-chars 2500]
           [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from statistics import geometric_mean
from typing import Any

from rich.console import Console
from rich.table import Table

from optsmith.dataset.llm_compiler import build_llm_compiler
from optsmith.dataset.writer import DatasetWriter
from optsmith.llm.backend import Generation, GenerationParams
from optsmith.llm.transformers_backend import TransformersBackend
from optsmith.llmtasks.base import TaskInput
from optsmith.llmtasks.flag_tuning import OBJECTIVE, FlagTuning
from optsmith.llmtasks.runner import run_task
from optsmith.llvm.passes import parse_pipeline
from optsmith.measure.reference import record_reference_outputs
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.generators import csmith_suite
from optsmith.search.budget import Budget
from optsmith.search.coreset import load_coreset
from optsmith.session import Session
from optsmith.train.models import load_base, resolve_base
from optsmith.train.sft import SftSettings, run_sft

RESULTS = Path(__file__).parent / "results" / "sft_smollm2.json"
TRAIN_FIRST_SEED = 100_000  # Csmith training seeds (the evaluation suite uses 1...)


class Selected(FlagTuning):
    """The flag-tuning task asking only the inputs named in `names` (the others are
    skipped rows): the held-back functions that have a label and are not in training."""

    def __init__(self, *args: Any, names: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.names = names

    def prepare(self, benchmark: Benchmark) -> list[TaskInput]:
        return [item if item.skipped or item.name in self.names else
                TaskInput(item.name, item.prompt, item.reference, skipped="not selected")
                for item in super().prepare(benchmark)]


class FixedAnswer:
    """A 'model' that always names one pipeline: the fixed-pipeline baseline, scored by the
    same task code as the models."""

    def __init__(self, pipeline: str, name: str) -> None:
        self.answer = f" Run passes `{','.join(parse_pipeline(pipeline))}`"
        self.name = name

    def generate(self, prompts: Sequence[str], params: GenerationParams) -> list[Generation]:
        return [Generation([self.answer] * params.n, 0.0) for _ in prompts]

    def close(self) -> None:
        pass


def _reduction(ratios: Sequence[float]) -> float | None:
    return 1.0 - 1.0 / geometric_mean(ratios) if ratios else None


def _potential(rows: Sequence[dict[str, Any]], labels: dict[str, dict[str, Any]],
               summary: dict[str, Any]) -> dict[str, Any]:
    """The labels' reduction on the scored functions, and the share of it reached."""
    scored = [r for r in rows if "size_oz" in r and r["name"] in labels]
    label = _reduction([r["size_oz"] / min(labels[r["name"]]["opt_text_size"], r["size_oz"])
                        for r in scored])
    model = summary.get("geomean_reduction_with_backup")
    share = model / label if label and model is not None and label > 0 else None
    return {"label_functions": len(scored), "autotune_geomean_reduction": label,
            "autotune_potential_share": share}


def _evaluate(backend: Any, benchmarks: Sequence[Benchmark], session: Session, args: Any,
              labels: dict[str, dict[str, Any]] | None) -> dict[str, Any]:
    task = (FlagTuning(session.evaluator, unit="function", max_prompt_chars=args.max_prompt_chars)
            if labels is None else
            Selected(session.evaluator, unit="function", max_prompt_chars=args.max_prompt_chars,
                     names=set(labels)))
    started = time.monotonic()
    report = run_task(task, backend, benchmarks,
                      GenerationParams(max_tokens=args.max_tokens, temperature=0.0, seed=0))
    summary = dict(report.summary)
    summary["skipped_long_prompts"] = sum(
        1 for r in report.rows if r.get("skipped") and r["skipped"] != "not selected")
    summary["compilations_per_function"] = "1 (+1 for the -Oz backup)"
    summary["seconds"] = round(time.monotonic() - started, 1)
    if labels is not None:
        summary.update(_potential(report.rows, labels, summary))
    keep = ("name", "valid", "reduction", "reduction_backup", "pipeline", "error", "skipped")
    rows = [{k: r.get(k) for k in keep} | {"answer": (r.get("answers") or [""])[0][:300]}
            for r in report.rows]
    return {"summary": summary, "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programs", type=int, default=12, help="Csmith training programs")
    parser.add_argument("--holdout", type=float, default=0.25, help="share of programs held back")
    parser.add_argument("--budget", type=int, default=30, help="search compilations per program")
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--minutes", type=float, default=15.0, help="training time limit")
    parser.add_argument("--batch-size", type=int, default=2)
    parser.add_argument("--lr", type=float, default=None)
    parser.add_argument("--no-lora", action="store_true", help="train every weight")
    parser.add_argument("--max-length", type=int, default=1024, help="tokens per example")
    parser.add_argument("--max-prompt-chars", type=int, default=2500)
    parser.add_argument("--max-tokens", type=int, default=96, help="answer tokens at eval")
    parser.add_argument("--builtin-limit", type=int, default=4, help="built-in programs scored")
    parser.add_argument("--held-functions", type=int, default=12,
                        help="held-back functions scored (those the label improves first)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "sft_smollm2")
    parser.add_argument("--json", type=Path, default=RESULTS)
    parser.add_argument("--keep-baselines", action="store_true",
                        help="reuse the fixed pipeline's and the base model's scores from --json "
                        "(same data and scoring options): only train and score the new model")
    args = parser.parse_args()
    console = Console()
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    results: dict[str, Any] = {"machine": platform.machine(), "cpus": os.cpu_count(),
                               "args": {k: str(v) for k, v in vars(args).items()
                                        if k not in ("work", "json")}}  # no machine paths

    with Session(store=work / "store.sqlite") as session:
        programs = csmith_suite(args.programs, record=record_reference_outputs,
                                first_seed=TRAIN_FIRST_SEED)
        held_count = max(1, math.ceil(args.holdout * len(programs)))
        train_programs, held = programs[:-held_count], programs[-held_count:]
        data_started = time.monotonic()
        counts = {}
        for name, chosen in (("train", train_programs), ("held", held)):
            writer = DatasetWriter(work / f"data-{name}")
            counts[name] = build_llm_compiler(
                chosen, session.evaluator, writer, suite="csmith-train", optimizer="random",
                budget=Budget(compilations=args.budget), unit="function",
                note=lambda text: console.print(text, highlight=False))
            writer.finish()
        train_rows = [json.loads(line) for line in
                      (work / "data-train" / "train.jsonl").read_text().splitlines()]
        held_rows = [json.loads(line) for line in
                     (work / "data-held" / "train.jsonl").read_text().splitlines()]
        fit = DatasetWriter(work / "data-fit")
        oz_labels = 0
        for row in train_rows:
            if row["pipeline"] == OBJECTIVE.baseline_pipeline:
                oz_labels += 1
            elif len(row["prompt"]) <= args.max_prompt_chars:
                fit.add(row)
        fit.finish()
        results["data"] = {
            "programs": [b.name for b in programs], "held_back": [b.name for b in held],
            "search": f"random, {args.budget} compilations per program, minimized, validated",
            "counts": counts, "train_rows": len(train_rows), "train_rows_fit": len(fit.rows),
            "train_rows_labelled_oz": oz_labels,
            "held_rows": len(held_rows), "seconds": round(time.monotonic() - data_started, 1)}
        console.print(f"data: {results['data']['train_rows_fit']} training rows fit "
                      f"(of {len(train_rows)}), {len(held_rows)} held back")
        # held-back functions worth asking: labelled, short enough, and not the IR of a
        # training row (the Csmith runtime's helpers recur in every program)
        seen = {r["id"] for r in train_rows}
        fresh = [r for r in held_rows if r["id"] not in seen
                 and len(r["prompt"]) <= args.max_prompt_chars]
        fresh.sort(key=lambda r: (r["reduction_vs_oz"] <= 0, r["program"], r["function"]))
        labels = {f"{r['program']}:{r['function']}": r for r in fresh[: args.held_functions]}
        results["data"]["held_functions_scored"] = sorted(labels)

        base_dir = work / "base"
        if not (base_dir / "config.json").is_file():
            model, tokenizer = load_base(resolve_base("smollm2"))
            model.save_pretrained(base_dir)
            tokenizer.save_pretrained(base_dir)
        builtin = session.load("builtin", limit=args.builtin_limit).benchmarks
        suites = {"builtin": (builtin, None), "held_back": (held, labels)}

        def score(label: str, backend: Any) -> None:
            for suite, (benchmarks, known) in suites.items():
                console.print(f"scoring {label} on {suite}")
                results.setdefault("eval", {}).setdefault(label, {})[suite] = _evaluate(
                    backend, benchmarks, session, args, known)
                _write(args, results)

        kept = json.loads(args.json.read_text()).get("eval", {}) \
            if args.keep_baselines and args.json.is_file() else {}
        for label in ("coreset_first_pipeline", "smollm2_base"):
            if label in kept:
                results.setdefault("eval", {})[label] = kept[label]
                results.setdefault("reused_from_earlier_run", []).append(label)
        if "coreset_first_pipeline" not in kept:
            score("coreset_first_pipeline", FixedAnswer(load_coreset()["pipelines"][0],
                                                        "coreset[0]"))
        if "smollm2_base" not in kept:
            score("smollm2_base", TransformersBackend(base_dir, max_input_tokens=args.max_length))
        settings = SftSettings(max_steps=args.steps, batch_size=args.batch_size,
                               learning_rate=args.lr, lora=not args.no_lora,
                               max_length=args.max_length, answer="passes",
                               max_seconds=args.minutes * 60)
        tuned_dir = work / "sft"
        summary = run_sft(work / "data-fit", "smollm2", tuned_dir, settings,
                          note=lambda text: console.print(text, highlight=False))
        results["sft"] = {**summary, "data": "data-fit", "out": "sft"}  # no machine paths
        score("smollm2_sft", TransformersBackend(tuned_dir, max_input_tokens=args.max_length))
    results["seconds"] = round(time.monotonic() - started, 1)
    _write(args, results)
    _table(console, results)
    console.print(f"wrote {args.json}")


def _write(args: argparse.Namespace, results: dict[str, Any]) -> None:
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, default=str) + "\n")


def _table(console: Console, results: dict[str, Any]) -> None:
    table = Table(title="flag tuning by function: SmolLM2-135M before/after SFT")
    keys = ("scored", "valid_answer_rate", "geomean_reduction_valid_only",
            "geomean_reduction_with_backup", "autotune_potential_share", "validated_failures")
    for column in ("model", "suite", *keys):
        table.add_column(column)
    for label, suites in results.get("eval", {}).items():
        for suite, entry in suites.items():
            summary = entry["summary"]
            table.add_row(label, suite, *[
                "-" if summary.get(k) is None else
                (f"{summary[k]:.3f}" if isinstance(summary[k], float) else str(summary[k]))
                for k in keys])
    console.print(table)


if __name__ == "__main__":
    main()
