"""`optsmith asm ...`: the assembly optimization task from the command line.

    optsmith asm baseline builtin --out baseline/          # gcc -O3 -S per problem, tests checked
    optsmith asm eval builtin --generator flags --json r.json
    optsmith asm eval problems/ --candidates model_out/     # model_out/<problem>.s or <problem>/*.s

PROBLEMS is `builtin`, a problem directory (prog.c + tests/input.N, output.N), a directory of
them, or a SuperCoder-style .jsonl/.parquet file. Every speedup printed comes from a candidate
that passed every test; the baseline timed against itself is printed beside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from rich.progress import Progress
from rich.table import Table

from optsmith.asm.evaluate import Callbacks
from optsmith.cli_common import JsonOpt, console, err_console, fail, progress_bar, write_json
from optsmith.errors import OptsmithError

if TYPE_CHECKING:
    from optsmith.asm.evaluate import Evaluation, ProblemResult
    from optsmith.asm.problems import Problem
    from optsmith.asm.timing import Clock

asm_app = typer.Typer(
    no_args_is_help=True,
    help="Assembly optimization (SuperCoder's task): gcc -O3 baselines, candidates judged "
         "in the sandbox, speedups and RL rewards.",
)

ProblemsArg = Annotated[
    str, typer.Argument(help="builtin, a problem dir, a dir of problem dirs, or a .jsonl/.parquet")
]
OnlyOpt = Annotated[list[str] | None, typer.Option("--only", help="problem name (repeatable)")]
LimitOpt = Annotated[int | None, typer.Option(help="only the first N problems")]





def _load(problems: str, only: list[str] | None, limit: int | None) -> list[Problem]:
    from optsmith.asm.loading import load_problems

    loaded = load_problems(problems, only=only or (), limit=limit)
    if not loaded:
        raise OptsmithError(f"no problems selected from {problems}")
    return loaded


@asm_app.command("baseline")
def baseline(
    problems: ProblemsArg = "builtin",
    out: Annotated[Path, typer.Option(help="directory for <problem>.s")] = Path("asm_baseline"),
    only: OnlyOpt = None,
    limit: LimitOpt = None,
    json_out: JsonOpt = None,
) -> None:
    """Write each problem's gcc -O3 -S assembly (what a model sees) and check it on the tests."""
    import tempfile

    from optsmith.asm.build import baseline_asm
    from optsmith.asm.judge import JudgeSettings, judge

    rows: list[dict[str, Any]] = []
    try:
        chosen = _load(problems, only, limit)
        out.mkdir(parents=True, exist_ok=True)
        lenient = JudgeSettings(min_timeout_s=60.0, max_timeout_s=60.0, memory_bytes=2 << 30)
        with progress_bar() as progress, tempfile.TemporaryDirectory(prefix="optsmith-asm-") as tmp:
            task = progress.add_task("baselines", total=len(chosen))
            for problem in chosen:
                progress.update(task, description=problem.name)
                work = Path(tmp) / problem.name
                asm = problem.baseline_asm
                if asm is None:
                    assert problem.source is not None
                    asm = baseline_asm(problem.source, work)
                path = out / f"{problem.name}.s"
                path.write_text(asm)
                verdict = judge(problem, asm, name="gcc -O3", workdir=work, settings=lenient)
                rows.append({
                    "problem": problem.name, "asm": str(path), "lines": asm.count("\n"),
                    "tests": verdict.tests_total, "passed": verdict.tests_passed,
                    "status": verdict.status.value, "detail": verdict.detail,
                    "cpu_s": sum(r.cpu_s for r in verdict.runs),
                    "wall_s": sum(r.wall_s for r in verdict.runs),
                })
                progress.advance(task)
    except OptsmithError as exc:
        fail(exc)
        return
    if json_out is None or str(json_out) != "-":
        table = Table(title=f"gcc -O3 baselines ({problems}) -> {out}/")
        for column in ("problem", "asm lines", "tests", "CPU s (all tests)", "status"):
            table.add_column(column, justify="left" if column in ("problem", "status") else "right")
        for row in rows:
            ok = row["status"] == "correct"
            table.add_row(row["problem"], str(row["lines"]), f"{row['passed']}/{row['tests']}",
                          f"{row['cpu_s']:.3f}",
                          "[green]pass[/]" if ok else f"[red]{row['detail']}[/]")
        console.print(table)
    if json_out is not None:
        write_json(json_out, {"problems": problems, "out": str(out), "baselines": rows})
    if any(r["status"] != "correct" for r in rows):
        raise typer.Exit(code=1)


@asm_app.command("eval")
def eval_(
    problems: ProblemsArg = "builtin",
    candidates: Annotated[
        Path | None, typer.Option(help="directory of <problem>.s or <problem>/*.s files")
    ] = None,
    generator: Annotated[
        str | None, typer.Option(help="'flags': search gcc/clang-22 flags, PGO and LTO")
    ] = None,
    configs: Annotated[
        str | None, typer.Option(help="comma-separated flag configs (default: all)")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="write each problem's winning assembly here")
    ] = None,
    repeats: Annotated[int, typer.Option(help="timed rounds for the reported speedup")] = 5,
    select_repeats: Annotated[int, typer.Option(help="timed rounds when choosing")] = 3,
    warmup: Annotated[int, typer.Option(help="untimed rounds first")] = 1,
    clock: Annotated[str, typer.Option(help="cpu (user+sys) or wall")] = "cpu",
    count_instructions: Annotated[
        bool, typer.Option(help="also count instructions under callgrind (slow, noise-free)")
    ] = False,
    only: OnlyOpt = None,
    limit: LimitOpt = None,
    json_out: JsonOpt = None,
) -> None:
    """Judge candidates (a directory, or the flag generator) and time the winners vs gcc -O3."""
    from optsmith.asm.candidates import DirectoryCandidates
    from optsmith.asm.evaluate import EvalSettings, evaluate

    try:
        source = _source(candidates, generator, configs)
        if clock not in ("cpu", "wall"):
            raise OptsmithError(f"--clock must be cpu or wall, got {clock!r}")
        settings = EvalSettings(repeats=repeats, select_repeats=select_repeats, warmup=warmup,
                                clock=cast("Clock", clock), count_instructions=count_instructions)
        chosen = _load(problems, only, limit)
        if isinstance(source, DirectoryCandidates) and (extra := source.unmatched(chosen)):
            err_console.print(f"[yellow]warning:[/] {len(extra)} entr(y/ies) in {candidates} "
                              f"name no selected problem: {', '.join(extra[:10])}")
        with progress_bar() as progress:
            evaluation = evaluate(chosen, source, settings, _Bars(progress, len(chosen)))
    except (OptsmithError, ValueError) as exc:
        fail(exc)
        return
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for result in evaluation.results:
            if result.winner_asm is not None:
                (out / f"{result.problem}.s").write_text(result.winner_asm)
        err_console.print(f"wrote the winning assembly to {out}/")
    if json_out is None or str(json_out) != "-":
        console.print(results_table(evaluation, title=f"{source.label} on {problems}"))
        for line in summary_lines(evaluation):
            console.print(line)
    if json_out is not None:
        write_json(json_out, {"problems": problems, **evaluation.to_dict()})
    if evaluation.errors:
        raise typer.Exit(code=1)


def _source(candidates: Path | None, generator: str | None, configs: str | None) -> Any:
    from optsmith.asm.candidates import DirectoryCandidates
    from optsmith.asm.flags import DEFAULT_CONFIGS, FlagGenerator, config_by_name

    if (candidates is None) == (generator is None):
        raise OptsmithError("give exactly one of --candidates DIR or --generator flags")
    if candidates is not None:
        if configs is not None:
            raise OptsmithError("--configs applies to --generator flags only")
        return DirectoryCandidates(candidates)
    if generator != "flags":
        raise OptsmithError(f"unknown generator {generator!r}: the one available is 'flags'")
    chosen = config_by_name([c.strip() for c in configs.split(",") if c.strip()]) \
        if configs else DEFAULT_CONFIGS
    return FlagGenerator(chosen)


class _Bars(Callbacks):
    """Progress: one bar over problems, its description the current step."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress = progress
        self.task = progress.add_task("problems", total=total)
        self.name = ""

    def problem_started(self, problem: Problem, index: int, total: int) -> None:
        self.name = problem.name
        self.progress.update(self.task, description=problem.name)

    def step(self, text: str) -> None:
        self.progress.update(self.task, description=f"{self.name}: {text}")

    def problem_finished(self, result: ProblemResult | None) -> None:
        self.progress.advance(self.task)


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}x"


def results_table(evaluation: Evaluation, *, title: str) -> Table:
    """Per problem: the winner, its tests, the speedup and the baseline against itself."""
    table = Table(title=title)
    for column in ("problem", "winner", "tests", "speedup", "base/base", "candidates ok",
                   "note"):
        table.add_column(column, justify="right" if column in ("speedup", "base/base",
                                                               "tests", "candidates ok")
                         else "left")
    for r in evaluation.results:
        ok = sum(1 for c in r.candidates if c.status.value == "correct")
        speed = _x(r.speedup)
        if r.speedup is not None:
            colour = "green" if r.speedup > 1.02 else "yellow" if r.speedup >= 0.98 else "red"
            speed = f"[{colour}]{speed}[/]"
        note = r.detail if not r.passed else ("held-out tests" if r.held_out else "all tests")
        rejected = [c.name for c in r.candidates if c.status.value != "correct"]
        if rejected:
            note += f"; rejected: {', '.join(rejected)}"
        table.add_row(r.problem, r.winner or "[red]none[/]",
                      f"{r.tests}/{r.tests}" if r.passed else "[red]fail[/]", speed,
                      _x(r.self_ratio), f"{ok}/{len(r.candidates)}", note)
    for name, error in evaluation.errors.items():
        table.add_row(name, "[red]error[/]", "-", "-", "-", "-", error.splitlines()[0][:120])
    return table


def summary_lines(evaluation: Evaluation) -> list[str]:
    """The closing figures, each labelled with what it averages."""
    s = evaluation.summary
    counts = evaluation.candidate_counts()
    lines = [
        f"pass rate [bold]{s.passed}/{s.problems}[/] ({s.pass_rate:.1%}); "
        f"faster than gcc -O3 (by >2%): {s.faster}",
        f"speedup over gcc -O3: geometric mean [bold]{_x(s.geomean_speedup)}[/], arithmetic "
        f"mean {_x(s.arith_mean_speedup)} (over the {s.passed} passed problems); "
        f"mean with failures as 0x {_x(s.mean_speedup_failures_as_zero)}",
        f"SuperCoder-style mean (failures clamped to 1.0x, for comparison with their table "
        f"only): {_x(s.supercoder_clamped_mean)}",
        f"baseline vs itself (noise floor): geometric mean {_x(s.self_ratio_geomean)}, "
        f"largest deviation {s.self_ratio_max_deviation or 0:.1%}",
        "candidates: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v),
    ]
    if s.instruction_geomean_speedup is not None:
        lines.append(f"instruction-count speedup (callgrind): geometric mean "
                     f"{_x(s.instruction_geomean_speedup)}")
    if evaluation.errors:
        lines.append(f"[red]{len(evaluation.errors)} problem(s) could not be evaluated[/]")
    return lines


if __name__ == "__main__":
    asm_app()
