"""`optsmith asm ...`: the assembly optimization task from the command line.

    optsmith asm baseline builtin --out baseline/          # gcc -O3 -S per problem, tests checked
    optsmith asm eval builtin --generator flags --json r.json
    optsmith asm eval builtin --generator flags --portable   # no -march=native
    optsmith asm eval problems/ --candidates model_out/     # model_out/<problem>.s or <problem>/*.s

PROBLEMS is `builtin`, a problem directory (prog.c + tests/input.N, output.N), a directory of
them, or a SuperCoder-style .jsonl/.parquet file. Every speedup printed comes from a candidate
that passed every test; the baseline timed against itself is printed beside it.

The flag search tries -march=native configs by default (labelled `native`: their assembly
runs only on CPUs like this one); `--portable` leaves them out. Value-unsafe math (-Ofast,
-ffast-math) is tried only with `--allow-fast-math`, and labelled FAST-MATH wherever it wins.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from rich.progress import Progress
from rich.table import Table

from optsmith.asm.evaluate import Callbacks
from optsmith.cli.common import (
    JsonOpt,
    check_json_target,
    check_out_dir,
    console,
    err_console,
    fail,
    progress_bar,
    quiet,
    write_json,
)
from optsmith.errors import OptsmithError

if TYPE_CHECKING:
    from optsmith.asm.evaluate import ProblemResult
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
        check_json_target(json_out)
        check_out_dir(out)
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
    if not quiet(json_out):
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
        str | None,
        typer.Option(help="'flags': search gcc/clang-22 flags, PGO and LTO; 'passes': a "
                     "runtime search over LLVM pass pipelines on the training tests"),
    ] = None,
    budget: Annotated[
        str, typer.Option(help="passes: compilations (100) or time (60s) per problem")
    ] = "100",
    configs: Annotated[
        str | None, typer.Option(help="comma-separated flag configs (default: all the mode "
                                 "allows)")
    ] = None,
    portable: Annotated[
        bool, typer.Option("--portable", help="flags: no -march=native (or any CPU-specific "
                           "flag) and no fast-math; assembly that runs wherever gcc -O3's does")
    ] = False,
    allow_fast_math: Annotated[
        bool, typer.Option("--allow-fast-math", help="flags: also try value-unsafe math "
                           "(-Ofast, -ffast-math); its winners are labelled FAST-MATH")
    ] = False,
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
    from optsmith.asm.flags import FlagGenerator
    from optsmith.report.asm_tables import results_table, summary_lines

    try:
        source = _source(candidates, generator, configs, portable, allow_fast_math, budget)
        check_json_target(json_out)
        check_out_dir(out)
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
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for result in evaluation.results:
            if result.winner_asm is not None:
                (out / f"{result.problem}.s").write_text(result.winner_asm)
        err_console.print(f"wrote the winning assembly to {out}/")
    if not quiet(json_out):
        console.print(results_table(evaluation, title=f"{source.label} on {problems}"))
        for line in summary_lines(evaluation):
            console.print(line)
    if json_out is not None:
        mode: dict[str, Any] = {}
        if isinstance(source, FlagGenerator):
            mode = {"portable": portable, "allow_fast_math": allow_fast_math,
                    "configs": [c.describe() for c in source.configs]}
        write_json(json_out, {"problems": problems, **mode, **evaluation.to_dict()})
    if evaluation.errors:
        raise typer.Exit(code=1)


def _source(candidates: Path | None, generator: str | None, configs: str | None,
            portable: bool, allow_fast_math: bool, budget: str = "100") -> Any:
    """The candidate source the options name; every bad combination fails here, before work."""
    from optsmith.asm.candidates import DirectoryCandidates
    from optsmith.asm.flag_traits import FlagMode
    from optsmith.asm.flags import FlagGenerator, config_by_name

    FlagMode(portable=portable, allow_fast_math=allow_fast_math)  # --portable + fast-math
    if (candidates is None) == (generator is None):
        raise OptsmithError("give exactly one of --candidates DIR or --generator flags|passes")
    if candidates is not None:
        given = [name for name, on in (("--configs", configs is not None),
                                       ("--portable", portable),
                                       ("--allow-fast-math", allow_fast_math)) if on]
        if given:
            verb = "apply" if len(given) > 1 else "applies"
            raise OptsmithError(f"{' and '.join(given)} {verb} to --generator flags only")
        return DirectoryCandidates(candidates)
    if generator == "passes":
        if configs is not None or allow_fast_math:
            raise OptsmithError("--configs and --allow-fast-math apply to --generator flags only")
        from optsmith.search.asm_passes import PassGenerator

        return PassGenerator(budget=budget)  # portable and exact by construction
    if generator != "flags":
        raise OptsmithError(
            f"unknown generator {generator!r}: the ones available are 'flags' and 'passes'"
        )
    chosen = config_by_name([c.strip() for c in configs.split(",") if c.strip()]) \
        if configs else None
    return FlagGenerator(chosen, portable=portable, allow_fast_math=allow_fast_math)


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

