"""Evaluation: measure pipelines on a prepared program, through the store and the pool.

The store answers any (program, pipeline, objective, toolchain) measured before, by this
run or an earlier one, so duplicate proposals and resumed runs cost nothing.

Failures are remembered only when they are the input's own (`EngineReply.verdict`):
a bad pass name or IR that does not parse at once; an LLVM crash only when it happens
again in a fresh worker. Any other failure (a worker killed from outside, a hang, a lost
Ray actor) is retried once in a fresh worker: a success then is used and remembered, a
second such failure fails the evaluation for this run only, so the next run measures it
again. A store written before this rule may hold such failures; they are not believed
(`_believed`) and are measured again. Each outcome says whether a worker died or hung on
it and whether it was retried, for the run's summary.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from optsmith.errors import OptsmithError, PipelineError
from optsmith.llvm.passes import render_pipeline
from optsmith.llvm.protocol import EngineReply, EvalRequest, verdict_of_why
from optsmith.measure.objectives import Objective
from optsmith.measure.speed import SpeedFigure, can_measure_speed, measure_speed
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
    crashed: bool = False  # an engine worker died (or a Ray actor was lost) measuring it
    timed_out: bool = False  # an engine worker hung on it and was killed
    retried: bool = False  # measured a second time, in a fresh worker

    @property
    def ok(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Attempts:
    """The replies one evaluation got: the first and, when that was not settled, the
    retry in a fresh worker."""

    first: EngineReply
    retry: EngineReply | None = None

    @property
    def reply(self) -> EngineReply:
        """The reply that counts: the retry's when there was one."""
        return self.retry if self.retry is not None else self.first

    @property
    def replies(self) -> tuple[EngineReply, ...]:
        return (self.first,) if self.retry is None else (self.first, self.retry)

    @property
    def remembered(self) -> bool:
        """Whether the outcome may be stored: a settled reply (a success, or a failure
        of the input's own), or an LLVM crash that happened in both attempts."""
        if self.reply.verdict == "settled":
            return True
        return self.retry is not None and self.first.verdict == self.retry.verdict == "llvm-crash"

    @property
    def crashed(self) -> bool:
        return any(r.kind in ("crash", "lost") for r in self.replies)

    @property
    def timed_out(self) -> bool:
        return any(r.kind == "timeout" for r in self.replies)


def _believed(hit: Measurement) -> bool:
    """Whether a stored measurement stands: a failure stored by an older version for a
    worker killed from outside or a hang (see `EngineReply.verdict`) does not."""
    return hit.ok or verdict_of_why(hit.error or "") != "transient"


class _PipelineFailed(OptsmithError):
    """The engine failed to build a pipeline's object; carries the attempts made."""

    def __init__(self, message: str, attempts: Attempts) -> None:
        super().__init__(message)
        self.attempts = attempts


_BUILD_FAILED = "pipeline failed: "


def _validation_believed(passed: bool, detail: str) -> bool:
    """Whether a stored validation stands: like `_believed`, a failure to build the
    object for a transient reason (stored by an older version) does not."""
    if passed or not detail.startswith(_BUILD_FAILED):
        return True
    return verdict_of_why(detail.removeprefix(_BUILD_FAILED)) != "transient"


FEATURE_VECTORS = ("autophase", "instcount_vector")
"""Engine measurements an optimizer may ask for as program features (`Evaluator.features`)."""


def render(pipeline: Pipeline) -> str:
    return render_pipeline(list(pipeline)) if pipeline else ""


class Evaluator:
    """Measures pipelines for problems; shared by every optimizer of a run."""

    def __init__(self, pool: Executor, store: Store | None = None) -> None:
        self.pool = pool
        self.store = store
        self.toolchain = find_toolchain().version_key
        # (program key, object digest) -> settled figure: many pipelines build the same
        # object, and running it again under callgrind would only cost seconds
        self.runs_by_object: dict[tuple[str, str], SpeedFigure] = {}
        self.object_runs = 0  # builds actually run (the rest were answered by their object)

    def prepare(self, benchmark: Benchmark, objective: Objective) -> Problem:
        """Compile the benchmark to IR (raises CompileError with clang's message); an
        objective that runs the program refuses one without tests or `main` first."""
        if objective.executes:
            why = can_measure_speed(benchmark)
            if why is not None:
                raise OptsmithError(why)
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
        objective = problem.objective.store_name
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
            if hit is not None and _believed(hit):
                outcomes[i] = Outcome(
                    pipeline, text, hit.value if hit.ok else None, hit.error, True, 0.0
                )
            else:
                pending.setdefault(text, []).append(i)
        requests = [
            EvalRequest(
                key=problem.key,
                ir=problem.ir,
                pipeline=text,
                want=problem.objective.want,
                name=problem.benchmark.name,
                reloc=problem.objective.reloc,
            )
            for text in pending
        ]
        measured = self.measure(requests)
        runs = self._run_builds(problem, measured)
        for (text, attempts), run in zip(zip(pending, measured, strict=True), runs, strict=True):
            reply = attempts.reply
            remembered = attempts.remembered
            value: float | None
            error: str | None
            if not reply.ok:
                value, error = None, reply.why()
            elif run is not None:
                value, error = run.instructions, run.error
                remembered = remembered and run.settled
            else:
                value, error = problem.objective.value(reply), None
            seconds = sum(r.seconds for r in attempts.replies)
            if self.store is not None and remembered:
                self.store.put(
                    self._store_key(problem),
                    text,
                    objective,
                    self.toolchain,
                    Measurement(value=value, ok=value is not None, error=error, seconds=seconds),
                )
            for j, i in enumerate(pending[text]):
                first = j == 0  # duplicates in the batch are answered by the first
                outcomes[i] = Outcome(
                    pairs[i][0],
                    text,
                    value,
                    error,
                    not first,
                    seconds,
                    crashed=first and attempts.crashed,
                    timed_out=first and attempts.timed_out,
                    retried=first and attempts.retry is not None,
                )
        return [o for o in outcomes if o is not None]

    def _run_builds(
        self, problem: Problem, measured: Sequence[Attempts]
    ) -> list[SpeedFigure | None]:
        """For an objective that runs the program, each built object's figure (as many
        runs at once as the pool has workers); None where nothing is run."""
        if not problem.objective.executes:
            return [None] * len(measured)
        keys = [
            (problem.key, hashlib.sha256(a.reply.expect_object()).hexdigest())
            if a.reply.ok else None
            for a in measured
        ]
        objects = {
            key: a.reply.expect_object()
            for key, a in zip(keys, measured, strict=True)
            if key is not None and key not in self.runs_by_object
        }
        with ThreadPoolExecutor(max_workers=max(1, self.pool.size)) as runner:
            futures = {
                key: runner.submit(measure_speed, obj, problem.benchmark)
                for key, obj in objects.items()
            }
            fresh = {key: future.result() for key, future in futures.items()}
        self.object_runs += len(fresh)
        self.runs_by_object.update({k: f for k, f in fresh.items() if f.settled})
        return [
            None if key is None else fresh.get(key) or self.runs_by_object[key] for key in keys
        ]

    def measure(self, requests: Sequence[EvalRequest]) -> list[Attempts]:
        """Run requests in parallel; retry each whose reply is not settled once, in a fresh
        worker (the retries in parallel too)."""
        firsts = [f.result() for f in [self.pool.submit(r) for r in requests]]
        unsettled = [i for i, reply in enumerate(firsts) if reply.verdict != "settled"]
        retries = {i: self.pool.submit(requests[i], fresh=True) for i in unsettled}
        return [
            Attempts(reply, retries[i].result() if i in retries else None)
            for i, reply in enumerate(firsts)
        ]

    def features(self, problem: Problem, names: Sequence[str]) -> dict[str, tuple[float, ...]]:
        """Feature vectors of the unoptimized module (see `FEATURE_VECTORS`), measured in a
        worker in one request: no pass runs, so no compilation is counted. For optimizers
        that choose pipelines from what the program looks like (`Optimizer.features`)."""
        unknown = sorted(set(names) - set(FEATURE_VECTORS))
        if unknown:
            raise OptsmithError(
                f"unknown program feature(s) {unknown}; known: {list(FEATURE_VECTORS)}"
            )
        request = EvalRequest(
            problem.key,
            problem.ir,
            "",
            tuple(names),
            problem.benchmark.name,
            problem.objective.reloc,
        )
        reply = self.measure([request])[0].reply
        if not reply.ok:
            raise OptsmithError(
                f"{problem.benchmark.name}: measuring features failed: {reply.why()}"
            )
        return {name: tuple(float(x) for x in reply.expect(name)) for name in names}

    def object_for(self, problem: Problem, text: str) -> tuple[bytes, str, dict[str, int]]:
        """Object file, optimized IR text and section sizes for one pipeline."""
        return self._object(problem, text)[0]

    def _object(
        self, problem: Problem, text: str
    ) -> tuple[tuple[bytes, str, dict[str, int]], Attempts]:
        """`object_for`, and the attempts it took (retried as `measure` does)."""
        (attempts,) = self.measure(
            [
                EvalRequest(
                    problem.key,
                    problem.ir,
                    text,
                    ("object", "ir", "instcount"),
                    problem.benchmark.name,
                    problem.objective.reloc,
                )
            ]
        )
        reply = attempts.reply
        if not reply.ok:
            raise _PipelineFailed(f"pipeline failed: {reply.why()}", attempts)
        sizes = dataclasses.asdict(reply.expect_sizes())
        counts = {"instcount": reply.expect_instcount(), **sizes}
        return (reply.expect_object(), reply.expect_ir(), counts), attempts

    def validate(self, problem: Problem, text: str) -> tuple[bool | None, str]:
        """Rebuild with `text` and run the benchmark's tests: (passed, detail).

        None means the program cannot be validated (no tests, or no `main`).
        """
        bench = problem.benchmark
        if not can_validate(bench):
            return None, NOT_TESTABLE
        objective = problem.objective.store_name
        if self.store is not None:
            known = self.store.get_validation(bench.content_hash, text, objective, self.toolchain)
            if known is not None and _validation_believed(*known):
                return known
        started = time.monotonic()
        remembered = True
        try:
            (obj, _, _), _ = self._object(problem, text)
        except _PipelineFailed as exc:
            passed, detail, remembered = False, str(exc), exc.attempts.remembered
        except OptsmithError as exc:
            passed, detail = False, str(exc)
        else:
            passed, detail = validate_object(obj, bench)
        detail = f"{detail} ({time.monotonic() - started:.1f}s)"
        if self.store is not None and remembered:
            self.store.put_validation(
                bench.content_hash, text, objective, self.toolchain, passed, detail
            )
        return passed, detail
