"""Single-pass steps per second: compopt's engine against spawning opt-22, side by side.

A "step" is what an autotuner does per action: apply one pass to a program and learn the
new instruction count. Three ways, on the same modules and passes, in one run:

- engine (worker): the supervised worker process compopt really uses (IPC included);
- engine (in-process): the ctypes binding called directly, for reference;
- opt-22 spawn: `opt-22 -passes=<pass> -S` on the IR file, count instructions in its output.

Usage: python benchmarks/engine_throughput.py [--programs 8] [--json engine_throughput.json]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from compopt.llvm.module import Engine
from compopt.llvm.passes import render_pipeline
from compopt.llvm.pool import EvalRequest, WorkerHandle
from compopt.programs.builtin_suite import builtin_suite
from compopt.programs.frontend import c_to_ir
from compopt.toolchain import find_toolchain

PASSES = [
    "instcombine<no-verify-fixpoint>", "sroa<modify-cfg>", "simplifycfg", "gvn", "licm",
    "loop-rotate", "early-cse<memssa>", "inline", "globaldce", "mem2reg",
]
_INSTRUCTION = re.compile(r"^  (?![;!#])\S")


def count_text_instructions(ir: str) -> int:
    """Instructions in printed IR: indented lines inside function bodies."""
    count = 0
    inside = False
    for line in ir.splitlines():
        if line.startswith("define "):
            inside = True
        elif line.startswith("}"):
            inside = False
        elif inside and _INSTRUCTION.match(line):
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programs", type=int, default=8)
    parser.add_argument("--json", type=Path, default=Path("engine_throughput.json"))
    args = parser.parse_args()
    opt = str(find_toolchain().opt)
    programs = builtin_suite()[: args.programs]
    modules = [(b.name, c_to_ir(b, "instcount")) for b in programs]
    steps = [(name, ir, render_pipeline([p])) for name, ir in modules for p in PASSES]

    engine = Engine()
    parsed = {name: engine.parse(ir, name) for name, ir in modules}
    started = time.perf_counter()
    inproc_counts = []
    for name, _, pipeline in steps:
        module = parsed[name].clone()
        module.run_passes(pipeline)
        inproc_counts.append(module.instruction_count())
        module.dispose()
    inproc_s = time.perf_counter() - started

    handle = WorkerHandle()
    for name, ir in modules:  # load once, as a search does
        handle.request(EvalRequest(name, ir, "").message())
    started = time.perf_counter()
    worker_counts = []
    for name, ir, pipeline in steps:
        reply = handle.request(EvalRequest(name, ir, pipeline).message())
        worker_counts.append(reply["instcount"])
    worker_s = time.perf_counter() - started
    handle.close()

    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for name, ir in modules:
            files[name] = Path(tmp) / f"{name}.ll"
            files[name].write_text(ir)
        started = time.perf_counter()
        opt_counts = []
        for name, _, pipeline in steps:
            out = subprocess.run(
                [opt, f"-passes={pipeline}", "-S", "-o", "-", str(files[name])],
                capture_output=True, text=True, check=True,
            ).stdout
            opt_counts.append(count_text_instructions(out))
        opt_s = time.perf_counter() - started

    agree = sum(a == b for a, b in zip(worker_counts, opt_counts, strict=True))
    n = len(steps)
    result = {
        "steps": n,
        "programs": [name for name, _ in modules],
        "passes": PASSES,
        "engine_worker_steps_per_s": n / worker_s,
        "engine_inprocess_steps_per_s": n / inproc_s,
        "opt_spawn_steps_per_s": n / opt_s,
        "speedup_worker_vs_opt": opt_s / worker_s,
        "speedup_inprocess_vs_opt": opt_s / inproc_s,
        "counts_agree_with_opt": agree,
        "inprocess_equals_worker": inproc_counts == worker_counts,
    }
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    table = Table(title=f"single-pass steps, {n} steps over {len(modules)} programs")
    for col in ("method", "steps/s", "speed-up vs opt-22"):
        table.add_column(col, justify="right")
    table.add_row("opt-22 spawn", f"{n / opt_s:,.0f}", "1.0x")
    table.add_row("engine (worker)", f"{n / worker_s:,.0f}", f"{opt_s / worker_s:.1f}x")
    table.add_row("engine (in-process)", f"{n / inproc_s:,.0f}", f"{opt_s / inproc_s:.1f}x")
    Console().print(table)
    print(f"instruction counts equal to opt-22's on {agree}/{n} steps; wrote {args.json}")


if __name__ == "__main__":
    main()
