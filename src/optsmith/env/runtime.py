"""The cost behind the `runtime` rewards: instructions the program executes on its tests.

The engine measures instruction counts and sizes in the same request as the step; what a
build executes needs the build run. For the `runtime` rewards every step therefore
(1) has the engine rebuild the program from the input IR with the session's recorded
pipeline chunks and emit the object from that module itself (the exact object
`opt-22 -passes=... | llc-22` gives, hence the figure the search stores for that pipeline;
an object emitted from a clone of the session's module can differ, since a clone reorders
use-lists and code generation breaks ties by them), then (2) links it and runs every test
of the benchmark under callgrind in the sandbox, checking each output
(`optsmith.measure.speed.measure_speed`). A build that fails a test, crashes, does not
link or does not finish has no cost: the step fails.

The unoptimized program's figure and clang-22 -O3's are asked for at every reset, so they
are kept per process (`_FIGURES`): the figures are deterministic and depend only on the
benchmark (its key covers source, flags and tests) and the pipeline; a failure that is not
the build's own (a timeout under load) is never kept.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass

from optsmith.env.rewards import SpeedReferences
from optsmith.errors import OptsmithError
from optsmith.llvm.session import Session
from optsmith.measure.speed import measure_speed
from optsmith.programs.benchmark import Benchmark

_FIGURES: OrderedDict[tuple[str, str], float] = OrderedDict()  # (session key, pipeline)
_FIGURES_KEPT = 256


@dataclass(frozen=True)
class RuntimeCost:
    """Instructions executed over all tests (None when the build failed), why it failed,
    and the wall seconds the measurement took (rebuild, link and callgrind runs)."""

    instructions: float | None
    error: str | None
    seconds: float

    def expect(self, what: str) -> float:
        """The figure, or OptsmithError naming `what` was measured and why it failed."""
        if self.instructions is None:
            raise OptsmithError(f"{what}: {self.error}")
        return self.instructions


def measure_pipeline(
    session: Session, pipeline: str, benchmark: Benchmark, *, keep: bool = False
) -> RuntimeCost:
    """The runtime cost of `pipeline` run from the session's input IR; `keep` remembers a
    settled figure for the next call with the same program and pipeline."""
    key = (session.key, pipeline)
    if keep and key in _FIGURES:
        _FIGURES.move_to_end(key)
        return RuntimeCost(_FIGURES[key], None, 0.0)
    started = time.perf_counter()
    reply = session.evaluate(pipeline, ["object"])
    if not reply.ok:
        error = f"rebuilding the object failed: {reply.why()}"
        return RuntimeCost(None, error, time.perf_counter() - started)
    figure = measure_speed(reply.expect_object(), benchmark)
    seconds = time.perf_counter() - started
    if figure.instructions is None:
        return RuntimeCost(None, f"the build fails: {figure.error}", seconds)
    if keep:
        _FIGURES[key] = figure.instructions
        while len(_FIGURES) > _FIGURES_KEPT:
            _FIGURES.popitem(last=False)
    return RuntimeCost(figure.instructions, None, seconds)


def measure_state(session: Session, benchmark: Benchmark) -> RuntimeCost:
    """The runtime cost of the session's current program: its recorded chunks, in order,
    as one pipeline (top-level items run one after another, as the chunks did)."""
    pipeline = ",".join(step for step in session.steps if step)
    return measure_pipeline(session, pipeline, benchmark, keep=not pipeline)


def speed_references(session: Session, benchmark: Benchmark, baseline: str) -> SpeedReferences:
    """The unoptimized program's figure and the `baseline` pipeline's (clang-22 -O3's under
    the benchmark's flags); OptsmithError when either build fails its tests."""
    start = measure_pipeline(session, "", benchmark, keep=True)
    o3 = measure_pipeline(session, baseline, benchmark, keep=True)
    return SpeedReferences(
        start.expect(f"the unoptimized {benchmark.name}"),
        o3.expect(f"{benchmark.name} after clang-22 -O3's pipeline"),
    )


__all__ = ["RuntimeCost", "measure_pipeline", "measure_state", "speed_references"]
