"""`optsmith speed PROGRAM`: a pass pipeline for speed, proven by tests and wall time.

The search runs `--objective runtime` (instructions executed on the program's tests,
counted by callgrind, against clang's own -O3 pipeline); the best build that passes its
tests is then timed against the binary `clang-22 -O3` makes, interleaved in the sandbox,
with a 95% interval (`optsmith.measure.speed_confirm`). Both figures are printed side by
side: where they disagree, the wall time is the figure. The executable, the pipeline and
a replay script are written to `--out`.

`--native` builds for this machine's CPU (`-march=native -mno-avx512f` on the program's
flags: the IR carries the host's CPU and features, so the engine's code generator uses
them, and the baseline is then `clang-22 -O3` with the same flags, so the figure is what
the pipeline adds). AVX-512 is left out because callgrind (valgrind 3.19) cannot execute
it: on an AVX-512 host every native build died with SIGILL under it. A native binary runs
only on CPUs like this one, so it is never the default.

`--pgo` trains a profile on the tests (`optsmith.measure.pgo`): the search starts from IR
with its branch weights, and the baseline is `clang-22 -O3 -fprofile-instr-use` with the same
profile; time it with `--time-args`, on inputs the profile never saw.
"""

from __future__ import annotations

import dataclasses
import shlex
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from optsmith.cli.common import (
    JsonOpt,
    StoreOpt,
    TestTimeoutOpt,
    WorkersOpt,
    check_json_target,
    check_out_dir,
    console,
    fail,
    open_session,
    progress_bar,
    quiet,
    write_json,
)
from optsmith.errors import OptionError, OptsmithError
from optsmith.search.defaults import DEFAULT_OPTIMIZER

# callgrind cannot run AVX-512 code, so a native build for speed leaves it out
NATIVE_FLAGS = ("-march=native", "-mno-avx512f")

REPLAY_HEAD = """#!/bin/sh
# Rebuild the optimized executable with stock LLVM 22 from the files beside this script.
set -e
cd "$(dirname "$0")"
"""


def speed(
    program: Annotated[Path, typer.Argument(help="a .c file with tests (prog.args sidecar)")],
    budget: Annotated[str, typer.Option(help="compilations (200) or time (60s)")] = "60s",
    optimizer: Annotated[
        str, typer.Option(help="search algorithm (default: hybrid, from clang's -O3)")
    ] = DEFAULT_OPTIMIZER,
    seed: Annotated[int, typer.Option(help="optimizer seed")] = 0,
    rounds: Annotated[
        int, typer.Option(help="interleaved wall-time rounds against clang-22 -O3")
    ] = 10,
    native: Annotated[
        bool,
        typer.Option(
            "--native", help="build for this CPU (-march=native -mno-avx512f, the baseline "
            "too); the binary runs only on CPUs like this one",
        ),
    ] = False,
    pgo: Annotated[
        bool,
        typer.Option(
            "--pgo", help="train a profile on the tests (clang -fprofile-instr-generate, in the "
            "sandbox); the search, the build and the baseline use it; time with --time-args",
        ),
    ] = False,
    time_args: Annotated[
        list[str] | None,
        typer.Option(
            "--time-args",
            help="arguments of a run to time on instead of the tests (repeatable; its "
            "expected output comes from the -O0 build); the search never sees it",
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="directory for the executable, pipeline and replay.sh")
    ] = None,
    store: StoreOpt = None,
    workers: WorkersOpt = None,
    test_timeout: TestTimeoutOpt = None,
    json_out: JsonOpt = None,
) -> None:
    """Search a pipeline that makes PROGRAM run fewer instructions than clang-22 -O3's,
    then confirm it with wall time against clang-22 -O3's binary."""
    from optsmith.cli.progress import SuiteBars
    from optsmith.measure.objectives import get_objective
    from optsmith.measure.pgo import with_profile
    from optsmith.measure.speed_confirm import confirm_speedup, timing_benchmark
    from optsmith.report.tables import results_table
    from optsmith.session import SearchSpec, load_program

    try:
        if rounds < 2:
            raise OptionError(f"--rounds must be at least 2, got {rounds}")
        SearchSpec.parse(objective="runtime", budget=budget, optimizer=optimizer, seed=seed)
        check_json_target(json_out)
        check_out_dir(out)
        benchmark = load_program(program, test_timeout_s=test_timeout)
        if native:
            benchmark = dataclasses.replace(
                benchmark, cflags=(*benchmark.cflags, *NATIVE_FLAGS)
            )
        if pgo:
            with console.status("training a profile on the tests"):
                benchmark = with_profile(benchmark)
        with tempfile.TemporaryDirectory(prefix="optsmith-speed-") as tmp:
            target = out if out is not None else Path(tmp)
            with open_session(store=store, workers=workers) as session:
                with progress_bar() as progress:
                    result = session.optimize(
                        benchmark, objective="runtime", budget=budget, optimizer=optimizer,
                        seed=seed, callbacks=SuiteBars(progress, 1),
                    )
                written = result.write(target)
            replay = target / "replay.sh"
            command = f"{get_objective('runtime').replay} {shlex.join(result.benchmark.ldflags)}"
            replay.write_text(f"{REPLAY_HEAD}{command}\n")
            replay.chmod(0o755)
            confirmation = None
            if result.validated and "executable" in written:
                with console.status("timing against clang-22 -O3"):
                    timed = timing_benchmark(result.benchmark, time_args or [])
                    confirmation = confirm_speedup(written["executable"], timed, rounds=rounds)
    except OptsmithError as exc:
        fail(exc)
    search = result.search
    if not quiet(json_out):
        console.print(results_table([search], title=f"{program.name}: runtime"))
        console.print(
            f"instructions executed: {search.reduction:.2%} fewer than clang's -O3 pipeline "
            f"(callgrind, {search.compilations:,} compilations, {search.wall_s:.0f}s)",
            highlight=False,
        )
        if confirmation is not None:
            console.print(f"wall time: {confirmation}", highlight=False)
        else:
            console.print("[red]not timed:[/] the best build did not pass its tests")
        if out is not None:
            for name, path in {**written, "replay": replay}.items():
                console.print(f"  {name}: {path}")
    if json_out is not None:
        write_json(
            json_out,
            {
                **result.to_dict(),
                "wall_time": confirmation.to_dict() if confirmation is not None else None,
                "outputs": (
                    {k: str(v) for k, v in {**written, "replay": replay}.items()}
                    if out is not None
                    else {}
                ),
            },
        )
    if result.validated is False or confirmation is None:
        raise typer.Exit(code=1)
