"""Speed: pass pipelines searched for run time, against clang-22 -O3, proxy and wall time.

For each program: `optsmith speed`'s search (`--objective runtime`: instructions executed
on the program's own small tests, callgrind, outputs checked, against clang's own -O3
pipeline) at one budget, then the best validated build timed against the binary
`clang-22 -O3` makes, interleaved in the sandbox, on a *larger* input the search never
saw (the program's last test with its size argument doubled until the -O3 binary runs at
least `--min-seconds`, or as far as the program lets it grow), with its output checked.

Per program: the proxy gain (clang-O3 pipeline instructions / best's, on the search's
tests), the confirmed wall-time speedup with its 95% interval, the baseline timed against
itself (how much the machine moves the figure), compilations, seconds. Where proxy and
wall time disagree the wall time is the figure; the table says how often they agree in
direction and their rank correlation (Spearman) across programs.

Usage: python benchmarks/speed_quality.py --programs matmul,fir_iir --budget 60s \
    [--rounds 10] [--min-seconds 0.1] [--json benchmarks/results/speed_builtin.json]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from optsmith.measure.speed_confirm import build_o3_baseline, confirm_speedup, timing_benchmark
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.builtin_suite import builtin_benchmark, builtin_suite
from optsmith.session import Session
from optsmith.writable import check_file_target

MAX_DOUBLINGS = 14


def _native_seconds(exe: Path, args: list[str]) -> tuple[float, bytes]:
    started = time.monotonic()
    proc = subprocess.run([exe, *args], capture_output=True, timeout=120)
    return time.monotonic() - started, proc.stdout


def timing_args(bench: Benchmark, min_seconds: float, tmp: Path) -> tuple[str, float]:
    """The last test's arguments with its first (size) argument doubled until clang-22 -O3's
    binary runs `min_seconds`, or until the output stops changing (the program clamps it)."""
    args = list(bench.tests[-1].args)
    exe = build_o3_baseline(bench, tmp / f"{bench.name}-o3")
    seconds, output = _native_seconds(exe, args)
    if not args or not args[0].isdigit():
        return " ".join(args), seconds
    for _ in range(MAX_DOUBLINGS):
        if seconds >= min_seconds:
            break
        bigger = [str(int(args[0]) * 2), *args[1:]]
        more_seconds, more_output = _native_seconds(exe, bigger)
        if more_output == output or more_seconds > 20 * max(min_seconds, 0.1):
            break  # clamped by the program, or grown past what a benchmark should wait for
        args, seconds, output = bigger, more_seconds, more_output
    return " ".join(args), seconds


def _spearman(xs: list[float], ys: list[float]) -> float | None:
    if len(xs) < 3:
        return None

    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=lambda i: values[i])
        out = [0.0] * len(values)
        for rank, i in enumerate(order):
            out[i] = float(rank)
        return out

    rx, ry = ranks(xs), ranks(ys)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    var = math.sqrt(sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry))
    return cov / var if var > 0 else None


def _geomean(values: list[float]) -> float:
    return math.exp(statistics.fmean(math.log(v) for v in values)) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--programs", default="", help="built-in names (default: --limit)")
    parser.add_argument("--limit", type=int, default=8, help="the first N built-ins")
    parser.add_argument("--budget", default="60s")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--min-seconds", type=float, default=0.1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--store", type=Path,
                        default=Path(tempfile.gettempdir()) / "optsmith-speed-quality.sqlite")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    if args.json is not None:
        check_file_target(args.json, f"--json {args.json}")
    names = [n.strip() for n in args.programs.split(",") if n.strip()]
    programs = (
        [builtin_benchmark(n) for n in names] if names else builtin_suite()[: args.limit]
    )

    rows: list[dict[str, Any]] = []
    with Session(workers=args.workers, store=args.store) as session, \
            tempfile.TemporaryDirectory(prefix="speed-quality-") as tmp_text:
        tmp = Path(tmp_text)
        for bench in programs:
            line, o3_seconds = timing_args(bench, args.min_seconds, tmp)
            result = session.optimize(bench, objective="runtime", budget=args.budget)
            search = result.search
            row: dict[str, Any] = {
                "program": bench.name,
                "time_args": line,
                "o3_native_s": o3_seconds,
                "proxy_speedup": search.baseline / search.best_value,
                "instructions_clang_o3": search.baseline,
                "instructions_best": search.best_value,
                "compilations": search.compilations,
                "search_s": search.wall_s,
                "validated": search.validated,
                "pipeline": search.best_pipeline,
                "wall": None,
            }
            if search.validated:
                out = tmp / bench.name
                written = result.write(out)
                timed = timing_benchmark(bench, [line])
                try:
                    row["wall"] = confirm_speedup(
                        written["executable"], timed, rounds=args.rounds
                    ).to_dict()
                except Exception as exc:  # noqa: BLE001 - one program's failure is a row
                    row["wall_error"] = str(exc)
            rows.append(row)
            wall = row["wall"]["speedup"] if row["wall"] else float("nan")
            print(f"  {bench.name}: proxy {row['proxy_speedup']:.3f}x, wall {wall:.3f}x "
                  f"({line}, -O3 {o3_seconds:.3f}s)", file=sys.stderr, flush=True)

    timed_rows = [r for r in rows if r["wall"]]
    proxies = [r["proxy_speedup"] for r in timed_rows]
    walls = [r["wall"]["speedup"] for r in timed_rows]
    agree = sum((p > 1.0) == (w > 1.0) for p, w in zip(proxies, walls, strict=True))
    summary = {
        "programs": len(rows),
        "timed": len(timed_rows),
        "validated": sum(1 for r in rows if r["validated"]),
        "geomean_proxy_speedup": _geomean([r["proxy_speedup"] for r in rows]),
        "geomean_wall_speedup": _geomean(walls),
        "direction_agreement": f"{agree}/{len(timed_rows)}",
        "spearman_proxy_vs_wall": _spearman(proxies, walls),
        "budget": args.budget,
        "rounds": args.rounds,
        "baseline": "clang-22 -O3 (binary) for wall time; clang's -O3 pipeline for the proxy",
        "machine": "2 cores, shared",
    }
    table = Table(title=f"runtime search vs clang-22 -O3, budget {args.budget} per program")
    for column in ("program", "timed on", "-O3 s", "proxy", "wall", "95% CI", "O3 vs O3",
                   "comps", "tests"):
        table.add_column(column, justify="left" if column in ("program", "timed on") else "right")
    for r in rows:
        w = r["wall"]
        table.add_row(
            r["program"], r["time_args"], f"{r['o3_native_s']:.3f}", f"{r['proxy_speedup']:.3f}x",
            f"{w['speedup']:.3f}x" if w else "-",
            f"{w['ci95'][0]:.3f}-{w['ci95'][1]:.3f}" if w else r.get("wall_error", "-")[:30],
            f"{w['baseline_vs_itself']:.3f}" if w else "-",
            f"{r['compilations']:,}", "pass" if r["validated"] else "FAIL",
        )
    Console().print(table)
    Console().print(
        f"geomean: proxy {summary['geomean_proxy_speedup']:.3f}x, wall "
        f"{summary['geomean_wall_speedup']:.3f}x over clang-22 -O3; proxy and wall agree in "
        f"direction on {summary['direction_agreement']}, Spearman "
        f"{summary['spearman_proxy_vs_wall']}", highlight=False,
    )
    if args.json is not None:
        args.json.write_text(json.dumps({"summary": summary, "results": rows}, indent=1))


if __name__ == "__main__":
    sys.exit(main())

