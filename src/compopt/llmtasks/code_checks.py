"""Judging code a model wrote against a reference: parses, exact match, similarity."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

from compopt.llm.parsers import extract_code
from compopt.llm.similarity import bleu, normalize
from compopt.llmtasks.llvm_tools import TOOL_TIMEOUT_S, check_ir
from compopt.toolchain import find_toolchain


def check_asm(asm: str) -> str | None:
    """None when `asm` assembles for the host (clang-22's integrated assembler)."""
    with tempfile.TemporaryDirectory(prefix="compopt-asmcheck-") as tmp:
        source = Path(tmp) / "answer.s"
        source.write_text(asm)
        try:
            proc = subprocess.run(
                [str(find_toolchain().clang), "-c", "-x", "assembler", str(source),
                 "-o", str(Path(tmp) / "answer.o")],
                capture_output=True, text=True, timeout=TOOL_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            return "the assembler took too long"
    if proc.returncode == 0:
        return None
    stderr = proc.stderr.replace(str(source), source.name)  # no temp dir in the reason
    lines = [line for line in stderr.splitlines() if "error" in line]
    return (lines[0] if lines else stderr.strip()[:300]) or "does not assemble"


def check_code(code: str, kind: str) -> str | None:
    return check_asm(code) if kind == "asm" else check_ir(code)


def judge_against(answer: str, reference: str, kind: str) -> dict[str, Any]:
    """Extract the code of `answer`, check it parses, compare it with `reference`."""
    code = extract_code(answer, kind=kind)
    if code is None:
        return {"parses": False, "exact": False, "bleu": 0.0, "error": "no code in the answer"}
    error = check_code(code, kind)
    mine, theirs = normalize(code, kind), normalize(reference, kind)
    return {
        "parses": error is None,
        "exact": error is None and mine == theirs,
        "bleu": bleu(mine, theirs),
        "error": error,
    }


def best_sample(samples: list[dict[str, Any]], *keys: str) -> dict[str, Any]:
    """The sample that is best on `keys` in order (True > False, higher > lower)."""
    return max(samples, key=lambda s: tuple(s.get(k) or 0 for k in keys)) if samples else {}
