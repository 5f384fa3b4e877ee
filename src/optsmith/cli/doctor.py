"""`optsmith doctor`: the tools optsmith uses, their versions, and how to install the rest."""

from __future__ import annotations

import typer
from rich.table import Table

from optsmith.cli.common import JsonOpt, check_json_target, console, fail, write_json
from optsmith.errors import OptsmithError


def doctor(json_out: JsonOpt = None) -> None:
    """Versions and paths of the tools optsmith uses, and how to install what is missing."""
    from optsmith.toolchain import tools

    try:
        check_json_target(json_out)
    except OptsmithError as exc:
        fail(exc)
    found = tools()
    if json_out is not None:
        write_json(
            json_out,
            [
                {
                    "name": t.name,
                    "path": str(t.path) if t.path else None,
                    "version": t.version,
                    "install": t.install_hint,
                }
                for t in found
            ],
        )
        return
    table = Table(title="optsmith doctor")
    for column in ("tool", "status", "version", "path / how to install"):
        table.add_column(column)
    for t in found:
        status = "[green]ok[/]" if t.found else "[red]missing[/]"
        where = str(t.path) if t.path else t.install_hint
        table.add_row(t.name, status, t.version or "-", where)
    console.print(table)
    missing = [t for t in found if not t.found]
    if missing:
        console.print(f"[red]{len(missing)} missing[/]; run `make deps` or the commands above")
        raise typer.Exit(code=1)
