"""Stock opt-22, llc-22 and clang-22 (assembler) runs on text a model wrote.

Model output is untrusted input to LLVM: it may not parse, may crash a pass, may hang
the code generator. Each run is a separate process with a timeout and a capped answer,
so the worst a model can do is fail its own row.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from optsmith.toolchain import find_toolchain

TOOL_TIMEOUT_S = 60
MAX_OUTPUT_BYTES = 32 << 20


@dataclass(frozen=True)
class ToolRun:
    """Output text of a tool, or its error (the tool's first meaningful stderr line)."""

    output: str | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.output is not None


def _first_error(stderr: str, returncode: int) -> str:
    """The tool's first error line, without the tool's own path in front."""
    lines = [line.strip().split(": ", 1)[-1] if line.strip().startswith("/") else line.strip()
             for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if "error" in line.lower():
            return line[:400]
    return lines[0][:400] if lines else f"exit status {returncode}"


def _run(cmd: list[str], text_in: str) -> ToolRun:
    try:
        proc = subprocess.run(
            cmd, input=text_in.encode(), capture_output=True, timeout=TOOL_TIMEOUT_S
        )
    except subprocess.TimeoutExpired:
        return ToolRun(None, f"{Path(cmd[0]).name} took longer than {TOOL_TIMEOUT_S}s")
    if proc.returncode != 0:
        return ToolRun(None, _first_error(proc.stderr.decode(errors="replace"), proc.returncode))
    if len(proc.stdout) > MAX_OUTPUT_BYTES:
        return ToolRun(None, f"{Path(cmd[0]).name} printed more than {MAX_OUTPUT_BYTES} bytes")
    return ToolRun(proc.stdout.decode(errors="replace"), None)


def opt_text(ir: str, passes: str) -> ToolRun:
    """`opt-22 -S -passes=...` on `ir` (empty passes: parse, verify and print)."""
    opt = str(find_toolchain().opt)
    flags = [f"-passes={passes}"] if passes else ["-passes=verify"]
    return _run([opt, "-S", *flags, "-", "-o", "-"], ir)


def llc_asm(ir: str) -> ToolRun:
    """`llc-22` assembly for `ir` with the default target, as the disassembly task uses."""
    return _run([str(find_toolchain().llc), "-O2", "-", "-o", "-"], ir)


def check_ir(ir: str) -> str | None:
    """None when `ir` parses and verifies; else the parser's message."""
    run = opt_text(ir, "")
    return None if run.ok else run.error


def check_asm(asm: str) -> str | None:
    """None when `asm` assembles for the host (clang-22's integrated assembler)."""
    clang = str(find_toolchain().clang)
    run = _run([clang, "-c", "-x", "assembler", "-", "-o", "/dev/null"], asm)
    return None if run.ok else run.error
