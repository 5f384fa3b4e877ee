"""Drive a task over a suite: prepare prompts, ask the model in batches, score each answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from optsmith.errors import OptionError, OptsmithError
from optsmith.llm.backend import Backend, GenerationParams
from optsmith.llmtasks.base import DEFAULT_MAX_PROMPT_CHARS, LlmTask, TaskInput, TaskReport
from optsmith.llmtasks.disassembly import Disassembly
from optsmith.llmtasks.emulation import Emulation
from optsmith.llmtasks.flag_tuning import FlagTuning
from optsmith.llmtasks.units import Unit
from optsmith.programs.benchmark import Benchmark
from optsmith.search.evaluator import Evaluator

TASK_NAMES = ("flag-tuning", "emulation", "emulation-asm", "disassembly", "asm-optimization")
BATCH = 8  # prompts per generate() call: small enough for a live progress bar
MAX_STORED_ANSWER_CHARS = 20_000

Advance = Callable[[str], None]


def make_task(
    name: str,
    evaluator: Evaluator,
    *,
    unit: Unit = "module",
    max_prompt_chars: int = DEFAULT_MAX_PROMPT_CHARS,
) -> LlmTask:
    """The task called `name` (asm-optimization runs through `run_asm_optimization`)."""
    limit = max_prompt_chars
    if name == "flag-tuning":
        return FlagTuning(evaluator, unit=unit, max_prompt_chars=limit)
    if name == "emulation":
        return Emulation(evaluator.pool, target="ir", unit=unit, max_prompt_chars=limit)
    if name == "emulation-asm":
        return Emulation(evaluator.pool, target="asm", unit=unit, max_prompt_chars=limit)
    if name == "disassembly":
        return Disassembly(unit=unit, max_prompt_chars=limit)
    raise OptionError(f"unknown task '{name}'; choose one of: {', '.join(TASK_NAMES)}")


def _score(task: LlmTask, item: TaskInput, texts: list[str], errors: list[str]) -> dict[str, Any]:
    if not texts:
        return {"error": "; ".join(errors) or "the model gave no answer", "answered": False}
    try:
        row = task.score(item, texts)
    except OptsmithError as exc:  # the scorer's own tools failed on this input
        row = {"error": f"scoring failed: {exc}"}
    row["answered"] = True
    if errors:
        row["model_errors"] = errors
    return row


def run_task(
    task: LlmTask,
    backend: Backend,
    benchmarks: Sequence[Benchmark],
    params: GenerationParams,
    *,
    advance: Advance | None = None,
) -> TaskReport:
    """One row per input; a prompt the model cannot answer or a garbage answer is a row too.

    A `ModelError` from the backend (one unusable as a whole, e.g. the HTTP backend's
    `ModelServerFailing` after a run of failed requests) stops the run: it propagates.
    """
    inputs: list[TaskInput] = []
    for benchmark in benchmarks:
        inputs.extend(task.prepare(benchmark))
        if advance:
            advance(f"prepared {benchmark.name}")
    rows: dict[int, dict[str, Any]] = {}
    asked = [i for i, item in enumerate(inputs) if item.skipped is None]
    for i, item in enumerate(inputs):
        if item.skipped is not None:
            rows[i] = {"name": item.name, "skipped": item.skipped}
    for start in range(0, len(asked), BATCH):
        chunk = asked[start : start + BATCH]
        generations = backend.generate([inputs[i].prompt for i in chunk], params)
        for i, generation in zip(chunk, generations, strict=True):
            item = inputs[i]
            row = {"name": item.name, "prompt_chars": len(item.prompt)}
            row.update(_score(task, item, generation.texts, generation.errors))
            row["answers"] = [t[:MAX_STORED_ANSWER_CHARS] for t in generation.texts]
            row["model_seconds"] = round(generation.seconds, 3)
            rows[i] = row
            if advance:
                advance(f"scored {item.name}")
    ordered = [rows[i] for i in range(len(inputs))]
    return TaskReport(
        task.name, backend.name, params.n, ordered, task.summarize(ordered), task.columns
    )
