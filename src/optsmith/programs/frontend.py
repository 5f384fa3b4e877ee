"""C front end: turns a Benchmark into the LLVM IR the engine starts from.

Two starting points, because the two size objectives need different ones (DESIGN.md,
"measured traps"): `instcount` IR is clang's -O0 output with optnone removed, as in the
literature; `size` IR keeps clang's -Oz function attributes (minsize optsize) so that a
pipeline is compared against a fair -Oz object and not a fake one 39% larger.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path
from typing import Literal

from optsmith.errors import CompileError
from optsmith.programs.benchmark import Benchmark
from optsmith.toolchain import find_toolchain

IRMode = Literal["instcount", "size", "speed"]

_MODE_FLAGS: dict[str, tuple[str, ...]] = {
    "instcount": ("-O0", "-Xclang", "-disable-O0-optnone"),
    "size": ("-Oz", "-Xclang", "-disable-llvm-passes"),
    # -O3's attributes and metadata, no passes: what clang's -O3 pipeline starts from
    "speed": ("-O3", "-Xclang", "-disable-llvm-passes"),
}
COMPILE_TIMEOUT_S = 120


def _run_clang(
    args: list[str], what: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    clang = find_toolchain().clang
    try:
        proc = subprocess.run(
            [str(clang), *args], capture_output=True, timeout=COMPILE_TIMEOUT_S, cwd=cwd
        )
    except subprocess.TimeoutExpired as exc:
        raise CompileError(f"{what}: clang-22 took longer than {COMPILE_TIMEOUT_S}s") from exc
    if proc.returncode != 0:
        message = proc.stderr.decode(errors="replace").strip()
        raise CompileError(f"{what} does not compile:\n{message}")
    return proc


def c_to_ir(benchmark: Benchmark, mode: IRMode = "instcount") -> str:
    """The benchmark as LLVM IR text, ready for the engine. IR inputs pass through as-is."""
    if benchmark.language == "llvm-ir":
        return benchmark.source
    if benchmark.language == "llvm-bc":
        return bitcode_to_text(benchmark.source_bytes)
    with tempfile.TemporaryDirectory(prefix="optsmith-cc-") as tmp:
        src = Path(tmp) / f"{_safe(benchmark.name)}.c"
        src.write_bytes(benchmark.source_bytes)  # the exact bytes, Latin-1 and all
        proc = _run_clang(
            [
                *_MODE_FLAGS[mode],
                "-emit-llvm",
                "-S",
                "-o",
                "-",
                *benchmark.cflags,
                src.name,  # relative: the IR's source_filename must not carry a temp dir
            ],
            benchmark.name,
            cwd=Path(tmp),
        )
    return proc.stdout.decode()


def bitcode_to_text(bitcode: bytes) -> str:
    """Bitcode to IR text with llvm-dis semantics (through opt, which is always installed)."""
    opt = find_toolchain().opt
    proc = subprocess.run(
        [str(opt), "-S", "-passes=verify", "-o", "-", "-"],
        input=bitcode,
        capture_output=True,
        timeout=COMPILE_TIMEOUT_S,
    )
    if proc.returncode != 0:
        raise CompileError(f"bitcode does not parse: {proc.stderr.decode(errors='replace')}")
    return proc.stdout.decode()


# LLVM 18 wrote `inrange` on one index of a GEP constant expression
# (`getelementptr inbounds ({...}, ptr @x, i32 0, inrange i32 1, i32 2)`); LLVM 19 moved it
# onto the GEP as an offset range (`getelementptr inbounds inrange(-16, 16) (...)`), and the
# old spelling no longer parses. Measured: 13 of 335 LLVM 18 .ll files fail in LLVM 22.
_OLD_INRANGE = re.compile(rb"\binrange\s+i\d+\b")
OLD_INRANGE_HINT = (
    "this IR was written by an older LLVM: `inrange` in GEP constant expressions changed "
    "syntax in LLVM 19; give the bitcode (.bc) instead, which LLVM 22 upgrades"
)


def old_ir_hint(source: bytes | str, message: str) -> str:
    """`OLD_INRANGE_HINT` when IR text failed to parse for the old `inrange` spelling, else "".

    Bitcode is never the cause (the reader upgrades it), and the new spelling,
    `inrange(a, b)`, is not the old one: only then, or when LLVM's message names `inrange`,
    is the hint given.
    """
    raw = source.encode(errors="replace") if isinstance(source, str) else source
    if raw.startswith(b"BC\xc0\xde"):
        return ""
    if _OLD_INRANGE.search(raw) or "inrange" in message:
        return OLD_INRANGE_HINT
    return ""


def build_reference_executable(benchmark: Benchmark, out: Path, opt_level: str = "-O0") -> Path:
    """Build the benchmark with clang-22 at `opt_level` (the -O0 build defines expected output)."""
    if benchmark.language != "c":
        raise CompileError(f"{benchmark.name}: only C benchmarks have a reference build")
    src = out.with_suffix(".c")
    src.write_bytes(benchmark.source_bytes)  # the exact bytes, Latin-1 and all
    _run_clang(
        [opt_level, *benchmark.cflags, str(src), "-o", str(out), *benchmark.ldflags],
        benchmark.name,
    )
    return out


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "prog"
