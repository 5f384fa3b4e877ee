"""`optsmith dataset ...`: fine-tuning data from optsmith's own validated autotuning.

    optsmith dataset build --corpus csmith --budget 200 --format llm-compiler --out data/fs
    optsmith dataset build --corpus csmith --unit function --out data/fn   # small contexts
    optsmith dataset build --corpus builtin --format supercoder --out data/asm
    optsmith dataset build --corpus builtin --format supercoder --portable --out data/asm-p
    optsmith dataset check data/fs        # re-derive every row with the real toolchain

`--corpus csmith` takes Csmith programs from seed 100000 on (`--first-seed`): training
seeds, apart from the Csmith evaluation suite (`bench --suite csmith`, seeds 1...).

The output directory holds train.jsonl and train.parquet; both load with
`datasets.load_dataset("parquet", data_files="data/fs/train.parquet")`. A build that is
interrupted resumes: rows already written are kept and their programs skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from optsmith.cli.common import (
    JsonOpt,
    StoreOpt,
    check_json_target,
    check_out_dir,
    console,
    err_console,
    fail,
    open_session,
    progress_bar,
    quiet,
    write_json,
)
from optsmith.cli.coreset import DEFAULT_TRAIN_FIRST_SEED
from optsmith.errors import OptsmithError

if TYPE_CHECKING:
    from optsmith.asm.flag_traits import FlagMode
    from optsmith.programs.loaders import LoadResult
    from optsmith.programs.units import Unit
    from optsmith.session import SearchSpec, Session

dataset_app = typer.Typer(
    no_args_is_help=True,
    help="Build fine-tuning data sets (LLM Compiler, SuperCoder formats) from validated "
    "autotuning results; check them.",
)
FORMATS = ("llm-compiler", "supercoder")


@dataset_app.command("build")
def build(
    out: Annotated[Path, typer.Option(help="output directory (train.jsonl, train.parquet)")],
    corpus: Annotated[str, typer.Option(help="builtin, csmith, or a directory")] = "builtin",
    format_: Annotated[str, typer.Option("--format", help="llm-compiler or supercoder")] = (
        "llm-compiler"
    ),
    budget: Annotated[
        str, typer.Option(help="llm-compiler: compilations per program (or '60s'); "
                          "supercoder: number of flag configs")
    ] = "200",
    optimizer: Annotated[str, typer.Option(help="search for llm-compiler labels")] = "random",
    unit: Annotated[str, typer.Option(help="llm-compiler: module (one row per program) or "
                                      "function (one row per function: fits small "
                                      "contexts)")] = "module",
    seed: Annotated[int, typer.Option(help="search seed")] = 0,
    limit: Annotated[int | None, typer.Option(help="only the first N programs")] = None,
    first_seed: Annotated[int, typer.Option(help="--corpus csmith: first Csmith seed (training "
                                            "seeds; the evaluation suite starts at 1)")] = (
        DEFAULT_TRAIN_FIRST_SEED
    ),
    portable: Annotated[bool, typer.Option("--portable", help="supercoder: labels without "
                                           "-march=native or fast-math")] = False,
    allow_fast_math: Annotated[bool, typer.Option("--allow-fast-math", help="supercoder: let "
                                                  "value-unsafe math (-Ofast) label rows "
                                                  "(marked fast_math)")] = False,
    store: StoreOpt = None,
    json_out: JsonOpt = None,
) -> None:
    """Run the autotuning and write one validated row per program that yields a label."""
    from optsmith.asm.flag_traits import FlagMode
    from optsmith.dataset.writer import DatasetWriter
    from optsmith.programs.units import check_unit
    from optsmith.session import SearchSpec

    try:
        if format_ not in FORMATS:
            raise OptsmithError(f"unknown format '{format_}'; choose one of: {', '.join(FORMATS)}")
        mode = FlagMode(portable=portable, allow_fast_math=allow_fast_math)
        if format_ != "supercoder" and (portable or allow_fast_math):
            raise OptsmithError("--portable and --allow-fast-math are for --format supercoder "
                                "only")
        check_json_target(json_out)
        check_out_dir(out)
        chosen_unit = check_unit(unit)
        if format_ == "llm-compiler":
            spec = SearchSpec.parse(budget=budget, optimizer=optimizer, seed=seed)
            with open_session(store=store) as session:
                writer = DatasetWriter(out)
                loaded = load_corpus(session, corpus, limit, first_seed)
                counts = _build_llm_compiler(writer, session, spec, corpus, loaded, chosen_unit)
                parquet = writer.finish()
        else:
            if chosen_unit != "module":
                raise OptsmithError("--unit function is for --format llm-compiler only")
            configs = _flag_configs(budget)
            writer = DatasetWriter(out)
            counts = _build_supercoder(writer, corpus, configs, limit, mode)
            parquet = writer.finish()
    except (OptsmithError, ValueError) as exc:
        fail(exc)
    summary = {"out": str(out), "format": format_, "corpus": corpus, "total_rows":
               len(writer.rows), "parquet": str(parquet), "jsonl": str(writer.jsonl), **counts}
    if not quiet(json_out):
        table = Table(title=f"data set {out}", show_header=False)
        for key, value in summary.items():
            table.add_row(key, str(value))
        console.print(table)
    if json_out is not None:
        write_json(json_out, summary)


def _noter(progress: Any, bar: Any) -> Any:
    def note(text: str) -> None:
        progress.update(bar, advance=1, description=text[:60])
        progress.console.print(text, highlight=False)

    return note


def load_corpus(session: Session, corpus: str, limit: int | None, first_seed: int
                ) -> LoadResult:
    """The programs of a training corpus: `csmith` is Csmith from `first_seed` on (by
    default training seeds, never the evaluation suite's); anything else as `session.load`
    reads it."""
    if corpus != "csmith":
        return session.load(corpus, limit=limit)
    from optsmith.measure.reference import record_reference_outputs
    from optsmith.programs.generators import csmith_suite
    from optsmith.programs.suites import CSMITH_SUITE_SIZE

    if limit is not None and limit < 1:
        raise OptsmithError(f"limit must be at least 1, got {limit!r}")
    return session.load(csmith_suite(limit or CSMITH_SUITE_SIZE,
                                     record=record_reference_outputs, first_seed=first_seed))


def _build_llm_compiler(
    writer: Any, session: Session, spec: SearchSpec, corpus: str, loaded: LoadResult,
    unit: Unit,
) -> dict[str, int]:
    from optsmith.dataset.llm_compiler import build_llm_compiler

    for failure in loaded.failures:
        err_console.print(f"[yellow]skipped[/] {failure}")
    with progress_bar() as progress:
        bar = progress.add_task("programs", total=len(loaded.benchmarks))
        return build_llm_compiler(
            loaded.benchmarks, session.evaluator, writer, suite=corpus,
            optimizer=spec.optimizer, budget=spec.budget, seed=spec.seed, unit=unit,
            note=_noter(progress, bar),
        )


def _flag_configs(budget: str) -> int:
    """For supercoder rows the budget is a number of flag configs."""
    if not budget.isdigit() or int(budget) < 1:
        raise OptsmithError(f"--budget for supercoder is a number of flag configs, got {budget!r}")
    return int(budget)


def _build_supercoder(writer: Any, corpus: str, configs: int, limit: int | None,
                      mode: FlagMode) -> dict[str, int]:
    from optsmith.asm.loading import load_problems
    from optsmith.dataset.supercoder import build_supercoder

    problems = load_problems(corpus, limit=limit)
    with progress_bar() as progress:
        bar = progress.add_task("problems", total=len(problems))
        return build_supercoder(problems, writer, configs=configs, note=_noter(progress, bar),
                                portable=mode.portable, allow_fast_math=mode.allow_fast_math)


@dataset_app.command("check")
def check(
    directory: Annotated[Path, typer.Argument(help="a data set written by 'dataset build'")],
    json_out: JsonOpt = None,
) -> None:
    """Re-derive every row from its own text (labels parse back, numbers and tests hold)."""
    from optsmith.dataset.checks import check_dataset

    try:
        check_json_target(json_out)
        # a check measures again: no store, so nothing is answered from earlier runs
        with open_session(workers=1, no_store=True) as session:
            problems = check_dataset(directory, session.evaluator)
    except OptsmithError as exc:
        fail(exc)
    if json_out is not None:
        write_json(json_out, {"directory": str(directory), "problems": problems})
    bad = {k: v for k, v in problems.items() if v}
    console.print(f"{len(problems) - len(bad)}/{len(problems)} rows hold")
    for row_id, why in bad.items():
        console.print(f"[red]{row_id}[/]: {why}")
    if bad:
        raise typer.Exit(code=1)
