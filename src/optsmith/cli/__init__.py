"""The `optsmith` command: a thin Typer shell over `optsmith.Session` (see DESIGN.md, layers).

Each sub-command lives in its own module (`optimize`, `bench`, `doctor`, and the `asm`,
`coreset`, `predictor`, `llm`, `dataset` and `train` groups); this package assembles them
into `app`, which the console script `optsmith = "optsmith.cli:main"` runs (`python -m
optsmith.cli` too).
"""

from __future__ import annotations

import typer

from optsmith.cli import (
    agent,
    asm,
    bench,
    coreset,
    dataset,
    doctor,
    llm,
    optimize,
    predictor,
    speed,
    train,
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Make programs smaller and faster; every result rebuilt, tested and measured.",
)


@app.callback()
def _options(
    unsafe_no_sandbox: bool = typer.Option(
        False,
        "--unsafe-no-sandbox",
        help="where bubblewrap cannot run, run programs and candidates WITHOUT containment "
        "(every such result is marked UNCONTAINED); by default optsmith refuses",
    ),
) -> None:
    """Make programs smaller and faster; every result rebuilt, tested and measured."""
    if unsafe_no_sandbox:
        from optsmith.sandbox import set_unsafe_no_sandbox

        set_unsafe_no_sandbox(True)


app.command("doctor")(doctor.doctor)
app.command("bench")(bench.bench)
app.command("optimize")(optimize.optimize)
app.command("speed")(speed.speed)
app.command("agent")(agent.agent)
app.add_typer(coreset.coreset_app, name="coreset")
app.add_typer(predictor.predictor_app, name="predictor")
app.add_typer(asm.asm_app, name="asm")
app.add_typer(llm.llm_app, name="llm")
app.add_typer(dataset.dataset_app, name="dataset")
app.add_typer(train.train_app, name="train")

__all__ = ["app", "main"]


def main() -> None:
    """The console script's entry point."""
    app()
