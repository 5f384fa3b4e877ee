"""The assembly task on the built-in problems with the flag generator: portable vs native.

One run, two figures side by side, each the geometric mean speedup over `gcc -O3`:

* portable: no -march=native (nor any CPU-specific flag) and no fast-math; assembly that
  runs wherever gcc -O3's does (`optsmith asm eval builtin --generator flags --portable`).
* native: -march=native configs too (`optsmith asm eval builtin --generator flags`); their
  assembly runs only on CPUs like this one. Value-unsafe math (-Ofast) stays out unless
  `--allow-fast-math`, which turns this mode into "native + fast-math" and labels its winners.

Each problem's candidates are built once (the portable configs are a subset of the native
ones, so a PGO profile is trained once); then each mode judges its own candidates, picks its
winner on the training tests and times it against gcc -O3 on the held-out tests
(`optsmith.asm.evaluate_problem`, the code `optsmith asm eval` runs), the two modes one after
the other on the same problem so that both see the same machine load. Every speedup comes
from assembly that passed every test; a problem without one is a failure, and counts as one
(pass rate, mean with failures as 0x). Per mode it reports the pass rate, failures, geometric
and arithmetic means, how many winners are native or fast-math, and the baseline timed
against itself (the noise floor). JSON goes to benchmarks/results/asm_flags.json.

Timing is CPU time (user+sys), paired per round (see optsmith.asm.timing); the machine, its
load and the compilers are recorded in the JSON so that figures are compared like for like.

`--with-passes BUDGET` adds `--generator passes` (a runtime search over LLVM pass pipelines
on the training tests, as assembly) to every mode: flags and passes together.

Usage: python benchmarks/asm_flags.py [--only nbody --only crc32] [--limit N]
           [--repeats 7] [--select-repeats 3] [--configs gcc-native-nofma,clang,gcc-pgo]
           [--allow-fast-math] [--with-passes 30] [--json benchmarks/results/asm_flags.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from optsmith.asm import (
    Candidate,
    EvalSettings,
    Evaluation,
    FlagConfig,
    FlagGenerator,
    FlagMode,
    Problem,
    ProblemResult,
    builtin_problems,
    evaluate_problem,
    split_tests,
)
from optsmith.asm.flags import DEFAULT_CONFIGS, config_by_name, mode_configs
from optsmith.errors import OptsmithError
from optsmith.report.asm_tables import winner_build
from optsmith.search.asm_passes import PassGenerator
from optsmith.toolchain import find_toolchain

RESULTS = Path(__file__).parent / "results" / "asm_flags.json"
MODES = ("portable", "native")


class _Prebuilt:
    """A candidate source handing out, for one mode, the candidates built beforehand."""

    includes_baseline = True

    def __init__(self, label: str, names: set[str], built: Sequence[Candidate]) -> None:
        self.label = label
        self.built = [c for c in built if c.name in names]

    def candidates(self, problem: Problem, workdir: Path,
                   training: Sequence[int]) -> list[Candidate]:
        return list(self.built)


def machine() -> dict[str, Any]:
    tc = find_toolchain()
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    return {"cpu": cpu, "cores": os.cpu_count(), "load_average": os.getloadavg(),
            "gcc": tc.gcc_version, "llvm": tc.llvm_version, "python": platform.python_version()}


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}x"


def _brief(result: ProblemResult | None, error: str | None) -> str:
    if result is None:
        return f"error ({(error or '').splitlines()[0][:60]})"
    return f"{result.winner} {_x(result.speedup)}" if result.passed else "failed"


def run_modes(problems: Sequence[Problem], modes: dict[str, FlagMode],
              configs: dict[str, tuple[FlagConfig, ...]], settings: EvalSettings,
              passes_budget: str | None = None) -> dict[str, Evaluation]:
    """Build every problem's candidates once, then evaluate them mode by mode. With
    `passes_budget`, a runtime pass search (`--generator passes`) adds its candidate to
    every mode (it is portable and exact): flags and passes on one scoreboard."""
    every = tuple(dict.fromkeys(c for chosen in configs.values() for c in chosen))
    generator = FlagGenerator(every, allow_fast_math=any(m.allow_fast_math
                                                         for m in modes.values()))
    passes = PassGenerator(budget=passes_budget) if passes_budget else None
    extra = " + passes" if passes else ""
    labels = {key: f"flag search{extra} ({mode.label})" for key, mode in modes.items()}
    results: dict[str, list[ProblemResult]] = {key: [] for key in modes}
    errors: dict[str, dict[str, str]] = {key: {} for key in modes}
    start = time.monotonic()
    for index, problem in enumerate(problems):
        training, _ = split_tests(len(problem.tests))
        line: list[str] = []
        try:
            with tempfile.TemporaryDirectory(prefix="optsmith-bench-asm-") as tmp:
                built = generator.candidates(problem, Path(tmp), training)
                if passes is not None:
                    built += passes.candidates(problem, Path(tmp), training)
        except OptsmithError as exc:
            built = None
            for key in modes:
                errors[key][problem.name] = str(exc)
        for key in modes:
            result = None
            if built is not None:
                names = {c.name for c in configs[key]} | ({"passes"} if passes else set())
                source = _Prebuilt(labels[key], names, built)
                try:
                    result = evaluate_problem(problem, source, settings)
                    results[key].append(result)
                except OptsmithError as exc:
                    errors[key][problem.name] = str(exc)
            line.append(f"{key} {_brief(result, errors[key].get(problem.name))}")
        print(f"[{index + 1}/{len(problems)}] {problem.name}: {' | '.join(line)} "
              f"at {time.monotonic() - start:.0f}s", file=sys.stderr, flush=True)
    return {key: Evaluation(labels[key], settings, results[key], errors[key]) for key in modes}


def side_by_side(evaluations: dict[str, Evaluation], modes: dict[str, FlagMode]
                 ) -> dict[str, dict[str, Any]]:
    """Per mode, the figures compared: summary, failures (problems not evaluated count as
    failed too), how the winners were built, and how many candidates were rejected."""
    table: dict[str, dict[str, Any]] = {}
    for key, ev in evaluations.items():
        s = ev.summary
        counts = ev.candidate_counts()
        table[key] = {
            "mode": modes[key].label,
            **s.to_dict(),
            "not_evaluated": len(ev.errors),
            "failed_or_not_evaluated": s.failed + len(ev.errors),
            "winners": ev.winner_builds(),
            "candidates_judged": counts["total"],
            "candidates_rejected": counts["total"] - counts["correct"],
        }
    return table


def problem_table(evaluations: dict[str, Evaluation]) -> Table:
    table = Table(title="flag search vs gcc -O3, built-in problems: portable | native")
    for column in ("problem", *(f"{k} {c}" for k in evaluations
                                for c in ("winner", "build", "speedup", "base/base"))):
        table.add_column(column, justify="right" if column.endswith(("speedup", "base/base"))
                         else "left")
    names = list(dict.fromkeys(n for ev in evaluations.values()
                               for n in [*(r.problem for r in ev.results), *ev.errors]))
    for name in names:
        cells = [name]
        for ev in evaluations.values():
            result = next((r for r in ev.results if r.problem == name), None)
            if result is None:
                cells += ["[red]error[/]", "-", "-", "-"]
            elif not result.passed:
                cells += ["[red]failed[/]", "-", "-", _x(result.self_ratio)]
            else:
                cells += [result.winner or "-", winner_build(result), _x(result.speedup),
                          _x(result.self_ratio)]
        table.add_row(*cells)
    return table


def figures_table(figures: dict[str, dict[str, Any]]) -> Table:
    table = Table(title="portable vs native, each over gcc -O3 (failures counted)")
    table.add_column("figure")
    for row in figures.values():
        table.add_column(row["mode"], justify="right")
    rows: list[tuple[str, Any]] = [
        ("passed every test", lambda r: f"{r['passed']}/{r['problems'] + r['not_evaluated']}"),
        ("failed / not evaluated", lambda r: f"{r['failed']} / {r['not_evaluated']}"),
        ("geomean speedup (passed)", lambda r: _x(r["geomean_speedup"])),
        ("arith. mean speedup (passed)", lambda r: _x(r["arith_mean_speedup"])),
        ("mean, failures as 0x", lambda r: _x(r["mean_speedup_failures_as_zero"])),
        ("faster than gcc -O3 by >2%", lambda r: str(r["faster"])),
        ("winners native / fast-math", lambda r: f"{r['winners']['native']} / "
                                                 f"{r['winners']['fast_math']}"),
        ("candidates rejected", lambda r: f"{r['candidates_rejected']}/"
                                          f"{r['candidates_judged']}"),
        ("baseline vs itself (geomean)", lambda r: _x(r["self_ratio_geomean"])),
    ]
    for label, cell in rows:
        table.add_row(label, *(cell(row) for row in figures.values()))
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=None, help="problem (repeatable)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N problems")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--select-repeats", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--configs", default=None, help="comma-separated flag configs")
    parser.add_argument("--allow-fast-math", action="store_true",
                        help="native mode also tries value-unsafe math (labelled)")
    parser.add_argument("--with-passes", default=None, metavar="BUDGET",
                        help="also a runtime pass search per problem at this budget (60s)")
    parser.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args()
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    modes = {"portable": FlagMode(portable=True),
             "native": FlagMode(allow_fast_math=args.allow_fast_math)}
    try:
        given = config_by_name(args.configs.split(",")) if args.configs else DEFAULT_CONFIGS
        problems = builtin_problems(args.only)[: args.limit]
        settings = EvalSettings(repeats=args.repeats, select_repeats=args.select_repeats,
                                warmup=args.warmup)
    except OptsmithError as exc:
        parser.error(str(exc))
    refused = [c.name for c in given if modes["native"].refusal(c.flags) is not None]
    if args.configs and refused:
        parser.error(f"{', '.join(refused)}: value-unsafe math; add --allow-fast-math")
    configs = {key: mode_configs(mode, given) for key, mode in modes.items()}
    if empty := [key for key, chosen in configs.items() if not chosen]:
        parser.error(f"no config of --configs fits the {' or '.join(empty)} mode")
    before = machine()
    start = time.monotonic()
    evaluations = run_modes(problems, modes, configs, settings, args.with_passes)
    wall = time.monotonic() - start
    figures = side_by_side(evaluations, modes)
    console = Console(width=200)
    console.print(problem_table(evaluations))
    console.print(figures_table(figures))
    console.print(f"wall time {wall / 60:.1f} min; CPU time (user+sys), paired, "
                  f"{args.repeats} rounds on held-out tests; every speedup from assembly "
                  f"that passed every test")
    payload = {
        "command": "python benchmarks/asm_flags.py " + " ".join(sys.argv[1:]),
        "machine": {**before, "load_average_after": os.getloadavg()},
        "wall_s": wall,
        "side_by_side": figures,
        "modes": {key: {"configs": [c.describe() for c in configs[key]], **ev.to_dict()}
                  for key, ev in evaluations.items()},
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(payload, indent=2, sort_keys=True, default=str) + "\n")
    print(f"wrote {args.json}", file=sys.stderr)
    return 1 if any(ev.errors for ev in evaluations.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
