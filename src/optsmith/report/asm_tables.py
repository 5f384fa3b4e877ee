"""Tables and closing lines for the assembly task: what `optsmith asm eval` and
`benchmarks/asm_flags.py` print (every speedup from a candidate that passed every test).

When the candidates say how they were built (the flag search does), a `build` column shows
each winner as `portable` or `native`, with a `FAST-MATH` marker for value-unsafe math, so
that no such figure passes for a plain `gcc -O3` replacement.
"""

from __future__ import annotations

from rich.table import Table

from optsmith.asm.evaluate import Evaluation, ProblemResult

FAST_MATH_MARK = "FAST-MATH"


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}x"


def build_label(target: str | None, fast_math: bool | None) -> str:
    """`portable`, `native`, either with ` FAST-MATH` (rich markup); `-` when not known."""
    text = {"portable": "portable", "native": "[cyan]native[/]"}.get(target or "", "-")
    return text + (f" [bold magenta]{FAST_MATH_MARK}[/]" if fast_math else "")


def winner_build(result: ProblemResult) -> str:
    return build_label(result.winner_target, result.winner_fast_math) if result.passed else "-"


def results_table(evaluation: Evaluation, *, title: str) -> Table:
    """Per problem: the winner (and how it was built, when known), its tests, the speedup and
    the baseline against itself."""
    labelled = any(c.target is not None or c.fast_math is not None
                   for r in evaluation.results for c in r.candidates)
    table = Table(title=title)
    columns = ("problem", "winner", *(("build",) if labelled else ()), "tests", "speedup",
               "base/base", "candidates ok", "note")
    for column in columns:
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
        build = (winner_build(r),) if labelled else ()
        table.add_row(r.problem, r.winner or "[red]none[/]", *build,
                      f"{r.tests}/{r.tests}" if r.passed else "[red]fail[/]", speed,
                      _x(r.self_ratio), f"{ok}/{len(r.candidates)}", note)
    for name, error in evaluation.errors.items():
        table.add_row(name, "[red]error[/]", *(("-",) if labelled else ()), "-", "-", "-", "-",
                      error.splitlines()[0][:120])
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
    builds = evaluation.winner_builds()
    if builds["portable"] + builds["native"]:
        line = (f"winners: {builds['portable']} portable, {builds['native']} native "
                f"(-march=native and the like: run only on CPUs like this one)")
        if builds["fast_math"]:
            line += (f"; [bold magenta]{builds['fast_math']} {FAST_MATH_MARK}[/] (value-unsafe "
                     f"math, passed only the problem's few tests)")
        lines.append(line)
    if s.instruction_geomean_speedup is not None:
        lines.append(f"instruction-count speedup (callgrind): geometric mean "
                     f"{_x(s.instruction_geomean_speedup)}")
    if evaluation.errors:
        lines.append(f"[red]{len(evaluation.errors)} problem(s) could not be evaluated[/]")
    return lines
