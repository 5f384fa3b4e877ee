"""`optsmith predictor ...`: rebuild the predictor's library from a training corpus."""

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

predictor_app = typer.Typer(
    no_args_is_help=True, help="Learn the few-shot predictor's pipeline library."
)

DEFAULT_TRAIN_FIRST_SEED = 200_000  # far from the Csmith suite's seeds (1...) and the coreset's


def shipped_library_path() -> Path:
    """The library JSON the package ships (what `--optimizer predictor` reads)."""
    return Path(__file__).resolve().parent.parent / "search" / "data" / "predictor.json"


@predictor_app.command("build")
def build(
    corpus: Annotated[
        str,
        typer.Option(help="csmith or llvm-stress (training seeds), or a directory of programs"),
    ] = "csmith",
    programs: Annotated[int, typer.Option(help="training programs")] = 80,
    first_seed: Annotated[int, typer.Option(help="first generator seed")] = (
        DEFAULT_TRAIN_FIRST_SEED
    ),
    optimizer: Annotated[str, typer.Option(help="autotuner for the corpus")] = "evolution",
    budget: Annotated[str, typer.Option(help="autotuning budget per program")] = "300",
    top_k: Annotated[int, typer.Option(help="validated pipelines kept per program")] = 4,
    max_slowdown: Annotated[
        float, typer.Option(help="drop pipelines that compile this many times slower than -Oz")
    ] = 3.0,
    with_coreset: Annotated[
        bool, typer.Option(help="also offer the shipped coreset's pipelines")
    ] = True,
    objective: Annotated[str, typer.Option()] = "ir-instcount",
    out: Annotated[
        Path | None, typer.Option(help="output JSON (default: the shipped file)")
    ] = None,
    store: StoreOpt = None,
    workers: WorkersOpt = None,
    seed: Annotated[int, typer.Option()] = 0,
) -> None:
    """Autotune a training corpus (never an evaluation suite) and write the library JSON."""
    from optsmith.search.coreset import load_coreset
    from optsmith.search.predictor_build import build_library
    from optsmith.session import SearchSpec

    target = out or shipped_library_path()
    try:
        check_training_corpus(corpus, programs, first_seed)
        spec = SearchSpec.parse(objective=objective, budget=budget, optimizer=optimizer)
        check_file_option(target, "--out")
        extra = load_coreset()["pipelines"] if with_coreset else []
        with open_session(store=store, workers=workers) as session:
            err_console.print(f"preparing the training corpus ({corpus})…")
            benchmarks = load_training_corpus(corpus, programs, first_seed)
            library = build_library(
                benchmarks,
                spec.objective,
                session.evaluator,
                optimizer=optimizer,
                budget=spec.budget,
                top_k=top_k,
                seed=seed,
                extra=extra,
                max_slowdown=max_slowdown,
                progress=lambda what, i, n: err_console.print(f"[{i + 1}/{n}] {what}"),
            )
    except OptsmithError as exc:
        fail(exc)
    target.write_text(json.dumps(library.to_dict(), separators=(",", ":")) + "\n")
    provenance = library.provenance
    err_console.print(
        f"{len(library.pipelines)} pipelines over {len(library.programs)} programs "
        f"(training cover {provenance['training_cover_reduction']:.2%} below -Oz), "
        f"built in {provenance['seconds']:.0f}s; wrote {target}"
    )
