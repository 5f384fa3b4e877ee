"""What `optsmith.optimize` and `optsmith.bench` hand back: a `Result` and a `BenchReport`.

A `Result` is the search's record (`SearchResult`, what the store keeps) together with the
program it belongs to, so it can write its own outputs (`result.write("out/")`) and print
itself readably. A `BenchReport` is one optimizer over a suite: the per-program results,
the suite's figures (`report.stats.summarize`) and the programs that failed outright.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from optsmith.measure.objectives import baseline_label
from optsmith.programs.benchmark import Benchmark
from optsmith.report.stats import SuiteSummary, summarize
from optsmith.search.driver import SearchResult
from optsmith.search.suite_run import SuiteFailure

_PIPELINE_SHOWN = 200  # characters of the pipeline a printed result shows


class OutputWriter(Protocol):
    """Who makes a result's files: an `optsmith.Session` (open, or opened again for it)."""

    def write_outputs(
        self, benchmark: Benchmark, result: SearchResult, out: Path
    ) -> dict[str, Path]: ...


def _short(pipeline: str) -> str:
    if len(pipeline) <= _PIPELINE_SHOWN:
        return pipeline
    return pipeline[:_PIPELINE_SHOWN] + f"... ({len(pipeline)} chars)"


def _count(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def engine_trouble_text(crashes: int, timeouts: int, retries: int) -> str:
    """"crashes 1, timeouts 0, retries 1": how often the engine failed a search."""
    return f"crashes {crashes}, timeouts {timeouts}, retries {retries}"
def _clang_oz_note(result: SearchResult) -> str:
    """The note ", clang -Oz N" where clang's -Oz differs from the headline baseline."""
    value = result.baseline_clang_oz
    if value is None or value == result.baseline:
        return ""
    return f", clang -Oz {_count(value)}"


def validation_text(result: SearchResult) -> str:
    """validated / not validated (why) / FAILED validation (why), in a few words."""
    if result.validated is True:
        return "validated (tests passed)"
    if result.validated is None:
        return f"not validated ({result.validation_detail or 'no tests'})"
    return f"FAILED validation: {result.validation_detail}"


@dataclass(frozen=True)
class Result:
    """The best pipeline found for one program, proven (or not) by its tests."""

    search: SearchResult
    benchmark: Benchmark
    writer: OutputWriter = field(repr=False, compare=False)

    @property
    def name(self) -> str:
        return self.search.benchmark

    @property
    def objective(self) -> str:
        return self.search.objective

    @property
    def pipeline(self) -> str:
        """The best pipeline: `opt-22 -passes="$(...)"` replays it on the input IR."""
        return self.search.best_pipeline

    @property
    def value(self) -> float:
        """The objective's value with `pipeline` (never above `baseline`)."""
        return self.search.best_value

    @property
    def baseline(self) -> float:
        """The objective's value at `-Oz`: opt's `default<Oz>` for ir-instcount (the
        literature's), clang's own -Oz pipeline for text-size (`clang-22 -Oz -c`'s bytes)."""
        return self.search.baseline

    @property
    def baseline_clang_oz(self) -> float | None:
        """The value after clang's own -Oz pipeline (equal to `baseline` for text-size)."""
        return self.search.baseline_clang_oz

    @property
    def reduction(self) -> float:
        """1 - value/baseline: the share below `-Oz`."""
        return self.search.reduction

    @property
    def validated(self) -> bool | None:
        """True: rebuilt and passed its tests; None: no tests (IR input); False: failed."""
        return self.search.validated

    @property
    def validation_detail(self) -> str:
        return self.search.validation_detail

    @property
    def rejected(self) -> list[dict[str, Any]]:
        """Better candidates that failed their tests: pipeline, value and why."""
        return self.search.rejected

    @property
    def compilations(self) -> int:
        return self.search.compilations

    @property
    def crashes(self) -> int:
        """Evaluations during which an engine worker died (LLVM crashed, or it was killed)."""
        return self.search.crashes

    @property
    def timeouts(self) -> int:
        """Evaluations during which an engine worker hung and was killed."""
        return self.search.timeouts

    @property
    def retries(self) -> int:
        """Evaluations measured a second time, in a fresh worker, after a crash or hang."""
        return self.search.retries

    def to_dict(self) -> dict[str, Any]:
        return self.search.to_dict()

    def write(self, out: Path | str) -> dict[str, Path]:
        """Write input.ll, optimized.ll, optimized.o, the executable (when the program has a
        `main`), pipeline.txt and result.json into `out`; label -> path of each file."""
        return self.writer.write_outputs(self.benchmark, self.search, Path(out))

    def __str__(self) -> str:
        s = self.search
        base = baseline_label(s.objective)
        lines = [
            f"{s.benchmark}: {s.objective} {_count(s.best_value)} vs {base} "
            f"{_count(s.baseline)} (-O0 {_count(s.unoptimized)}{_clang_oz_note(s)}): "
            f"{s.reduction:.2%} below {base}, "
            f"{validation_text(s)}",
            f"  {s.optimizer}, {s.compilations:,} compilations, {s.wall_s:.1f}s, "
            f"{engine_trouble_text(s.crashes, s.timeouts, s.retries)}",
            f"  pipeline: {_short(s.best_pipeline) or '(none)'}",
        ]
        for candidate in s.rejected:
            value = candidate.get("value")
            shown = _count(value) if isinstance(value, int | float) else "?"
            lines.append(f"  rejected ({shown}): {candidate.get('why')}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        s = self.search
        return (
            f"Result(name={s.benchmark!r}, objective={s.objective!r}, value={s.best_value:g}, "
            f"baseline={s.baseline:g}, reduction={s.reduction:.4f}, validated={s.validated!r}, "
            f"pipeline={_short(s.best_pipeline)!r})"
        )


@dataclass(frozen=True)
class BenchReport:
    """One optimizer over a suite: results, figures, failures (programs never searched)."""

    suite: str
    objective: str
    optimizer: str
    budget: str
    seed: int
    results: list[Result]
    failures: list[SuiteFailure]

    @property
    def search_results(self) -> list[SearchResult]:
        return [r.search for r in self.results]

    @property
    def summary(self) -> SuiteSummary:
        return summarize(self.search_results)

    @property
    def ok(self) -> bool:
        """Every program searched, and no result failed its tests."""
        return not self.failures and self.summary.failed_validation == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "objective": self.objective,
            "optimizer": self.optimizer,
            "budget": self.budget,
            "seed": self.seed,
            "summary": self.summary.to_dict(),
            "results": [r.to_dict() for r in self.results],
            "errors": [f.__dict__ for f in self.failures],
        }

    def __str__(self) -> str:
        s = self.summary
        base = baseline_label(self.objective)
        lines = [
            f"{self.optimizer} on {self.suite}, {self.objective}, budget {self.budget}: "
            f"geomean {s.geomean_reduction:.2%} below {base}, "
            f"validated {s.validated}/{s.programs}, "
            f"failed validation {s.failed_validation}, errors {len(self.failures)}, "
            f"{engine_trouble_text(s.crashes, s.timeouts, s.retries)}"
        ]
        for r in self.results:
            lines.append(
                f"  {r.name}: {_count(r.value)} vs {base} {_count(r.baseline)} "
                f"({r.reduction:.2%}), {validation_text(r.search)}"
            )
        for f in self.failures:
            lines.append(f"  {f.benchmark}: error: {f.error.splitlines()[0] if f.error else ''}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        s = self.summary
        return (
            f"BenchReport(suite={self.suite!r}, optimizer={self.optimizer!r}, "
            f"programs={s.programs}, geomean_reduction={s.geomean_reduction:.4f}, "
            f"validated={s.validated}, failures={len(self.failures)}, crashes={s.crashes}, "
            f"timeouts={s.timeouts}, retries={s.retries})"
        )


def results_by_program(
    searched: Sequence[SearchResult], benchmarks: Sequence[Benchmark], writer: OutputWriter
) -> list[Result]:
    """Pair each search result with its program (by content hash and name, else hash)."""
    exact = {(b.content_hash, b.name): b for b in benchmarks}
    by_hash = {b.content_hash: b for b in benchmarks}
    return [
        Result(r, exact.get((r.bench_hash, r.benchmark)) or by_hash[r.bench_hash], writer)
        for r in searched
    ]
