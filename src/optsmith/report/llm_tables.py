"""Rich tables for LLM task reports: one row per input, then the suite figures."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.table import Table

from optsmith.llmtasks.base import TaskReport


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "[green]yes[/]" if value else "[red]no[/]"
    if isinstance(value, float):
        return f"{value:.1%}" if -10 < value < 10 else f"{value:,.0f}"
    return str(value)


def report_table(report: TaskReport) -> Table:
    table = Table(title=f"{report.task}: {report.model}, {report.samples} sample(s) per input",
                  box=box.SIMPLE_HEAD)
    for i, (_, header) in enumerate(report.columns):
        table.add_column(header, no_wrap=True, justify="left" if i == 0 else "right",
                         overflow="ellipsis", min_width=len(header), max_width=20 if i == 0
                         else None)
    for row in report.rows:
        table.add_row(*[_cell(row.get(key)) for key, _ in report.columns])
    return table


def notes(report: TaskReport) -> list[str]:
    """Why each input that has no figure has none (skipped, model error, parse error)."""
    lines = []
    for row in report.rows:
        note = row.get("skipped") or row.get("error")
        if note:
            lines.append(f"{row.get('name')}: {str(note).splitlines()[0][:300]}")
    return lines


def summary_table(report: TaskReport) -> Table:
    table = Table(title="summary", show_header=False)
    for key, value in report.summary.items():
        table.add_row(key, str(value) if isinstance(value, int) else _cell(value))
    return table
