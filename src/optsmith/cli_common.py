"""What every `optsmith` sub-command shares: consoles, --json output, errors, progress bars."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

console = Console(stderr=False)
err_console = Console(stderr=True)

JsonOpt = Annotated[
    Path | None, typer.Option("--json", help="write results as JSON ('-' = stdout)")
]


def fail(exc: Exception) -> None:
    """Show a OptsmithError as one red line (no traceback) and exit with status 2."""
    err_console.print(f"[bold red]error:[/] {exc}")
    raise typer.Exit(code=2)


def write_json(target: Path, payload: Any) -> None:
    text = json.dumps(payload, indent=2, sort_keys=True, default=str)
    if str(target) == "-":
        sys.stdout.write(text + "\n")
    else:
        target.write_text(text + "\n")
        err_console.print(f"wrote {target}")


def progress_bar() -> Progress:
    """A transient bar on stderr; off when stderr is not a terminal (OPTSMITH_PROGRESS=1 forces)."""
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal and os.environ.get("OPTSMITH_PROGRESS") != "1",
    )
