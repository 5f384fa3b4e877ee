"""C to assembly (the baseline and flag candidates) and assembly to an executable.

Compiling C runs the compiler directly: the source is the problem's own, the same input the
`gcc -O3` baseline is built from. Assembling a *candidate* is different: its text is
untrusted, and the GNU assembler will happily `.incbin "/root/.ssh/id_rsa"`, `.incbin` a
test's expected output, or `.incbin "/dev/zero"` (which never ends). So `assemble` runs
`gcc x.s -o bin -lm` inside the sandbox, whose root holds the system's /usr (without Python
packages) and nothing else of the host (no /etc, no home or problem directories), with time,
memory and file-size limits, and reads the linked binary back through the sandbox's stdout.
Every candidate, the baseline included, is linked the same way, so no figure depends on
which path built it.
"""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Sequence
from pathlib import Path

from optsmith.asm.busy import retry_when_busy
from optsmith.errors import CompileError, OptsmithError
from optsmith.programs.benchmark import as_bytes
from optsmith.sandbox import Limits, run_sandboxed
from optsmith.toolchain import find_toolchain, require_gcc

BASELINE_FLAGS = ("-O3",)
COMPILE_TIMEOUT_S = 300.0
ASSEMBLE_LIMITS = Limits(wall_s=60.0, memory_bytes=2 << 30, file_bytes=256 << 20,
                         max_processes=16, output_bytes=256 << 20)
_STDERR_LINES = 20
# Clang's default .s uses directives GNU as does not know (.addrsig, .cg_profile);
# -fno-integrated-as makes it print assembly for an external assembler instead.
CLANG_GAS_FLAGS = ("-fno-integrated-as",)


def clang_path() -> Path:
    return find_toolchain().clang


def compile_to_asm(source: str, workdir: Path, *, compiler: Path | None = None,
                   flags: Sequence[str] = BASELINE_FLAGS, name: str = "prog") -> str:
    """`compiler flags -S name.c` in `workdir`; returns the assembly text.

    The file names are fixed (`name.c` -> `name.s`) because gcc derives the profile file a
    `-fprofile-use` build reads from them; see `optsmith.asm.flags`.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    cc = compiler if compiler is not None else require_gcc()
    src = workdir / f"{name}.c"
    src.write_bytes(as_bytes(source))  # the exact bytes, Latin-1 and all
    out = workdir / f"{name}.s"
    extra = CLANG_GAS_FLAGS if "clang" in cc.name else ()
    run_compiler([str(cc), *flags, *extra, "-S", src.name, "-o", out.name], workdir)
    return out.read_text()


def baseline_asm(source: str, workdir: Path) -> str:
    """`gcc -O3 -S`: the baseline every speedup is measured against, and what a model sees."""
    return compile_to_asm(source, workdir / "baseline", flags=BASELINE_FLAGS)


def run_compiler(argv: Sequence[str], cwd: Path) -> None:
    """Run a trusted compiler command; CompileError with its diagnostics when it fails."""
    try:
        proc = subprocess.run(list(argv), cwd=cwd, capture_output=True, text=True,
                              timeout=COMPILE_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise CompileError(f"{shlex.join(argv)} timed out after {COMPILE_TIMEOUT_S:.0f}s") from exc
    except OSError as exc:
        raise CompileError(f"could not run {argv[0]}: {exc}") from exc
    if proc.returncode != 0:
        raise CompileError(f"{shlex.join(argv)} failed:\n{_first_lines(proc.stderr)}")


def assemble(asm: str, out: Path, *, ldflags: Sequence[str] = ("-lm",),
             limits: Limits = ASSEMBLE_LIMITS) -> Path:
    """Assemble and link untrusted assembly (`gcc x.s -o bin -lm`) in the sandbox.

    Raises CompileError carrying the assembler's or linker's own messages (or the sandbox's
    reason: timed out, file size limit) so a user or a model can see what was wrong.
    """
    gcc = require_gcc()
    link = shlex.join([str(gcc), "-x", "assembler", "cand.s", "-x", "none", "-o", "bin",
                       *ldflags])
    script = f"{link} >&2 && cat bin"
    result = retry_when_busy(lambda: run_sandboxed(["sh", "-c", script],
                                                   files={"cand.s": asm.encode()},
                                                   limits=limits))
    if result.ok and result.exit_code == 0 and result.stdout.startswith(b"\x7fELF"):
        out.write_bytes(result.stdout)
        out.chmod(0o755)
        return out
    messages = _first_lines(result.stderr.decode(errors="replace"))
    if not result.ok or result.signal is not None:
        raise CompileError(f"assembling stopped: {result.reason}"
                           + (f"\n{messages}" if messages else ""))
    if result.exit_code == 0:
        raise OptsmithError("the linker reported success but produced no ELF executable")
    return _raise_compile_error(messages)


def _raise_compile_error(messages: str) -> Path:
    raise CompileError(f"assembling/linking failed:\n{messages or '(no diagnostics)'}")


def _first_lines(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if len(lines) > _STDERR_LINES:
        lines = lines[:_STDERR_LINES] + [f"... ({len(lines) - _STDERR_LINES} more lines)"]
    return "\n".join(lines)
