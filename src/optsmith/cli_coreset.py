"""`optsmith coreset ...`: rebuild the shipped coreset from a training corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from optsmith.errors import OptsmithError

coreset_app = typer.Typer(no_args_is_help=True, help="Learn or inspect the pipeline coreset.")
console = Console(stderr=True)

DEFAULT_TRAIN_FIRST_SEED = 100_000  # far from the Csmith evaluation suite's seeds (1...)


@coreset_app.command("build")
def build(
    corpus: Annotated[
        str, typer.Option(help="csmith (training seeds) or a directory of training programs")
    ] = "csmith",
    programs: Annotated[int, typer.Option(help="training programs")] = 40,
    first_seed: Annotated[int, typer.Option(help="first Csmith seed")] = DEFAULT_TRAIN_FIRST_SEED,
    optimizer: Annotated[str, typer.Option(help="autotuner for the corpus")] = "random",
    budget: Annotated[str, typer.Option(help="autotuning budget per program")] = "300",
    top_k: Annotated[int, typer.Option(help="candidates kept per program")] = 5,
    size: Annotated[int, typer.Option(help="pipelines in the coreset (<= 45)")] = 45,
    objective: Annotated[str, typer.Option()] = "ir-instcount",
    out: Annotated[
        Path | None, typer.Option(help="output JSON (default: the shipped file)")
    ] = None,
    store: Annotated[Path | None, typer.Option(help="SQLite store")] = None,
    workers: Annotated[int | None, typer.Option()] = None,
    seed: Annotated[int, typer.Option()] = 0,
) -> None:
    """Autotune a training corpus (never an evaluation suite) and write the coreset JSON."""
    from optsmith.llvm.pool import EnginePool
    from optsmith.measure.objectives import get_objective
    from optsmith.measure.reference import record_reference_outputs
    from optsmith.programs.generators import csmith_suite
    from optsmith.programs.loaders import load_path
    from optsmith.search.budget import Budget
    from optsmith.search.coreset import MAX_CORESET_SIZE
    from optsmith.search.coreset_build import build_coreset
    from optsmith.search.evaluator import Evaluator
    from optsmith.store import Store

    try:
        if not 1 <= size <= MAX_CORESET_SIZE:
            raise OptsmithError(f"--size must be 1..{MAX_CORESET_SIZE}, got {size}")
        if corpus == "builtin":
            raise OptsmithError("the built-in suite is an evaluation suite; train on another corpus")
        console.print(f"preparing the training corpus ({corpus})…")
        benchmarks = (
            csmith_suite(programs, record=record_reference_outputs, first_seed=first_seed)
            if corpus == "csmith"
            else load_path(Path(corpus), record=record_reference_outputs)[:programs]
        )
        with EnginePool(workers) as pool:
            evaluator = Evaluator(pool, Store(store))
            result = build_coreset(
                benchmarks,
                get_objective(objective),
                evaluator,
                optimizer=optimizer,
                budget=Budget.parse(budget),
                top_k=top_k,
                size=size,
                seed=seed,
                progress=lambda what, i, n: console.print(f"[{i + 1}/{n}] {what}"),
            )
    except OptsmithError as exc:
        console.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(code=2) from None
    target = out or Path(__file__).parent / "search" / "data" / "coreset.json"
    target.write_text(json.dumps(result.to_dict(), indent=2) + "\n")
    console.print(
        f"{len(result.pipelines)} pipelines, training geomean reduction "
        f"{result.training_geomean_reduction:.2%}; wrote {target}"
    )
