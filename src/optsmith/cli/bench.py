"""`optsmith bench`: optimizers over a suite, resumably, with a table, JSON and a plot.

A thin shell over `optsmith.Session.bench`: every optimizer name, the output paths and the
session's options are checked before the suite is loaded; the suite is loaded once and
searched by each optimizer in turn.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from optsmith.cli.common import (
    ExecutorOpt,
    JsonOpt,
    RayAddressOpt,
    StoreOpt,
    TestTimeoutOpt,
    WorkersOpt,
    check_file_option,
    check_json_target,
    console,
    err_console,
    fail,
    open_session,
    progress_bar,
    quiet,
    write_json,
)
from optsmith.errors import OptsmithError
from optsmith.search.defaults import DEFAULT_OPTIMIZER

if TYPE_CHECKING:
    from optsmith.results import BenchReport


def bench(
    suite: Annotated[
        str, typer.Option(help="builtin, csmith, or a directory of programs")
    ] = "builtin",
    optimizer: Annotated[
        str,
        typer.Option(
            help="search algorithm (default: hybrid, the best measured at 200 and 1000 "
            "compilations), a comma-separated list, or 'all'"
        ),
    ] = DEFAULT_OPTIMIZER,
    budget: Annotated[
        str, typer.Option(help="compilations per program (200) or time (60s)")
    ] = "200",
    objective: Annotated[
        str, typer.Option(help="ir-instcount, text-size or runtime (instructions run, callgrind)")
    ] = "ir-instcount",
    seed: Annotated[int, typer.Option(help="optimizer seed")] = 0,
    limit: Annotated[int | None, typer.Option(help="only the first N programs")] = None,
    store: StoreOpt = None,
    workers: WorkersOpt = None,
    executor: ExecutorOpt = "local",
    ray_address: RayAddressOpt = None,
    test_timeout: TestTimeoutOpt = None,
    json_out: JsonOpt = None,
    plot: Annotated[
        Path | None, typer.Option(help="PNG of best-so-far against compilations")
    ] = None,
) -> None:
    """Run optimizers over a suite; resumable (a killed run picks up where it stopped)."""
    from optsmith.cli.progress import SuiteBars
    from optsmith.search.registry import OPTIMIZERS
    from optsmith.session import SearchSpec

    names = list(OPTIMIZERS) if optimizer == "all" else [n.strip() for n in optimizer.split(",")]
    reports: dict[str, BenchReport] = {}
    try:
        for name in names:
            SearchSpec.parse(objective=objective, budget=budget, optimizer=name, seed=seed)
        check_json_target(json_out)
        check_file_option(plot, "--plot")
        with open_session(
            store=store, workers=workers, executor=executor, ray_address=ray_address
        ) as session:
            loaded = session.load(suite, limit=limit, test_timeout_s=test_timeout)
            for name in names:
                with progress_bar() as progress:
                    reports[name] = session.bench(
                        loaded, objective=objective, budget=budget, optimizer=name, seed=seed,
                        callbacks=SuiteBars(progress, len(loaded.benchmarks)), label=suite,
                    )
    except OptsmithError as exc:
        fail(exc)
    if not quiet(json_out):
        _print(reports, suite=suite, objective=objective, budget=budget)
    if plot is not None:
        from optsmith.report.plots import plot_best_so_far

        plot_best_so_far(
            {n: r.search_results for n, r in reports.items()},
            plot,
            title=f"{suite}: {objective}, budget {budget}",
        )
        err_console.print(f"wrote {plot}")
    if json_out is not None:
        write_json(json_out, _payload(reports, suite=suite, objective=objective, budget=budget,
                                      seed=seed))
    if not all(r.ok for r in reports.values()):
        raise typer.Exit(code=1)


def _print(reports: dict[str, BenchReport], *, suite: str, objective: str, budget: str) -> None:
    from optsmith.measure.objectives import baseline_label
    from optsmith.report.tables import comparison_table, results_table

    base = baseline_label(objective)
    for name, report in reports.items():
        summary = report.summary
        title = f"{name} search, {objective}, budget {budget}, suite {suite}"
        console.print(results_table(report.search_results, report.failures, title=title))
        console.print(
            f"{name}: geometric-mean reduction vs {base}: [bold]{summary.geomean_reduction:.2%}[/]"
            f"  validated {summary.validated}/{summary.programs}"
            f"  failed validation {summary.failed_validation}  errors {len(report.failures)}"
            f"  crashes {summary.crashes}  timeouts {summary.timeouts}"
            f"  retries {summary.retries}"
        )
    if len(reports) > 1:
        console.print(
            comparison_table(
                {n: r.search_results for n, r in reports.items()},
                title=f"{suite}, {objective}, budget {budget}",
            )
        )


def _payload(
    reports: dict[str, BenchReport], *, suite: str, objective: str, budget: str, seed: int
) -> dict[str, Any]:
    """One optimizer: its report as is; several: a header and one entry per optimizer."""
    if len(reports) == 1:
        (report,) = reports.values()
        return report.to_dict()
    header = {"suite": suite, "objective": objective, "budget": budget, "seed": seed}
    keep = ("summary", "results", "errors")
    return {
        **header,
        "optimizers": {
            n: {k: v for k, v in r.to_dict().items() if k in keep} for n, r in reports.items()
        },
    }
