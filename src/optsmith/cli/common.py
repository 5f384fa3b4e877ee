"""What every `optsmith` sub-command shares: consoles, options, --json output, errors, bars.

Commands check what they will write (`--json`, `--out`, `--store`) and every option before
the first program is compiled, and show an `OptsmithError` as one red line (exit status 2):
a typo must cost a second, not a search followed by a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from optsmith.writable import check_dir_target, check_file_target

if TYPE_CHECKING:
    from optsmith.session import Session

console = Console(stderr=False)
err_console = Console(stderr=True)

JsonOpt = Annotated[
    Path | None, typer.Option("--json", help="write results as JSON ('-' = stdout)")
]
StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", help="SQLite store (default: $OPTSMITH_STORE or cache dir)"),
]
WorkersOpt = Annotated[
    int | None, typer.Option("--workers", help="engine worker processes (default: one per CPU)")
]
ExecutorOpt = Annotated[
    str, typer.Option("--executor", help="where evaluations run: local (processes) or ray")
]
RayAddressOpt = Annotated[
    str | None,
    typer.Option(
        "--ray-address", help="Ray cluster for --executor ray (default: start a local Ray)"
    ),
]


def fail(exc: Exception) -> NoReturn:
    """Show an OptsmithError as one red line (no traceback) and exit with status 2.

    The message is printed as is: not wrapped at the terminal's width, and brackets in it
    (pipelines, paths) are not read as markup."""
    err_console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=2)


def quiet(json_out: Path | None) -> bool:
    """`--json -` owns stdout: tables and notes are left out."""
    return json_out is not None and str(json_out) == "-"


def check_json_target(json_out: Path | None) -> None:
    """A `--json FILE` that cannot be written fails now, not after the work."""
    if json_out is not None and str(json_out) != "-":
        check_file_target(json_out, f"--json {json_out}")


def check_file_option(path: Path | None, option: str) -> None:
    """Another file a command will write (`--plot`, coreset `--out`): checked up front."""
    if path is not None:
        check_file_target(path, f"{option} {path}")


def check_out_dir(out: Path | None, option: str = "--out") -> None:
    """A directory a command will fill: it may not exist yet, but must be makeable."""
    if out is not None:
        check_dir_target(out, f"{option} {out}")


def open_session(
    *,
    store: Path | None = None,
    workers: int | None = None,
    executor: str = "local",
    ray_address: str | None = None,
    no_store: bool = False,
) -> Session:
    """The one place the CLI builds engine workers + store + evaluator: a `Session`."""
    from optsmith.session import Session

    return Session(
        workers=workers,
        store=False if no_store else store,
        executor=executor,
        ray_address=ray_address,
    )


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


TestTimeoutOpt = Annotated[
    float | None,
    typer.Option(
        "--test-timeout",
        help="seconds per test run (reference and candidates); default: derived from the "
        "-O0 reference's measured time (10x + 1 s, at least 5 s) under a 300 s ceiling",
    ),
]
