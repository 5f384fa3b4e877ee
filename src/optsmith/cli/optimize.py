"""`optsmith optimize PROGRAM`: one program's best pipeline, proven by its tests.

A thin shell over `optsmith.Session.optimize`: options and output paths are checked before
the program is compiled; the table, the reasons a result or a candidate failed its tests,
and the written files are printed after.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from optsmith.cli.common import (
    ExecutorOpt,
    JsonOpt,
    RayAddressOpt,
    StoreOpt,
    TestTimeoutOpt,
    WorkersOpt,
    check_json_target,
    check_out_dir,
    console,
    fail,
    open_session,
    progress_bar,
    quiet,
    write_json,
)
from optsmith.errors import OptsmithError
from optsmith.search.defaults import DEFAULT_OPTIMIZER

ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", help="for --optimizer llm / llm-mcts: a model URL, .gguf file or weights dir"
    ),
]
LlmSamplesOpt = Annotated[
    int, typer.Option("--llm-samples", help="pipelines the model proposes per program (llm)")
]
_WHY_CHARS = 300  # of a failed test's detail, per line printed


def _first_line(text: str) -> str:
    """A test failure's detail, shortened to a line (the whole is in --json / result.json)."""
    lines = text.strip().splitlines()
    line = lines[0] if lines else "(no detail)"
    return line if len(line) <= _WHY_CHARS else line[:_WHY_CHARS] + "…"


def optimize(
    program: Annotated[Path, typer.Argument(help="a .c, .ll or .bc file")],
    objective: Annotated[
        str, typer.Option(help="ir-instcount, text-size or runtime (instructions run, callgrind)")
    ] = "ir-instcount",
    budget: Annotated[str, typer.Option(help="compilations (500) or time (60s)")] = "500",
    optimizer: Annotated[
        str,
        typer.Option(
            help="search algorithm (default: hybrid, the best measured), llm (the default "
            "search seeded by --model's proposals) or llm-mcts (MCTS with them as priors)"
        ),
    ] = DEFAULT_OPTIMIZER,
    seed: Annotated[int, typer.Option(help="optimizer seed")] = 0,
    out: Annotated[Path | None, typer.Option(help="directory for the optimized outputs")] = None,
    store: StoreOpt = None,
    workers: WorkersOpt = None,
    executor: ExecutorOpt = "local",
    ray_address: RayAddressOpt = None,
    model: ModelOpt = None,
    llm_samples: LlmSamplesOpt = 8,
    test_timeout: TestTimeoutOpt = None,
    json_out: JsonOpt = None,
) -> None:
    """Search a pipeline for one program; write its IR, object, executable and pipeline.txt.

    `--optimizer llm --model URL` asks the model for pipelines (LLM Compiler's flag-tuning
    prompt); the valid ones seed the default search (asked before hybrid's own seeds), and
    answers that do not parse cost no compilation. `llm-mcts` uses them as MCTS priors."""
    from optsmith.cli.progress import SuiteBars
    from optsmith.report.tables import results_table
    from optsmith.session import SearchSpec

    try:
        SearchSpec.parse(
            objective=objective, budget=budget, optimizer=optimizer, seed=seed, model=model,
            llm_samples=llm_samples,
        )
        check_json_target(json_out)
        check_out_dir(out)
        with open_session(
            store=store, workers=workers, executor=executor, ray_address=ray_address
        ) as session:
            with progress_bar() as progress:
                result = session.optimize(
                    program, objective=objective, budget=budget, optimizer=optimizer,
                    seed=seed, model=model, llm_samples=llm_samples,
                    test_timeout_s=test_timeout, callbacks=SuiteBars(progress, 1),
                )
            written = result.write(out) if out is not None else {}
    except OptsmithError as exc:
        fail(exc)
    search = result.search
    if not quiet(json_out):
        console.print(results_table([search], title=f"{program.name}: {objective}"))
        console.print(
            f"best pipeline ({len(search.best_pipeline)} chars): {search.best_pipeline[:200]}"
            f"{'…' if len(search.best_pipeline) > 200 else ''}",
            highlight=False,
        )
        console.print(
            f"{search.compilations:,} compilations ({search.failures:,} failed): "
            f"crashes {search.crashes}  timeouts {search.timeouts}  retries {search.retries}",
            highlight=False,
        )
        if search.validated is False:
            console.print(
                f"[red]validation failed:[/] {_first_line(search.validation_detail)}",
                highlight=False,
            )
        if search.rejected:
            console.print(
                f"[yellow]{len(search.rejected)} better candidate(s) failed their "
                f"tests and were rejected:[/]"
            )
            for candidate in search.rejected:
                value = candidate.get("value")
                shown = f"{value:,.0f}" if isinstance(value, int | float) else "?"
                why = _first_line(str(candidate.get("why", "")))
                console.print(f"  {shown}: {why}", highlight=False)
        for name, path in written.items():
            console.print(f"  {name}: {path}")
    if json_out is not None:
        write_json(
            json_out, {**result.to_dict(), "outputs": {k: str(v) for k, v in written.items()}}
        )
    if result.validated is False:
        raise typer.Exit(code=1)
