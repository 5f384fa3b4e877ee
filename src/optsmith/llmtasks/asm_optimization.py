"""Assembly optimization (SuperCoder): the model rewrites gcc -O3 assembly to run faster.

Scored by the assembly task's harness (`optsmith.asm.evaluate`): every sample is
assembled and run in the sandbox on the tests; among correct samples the fastest is
timed against gcc -O3. Rows carry the pass rate and speedup; a wrong answer is a
failure, never a speedup of 1.0. A backend that fails as a whole (`ModelError` from
`generate`, e.g. a server that failed request after request) stops the run at once,
rather than building and judging every remaining problem's baseline for nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import geometric_mean
from typing import Any

from optsmith.asm.candidates import Candidate
from optsmith.asm.evaluate import Callbacks, EvalSettings, ProblemResult, evaluate
from optsmith.asm.judge import Status
from optsmith.asm.problems import Problem
from optsmith.errors import ModelError
from optsmith.llm.backend import Backend, GenerationParams
from optsmith.llmtasks.asm_candidates import ModelCandidates
from optsmith.llmtasks.base import TaskReport

COLUMNS = [
    ("name", "problem"),
    ("correct_samples", "correct"),
    ("passed", "passed"),
    ("speedup", "speedup vs gcc -O3"),
]


class _StoppableCandidates(ModelCandidates):
    """Remembers a `ModelError` of the backend: the harness records it as one problem's
    error and goes on, so `_Progress` raises it again between problems."""

    stopped: ModelError | None = None

    def candidates(self, problem: Problem, workdir: Path,
                   training: Sequence[int]) -> list[Candidate]:
        try:
            return super().candidates(problem, workdir, training)
        except ModelError as exc:
            self.stopped = exc
            raise


class _Progress(Callbacks):
    def __init__(self, advance: Callable[[], None] | None,
                 source: _StoppableCandidates) -> None:
        self.advance = advance
        self.source = source

    def problem_finished(self, result: ProblemResult | None) -> None:
        if self.advance is not None:
            self.advance()
        if self.source.stopped is not None:
            raise self.source.stopped


def run_asm_optimization(
    backend: Backend,
    problems: Sequence[Problem],
    params: GenerationParams,
    *,
    settings: EvalSettings | None = None,
    advance: Callable[[], None] | None = None,
) -> TaskReport:
    source = _StoppableCandidates(backend, params)
    evaluation = evaluate(problems, source, settings or EvalSettings(),
                          _Progress(advance, source))
    rows: list[dict[str, Any]] = []
    for result in evaluation.results:
        correct = sum(1 for c in result.candidates if c.status is Status.CORRECT)
        rows.append(
            {
                "name": result.problem,
                "prompt_chars": len(source.prompts.get(result.problem, "")),
                "answers": source.answers.get(result.problem, []),
                "correct_samples": correct,
                "passed": result.passed,
                "speedup": result.speedup,
                "detail": result.detail,
                "candidates": [c.to_dict() for c in result.candidates],
            }
        )
    for name, error in evaluation.errors.items():
        rows.append({"name": name, "passed": False, "error": error})
    speedups = [r["speedup"] for r in rows if r.get("passed") and r.get("speedup")]
    summary: dict[str, Any] = {
        "inputs": len(rows),
        "pass_rate": sum(1 for r in rows if r.get("passed")) / len(rows) if rows else None,
        "geomean_speedup_passed": geometric_mean(speedups) if speedups else None,
        "failures": sum(1 for r in rows if not r.get("passed")),
    }
    return TaskReport("asm-optimization", backend.name, params.n, rows, summary, COLUMNS)
