"""Worker supervision: LLVM aborts, segfaults, kill -9 and hangs cost one request only."""

from __future__ import annotations

import os
import threading

import pytest

from optsmith.llvm.pool import EnginePool, EvalRequest, WorkerHandle
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.frontend import c_to_ir
from sample_programs import DATA

# Real LLVM 22 failures, found while building the pass space:
# a report_fatal_error ("LLVM ERROR: Instruction Combining ... did not reach a fixpoint")
ABORTING = "function(instcombine<max-iterations=0;verify-fixpoint>)"
# a segmentation fault in the pass manager after -Oz reshaped the loops
SEGFAULTING = "default<Oz>,function(unify-loop-exits),function(simplifycfg)"


@pytest.fixture(scope="module")
def ir(loop_benchmark: Benchmark) -> str:
    return c_to_ir(loop_benchmark, "instcount")


def _req(ir: str, pipeline: str, want: tuple[str, ...] = ("instcount",)) -> EvalRequest:
    return EvalRequest(key="loop", ir=ir, pipeline=pipeline, want=want)


def test_llvm_fatal_error_is_one_failed_request(ir: str) -> None:
    handle = WorkerHandle(timeout_s=30)
    try:
        reply = handle.request(_req(ir, ABORTING).message())
        assert reply["ok"] is False and reply["kind"] == "crash"
        assert "LLVM ERROR" in reply["error"] and "fixpoint" in reply["error"]
        after = handle.request(_req(ir, "default<Oz>").message())
        assert after["ok"] and after["instcount"] > 0
        assert handle.restarts == 1
    finally:
        handle.close()


def test_segfault_is_one_failed_request(pool: EnginePool) -> None:
    crasher = (DATA / "crash_unify_loop_exits.ll").read_text()
    reply = pool.evaluate(EvalRequest("crasher", crasher, SEGFAULTING))
    assert reply["ok"] is False and reply["kind"] == "crash"
    assert "SIGSEGV" in reply["error"] or "Stack dump" in reply["error"]
    assert pool.evaluate(EvalRequest("crasher", crasher, "default<Oz>"))["ok"]


def test_kill_minus_nine_mid_request(ir: str) -> None:
    handle = WorkerHandle(timeout_s=60)
    try:
        assert handle.request(_req(ir, "").message())["ok"]
        pid = handle.pid
        assert pid is not None
        timer = threading.Timer(0.3, os.kill, (pid, 9))
        timer.start()
        reply = handle.request(_req(ir, ",".join(["default<O3>"] * 400)).message())
        timer.join()
        assert reply == {"ok": False, "kind": "crash", "error": "worker killed by SIGKILL"}
        assert handle.request(_req(ir, "default<Oz>").message())["ok"]
        assert handle.pid != pid
    finally:
        handle.close()


def test_hang_times_out_and_worker_is_replaced(ir: str) -> None:
    handle = WorkerHandle(timeout_s=0.5)
    try:
        reply = handle.request(_req(ir, ",".join(["default<O3>"] * 2000)).message())
        assert reply["ok"] is False and reply["kind"] == "timeout"
        assert handle.request(_req(ir, "default<Oz>").message(), timeout_s=60)["ok"]
    finally:
        handle.close()


def test_bad_pipeline_and_bad_ir_do_not_kill_worker(pool: EnginePool, ir: str) -> None:
    before = pool.restarts
    bad = pool.evaluate(_req(ir, "instcombin"))
    assert bad["kind"] == "pipeline" and "instcombin" in bad["error"]
    broken = pool.evaluate(EvalRequest("junk", "this is not IR", "dce"))
    assert broken["kind"] == "parse" and "error" in broken["error"]
    assert pool.restarts == before


def test_parallel_map_is_deterministic(pool: EnginePool, ir: str) -> None:
    pipelines = ["default<Oz>", "function(mem2reg)", "function(sroa<modify-cfg>,gvn)", ""] * 6
    replies = pool.map(_req(ir, p, ("instcount", "sizes")) for p in pipelines)
    counts = [r["instcount"] for r in replies]
    assert counts[:4] * 6 == counts
    assert replies[0]["sizes"]["text"] > 0


def test_object_and_ir_come_back(pool: EnginePool, ir: str) -> None:
    reply = pool.evaluate(_req(ir, "default<Oz>", ("object", "ir", "opcodes")))
    assert reply["object"][:4] == b"\x7fELF"
    assert "define" in reply["ir"] and sum(reply["opcodes"].values()) > 0
