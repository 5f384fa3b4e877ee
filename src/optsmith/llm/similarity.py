"""Normalization and similarity of code texts, for the emulation and disassembly scores.

Exact match is judged after removing what carries no meaning for the compiler and
differs between equivalent outputs (comments, blank lines, module identifiers, the
`.ident`/`.file` directives, trailing spaces). Similarity is BLEU-4 over whitespace
tokens of the normalized texts, as the LLM Compiler paper reports, with add-one
smoothing so a short answer gets a small score rather than zero.
"""

from __future__ import annotations

import math
import re
from collections import Counter

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


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def bleu(candidate: str, reference: str, max_n: int = 4) -> float:
    """Sentence BLEU in [0, 1] of `candidate` against one `reference` (whitespace tokens)."""
    cand, ref = candidate.split(), reference.split()
    if not cand or not ref:
        return 0.0
    log_sum = 0.0
    for n in range(1, max_n + 1):
        cand_grams, ref_grams = _ngrams(cand, n), _ngrams(ref, n)
        overlap = sum(min(count, ref_grams[g]) for g, count in cand_grams.items())
        total = max(len(cand) - n + 1, 0)
        log_sum += math.log((overlap + 1) / (total + 1))
    brevity = 1.0 if len(cand) > len(ref) else math.exp(1 - len(ref) / len(cand))
    return brevity * math.exp(log_sum / max_n)
