"""Sample efficiency of model-seeded search: best-so-far reduction against compilations.

The same programs, seeds and budget for each search, with and without a model:

- `evolution` and `mcts`, plain;
- `llm` (evolution seeded with the model's proposals) and `llm-mcts` (MCTS with them as
  the priors of its expansions), each with
  - a good model: a scripted OpenAI-compatible server on loopback whose i-th sample names
    the i-th pipeline of the shipped coreset (learned on csmith training programs, never on
    the built-in suite): what a model that learned generally good pipelines would answer;
  - a useless model: the same server answering prose. Answers that do not parse cost no
    compilation, so this must equal the plain search (it does, draw for draw);
  - optionally a real model at `--model URL` (e.g. SmolLM2 from `optsmith llm serve`).

Every proposal the model makes counts as a compilation of the budget, as in
`optsmith optimize --optimizer llm`. Each curve is the geometric mean over programs and
seeds of -Oz/best-so-far after each compilation (`report.plots.mean_best_so_far`); the
table gives it at checkpoints, the spread of the final figure over seeds (the noise), and
how many compilations each search needs to reach the plain search's final figure.

Measurements are cached in a store (`--store`), so searches that propose the same
pipeline share the compilation's cost in time, never in the count, and a killed run
resumes quickly.

Usage: nice -n 19 python benchmarks/llm_seeded_search.py --limit 8 --budget 200 \
    --seeds 0,1,2 [--samples 8] [--model URL] [--json FILE] [--plot FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from optsmith.llm.backend import Backend, GenerationParams
from optsmith.llm.openai_http import HttpSettings, OpenAIHttpBackend
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.programs.builtin_suite import builtin_suite
from optsmith.report.plots import mean_best_so_far, plot_best_so_far
from optsmith.search.budget import Budget
from optsmith.search.coreset import load_coreset
from optsmith.search.driver import SearchResult, run_search
from optsmith.search.evaluator import Evaluator
from optsmith.search.llm_guided import ModelSeeded, llm_guided
from optsmith.search.registry import make_optimizer
from optsmith.store import Store
from optsmith.writable import check_file_target

# the loopback model server of the tests (a real HTTP server; its "model" is a function)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from scripted_model import serve  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
CHECKPOINTS = (8, 25, 50, 100, 200)
USELESS_ANSWER = (
    "As an AI language model, I cannot run a compiler for you, but smaller code is usually "
    "faster code."
)  # no pass list in it (an answer naming -O2 would be a valid proposal: default<O2>)


@dataclass(frozen=True)
class Config:
    label: str
    base: str  # evolution or mcts
    model: str | None  # None: plain search; else a key of the backends


def good_answer(samples: int) -> Callable[[dict[str, Any]], str]:
    """Sample i (its request's seed, base seed + i) names coreset pipeline i mod `samples`."""
    pipelines = load_coreset()["pipelines"]

    def answer(body: dict[str, Any]) -> str:
        return f"Run passes `{pipelines[int(body.get('seed') or 0) % samples]}`"

    return answer


@contextmanager
def backends(samples: int, url: str | None) -> Iterator[dict[str, Backend]]:
    settings = HttpSettings(timeout_s=600, retries=1)
    with ExitStack() as stack:
        good_url, _ = stack.enter_context(serve(by_body=good_answer(samples)))
        useless_url, _ = stack.enter_context(serve(lambda prompt: USELESS_ANSWER))
        opened: dict[str, Backend] = {
            "good": OpenAIHttpBackend(good_url, settings=settings),
            "useless": OpenAIHttpBackend(useless_url, settings=settings),
        }
        if url is not None:
            opened["real"] = OpenAIHttpBackend(url, settings=settings)
        yield opened


def configs(bases: Sequence[str], models: Sequence[str]) -> list[Config]:
    out = []
    for base in bases:
        out.append(Config(base, base, None))
        seeded = "llm" if base == "evolution" else f"llm-{base}"
        out.extend(Config(f"{seeded} ({model} model)", base, model) for model in models)
    return out


def reduction(curve: Sequence[float], step: int) -> float:
    """Geomean reduction vs -Oz after `step` compilations, from a ratio curve."""
    return 1 - 1 / curve[min(step, len(curve)) - 1]


def to_reach(curve: Sequence[float], target: float) -> int | None:
    """Compilations until the curve's ratio first reaches `target` (None: never)."""
    return next((i + 1 for i, ratio in enumerate(curve) if ratio >= target - 1e-12), None)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=8, help="the first N built-in programs")
    parser.add_argument("--budget", type=int, default=200, help="compilations per search")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--samples", type=int, default=8, help="proposals asked of the model")
    parser.add_argument("--bases", default="evolution,mcts")
    parser.add_argument("--model", default=None, help="a real model server's URL too")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--store", type=Path,
                        default=Path(tempfile.gettempdir()) / "optsmith-llm-seeded.sqlite")
    parser.add_argument("--json", type=Path, default=RESULTS / "llm_seeded_search.json")
    parser.add_argument("--plot", type=Path, default=RESULTS / "llm_seeded_search.png")
    args = parser.parse_args()
    for target, option in ((args.json, "--json"), (args.plot, "--plot")):
        check_file_target(target, f"{option} {target}")
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    bases = [b.strip() for b in args.bases.split(",") if b.strip()]
    models = ["good", "useless", *(["real"] if args.model else [])]
    runs = configs(bases, models)
    budget = Budget(compilations=args.budget)
    objective = get_objective("ir-instcount")
    programs = builtin_suite()[: args.limit]

    results: dict[str, list[SearchResult]] = {c.label: [] for c in runs}
    proposals: dict[str, list[dict[str, Any]]] = {c.label: [] for c in runs if c.model}
    started = time.monotonic()
    with EnginePool(args.workers) as pool, Store(args.store) as store, \
            backends(args.samples, args.model) as models_by_name:
        evaluator = Evaluator(pool, store)
        for bench in programs:
            problem = evaluator.prepare(bench, objective)
            for seed in seeds:
                for config in runs:
                    if config.model is None:
                        optimizer = make_optimizer(config.base, seed=seed)
                    else:
                        params = GenerationParams(n=args.samples, temperature=0.8, seed=seed,
                                                  max_tokens=512)
                        factory = llm_guided(models_by_name[config.model], params,
                                             base=config.base, seed=seed)
                        optimizer = factory(problem)
                    result = run_search(problem, optimizer, budget, evaluator)
                    results[config.label].append(result)
                    if isinstance(optimizer, ModelSeeded):
                        valid = [v for v in optimizer.model_values.values() if v is not None]
                        answers = optimizer.answers
                        proposals[config.label].append({
                            "program": bench.name, "seed": seed,
                            "valid": len(optimizer.proposed),
                            "invalid": len(answers.invalid) if answers else 0,
                            "best_proposal": min(valid, default=None),
                            "baseline": result.baseline,
                        })
                    print(f"  {bench.name} seed {seed} {config.label}: {result.baseline:.0f} -> "
                          f"{result.best_value:.0f} ({result.reduction:+.1%}) "
                          f"{result.compilations} compilations, valid={result.validated}, "
                          f"{result.wall_s:.1f}s", file=sys.stderr, flush=True)
    wall = time.monotonic() - started

    curves = {label: mean_best_so_far(rs) for label, rs in results.items()}
    plain_final = {c.base: curves[c.label][-1] for c in runs if c.model is None}
    rows: list[dict[str, Any]] = []
    for config in runs:
        per_seed = []
        for seed in seeds:
            mine = [r for r, s in zip(results[config.label], _seed_order(programs, seeds),
                                      strict=True) if s == seed]
            per_seed.append(1 - 1 / mean_best_so_far(mine)[-1])
        curve = curves[config.label]
        rows.append({
            "search": config.label,
            "base": config.base,
            "model": config.model,
            "at": {str(k): reduction(curve, k) for k in CHECKPOINTS if k <= args.budget},
            "final_by_seed": per_seed,
            "final_mean": statistics.fmean(per_seed),
            "final_stdev": statistics.stdev(per_seed) if len(per_seed) > 1 else 0.0,
            "to_reach_plain_final": to_reach(curve, plain_final[config.base]),
            "validated": sum(r.validated is True for r in results[config.label]),
            "runs": len(results[config.label]),
            "curve_reduction": [1 - 1 / c for c in curve],
            "proposals": proposals.get(config.label, []),
        })

    table = Table(
        title=f"ir-instcount, first {len(programs)} built-in programs, budget {args.budget}, "
        f"seeds {args.seeds}, {args.samples} model samples, {args.workers} workers "
        f"({wall / 60:.0f} min)"
    )
    table.add_column("search")
    for k in CHECKPOINTS:
        if k <= args.budget:
            table.add_column(f"@{k}", justify="right")
    table.add_column("final: mean ± sd over seeds", justify="right")
    table.add_column("compilations to plain's final", justify="right")
    table.add_column("validated", justify="right")
    for row in rows:
        reach = row["to_reach_plain_final"]
        table.add_row(
            row["search"],
            *(f"{v:.2%}" for v in row["at"].values()),
            f"{row['final_mean']:.2%} ± {row['final_stdev']:.2%}",
            "never" if reach is None else str(reach),
            f"{row['validated']}/{row['runs']}",
        )
    Console(width=160).print(table)

    styles = {c.label: {"linestyle": {None: "-", "good": ":", "useless": "--",
                                      "real": "-."}[c.model],
                        "color": {"evolution": "tab:blue", "mcts": "tab:orange"}.get(c.base)}
              for c in runs}
    plot_best_so_far(results, args.plot, styles=styles,
                     title=f"model-seeded search, {len(programs)} built-in programs")
    payload = {
        "programs": [p.name for p in programs],
        "budget": args.budget,
        "seeds": seeds,
        "samples": args.samples,
        "workers": args.workers,
        "objective": objective.name,
        "wall_s": wall,
        "real_model": args.model,
        "searches": rows,
        "results": {label: [{k: v for k, v in r.to_dict().items() if k != "history"}
                            for r in rs] for label, rs in results.items()},
    }
    args.json.write_text(json.dumps(payload, indent=2) + "\n")
    print(f"wrote {args.json} and {args.plot}", file=sys.stderr)
    if not all(math.isfinite(row["final_mean"]) for row in rows):
        raise SystemExit("a search produced no figure")


def _seed_order(programs: Sequence[Any], seeds: Sequence[int]) -> list[int]:
    """The seed of each result of one search, in the order the loops produced them."""
    return [seed for _ in programs for seed in seeds]


if __name__ == "__main__":
    main()
