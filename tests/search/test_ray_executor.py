"""The Ray executor on a real local Ray: same replies, same search, same failures contained."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from optsmith.errors import OptsmithError
from optsmith.llvm.pool import EnginePool
from optsmith.llvm.protocol import EngineReply, EvalRequest
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.frontend import c_to_ir
from optsmith.search.budget import Budget
from optsmith.search.driver import run_search
from optsmith.search.evaluator import Evaluator
from optsmith.search.random_search import RandomSearch
from optsmith.search.registry import default_space

ray = pytest.importorskip("ray")

from optsmith.search.ray_executor import RayExecutor  # noqa: E402

# a real report_fatal_error in LLVM 22: the worker process aborts
ABORTING = "function(instcombine<max-iterations=0;verify-fixpoint>)"
PIPELINES = [
    "",
    "default<Oz>",
    "function(sroa,instcombine<no-verify-fixpoint>,simplifycfg)",
    "function(mem2reg,gvn),globaldce",
]
SMALL_PROGRAMS = {
    "sumsq": "#include <stdio.h>\nint main(void){unsigned s=0;for(unsigned i=0;i<500;i++)"
    's+=i*i%7;printf("%u\\n",s);return 0;}\n',
    "fib": "#include <stdio.h>\nstatic unsigned f(unsigned n){return n<2?n:f(n-1)+f(n-2);}\n"
    'int main(void){printf("%u\\n",f(20));return 0;}\n',
}


@pytest.fixture(scope="module")
def ray_session() -> Iterator[None]:
    """One small local Ray for the module: starting Ray costs seconds, so start it once."""
    ray.init(
        address="local",
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.WARNING,
    )
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def executor(ray_session: None) -> Iterator[RayExecutor]:
    with RayExecutor(2, timeout_s=60) as ex:
        yield ex


@pytest.fixture(scope="module")
def ir(loop_benchmark: Benchmark) -> str:
    return c_to_ir(loop_benchmark, "instcount")


def _req(ir: str, pipeline: str, want: tuple[str, ...] = ("instcount",)) -> EvalRequest:
    return EvalRequest(key="loop", ir=ir, pipeline=pipeline, want=want)


def _stable(reply: EngineReply) -> EngineReply:
    """A reply without its timing, the one field that differs between runs."""
    return dataclasses.replace(reply, seconds=0.0)


def test_replies_equal_the_local_pool(executor: RayExecutor, pool: EnginePool, ir: str) -> None:
    requests = [_req(ir, p, ("instcount", "sizes")) for p in PIPELINES]
    on_ray = executor.map(requests)
    local = pool.map(requests)
    assert all(isinstance(r, EngineReply) and r.ok for r in on_ray), on_ray
    assert [_stable(r) for r in on_ray] == [_stable(r) for r in local]
    assert on_ray[1].expect_instcount() < on_ray[0].expect_instcount()  # -Oz did shrink the module
    assert executor.size == 2 and executor.restarts == 0


def test_llvm_abort_is_one_failed_reply(executor: RayExecutor, ir: str) -> None:
    """The abort kills the actor's worker process, not the actor: it keeps serving."""
    before = executor.worker_restarts
    crashed = executor.evaluate(_req(ir, ABORTING))
    assert crashed.ok is False and crashed.kind == "crash"
    assert "LLVM ERROR" in crashed.why() and "fixpoint" in crashed.why()
    after = executor.map([_req(ir, "default<Oz>") for _ in range(4)])
    assert all(r.ok and r.expect_instcount() > 0 for r in after)
    assert executor.worker_restarts == before + 1
    assert executor.restarts == 0  # no actor was lost


def _wait_dead(actor: Any) -> None:
    """ray.kill is asynchronous: a call made at once may still be served."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            ray.get(actor.ready.remote(), timeout=30)
        except ray.exceptions.RayActorError:
            return
        time.sleep(0.05)
    raise AssertionError("the killed actor kept answering")


def test_lost_actor_is_one_failed_reply_and_replaced(executor: RayExecutor, ir: str) -> None:
    """A Ray-level failure (here the actor killed) is a failed reply, never an exception."""
    request = EvalRequest(key="held-by-one-actor", ir=ir, pipeline="default<Oz>")
    assert executor.evaluate(request).ok
    (holder,) = [s for s in executor._slots if request.key in s.known]
    ray.kill(holder.actor)  # the next request for the key goes to the actor that holds it
    _wait_dead(holder.actor)
    lost = executor.evaluate(request)
    assert isinstance(lost, EngineReply)
    assert lost.ok is False and lost.kind == "lost" and lost.inconclusive, lost
    assert executor.restarts == 1
    again = executor.map([_req(ir, p) for p in PIPELINES])
    assert all(r.ok for r in again), again


def test_search_on_ray_equals_local_search(
    executor: RayExecutor, pool: EnginePool, loop_benchmark: Benchmark
) -> None:
    results = []
    for where in (pool, executor):
        evaluator = Evaluator(where)  # no store: both searches really compile
        problem = evaluator.prepare(loop_benchmark, get_objective("ir-instcount"))
        optimizer = RandomSearch(space=default_space(), seed=3)
        results.append(run_search(problem, optimizer, Budget(compilations=30), evaluator))
    local, on_ray = results
    assert on_ray.compilations == 30 and on_ray.fresh_compilations == local.fresh_compilations
    assert on_ray.best_pipeline == local.best_pipeline
    assert on_ray.best_value == local.best_value <= on_ray.baseline
    assert on_ray.history == local.history and on_ray.failures == local.failures
    assert on_ray.validated is True and local.validated is True


def test_missing_ray_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` sees when not installed
    with pytest.raises(OptsmithError, match=r"pip install 'optsmith\[ray\]'"):
        RayExecutor(1)


def _bench(suite: Path, tmp_path: Path, name: str, *extra: str) -> dict[str, Any]:
    env = {**os.environ, "OPTSMITH_STORE": str(tmp_path / f"{name}.sqlite"), "COLUMNS": "160"}
    env.pop("RAY_ADDRESS", None)
    out = tmp_path / f"{name}.json"
    args = ["bench", "--suite", str(suite), "--budget", "20", "--workers", "2", "--json", str(out)]
    proc = subprocess.run(
        [sys.executable, "-m", "optsmith.cli", *args, *extra],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    report: dict[str, Any] = json.loads(out.read_text())
    return report


def test_cli_bench_on_ray_matches_local(tmp_path: Path) -> None:
    """`optsmith bench --executor ray` starts its own local Ray and finds what local finds."""
    suite = tmp_path / "suite"
    suite.mkdir()
    for name, source in SMALL_PROGRAMS.items():
        (suite / f"{name}.c").write_text(source)
    local = _bench(suite, tmp_path, "local")
    on_ray = _bench(suite, tmp_path, "ray", "--executor", "ray")
    keys = ("benchmark", "baseline", "unoptimized", "best_value", "best_pipeline", "history")
    assert [{k: r[k] for k in keys} for r in on_ray["results"]] == [
        {k: r[k] for k in keys} for r in local["results"]
    ]
    assert {r["benchmark"] for r in on_ray["results"]} == set(SMALL_PROGRAMS)
    assert all(r["validated"] is True for r in on_ray["results"])
    # wall time and the engine's hiccups (a worker or actor retried under load) vary
    timing = {"wall_s", "crashes", "timeouts", "retries"}
    assert {k: v for k, v in on_ray["summary"].items() if k not in timing} == {
        k: v for k, v in local["summary"].items() if k not in timing
    }
    # a misspelt executor fails at once, before any Ray or program is started
    proc = subprocess.run(
        [sys.executable, "-m", "optsmith.cli", "bench", "--suite", str(suite), "--executor", "rya"],
        capture_output=True,
        text=True,
        env={**os.environ, "OPTSMITH_STORE": str(tmp_path / "x.sqlite")},
        timeout=120,
    )
    assert proc.returncode == 2 and "local or ray" in proc.stderr


def test_fresh_request_runs_after_the_actor_restarts_its_worker(
    executor: RayExecutor, ir: str
) -> None:
    """A retry (`fresh`) on Ray: the actor's engine worker is restarted, not the actor."""
    assert executor.evaluate(_req(ir, "")).ok
    restarts = executor.restarts
    replies = [executor.submit(_req(ir, "default<Oz>"), fresh=True).result() for _ in range(2)]
    assert all(r.ok for r in replies), replies
    assert replies[0].instcount == replies[1].instcount
    assert executor.restarts == restarts  # no actor was replaced
