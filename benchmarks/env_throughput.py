"""Gymnasium steps per second with the InstCount observation, against spawning opt-22.

A step is what an RL agent pays per action: apply one pass and observe the program. On the
same programs and the same seeded action sequences, in one run:

- env: `optsmith/llvm-v0` with `observation="InstCount"` (the program held by an engine
  worker; one request per step, IPC and the reward included);
- opt-22 spawn: per step, `opt-22 -passes=<pass> -S` reading the current IR on stdin and
  writing the next one, then the InstCount vector (totals and per-opcode counts) parsed
  from that text in Python: the same work done the way a hand-written script does it.

Afterwards (untimed) every step's InstCount vector from opt-22's text is compared with the
environment's; a rare difference of an instruction or two is expected, because opt-22
round-trips the state through IR text at every step (renumbering values, reordering use
lists), which a few passes notice. The cost of each observation space on its own is
measured too (mean over the programs' final states, IPC included).

The `runtime` reward is measured apart, on one built-in program (`--runtime-program`): its
steps rebuild, link and run the program on all its tests under callgrind, so they cost
seconds, not milliseconds; the row gives its steps/s and the mean `info["measure_seconds"]`
(random actions of the speed action space, failed steps included, since an agent pays for
them too). `--runtime-only` measures that row alone and writes no JSON.

Usage: python benchmarks/env_throughput.py [--programs 6] [--steps 20] [--json FILE]
       [--runtime-program crc32] [--runtime-steps 8] [--runtime-only]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from optsmith.env import INSTCOUNT_NAMES, LlvmEnv
from optsmith.env.llvm_env import compile_benchmark
from optsmith.llvm.capi import OPCODE_NAMES
from optsmith.llvm.passes import render_pipeline
from optsmith.programs.builtin_suite import builtin_benchmark, builtin_suite
from optsmith.toolchain import find_toolchain

DEFAULT_JSON = Path(__file__).parent / "results" / "env_throughput.json"
_TEXT_OPCODE = {
    ("cmpxchg" if n == "AtomicCmpXchg" else "va_arg" if n == "VAArg" else n.lower()): i
    for i, n in enumerate(OPCODE_NAMES.values())
}
_NAME = r'(?:"[^"]*"|[-\w.$]+)'  # a plain or a quoted (`%"reg2mem alloca point"`) name
_INSTRUCTION = re.compile(rf"^  (?:%{_NAME} = )?(?:(?:tail|musttail|notail) )?([a-z_]+)")
_LABEL = re.compile(rf"^{_NAME}:")


def instcount_from_text(ir: str) -> list[int]:
    """The InstCount vector of printed IR, in the environment's layout."""
    opcodes = [0] * len(OPCODE_NAMES)
    insts = blocks = functions = 0
    inside = False
    for line in ir.splitlines():
        if line.startswith("define "):
            inside, functions, blocks = True, functions + 1, blocks + 1
        elif line.startswith("}"):
            inside = False
        elif inside and _LABEL.match(line):
            blocks += 1
        elif inside and line.startswith("  ") and not line.startswith("   "):
            match = _INSTRUCTION.match(line)
            if match and match.group(1) in _TEXT_OPCODE:
                opcodes[_TEXT_OPCODE[match.group(1)]] += 1
                insts += 1
    return [insts, blocks, functions, *opcodes]


@dataclass(frozen=True)
class RuntimeRow:
    """Steps with the runtime reward on one program: their rate and what measuring cost."""

    program: str
    tests: int
    steps: int
    steps_per_s: float
    seconds_per_step: float
    measure_seconds_mean: float
    failed_steps: int
    reset_s: float


def runtime_throughput(program: str, steps: int, seed: int) -> RuntimeRow:
    """Steps/s of `optsmith/llvm-v0` with `reward="runtime"` on one built-in program."""
    env = LlvmEnv(builtin_benchmark(program), reward="runtime")
    try:
        started = time.perf_counter()
        env.reset(seed=seed)
        reset_s = time.perf_counter() - started
        env.action_space.seed(seed)
        measure_s: list[float] = []
        failed = 0
        started = time.perf_counter()
        for _ in range(steps):
            *_, info = env.step(env.action_space.sample())
            measure_s.append(float(info.get("measure_seconds", 0.0)))
            failed += "error" in info
        elapsed = time.perf_counter() - started
        return RuntimeRow(program, len(env.benchmark.tests), steps, steps / elapsed,
                          elapsed / steps, float(np.mean(measure_s)), failed, reset_s)
    finally:
        env.close()


def _runtime_row(table: Table, row: RuntimeRow, opt_rate: float | None) -> None:
    ratio = f"{row.steps_per_s / opt_rate:.3f}x" if opt_rate else "-"
    table.add_row(f"llvm-v0 reward=runtime ({row.program})", f"{row.steps_per_s:,.2f}", ratio)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--programs", type=int, default=6)
    parser.add_argument("--steps", type=int, default=20, help="actions per program")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--runtime-program", default="crc32")
    parser.add_argument("--runtime-steps", type=int, default=8)
    parser.add_argument("--runtime-only", action="store_true",
                        help="measure only the runtime reward's row; write no JSON")
    args = parser.parse_args()
    runtime = runtime_throughput(args.runtime_program, args.runtime_steps, args.seed)
    if args.runtime_only:
        table = Table(title="env steps with the runtime reward (callgrind over the tests)")
        for col in ("method", "steps/s", "speed-up vs opt-22"):
            table.add_column(col, justify="right")
        _runtime_row(table, runtime, None)
        Console().print(table)
        print(
            f"{runtime.steps} steps on {runtime.program} ({runtime.tests} tests): "
            f"{runtime.seconds_per_step:.2f} s a step, of which measuring "
            f"{runtime.measure_seconds_mean:.2f} s; {runtime.failed_steps} failed; reset "
            f"{runtime.reset_s:.2f} s (load average {os.getloadavg()[0]:.1f} on "
            f"{os.cpu_count()} cpus)"
        )
        return
    opt = str(find_toolchain().opt)
    benchmarks = builtin_suite()[: args.programs]
    rng = random.Random(args.seed)
    probe = LlvmEnv(benchmarks[0])
    n_actions = len(probe.action_names)
    names = probe.action_names
    probe.close()
    episodes = [(b, [rng.randrange(n_actions) for _ in range(args.steps)]) for b in benchmarks]
    n = sum(len(actions) for _, actions in episodes)

    env_obs: list[list[int]] = []
    env_s = 0.0
    obs_costs: dict[str, list[float]] = {
        "InstCount": [],
        "Autophase": [],
        "BehaviorSpectrum": [],
        "Ir": [],
    }
    env = LlvmEnv(benchmarks[0], observation="InstCount")
    for bench, actions in episodes:
        env.reset(options={"benchmark": bench})
        started = time.perf_counter()
        for action in actions:
            obs, *_ = env.step(action)
            env_obs.append([int(x) for x in obs])
        env_s += time.perf_counter() - started
        for name, costs in obs_costs.items():
            started = time.perf_counter()
            env.observation[name]
            costs.append(time.perf_counter() - started)
    env.close()

    opt_obs: list[list[int]] = []
    opt_s = 0.0
    for bench, actions in episodes:
        state = compile_benchmark(bench, "instcount")
        started = time.perf_counter()
        for action in actions:
            proc = subprocess.run(
                [opt, f"-passes={render_pipeline([names[action]])}", "-S", "-o", "-", "-"],
                input=state.encode(),
                capture_output=True,
                check=True,
            )
            state = proc.stdout.decode()
            opt_obs.append(instcount_from_text(state))
        opt_s += time.perf_counter() - started

    equal = [a == b for a, b in zip(env_obs, opt_obs, strict=True)]
    result = {
        "steps": n,
        "programs": [b.name for b in benchmarks],
        "observation": "InstCount",
        "observation_length": len(INSTCOUNT_NAMES),
        "env_steps_per_s": n / env_s,
        "opt_spawn_steps_per_s": n / opt_s,
        "speedup_env_vs_opt": opt_s / env_s,
        "observations_equal_to_opt": sum(equal),
        "mismatches": [
            {"step": i, "action": names[episodes[i // args.steps][1][i % args.steps]]}
            for i, ok in enumerate(equal)
            if not ok
        ],
        "observation_ms": {k: 1000 * float(np.mean(v)) for k, v in obs_costs.items()},
        "runtime_reward": asdict(runtime),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "python": platform.python_version(),
        },
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    table = Table(title=f"env steps (InstCount): {n} steps, {len(benchmarks)} programs")
    for col in ("method", "steps/s", "speed-up vs opt-22"):
        table.add_column(col, justify="right")
    table.add_row("opt-22 spawn + parse", f"{n / opt_s:,.0f}", "1.0x")
    table.add_row("optsmith/llvm-v0", f"{n / env_s:,.0f}", f"{opt_s / env_s:.1f}x")
    _runtime_row(table, runtime, n / opt_s)
    per_space = Table(title="one observation of the final state (mean, IPC included)")
    per_space.add_column("space")
    per_space.add_column("ms", justify="right")
    for name, seconds in obs_costs.items():
        per_space.add_row(name, f"{1000 * float(np.mean(seconds)):.2f}")
    console = Console()
    console.print(table)
    console.print(per_space)
    print(
        f"InstCount equal to opt-22's on {sum(equal)}/{n} steps; wrote {args.json} "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus)"
    )


if __name__ == "__main__":
    main()
