"""`optsmith coreset ...`: rebuild the shipped coreset from a training corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from optsmith.cli.common import (
    StoreOpt,
    WorkersOpt,
    check_file_option,
    err_console,
    fail,
    open_session,
)
from optsmith.cli.corpus import check_training_corpus, load_training_corpus
from optsmith.errors import OptsmithError

coreset_app = typer.Typer(no_args_is_help=True, help="Learn or inspect the pipeline coreset.")

DEFAULT_TRAIN_FIRST_SEED = 100_000  # far from the Csmith evaluation suite's seeds (1...)


def shipped_coreset_path() -> Path:
    """The coreset JSON the package ships (what `--optimizer coreset` reads)."""
    return Path(__file__).resolve().parent.parent / "search" / "data" / "coreset.json"


@coreset_app.command("build")
def build(
    corpus: Annotated[
        str, typer.Option(help="csmith, llvm-stress (training seeds) or a directory of training "
                          "programs")
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
    store: StoreOpt = None,
    workers: WorkersOpt = None,
    seed: Annotated[int, typer.Option()] = 0,
) -> None:
    """Autotune a training corpus (never an evaluation suite) and write the coreset JSON."""
    from optsmith.search.coreset import MAX_CORESET_SIZE
    from optsmith.search.coreset_build import build_coreset
    from optsmith.session import SearchSpec

    target = out or shipped_coreset_path()
    try:
        if not 1 <= size <= MAX_CORESET_SIZE:
            raise OptsmithError(f"--size must be 1..{MAX_CORESET_SIZE}, got {size}")
        check_training_corpus(corpus, programs, first_seed)
        spec = SearchSpec.parse(objective=objective, budget=budget, optimizer=optimizer)
        check_file_option(target, "--out")
        with open_session(store=store, workers=workers) as session:
            err_console.print(f"preparing the training corpus ({corpus})…")
            benchmarks = load_training_corpus(corpus, programs, first_seed)
            result = build_coreset(
                benchmarks,
                spec.objective,
                session.evaluator,
                optimizer=optimizer,
                budget=spec.budget,
                top_k=top_k,
                size=size,
                seed=seed,
                progress=lambda what, i, n: err_console.print(f"[{i + 1}/{n}] {what}"),
            )
    except OptsmithError as exc:
        fail(exc)
    target.write_text(json.dumps(result.to_dict(), indent=2) + "\n")
    err_console.print(
        f"{len(result.pipelines)} pipelines, training geomean reduction "
        f"{result.training_geomean_reduction:.2%}; wrote {target}"
    )
