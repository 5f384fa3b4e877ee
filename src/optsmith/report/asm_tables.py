"""Tables and closing lines for the assembly task: what `optsmith asm eval` and
`benchmarks/asm_flags.py` print (every speedup from a candidate that passed every test)."""

from __future__ import annotations

from rich.table import Table

from optsmith.asm.evaluate import Evaluation


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
