"""Rich progress for a search over programs: one bar for the programs, one for the search."""

from __future__ import annotations

from rich.progress import Progress

from optsmith.programs.benchmark import Benchmark
from optsmith.search.budget import BudgetClock
from optsmith.search.driver import SearchResult
from optsmith.search.suite_run import SuiteCallbacks, SuiteFailure

_STEPS = 1000  # the search bar's resolution (the budget may be time, not a count)


class SuiteBars(SuiteCallbacks):
    """`run_suite`'s hooks drawn on a rich `Progress` (which is off when not a terminal)."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.bars = progress
        self.suite_task = progress.add_task("programs", total=total)
        self.search_task = progress.add_task("search", total=_STEPS)
        self.name = ""

    def program_started(self, benchmark: Benchmark, index: int, total: int) -> None:
        self.name = benchmark.name
        self.bars.update(self.search_task, description=self.name, completed=0)

    def progress(self, clock: BudgetClock, best: float | None) -> None:
        shown = self.name if best is None else f"{self.name} best={best:,.0f}"
        self.bars.update(
            self.search_task, completed=int(clock.fraction() * _STEPS), description=shown
        )

    def program_finished(self, result: SearchResult | SuiteFailure, resumed: bool) -> None:
        self.bars.advance(self.suite_task)
