"""Judging code a model wrote against a reference: parses, exact match, similarity."""

from __future__ import annotations

from typing import Any

from optsmith.llm.parsers import extract_code
from optsmith.llm.similarity import bleu, normalize
from optsmith.llmtasks.llvm_tools import check_asm, check_ir


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
