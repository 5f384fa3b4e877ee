"""Normalization and similarity of code texts, for the emulation and disassembly scores.

Exact match is judged after removing what carries no meaning for the compiler and
differs between equivalent outputs (comments, blank lines, module identifiers, the
`.ident`/`.file` directives, trailing spaces). Similarity is BLEU of the normalized
texts, as the LLM Compiler paper reports it, computed by sacrebleu (the field's
reference implementation, so our figures compare with published ones): sentence-level
BLEU-4 with sacrebleu's defaults, i.e. its `13a` tokenization (punctuation split from
words, so `%x,` is two tokens), exponential smoothing and effective order, so a short
answer gets a small score rather than zero. Scores are on the paper's 0-1 scale
(sacrebleu's 0-100 divided by 100).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from optsmith.errors import OptsmithError

if TYPE_CHECKING:
    from sacrebleu.metrics import BLEU

_IR_DROP = re.compile(r"^(; ModuleID|source_filename\s*=|!llvm\.ident|!\d+ = !\{!\"clang)")
_ASM_DROP = re.compile(r"^\s*\.(ident|file|addrsig)\b|^\s*\.section\s+\.note\.GNU-stack")


def _strip_comment(line: str, marker: str) -> str:
    """Cut a trailing comment, leaving markers inside double-quoted strings alone."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == marker and not quoted:
            return line[:i]
    return line


def _normalize(text: str, drop: re.Pattern[str], comment: str, squeeze: bool) -> str:
    lines = []
    for line in text.splitlines():
        if drop.match(line):
            continue
        line = _strip_comment(line, comment).rstrip()
        if line.strip():
            lines.append(re.sub(r"[ \t]+", " ", line.strip()) if squeeze else line)
    return "\n".join(lines)


def normalize_ir(text: str) -> str:
    return _normalize(text, _IR_DROP, ";", squeeze=False)


def normalize_asm(text: str) -> str:
    """Assembly also loses its indentation and runs of blanks (tabs vs spaces)."""
    return _normalize(text, _ASM_DROP, "#", squeeze=True)


def normalize(text: str, kind: str) -> str:
    return normalize_asm(text) if kind == "asm" else normalize_ir(text)


INSTALL_HINT = "pip install 'optsmith[llm]'"


def require_sacrebleu() -> str:
    """sacrebleu's version; a clear error before any work when the `llm` extra is missing."""
    try:
        import sacrebleu
    except ImportError as exc:
        raise OptsmithError(
            f"BLEU scores need the sacrebleu package, which is not installed: {INSTALL_HINT}"
        ) from exc
    return str(sacrebleu.__version__)


@cache
def _scorer() -> BLEU:
    # imported here: sacrebleu is an optional extra and pulls in lxml and regex
    require_sacrebleu()
    from sacrebleu.metrics import BLEU

    return BLEU(tokenize="13a", effective_order=True)


def bleu_name() -> str:
    """How `bleu` is computed, for a report's summary: implementation, tokenization, scale."""
    return f"sacrebleu {require_sacrebleu()} sentence BLEU, 13a tokenization, score/100"


def bleu(candidate: str, reference: str) -> float:
    """Sentence BLEU in [0, 1] of `candidate` against one `reference` (sacrebleu, 13a)."""
    if not candidate.strip() or not reference.strip():
        return 0.0
    score = _scorer().sentence_score(candidate, [reference]).score
    # sacrebleu's exp(mean(log p)) of four 100.0 precisions is 100.00000000000004
    return min(round(score / 100.0, 6), 1.0)
