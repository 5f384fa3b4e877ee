"""Single-pass steps per second: optsmith's engine against spawning opt-22, side by side.

A "step" is what an autotuner or RL agent does per action: apply one pass to the current
program and learn the new instruction count. On the same programs and the same seeded
pass sequences, in one run:

- engine (worker): a module held by a supervised worker process, one request per step
  (the way `optsmith` and the gym run; IPC included);
- engine (in-process): the ctypes binding called directly, for reference;
- opt-22 spawn: `opt-22 -passes=<pass> -S state.ll -o next.ll` per step and a count of
  the instructions in its output (what a hand-written autotuning script does).

Every step's count is checked against opt-22's output (parsed untimed, after the run).
A rare mismatch of one or two instructions is expected: opt-22 here round-trips the state
through IR text at every step, which renumbers values and can reorder use lists, and some
passes (loop-rotate, say) are sensitive to that. A whole pipeline run in one go, as
`pipeline.txt` is replayed, matches exactly (tests/test_cli.py checks it).

Usage: python benchmarks/engine_throughput.py [--programs 8] [--steps 20] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from optsmith.llvm.module import Engine
from optsmith.llvm.passes import PASS_SPACE, render_pipeline
from optsmith.llvm.pool import WorkerHandle
from optsmith.llvm.protocol import SessionApply, SessionOpen
from optsmith.programs.builtin_suite import builtin_suite
from optsmith.programs.frontend import c_to_ir
from optsmith.toolchain import find_toolchain

_INSTRUCTION = re.compile(r"^\s+(?:%\S+ = )?[a-z]")


def count_text_instructions(ir: str) -> int:
    """Instructions in printed IR: non-label, non-comment lines inside function bodies."""
    count, inside = 0, False
    for line in ir.splitlines():
        if line.startswith("define "):
            inside = True
        elif line.startswith("}"):
            inside = False
        elif (
            inside
            and line.startswith("  ")
            and not line.startswith("   ")
            and _INSTRUCTION.match(line)
        ):
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--programs", type=int, default=8)
    parser.add_argument("--steps", type=int, default=20, help="passes applied per program")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=Path("engine_throughput.json"))
    args = parser.parse_args()
    opt = str(find_toolchain().opt)
    rng = random.Random(args.seed)
    names = [p.name for p in PASS_SPACE]
    programs = [(b.name, c_to_ir(b, "instcount")) for b in builtin_suite()[: args.programs]]
    episodes = [
        (name, ir, [render_pipeline([rng.choice(names)]) for _ in range(args.steps)])
        for name, ir in programs
    ]
    n = sum(len(steps) for _, _, steps in episodes)

    engine = Engine()
    inproc: list[int] = []
    inproc_s = 0.0
    for name, ir, steps in episodes:
        module = engine.parse(ir, name)
        started = time.perf_counter()
        for step in steps:
            module.run_passes(step)
            inproc.append(module.instruction_count())
        inproc_s += time.perf_counter() - started
        module.dispose()

    handle = WorkerHandle()
    worker: list[int] = []
    worker_s = 0.0
    for name, ir, steps in episodes:
        handle.request(SessionOpen(name, name, ir))
        started = time.perf_counter()
        for step in steps:
            reply = handle.request(SessionApply(name, step, ("instcount",)))
            worker.append(reply.expect_instcount())
        worker_s += time.perf_counter() - started
    handle.close()

    opt_counts: list[int] = []
    opt_texts: list[str] = []
    opt_s = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, ir, steps in episodes:
            state = Path(tmp) / f"{name}.0.ll"
            state.write_text(ir)
            started = time.perf_counter()
            for i, step in enumerate(steps):
                nxt = Path(tmp) / f"{name}.{i + 1}.ll"
                subprocess.run(
                    [opt, f"-passes={step}", "-S", str(state), "-o", str(nxt)],
                    check=True,
                    capture_output=True,
                )
                text = nxt.read_text()
                opt_counts.append(count_text_instructions(text))
                opt_texts.append(text)
                state = nxt
            opt_s += time.perf_counter() - started
    exact = [engine.parse(t).instruction_count() for t in opt_texts]  # untimed check

    result = {
        "steps": n,
        "programs": [name for name, _ in programs],
        "engine_worker_steps_per_s": n / worker_s,
        "engine_inprocess_steps_per_s": n / inproc_s,
        "opt_spawn_steps_per_s": n / opt_s,
        "speedup_worker_vs_opt": opt_s / worker_s,
        "speedup_inprocess_vs_opt": opt_s / inproc_s,
        "counts_equal_to_opt": sum(a == b for a, b in zip(worker, exact, strict=True)),
        "inprocess_equals_worker": inproc == worker,
    }
    result["mismatches"] = [
        {"step": i, "engine": a, "opt": b}
        for i, (a, b) in enumerate(zip(worker, exact, strict=True))
        if a != b
    ]
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    table = Table(title=f"single-pass steps: {n} steps, {len(programs)} programs")
    for col in ("method", "steps/s", "speed-up vs opt-22"):
        table.add_column(col, justify="right")
    table.add_row("opt-22 spawn", f"{n / opt_s:,.0f}", "1.0x")
    table.add_row("engine (worker)", f"{n / worker_s:,.0f}", f"{opt_s / worker_s:.1f}x")
    table.add_row("engine (in-process)", f"{n / inproc_s:,.0f}", f"{opt_s / inproc_s:.1f}x")
    Console().print(table)
    print(
        f"instruction counts equal to opt-22's on {result['counts_equal_to_opt']}/{n} steps; "
        f"wrote {args.json}"
    )


if __name__ == "__main__":
    main()
