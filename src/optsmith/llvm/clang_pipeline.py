"""clang's own optimization pipelines, as pipeline text that the engine and opt-22 run.

opt's `default<Oz>` is not what `clang-22 -Oz` runs. The pass builder takes tuning options
from its caller: clang turns the loop vectorizer off at -Oz and the SLP vectorizer on,
while `LLVMRunPasses` (the engine) keeps LLVM's defaults, which run the loop vectorizer.
Measured on LLVM 22: whetstone (LLVM test suite) is 1,963 .text bytes after the engine's
`default<Oz>` and 1,897 after `clang-22 -Oz -c`; 5 of the 51 built-in programs differ too.

clang prints the exact pipeline it builds with `-mllvm -print-pipeline-passes`
(`loop-vectorize<no-interleave-forced-only;vectorize-forced-only;>`, `slp-vectorizer`,
`declare-to-assign`, ...). Replayed by the engine, or by `opt-22 -passes=...` and `llc-22`,
it gives the bytes of `clang-22 -Oz -c` exactly (tests/llvm/test_clang_pipeline.py), so the
`text-size` baseline is that text, and `clang-Oz` is an action beside `default<Oz>`.

At -O3 the printed text does not round-trip: replayed, it leaves md5.c at 3,641 .text
bytes where `clang-22 -O3 -c` makes 5,081 (12 of the 51 built-in programs differ), while
`default<O3>` under clang's target machine (PIC, -O3's code generation level) gives
clang's bytes on all 51: clang's -O3 tuning options are LLVM's defaults. So `clang-O3`
is `default<O3>` for a program whose flags do not change the pipeline, and the probed
text only when they do (the nearest we have; tests/llvm/test_clang_pipeline.py).

The pipeline does not depend on the program but does depend on some flags
(`-fno-unroll-loops`, `-fno-slp-vectorize`, `-fvectorize`, a later `-O2`), so it is probed
per set of flags, with preprocessor-only flags left out so that they share one probe. A
probe costs one clang start (about 70 ms); it is made once per process, never per
evaluation.
"""

from __future__ import annotations

import functools
import re
import subprocess
from collections.abc import Sequence

from optsmith.errors import CompileError
from optsmith.toolchain import find_toolchain

# Action name -> the clang optimization flag whose pipeline it stands for.
CLANG_PIPELINES: dict[str, str] = {"clang-Oz": "-Oz", "clang-O3": "-O3"}
CLANG_OZ = "clang-Oz"
CLANG_O3 = "clang-O3"
O3_DEFAULT = "default<O3>"  # what clang-22 -O3 runs, byte for byte (module docstring)

PROBE_TIMEOUT_S = 60
_PROBE_SOURCE = "int main(void) { return 0; }\n"
# Flags that only reach the preprocessor or the diagnostics: they never change a pipeline.
_PREPROCESSOR_PREFIXES = ("-I", "-D", "-U", "-W", "-w", "-std=", "-isystem", "-iquote")
_PREPROCESSOR_WITH_ARG = frozenset(
    {"-I", "-D", "-U", "-include", "-imacros", "-isystem", "-iquote", "-idirafter"}
)


def pipeline_flags(cflags: Sequence[str]) -> tuple[str, ...]:
    """The flags of `cflags` that can change clang's pipeline (preprocessor flags dropped)."""
    kept: list[str] = []
    skip_next = False
    for flag in cflags:
        if skip_next:
            skip_next = False
            continue
        if flag in _PREPROCESSOR_WITH_ARG:
            skip_next = True
            continue
        if flag.startswith(_PREPROCESSOR_PREFIXES) or flag.startswith(("-include", "-imacros")):
            continue
        kept.append(flag)
    return tuple(kept)


def clang_pipeline(name: str = CLANG_OZ, cflags: Sequence[str] = ()) -> str:
    """The pipeline text `clang-22 <level> <cflags> -c` runs, e.g. `clang_pipeline("clang-Oz")`.

    Raises `CompileError` when clang cannot print it (a flag it rejects, say).
    """
    try:
        level = CLANG_PIPELINES[name]
    except KeyError:
        raise CompileError(
            f"unknown clang pipeline '{name}'; known: {', '.join(CLANG_PIPELINES)}"
        ) from None
    flags = pipeline_flags(cflags)
    if name == CLANG_O3 and not flags:
        return O3_DEFAULT
    return _probe(level, flags, find_toolchain().version_key)


@functools.lru_cache(maxsize=32)
def _probe(level: str, flags: tuple[str, ...], version_key: str) -> str:
    # `version_key` keys the cache only: a process that switches toolchains probes again.
    clang = find_toolchain().clang
    command = [
        str(clang),
        level,
        *flags,
        "-mllvm",
        "-print-pipeline-passes",
        "-x",
        "c",
        "-c",
        "-",
        "-o",
        "/dev/null",
    ]
    try:
        proc = subprocess.run(
            command, input=_PROBE_SOURCE, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CompileError(f"cannot ask {clang} for its {level} pipeline: {exc}") from exc
    lines = [line.strip() for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 0 or len(lines) != 1:
        why = proc.stderr.strip() or f"printed {len(lines)} lines, expected 1"
        flags_text = " ".join(flags) or "no extra flags"
        raise CompileError(f"{clang} {level} ({flags_text}) did not print its pipeline: {why}")
    return lines[0]


@functools.lru_cache(maxsize=1)
def clang_target_cpu() -> str:
    """The CPU clang-22 compiles for by default on this host (`-target-cpu`, "x86-64" on
    x86_64 Linux), or "" when clang names none; from `clang-22 -###`, which runs nothing.

    C programs carry it as a function attribute, but IR without attributes (llvm-stress,
    hand-written .ll) is compiled for the target machine's CPU, and LLVM's empty default
    ("generic") is not clang's: 2 of 5 llvm-stress modules differ in .text (1,621 against
    1,635 bytes, say).
    """
    clang = find_toolchain().clang
    try:
        proc = subprocess.run(
            [str(clang), "-###", "-x", "c", "-c", "-", "-o", "/dev/null"],
            input="",
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT_S,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    match = re.search(r'"-target-cpu" "([^"]+)"', proc.stderr)
    return match.group(1) if match else ""


__all__ = [
    "CLANG_O3",
    "CLANG_OZ",
    "CLANG_PIPELINES",
    "clang_pipeline",
    "clang_target_cpu",
    "pipeline_flags",
]
