"""Random programs: csmith C programs with a self-checking output, and llvm-stress IR.

csmith programs are UB-free and print a checksum of their global state, so any optimized
build that prints a different checksum is a miscompile: they are the cheapest source of
validated training and search programs. About one in five never terminates; those are
filtered out by running the -O0 build with a short ceiling, through the `record` argument
(`RecordOutputs`, normally `optsmith.measure.reference.record_reference_outputs`): this
package describes programs and never runs one itself.
"""

from __future__ import annotations

import logging
import os
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from optsmith.errors import CompileError, OptsmithError, ReferenceRunError, ToolchainError
from optsmith.programs.benchmark import Benchmark, RecordOutputs, as_text
from optsmith.toolchain import find_toolchain, require_csmith

log = logging.getLogger(__name__)

# Why these options: csmith's defaults give 50-180 KB programs, slow to compile and to
# search. Six functions, blocks at most 3 deep, expressions of complexity <= 6 and arrays
# of at most 2 dimensions give 3-50 KB programs that still have loops, structs, pointers
# and calls. Volatiles are off because a volatile access can never be optimized away (the
# search would see nothing to win) and packed structs are off because they only add
# unaligned-access noise, not optimization opportunities.
CSMITH_OPTIONS: tuple[str, ...] = (
    "--max-funcs",
    "6",
    "--max-block-depth",
    "3",
    "--max-expr-complexity",
    "6",
    "--max-array-dim",
    "2",
    "--no-volatiles",
    "--no-packed-struct",
)
_CSMITH_TIMEOUT_S = 60
_MAX_SEEDS_PER_PROGRAM = 20  # csmith_suite gives up when this many seeds per program fail


def csmith_source(seed: int, extra_args: Sequence[str] = ()) -> str:
    """The C text csmith prints for `seed` with `CSMITH_OPTIONS` and `extra_args`.

    Written to stdout (not `-o FILE`) because csmith copies its command line into the
    header comment: a temporary path there would make the text, and so the benchmark's
    content hash, differ between runs.
    """
    csmith, _ = require_csmith()
    try:
        with tempfile.TemporaryDirectory(prefix="optsmith-csmith-") as scratch:
            proc = subprocess.run(  # csmith leaves platform.info in its working directory
                [str(csmith), "--seed", str(seed), *CSMITH_OPTIONS, *extra_args],
                capture_output=True,
                timeout=_CSMITH_TIMEOUT_S,
                cwd=scratch,
            )
    except subprocess.TimeoutExpired as exc:
        raise OptsmithError(f"csmith --seed {seed} ran longer than {_CSMITH_TIMEOUT_S}s") from exc
    if proc.returncode != 0 or not proc.stdout:
        message = proc.stderr.decode(errors="replace").strip()
        raise OptsmithError(f"csmith --seed {seed} failed: {message}")
    return as_text(proc.stdout)


def _terminating(
    benchmark: Benchmark, record: RecordOutputs, timeout_s: float
) -> Benchmark | None:
    """`benchmark` with its -O0 output recorded, or None when that run does not finish.

    Shared by every generator so that "non-terminating programs are filtered" means the
    same thing everywhere: the sandboxed -O0 run must exit within `timeout_s`, without a
    signal, and with its output complete.
    """
    try:
        return record(benchmark, ceiling_s=timeout_s)
    except ReferenceRunError as exc:
        log.info("dropping %s: %s", benchmark.name, exc)
        return None


def csmith_benchmark(
    seed: int,
    *,
    record: RecordOutputs,
    timeout_s: float = 5.0,
    extra_args: Sequence[str] = (),
) -> Benchmark | None:
    """The csmith program for `seed`, with its -O0 output as the test; None if it hangs.

    `record` runs the -O0 build (see `RecordOutputs`); `timeout_s` is its ceiling here.

    cflags hold `-I<csmith include dir>` from `find_toolchain()`. That absolute path enters
    the content hash, so the same seed hashes differently on a machine whose csmith headers
    live elsewhere; the price of keeping the source exactly as csmith wrote it (inlining
    csmith.h would add ~100 KB of macros to every program) and of letting the unchanged C
    front end build it. Every Debian/Ubuntu install uses /usr/include/csmith.
    """
    _, include = require_csmith()
    source = csmith_source(seed, extra_args)
    bench = Benchmark(
        name=f"csmith-{seed}",
        source=source,
        cflags=(f"-I{include}", "-w"),
        suite="csmith",
        meta={"seed": str(seed), "csmith_args": " ".join([*CSMITH_OPTIONS, *extra_args])},
    )
    try:
        result = _terminating(bench, record, timeout_s)
    except CompileError as exc:  # a csmith/clang disagreement: skip the seed, keep going
        log.warning("csmith seed %d does not compile with clang-22: %s", seed, exc)
        return None
    if result is not None and "checksum" not in result.tests[0].expected_stdout:
        log.warning("csmith seed %d printed no checksum; dropped", seed)
        return None
    return result


def csmith_suite(
    count: int, *, record: RecordOutputs, first_seed: int = 1, timeout_s: float = 5.0
) -> list[Benchmark]:
    """The first `count` terminating csmith programs from `first_seed` on, in seed order.

    `record` and `timeout_s` as in `csmith_benchmark`.

    Deterministic: seeds are tried in parallel batches (a hanging seed costs a full
    timeout), but a batch is always consumed in seed order, so the result only depends on
    `count` and `first_seed`.
    """
    if count <= 0:
        return []
    workers = max(1, min(8, os.cpu_count() or 1))
    found: list[Benchmark] = []
    seed = first_seed
    limit = first_seed + count * _MAX_SEEDS_PER_PROGRAM
    with ThreadPoolExecutor(max_workers=workers) as pool:
        while len(found) < count:
            if seed >= limit:
                raise OptsmithError(
                    f"only {len(found)} of {count} csmith programs terminated within "
                    f"{timeout_s}s for seeds {first_seed}..{limit - 1}"
                )
            batch = range(seed, min(limit, seed + max(workers, count - len(found))))
            found_now = pool.map(
                lambda s: csmith_benchmark(s, record=record, timeout_s=timeout_s), batch
            )
            for bench in found_now:
                if bench is not None and len(found) < count:
                    found.append(bench)
            seed = batch.stop
    return found


def llvm_stress_benchmark(seed: int, *, size: int = 200) -> Benchmark:
    """A random IR module from llvm-stress: no main, no tests, size-objective only.

    Its functions are external and take pointers, so it cannot be run; it exercises pass
    pipelines on IR shapes clang never emits (vectors, odd widths, dense CFGs).
    """
    tool = find_toolchain().llvm_stress
    if tool is None:
        raise ToolchainError("llvm-stress-22 not found. Install it with: apt-get install llvm-22")
    proc = subprocess.run(
        [str(tool), f"--seed={seed}", f"--size={size}", "-o", "-"],
        capture_output=True,
        timeout=_CSMITH_TIMEOUT_S,
    )
    if proc.returncode != 0:
        raise OptsmithError(
            f"llvm-stress --seed={seed} failed: {proc.stderr.decode(errors='replace')}"
        )
    name = f"llvm-stress-{seed}" if size == 200 else f"llvm-stress-{seed}-size{size}"
    return Benchmark(
        name=name,
        source=proc.stdout.decode(),
        language="llvm-ir",
        ldflags=(),
        suite="llvm-stress",
        has_main=False,
        meta={"seed": str(seed), "size": str(size)},
    )


__all__ = [
    "CSMITH_OPTIONS",
    "csmith_benchmark",
    "csmith_source",
    "csmith_suite",
    "llvm_stress_benchmark",
]
