"""Turn model answers into pipelines, IR or assembly: tolerant of form, strict on content.

Small models answer with prose, markdown fences, legacy `-pass` flags, half a code block
or nothing at all. Every parser here returns a value or a reason, never raises, so a
garbage answer is one failed row. Pass names are checked against LLVM 22 itself (through
`render_pipeline`), with the nearest real names in the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from optsmith.errors import PipelineError
from optsmith.llvm.passes import parse_pipeline, render_pipeline

_CODE_TAG = re.compile(r"<code>(.*?)(?:</code>|$)", re.S)
_FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+-]*)[ \t]*\n(.*?)(?:```|$)", re.S)
_BACKTICK = re.compile(r"`([^`\n]+)`")
_PASSES_FLAG = re.compile(
    r"""(?:-p|-passes|--passes)(?:=|\s+)(?:'([^']*)'|"([^"]*)"|(\S+))"""
)
_RUN_PASSES = re.compile(r"run\s+(?:the\s+)?pass(?:es)?\s*:?\s*(.+)", re.I)
_DASH_FLAG = re.compile(r"(?:^|(?<=\s))-[A-Za-z][\w<>=;.-]*")
_OPT_LEVEL = re.compile(r"^-?O([0123sz])$")
_MAX_PASSES = 200


@dataclass(frozen=True)
class ParsedPipeline:
    """A pipeline text that opt-22 accepts, or why the answer has none."""

    text: str | None
    passes: tuple[str, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.text is not None


def _candidates(answer: str) -> list[tuple[str, bool]]:
    """(span, explicit) for the spans that may hold the pass list, most explicit first.

    Explicit spans (after -p/-passes, "Run passes", in backticks) were meant as pass lists,
    so their errors are the answer's reason; the fallbacks (the first line, "-flag" words
    in prose) are guesses whose failure only means that no list was found.
    """
    spans: list[tuple[str, bool]] = []
    for match in _PASSES_FLAG.finditer(answer):
        spans.append((next(g for g in match.groups() if g is not None), True))
    run = _RUN_PASSES.search(answer)
    if run:
        tail = run.group(1)
        quoted = _BACKTICK.search(tail)
        spans.append((quoted.group(1) if quoted else re.split(r"\s+to\s+|[\n:]", tail)[0],
                      True))
    spans.extend((m.group(1), True) for m in _BACKTICK.finditer(answer))
    first_line = answer.strip().splitlines()[0] if answer.strip() else ""
    if first_line:
        spans.append((first_line, False))
    flags = _DASH_FLAG.findall(answer)  # last resort: "-flag" words inside prose
    if flags:
        spans.append((" ".join(flag.rstrip(".:;,") for flag in flags), False))
    return spans


def _split_outside_brackets(span: str) -> list[str]:
    """Split on whitespace, commas and semicolons that are outside <...> and (...)."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in span:
        if ch in "<(":
            depth += 1
        elif ch in ">)":
            depth = max(0, depth - 1)
        if depth == 0 and (ch.isspace() or ch in ",;"):
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _tokens(span: str) -> list[str]:
    span = span.strip().strip("[]{}").strip()
    if "(" in span:
        try:
            nested = parse_pipeline(span)  # new-PM syntax: module(function(sroa),...)
            if not any(any(c.isspace() for c in name) for name in nested):
                return nested
        except PipelineError:
            pass
    tokens = []
    for token in _split_outside_brackets(span):
        token = token.strip().strip("'\"`[]").lstrip("-").strip()
        if not token:
            continue
        level = _OPT_LEVEL.match(token)
        if level:
            token = f"default<O{level.group(1)}>"
        tokens.append(token)
    return tokens


def parse_pass_list(answer: str) -> ParsedPipeline:
    """The first span of `answer` that is a valid LLVM 22 pipeline."""
    if not answer or not answer.strip():
        return ParsedPipeline(None, error="empty answer")
    first_error = "no pass list found in the answer"
    for span, explicit in _candidates(answer):
        tokens = _tokens(span)
        if not tokens:
            continue
        if len(tokens) > _MAX_PASSES:
            first_error = f"{len(tokens)} passes, more than {_MAX_PASSES}"
            continue
        try:
            text = render_pipeline(tokens)
        except PipelineError as exc:
            if explicit and first_error.startswith("no pass list"):
                first_error = str(exc)
            continue
        return ParsedPipeline(text, tuple(tokens))
    return ParsedPipeline(None, error=first_error)


def extract_code(answer: str, *, kind: str = "ir") -> str | None:
    """The code block of an answer: <code>...</code>, a ``` fence, or the bare text.

    `kind` ("ir" or "asm") picks the fence whose language matches when there are several
    and decides whether bare text looks like code at all.
    """
    if not answer or not answer.strip():
        return None
    tagged = _CODE_TAG.search(answer)
    if tagged and tagged.group(1).strip():
        return tagged.group(1).strip("\n")
    fences = [(lang.lower(), body) for lang, body in _FENCE.findall(answer) if body.strip()]
    if fences:
        wanted = ("llvm", "ll", "llvm-ir") if kind == "ir" else ("asm", "assembly", "s", "x86")
        for lang, body in fences:
            if lang in wanted:
                return body.strip("\n")
        return fences[0][1].strip("\n")
    text = answer.strip("\n")
    if kind == "ir" and re.search(r"^\s*(define|declare|target|source_filename|@)", text, re.M):
        return text
    if kind == "asm" and re.search(r"^\s*(\.text|\.globl|[A-Za-z_.][\w.$]*:)", text, re.M):
        return text
    return None
