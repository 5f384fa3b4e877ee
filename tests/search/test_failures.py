"""Which engine failures the store remembers: the input's own, never a killed or hung worker.

Real workers, real LLVM 22 crashes, real kill -9: a worker killed from outside is retried
in a fresh one and its value used; an LLVM crash that reproduces is remembered; a hang is
reported for the run and never stored; failures an older version stored for killed
workers are measured again.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.builtin_suite import builtin_benchmark
from optsmith.report.stats import summarize
from optsmith.search.budget import Budget, BudgetClock
from optsmith.search.driver import ProgressFn, SearchResult, run_search
from optsmith.search.evaluator import Evaluator
from optsmith.search.random_search import RandomSearch
from optsmith.search.registry import default_space
from optsmith.session import load_program
from optsmith.store import Measurement, Store
from sample_programs import DATA

# segfaults LLVM 22.1.8 on this module on every heap layout (tests/data/crash_loop_bound_split.ll)
SEGFAULTING = "function(loop(loop-bound-split))"
HANGING = ",".join(["default<O3>"] * 2000)  # far longer than the timeouts used here


def _rows(path: Path, where: str = "1") -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            f"SELECT pipeline, value, ok, error FROM measurements WHERE {where} ORDER BY pipeline"
        ).fetchall()


def _state(pid: int) -> str:
    """The process state letter from /proc: "R" while the worker computes a reply."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return "?"
    return stat.rsplit(")", 1)[1].split()[0]


class Killer:
    """kill -9 each worker the pool has after the search's first batch, once, while it
    computes a reply (/proc state "R").

    Give `progress` to the search: after a batch nothing is in flight, so every worker
    then alive has started and is idle. Only those are targets, so a retry (which runs in
    a new worker) is never killed too. `killed` holds the pids killed."""

    def __init__(self, pool: EnginePool) -> None:
        self.pool = pool
        self.killed: list[int] = []
        self._targets: set[int] = set()
        self._began = threading.Event()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._kill, daemon=True)

    def progress(self, clock: BudgetClock, best: float | None) -> None:
        if not self._began.is_set():
            self._targets = {pid for pid in self.pool.pids if pid is not None}
            self._began.set()

    def _kill(self) -> None:
        self._began.wait()
        while self._targets and not self._done.is_set():
            for pid in self.pool.pids:
                if pid in self._targets and _state(pid) == "R":
                    os.kill(pid, signal.SIGKILL)
                    self.killed.append(pid)
                    self._targets.discard(pid)
            time.sleep(0.0005)

    def __enter__(self) -> Killer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._began.set()
        self._thread.join()


def _search(
    pool: EnginePool,
    store: Store,
    benchmark: Benchmark,
    seed: int,
    progress: ProgressFn | None = None,
) -> SearchResult:
    evaluator = Evaluator(pool, store)
    problem = evaluator.prepare(benchmark, get_objective("ir-instcount"))
    optimizer = RandomSearch(space=default_space(), seed=seed)
    return run_search(problem, optimizer, Budget(compilations=40), evaluator, progress=progress)


def test_kill_minus_nine_mid_search_changes_nothing(tmp_path: Path) -> None:
    program = builtin_benchmark("expr_parser")
    with EnginePool(2) as pool, Store(tmp_path / "clean.sqlite") as store:
        clean = _search(pool, store, program, seed=5)
    with (
        EnginePool(2) as pool,
        Store(tmp_path / "killed.sqlite") as store,
        Killer(pool) as killer,
    ):
        hurt = _search(pool, store, program, seed=5, progress=killer.progress)
    assert killer.killed, "no worker was killed: the search ended first"
    assert hurt.crashes >= 1 and hurt.retries >= hurt.crashes, (hurt.crashes, hurt.retries)
    assert clean.crashes == clean.retries == 0
    assert (hurt.best_value, hurt.best_pipeline) == (clean.best_value, clean.best_pipeline)
    assert hurt.history == clean.history and hurt.failures == clean.failures
    assert hurt.validated is True, hurt.validation_detail
    # the store remembers what a clean run measures, and no killed worker
    assert _rows(tmp_path / "killed.sqlite", "error LIKE '%killed%'") == []
    assert _rows(tmp_path / "killed.sqlite") == _rows(tmp_path / "clean.sqlite")


def test_a_reproducible_llvm_crash_is_remembered_after_its_retry(
    pool: EnginePool, store: Store
) -> None:
    evaluator = Evaluator(pool, store)
    problem = evaluator.prepare(
        load_program(DATA / "crash_loop_bound_split.ll"), get_objective("ir-instcount")
    )
    (first,) = evaluator.evaluate_texts(problem, [SEGFAULTING])
    assert first.value is None and first.error is not None and first.error.startswith("crash:")
    assert (first.crashed, first.retried, first.cached) == (True, True, False)
    stored = store.get(problem.benchmark.content_hash, SEGFAULTING, "ir-instcount",
                       evaluator.toolchain)
    assert stored is not None and not stored.ok and stored.error == first.error
    (again,) = evaluator.evaluate_texts(problem, [SEGFAULTING])
    assert (again.cached, again.crashed, again.retried, again.error) == (
        True, False, False, first.error
    )


def test_a_crash_inside_a_search_is_counted_and_remembered(tmp_path: Path) -> None:
    """Random search (seed 7) on huffman meets a pass sequence of the action space that
    segfaults LLVM 22.1.8: one crash, retried once, stored as a failure, summed."""
    program = builtin_benchmark("huffman")
    with EnginePool(2) as pool, Store(tmp_path / "s.sqlite") as store:
        result = _search(pool, store, program, seed=7)
        rerun = _search(pool, store, program, seed=7)
    assert (result.crashes, result.retries, result.timeouts, result.failures) == (1, 1, 0, 1)
    failed = _rows(tmp_path / "s.sqlite", "ok = 0")
    assert len(failed) == 1 and "SIGSEGV" in str(failed[0][3]), failed
    # replayed from the store: the same failure, and no worker died for it this time
    assert rerun.fresh_compilations == 0 and rerun.failures == 1
    assert (rerun.crashes, rerun.retries) == (0, 0)
    assert rerun.best_pipeline == result.best_pipeline
    summary = summarize([result, rerun])
    assert (summary.crashes, summary.timeouts, summary.retries) == (1, 0, 1)
    assert {"crashes", "timeouts", "retries"} <= set(result.to_dict())
    assert SearchResult.from_dict(result.to_dict()).crashes == 1


def test_a_hang_is_retried_reported_and_never_stored(
    store: Store, loop_benchmark: Benchmark
) -> None:
    with EnginePool(1, timeout_s=0.5) as slow:
        evaluator = Evaluator(slow, store)
        problem = evaluator.prepare(loop_benchmark, get_objective("ir-instcount"))
        (outcome,) = evaluator.evaluate_texts(problem, [HANGING])
    assert outcome.value is None and outcome.error is not None
    assert outcome.error.startswith("timeout:")
    assert (outcome.timed_out, outcome.retried, outcome.crashed) == (True, True, False)
    assert store.get(problem.benchmark.content_hash, HANGING, "ir-instcount",
                     evaluator.toolchain) is None
    assert slow.restarts == 2  # the first worker hung, and the fresh one it was retried in


@pytest.mark.parametrize(
    "error",
    ["crash: worker killed by SIGKILL", "crash: worker killed by SIGTERM",
     "timeout: no answer within 60s", "lost: the actor died"],
)
def test_failures_an_older_store_remembered_for_killed_workers_are_measured_again(
    pool: EnginePool, store: Store, loop_benchmark: Benchmark, error: str
) -> None:
    evaluator = Evaluator(pool, store)
    problem = evaluator.prepare(loop_benchmark, get_objective("ir-instcount"))
    key = (problem.benchmark.content_hash, "default<Oz>", "ir-instcount", evaluator.toolchain)
    store.put(*key, Measurement(value=None, ok=False, error=error))
    (outcome,) = evaluator.evaluate_texts(problem, ["default<Oz>"])
    assert outcome.value is not None and outcome.value > 0 and not outcome.cached
    healed = store.get(*key)
    assert healed is not None and healed.ok and healed.value == outcome.value


@pytest.mark.parametrize(
    "error", ["crash: worker killed by SIGSEGV", "crash: LLVM ERROR: boom", "pipeline: bad"]
)
def test_failures_of_the_input_itself_stay_remembered(
    pool: EnginePool, store: Store, loop_benchmark: Benchmark, error: str
) -> None:
    evaluator = Evaluator(pool, store)
    problem = evaluator.prepare(loop_benchmark, get_objective("ir-instcount"))
    key = (problem.benchmark.content_hash, "default<Oz>", "ir-instcount", evaluator.toolchain)
    store.put(*key, Measurement(value=None, ok=False, error=error))
    (outcome,) = evaluator.evaluate_texts(problem, ["default<Oz>"])
    assert (outcome.value, outcome.error, outcome.cached) == (None, error, True)


def test_a_validation_failed_by_a_killed_worker_is_done_again(
    pool: EnginePool, store: Store, loop_benchmark: Benchmark
) -> None:
    evaluator = Evaluator(pool, store)
    problem = evaluator.prepare(loop_benchmark, get_objective("ir-instcount"))
    key = (problem.benchmark.content_hash, "default<Oz>", "ir-instcount", evaluator.toolchain)
    store.put_validation(*key, False, "pipeline failed: crash: worker killed by SIGKILL (0.1s)")
    passed, detail = evaluator.validate(problem, "default<Oz>")
    assert passed is True, detail
    assert store.get_validation(*key) == (True, detail)
