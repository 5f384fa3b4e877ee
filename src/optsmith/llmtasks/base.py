"""What every LLM task shares: an input (prompt + what scoring needs), rows, a report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from optsmith.programs.benchmark import Benchmark

DEFAULT_MAX_PROMPT_CHARS = 48_000  # ~16k tokens of IR: LLM Compiler's context length


@dataclass
class TaskInput:
    """One prompt of a task; `skipped` says why it cannot be asked (too long, no IR)."""

    name: str
    prompt: str
    reference: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None


@dataclass
class TaskReport:
    """Rows (one per input, JSON-ready) and the suite figures."""

    task: str
    model: str
    samples: int
    rows: list[dict[str, Any]]
    summary: dict[str, Any]
    columns: list[tuple[str, str]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "model": self.model,
            "samples": self.samples,
            "summary": self.summary,
            "rows": self.rows,
        }


class LlmTask(Protocol):
    """A task: `prepare` builds prompts, `score` judges one input's answers, `summarize`."""

    name: str
    columns: list[tuple[str, str]]  # (row key, table header) for the printed table

    def prepare(self, benchmark: Benchmark) -> list[TaskInput]: ...

    def score(self, item: TaskInput, answers: Sequence[str]) -> dict[str, Any]: ...

    def summarize(self, rows: Sequence[dict[str, Any]]) -> dict[str, Any]: ...


def too_long(prompt: str, limit: int) -> str | None:
    return f"prompt has {len(prompt)} characters > {limit}" if len(prompt) > limit else None


def share(rows: Sequence[dict[str, Any]], key: str) -> float | None:
    """The fraction of scored rows whose `key` is truthy (None when nothing was scored)."""
    scored = [r for r in rows if not r.get("skipped")]
    return sum(1 for r in scored if r.get(key)) / len(scored) if scored else None


def mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def summarize_rows(
    rows: Sequence[dict[str, Any]], *, rates: dict[str, str], means: dict[str, str]
) -> dict[str, Any]:
    """Counts, then `name: share of scored rows whose key is true` and `name: mean of key`."""
    scored = [r for r in rows if not r.get("skipped")]
    summary: dict[str, Any] = {"inputs": len(rows), "scored": len(scored)}
    summary.update({name: share(scored, key) for name, key in rates.items()})
    summary.update({name: mean([r.get(key) for r in scored]) for name, key in means.items()})
    return summary


def headline(best: dict[str, Any], flags: Sequence[str], scores: Sequence[str]) -> dict[str, Any]:
    """A row's figures from its best sample: flags as bools, scores as floats (0 if absent)."""
    row: dict[str, Any] = {key: bool(best.get(key)) for key in flags}
    row.update({key: float(best.get(key) or 0.0) for key in scores})
    row["error"] = best.get("error")
    return row
