"""Rich tables for search results: one row per program, a geometric-mean footer."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from optsmith.measure.objectives import baseline_label
from optsmith.report.stats import summarize
from optsmith.search.driver import SearchResult
from optsmith.search.suite_run import SuiteFailure


def _validated(result: SearchResult) -> str:
    if result.validated is None:
        return "[yellow]none[/]"
    return "[green]pass[/]" if result.validated else "[red]FAIL[/]"


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def results_table(
    results: Sequence[SearchResult],
    failures: Sequence[SuiteFailure] = (),
    *,
    title: str = "",
) -> Table:
    """One row per program. "-Oz" is the headline baseline: opt's `default<Oz>` for
    ir-instcount (the literature's), clang's own -Oz for text-size (`clang-22 -Oz -c`'s
    bytes); "clang -Oz" is clang's -Oz pipeline on the same input, for both."""
    table = Table(title=title or None, show_footer=len(results) > 1)
    summary = summarize(results)
    base = baseline_label(results[0].objective) if results else "-Oz"
    table.add_column("program", footer="geomean" if results else "")
    table.add_column("-O0", justify="right")
    table.add_column(base, justify="right")
    table.add_column("clang -Oz", justify="right")
    table.add_column("best", justify="right")
    table.add_column(f"vs {base}", justify="right", footer=f"{summary.geomean_reduction:.2%}")
    table.add_column("CG score", justify="right", footer=f"{summary.mean_compilergym_score:.3f}")
    table.add_column("comps", justify="right", footer=f"{summary.compilations:,}")
    table.add_column("crashes", justify="right", footer=f"{summary.crashes:,}")
    table.add_column("timeouts", justify="right", footer=f"{summary.timeouts:,}")
    table.add_column("tests", footer=f"{summary.validated}/{summary.programs}")
    for r in results:
        table.add_row(
            r.benchmark,
            _num(r.unoptimized),
            _num(r.baseline),
            _num(r.baseline_clang_oz),
            _num(r.best_value),
            f"{r.reduction:.2%}",
            f"{r.compilergym_score:.3f}",
            f"{r.compilations:,}",
            f"{r.crashes:,}",
            f"{r.timeouts:,}",
            _validated(r),
        )
    for f in failures:
        dashes = ["-"] * 8
        table.add_row(f.benchmark, *dashes, f"[red]error: {f.error[:60]}[/]")
    return table


def comparison_table(runs: dict[str, Sequence[SearchResult]], *, title: str = "") -> Table:
    """One row per optimizer at equal budget: the figures DESIGN.md defines."""
    table = Table(title=title or None)
    first = next((r for results in runs.values() for r in results), None)
    base = baseline_label(first.objective) if first is not None else "-Oz"
    for column in (
        "optimizer",
        f"geomean vs {base}",
        "CG score",
        "validated",
        "failed",
        "compilations",
        "crashes",
        "timeouts",
        "retries",
        "wall time",
    ):
        table.add_column(column, justify="left" if column == "optimizer" else "right")
    for name, results in runs.items():
        s = summarize(results)
        table.add_row(
            name,
            f"{s.geomean_reduction:.2%}",
            f"{s.mean_compilergym_score:.3f}",
            f"{s.validated}/{s.programs}",
            str(s.failed_validation),
            f"{s.compilations:,}",
            f"{s.crashes:,}",
            f"{s.timeouts:,}",
            f"{s.retries:,}",
            f"{s.wall_s:,.0f}s",
        )
    return table
