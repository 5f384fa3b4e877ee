"""Evaluation: measure pipelines on a prepared program, through the store and the pool.

The store answers any (program, pipeline, objective, toolchain) measured before, by this
run or an earlier one, so duplicate proposals and resumed runs cost nothing. Failures
(LLVM crashes, hangs, bad pass names) are stored too: a crashing pipeline is not retried.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass

from optsmith.errors import OptsmithError, PipelineError
from optsmith.llvm.passes import render_pipeline
from optsmith.llvm.protocol import EvalRequest
from optsmith.measure.objectives import Objective
from optsmith.measure.validation import NOT_TESTABLE, can_validate, validate_object
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.frontend import c_to_ir
from optsmith.search.executor import Executor
from optsmith.search.protocol import Pipeline
from optsmith.store import Measurement, Store
from optsmith.toolchain import find_toolchain


@dataclass(frozen=True)
class Problem:
    """A benchmark compiled to the IR an objective starts from, ready for the engine."""

    benchmark: Benchmark
    objective: Objective
    ir: str

    @property
    def key(self) -> str:
        """Identifies the input module (program and IR mode) in workers and the store."""
        return f"{self.benchmark.content_hash}:{self.objective.ir_mode}"

    @property
    def ir_hash(self) -> str:
        return hashlib.sha256(self.ir.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Outcome:
    """One measured pipeline."""

    pipeline: Pipeline
    text: str
    value: float | None
    error: str | None
    cached: bool
    seconds: float

    @property
    def ok(self) -> bool:
        return self.value is not None


def render(pipeline: Pipeline) -> str:
    return render_pipeline(list(pipeline)) if pipeline else ""


class Evaluator:
    """Measures pipelines for problems; shared by every optimizer of a run."""

    def __init__(self, pool: Executor, store: Store | None = None) -> None:
        self.pool = pool
        self.store = store
        self.toolchain = find_toolchain().version_key

    def prepare(self, benchmark: Benchmark, objective: Objective) -> Problem:
        """Compile the benchmark to IR (raises CompileError with clang's message)."""
        return Problem(benchmark, objective, c_to_ir(benchmark, objective.ir_mode))

    def _store_key(self, problem: Problem) -> str:
        return problem.benchmark.content_hash

    def evaluate_texts(self, problem: Problem, texts: Sequence[str]) -> list[Outcome]:
        return self.evaluate(problem, [(tuple(), t) for t in texts])

    def evaluate_pipelines(self, problem: Problem, pipelines: Sequence[Pipeline]) -> list[Outcome]:
        pairs: list[tuple[Pipeline, str | None]] = []
        for p in pipelines:
            try:
                pairs.append((p, render(p)))
            except PipelineError:
                pairs.append((p, None))
        return self.evaluate(problem, pairs)

    def evaluate(
        self, problem: Problem, pairs: Sequence[tuple[Pipeline, str | None]]
    ) -> list[Outcome]:
        """Measure (pipeline, rendered text) pairs; text None marks an unrenderable one."""
        objective = problem.objective.name
        outcomes: list[Outcome | None] = [None] * len(pairs)
        pending: dict[str, list[int]] = {}
        for i, (pipeline, text) in enumerate(pairs):
            if text is None:
                outcomes[i] = Outcome(pipeline, "", None, "pipeline does not render", True, 0.0)
                continue
            hit = (
                self.store.get(self._store_key(problem), text, objective, self.toolchain)
                if self.store
                else None
            )
            if hit is not None:
                outcomes[i] = Outcome(
                    pipeline, text, hit.value if hit.ok else None, hit.error, True, 0.0
                )
            else:
                pending.setdefault(text, []).append(i)
        futures = {
            text: self.pool.submit(
                EvalRequest(
                    key=problem.key,
                    ir=problem.ir,
                    pipeline=text,
                    want=problem.objective.want,
                    name=problem.benchmark.name,
                    reloc=problem.objective.reloc,
                )
            )
            for text in pending
        }
        for text, future in futures.items():
            reply = future.result()
            if reply.ok:
                value: float | None = problem.objective.value(reply)
                error = None
            else:
                value, error = None, reply.why()
            seconds = reply.seconds
            # a timeout or a lost Ray actor says nothing certain about the pipeline: retry later
            if self.store is not None and not reply.inconclusive:
                self.store.put(
                    self._store_key(problem),
                    text,
                    objective,
                    self.toolchain,
                    Measurement(value=value, ok=value is not None, error=error, seconds=seconds),
                )
            for j, i in enumerate(pending[text]):
                outcomes[i] = Outcome(pairs[i][0], text, value, error, j > 0, seconds)
        return [o for o in outcomes if o is not None]

    def object_for(self, problem: Problem, text: str) -> tuple[bytes, str, dict[str, int]]:
        """Object file, optimized IR text and section sizes for one pipeline."""
        reply = self.pool.evaluate(
            EvalRequest(
                problem.key,
                problem.ir,
                text,
                ("object", "ir", "instcount"),
                problem.benchmark.name,
                problem.objective.reloc,
            )
        )
        if not reply.ok:
            raise OptsmithError(f"pipeline failed: {reply.why()}")
        sizes = dataclasses.asdict(reply.expect_sizes())
        counts = {"instcount": reply.expect_instcount(), **sizes}
        return reply.expect_object(), reply.expect_ir(), counts

    def validate(self, problem: Problem, text: str) -> tuple[bool | None, str]:
        """Rebuild with `text` and run the benchmark's tests: (passed, detail).

        None means the program cannot be validated (no tests, or no `main`).
        """
        bench = problem.benchmark
        if not can_validate(bench):
            return None, NOT_TESTABLE
        objective = problem.objective.name
        if self.store is not None:
            known = self.store.get_validation(bench.content_hash, text, objective, self.toolchain)
            if known is not None:
                return known
        started = time.monotonic()
        try:
            obj, _, _ = self.object_for(problem, text)
        except OptsmithError as exc:
            passed, detail = False, str(exc)
        else:
            passed, detail = validate_object(obj, bench)
        detail = f"{detail} ({time.monotonic() - started:.1f}s)"
        if self.store is not None:
            self.store.put_validation(
                bench.content_hash, text, objective, self.toolchain, passed, detail
            )
        return passed, detail
