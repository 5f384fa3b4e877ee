"""The `optsmith` command: a thin Typer shell over the library (see DESIGN.md, layers)."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import Progress
from rich.table import Table

from optsmith.cli_asm import asm_app
from optsmith.cli_common import JsonOpt, console, err_console, fail, progress_bar, write_json
from optsmith.cli_coreset import coreset_app
from optsmith.cli_dataset import dataset_app
from optsmith.cli_llm import llm_app
from optsmith.errors import OptsmithError

if TYPE_CHECKING:
    from optsmith.search.executor import Executor

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Make programs smaller and faster; every result rebuilt, tested and measured.",
)

StoreOpt = Annotated[
    Path | None, typer.Option("--store", help="SQLite store (default: $OPTSMITH_STORE or cache dir)")
]
WorkersOpt = Annotated[int | None, typer.Option("--workers", help="engine worker processes")]
ExecutorOpt = Annotated[
    str, typer.Option("--executor", help="where evaluations run: local (processes) or ray")
]
RayAddressOpt = Annotated[
    str | None,
    typer.Option(
        "--ray-address", help="Ray cluster for --executor ray (default: start a local Ray)"
    ),
]


@app.command()
def doctor(json_out: JsonOpt = None) -> None:
    """Versions and paths of the tools optsmith uses, and how to install what is missing."""
    from optsmith.toolchain import tools

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


class _ProgressCallbacks:
    """Rich progress for a suite: one bar for programs, one for the current search."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress = progress
        self.suite_task = progress.add_task("programs", total=total)
        self.search_task = progress.add_task("search", total=1000)

    def program_started(self, benchmark: Any, index: int, total: int) -> None:
        self.progress.update(self.search_task, description=benchmark.name, completed=0)

    def progress_update(self, clock: Any, best: float | None) -> None:
        self.progress.update(
            self.search_task,
            completed=int(clock.fraction() * 1000),
            description=f"{self.progress.tasks[1].description.split(' ')[0]} best={best:,.0f}"
            if best is not None
            else self.progress.tasks[1].description,
        )

    def program_finished(self, result: Any, resumed: bool) -> None:
        self.progress.advance(self.suite_task)


def _check_names(
    optimizer: str,
    objective: str,
    budget: str,
    executor: str = "local",
    ray_address: str | None = None,
) -> None:
    """Fail on a misspelt option before any program is compiled."""
    from optsmith.measure.objectives import get_objective
    from optsmith.search.budget import Budget
    from optsmith.search.registry import make_optimizer

    if optimizer != "llm":  # llm is built per program from --model (see _llm_factory)
        make_optimizer(optimizer)
    get_objective(objective)
    Budget.parse(budget)
    if executor not in ("local", "ray"):
        raise OptsmithError(f"unknown executor {executor!r}: choose local or ray")
    if ray_address is not None and executor != "ray":
        raise OptsmithError("--ray-address needs --executor ray")


ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="for --optimizer llm: a model URL, .gguf file or weights dir"),
]
LlmSamplesOpt = Annotated[
    int, typer.Option("--llm-samples", help="pipelines the model proposes per program (llm)")
]


def _llm_factory(
    optimizer: str, model: str | None, samples: int, seed: int
) -> tuple[str, Any, Any]:
    """(run name, per-program optimizer factory, backend) for `--optimizer llm`, else no-ops."""
    if optimizer != "llm":
        if model is not None:
            raise OptsmithError("--model is for --optimizer llm")
        return optimizer, None, None
    if model is None:
        raise OptsmithError("--optimizer llm needs --model (a URL, .gguf file or weights dir)")
    from optsmith.llm.backend import GenerationParams
    from optsmith.llm.resolve import open_backend
    from optsmith.search.llm_guided import llm_guided

    backend = open_backend(model, n_ctx=8192)
    params = GenerationParams(
        n=samples, temperature=0.8 if samples > 1 else 0.0, max_tokens=256, seed=seed
    )
    return f"llm[{backend.name},n={samples}]", llm_guided(backend, params, seed=seed), backend


def _make_executor(executor: str, workers: int | None, ray_address: str | None) -> Executor:
    """Local worker processes by default; Ray (imported only then) for --executor ray."""
    if executor == "ray":
        from optsmith.search.ray_executor import RayExecutor

        return RayExecutor(workers, address=ray_address)
    from optsmith.llvm.pool import EnginePool

    return EnginePool(workers)


def _run_suite(
    benchmarks: list[Any],
    objective_name: str,
    optimizer: str,
    budget_text: str,
    seed: int,
    store_path: Path | None,
    workers: int | None,
    executor: str = "local",
    ray_address: str | None = None,
    optimizer_factory: Any = None,
) -> tuple[list[Any], list[Any]]:
    from optsmith.measure.objectives import get_objective
    from optsmith.search.budget import Budget
    from optsmith.search.evaluator import Evaluator
    from optsmith.search.suite_run import SuiteCallbacks, run_suite
    from optsmith.store import Store

    objective = get_objective(objective_name)
    budget = Budget.parse(budget_text)
    store = Store(store_path)
    with (
        closing(_make_executor(executor, workers, ray_address)) as pool,
        progress_bar() as progress,
    ):
        evaluator = Evaluator(pool, store)
        bars = _ProgressCallbacks(progress, len(benchmarks))

        class Callbacks(SuiteCallbacks):
            def program_started(self, benchmark: Any, index: int, total: int) -> None:
                bars.program_started(benchmark, index, total)

            def progress(self, clock: Any, best: float | None) -> None:
                bars.progress_update(clock, best)

            def program_finished(self, result: Any, resumed: bool) -> None:
                bars.program_finished(result, resumed)

        return run_suite(
            benchmarks,
            objective,
            optimizer,
            budget,
            evaluator,
            seed=seed,
            callbacks=Callbacks(),
            optimizer_factory=optimizer_factory,
        )


@app.command()
def bench(
    suite: Annotated[
        str, typer.Option(help="builtin, csmith, or a directory of programs")
    ] = "builtin",
    optimizer: Annotated[
        str, typer.Option(help="search algorithm, a comma-separated list, or 'all'")
    ] = "random",
    budget: Annotated[
        str, typer.Option(help="compilations per program (200) or time (60s)")
    ] = "200",
    objective: Annotated[str, typer.Option(help="ir-instcount or text-size")] = "ir-instcount",
    seed: Annotated[int, typer.Option(help="optimizer seed")] = 0,
    limit: Annotated[int | None, typer.Option(help="only the first N programs")] = None,
    store: StoreOpt = None,
    workers: WorkersOpt = None,
    executor: ExecutorOpt = "local",
    ray_address: RayAddressOpt = None,
    json_out: JsonOpt = None,
    plot: Annotated[
        Path | None, typer.Option(help="PNG of best-so-far against compilations")
    ] = None,
) -> None:
    """Run optimizers over a suite; resumable (a killed run picks up where it stopped)."""
    from optsmith.measure.reference import record_reference_outputs
    from optsmith.programs.suites import load_suite
    from optsmith.report.plots import plot_best_so_far
    from optsmith.report.stats import summarize
    from optsmith.report.tables import comparison_table, results_table
    from optsmith.search.registry import OPTIMIZERS
    from optsmith.search.suite_run import SuiteFailure

    names = list(OPTIMIZERS) if optimizer == "all" else optimizer.split(",")
    runs: dict[str, tuple[list[Any], list[Any]]] = {}
    try:
        for name in names:
            _check_names(name, objective, budget, executor, ray_address)
        loaded = load_suite(suite, record=record_reference_outputs, limit=limit)
        load_failures = [SuiteFailure(f.path.stem, str(f.error)) for f in loaded.failures]
        for name in names:
            results, failures = _run_suite(
                loaded.benchmarks,
                objective,
                name,
                budget,
                seed,
                store,
                workers,
                executor,
                ray_address,
            )
            runs[name] = (results, load_failures + failures)
    except OptsmithError as exc:
        fail(exc)
        return
    quiet = json_out is not None and str(json_out) == "-"
    for name, (results, failures) in runs.items():
        summary = summarize(results)
        if not quiet:
            title = f"{name} search, {objective}, budget {budget}, suite {suite}"
            console.print(results_table(results, failures, title=title))
            console.print(
                f"{name}: geometric-mean reduction vs -Oz: [bold]{summary.geomean_reduction:.2%}[/]"
                f"  validated {summary.validated}/{summary.programs}"
                f"  failed validation {summary.failed_validation}  errors {len(failures)}"
            )
    if len(runs) > 1 and not quiet:
        console.print(
            comparison_table(
                {n: r for n, (r, _) in runs.items()}, title=f"{suite}, {objective}, budget {budget}"
            )
        )
    if plot is not None:
        plot_best_so_far(
            {n: r for n, (r, _) in runs.items()},
            plot,
            title=f"{suite}: {objective}, budget {budget}",
        )
        err_console.print(f"wrote {plot}")
    if json_out is not None:
        payload = {
            name: {
                "summary": summarize(results).to_dict(),
                "results": [r.to_dict() for r in results],
                "errors": [f.__dict__ for f in failures],
            }
            for name, (results, failures) in runs.items()
        }
        header = {"suite": suite, "objective": objective, "budget": budget, "seed": seed}
        if len(runs) == 1:
            write_json(json_out, {**header, "optimizer": names[0], **payload[names[0]]})
        else:
            write_json(json_out, {**header, "optimizers": payload})
    if any(f or summarize(r).failed_validation for r, f in runs.values()):
        raise typer.Exit(code=1)


@app.command()
def optimize(
    program: Annotated[Path, typer.Argument(help="a .c, .ll or .bc file")],
    objective: Annotated[str, typer.Option(help="ir-instcount or text-size")] = "ir-instcount",
    budget: Annotated[str, typer.Option(help="compilations (500) or time (60s)")] = "500",
    optimizer: Annotated[str, typer.Option(help="search algorithm")] = "random",
    seed: Annotated[int, typer.Option(help="optimizer seed")] = 0,
    out: Annotated[Path | None, typer.Option(help="directory for the optimized outputs")] = None,
    store: StoreOpt = None,
    workers: WorkersOpt = None,
    executor: ExecutorOpt = "local",
    ray_address: RayAddressOpt = None,
    model: ModelOpt = None,
    llm_samples: LlmSamplesOpt = 8,
    json_out: JsonOpt = None,
) -> None:
    """Search a pipeline for one program; write its IR, object, executable and pipeline.txt.

    `--optimizer llm --model URL` asks the model for pipelines first (LLM Compiler's
    flag-tuning prompt), then spends the rest of the budget on annealing."""
    from optsmith.measure.reference import record_reference_outputs
    from optsmith.programs.loaders import load_path
    from optsmith.report.tables import results_table
    from optsmith.search.outputs import write_outputs

    try:
        _check_names(optimizer, objective, budget, executor, ray_address)
        if not program.is_file():
            raise OptsmithError(f"{program}: no such file")
        benchmarks = load_path(program, record=record_reference_outputs)
        run_name, factory, backend = _llm_factory(optimizer, model, llm_samples, seed)
        try:
            results, failures = _run_suite(
                benchmarks, objective, run_name, budget, seed, store, workers, executor,
                ray_address, factory,
            )
        finally:
            if backend is not None:
                backend.close()
        if failures:
            raise OptsmithError(failures[0].error)
        result = results[0]
        written = write_outputs(benchmarks[0], result, out) if out is not None else {}
    except OptsmithError as exc:
        fail(exc)
        return
    if json_out is None or str(json_out) != "-":
        console.print(results_table(results, title=f"{program.name}: {objective}"))
        console.print(
            f"best pipeline ({len(result.best_pipeline)} chars): {result.best_pipeline[:200]}"
            f"{'…' if len(result.best_pipeline) > 200 else ''}"
        )
        if result.rejected:
            console.print(
                f"[yellow]{len(result.rejected)} better candidate(s) failed their "
                f"tests and were rejected[/]"
            )
        for name, path in written.items():
            console.print(f"  {name}: {path}")
    if json_out is not None:
        write_json(
            json_out, {**result.to_dict(), "outputs": {k: str(v) for k, v in written.items()}}
        )
    if result.validated is False:
        raise typer.Exit(code=1)


app.add_typer(coreset_app, name="coreset")
app.add_typer(asm_app, name="asm")
app.add_typer(llm_app, name="llm")
app.add_typer(dataset_app, name="dataset")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
