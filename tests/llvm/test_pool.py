"""Worker supervision: LLVM aborts, segfaults, kill -9 and hangs cost one request only."""

from __future__ import annotations

import os
import threading
import time

import pytest

from optsmith.llvm.pool import EnginePool, WorkerHandle
from optsmith.llvm.protocol import NOT_STARTED, EngineReply, EvalRequest
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.frontend import c_to_ir
from sample_programs import DATA

# Real LLVM 22 failures, found while building the pass space:
# a report_fatal_error ("LLVM ERROR: Instruction Combining ... did not reach a fixpoint")
ABORTING = "function(instcombine<max-iterations=0;verify-fixpoint>)"
# a segmentation fault in loop-bound-split on a reduced loop nest from huffman; the
# fault address is computed from defined values, so it crashes on every heap layout
SEGFAULTING = "function(loop(loop-bound-split))"


@pytest.fixture(scope="module")
def ir(loop_benchmark: Benchmark) -> str:
    return c_to_ir(loop_benchmark, "instcount")


def _req(ir: str, pipeline: str, want: tuple[str, ...] = ("instcount",)) -> EvalRequest:
    return EvalRequest(key="loop", ir=ir, pipeline=pipeline, want=want)


def test_llvm_fatal_error_is_one_failed_request(ir: str) -> None:
    handle = WorkerHandle(timeout_s=30)
    try:
        reply = handle.request(_req(ir, ABORTING))
        assert isinstance(reply, EngineReply)
        assert reply.ok is False and reply.kind == "crash" and reply.lost_worker
        assert reply.error is not None
        assert "LLVM ERROR" in reply.error and "fixpoint" in reply.error
        assert reply.why() == f"crash: {reply.error}"
        after = handle.request(_req(ir, "default<Oz>"))
        assert after.ok and after.expect_instcount() > 0
        assert handle.restarts == 1
    finally:
        handle.close()


def test_segfault_is_one_failed_request(pool: EnginePool) -> None:
    crasher = (DATA / "crash_loop_bound_split.ll").read_text()
    reply = pool.evaluate(EvalRequest("crasher", crasher, SEGFAULTING))
    assert isinstance(reply, EngineReply)
    assert reply.ok is False and reply.kind == "crash"
    assert "SIGSEGV" in reply.why() or "Stack dump" in reply.why()
    assert pool.evaluate(EvalRequest("crasher", crasher, "default<Oz>")).ok


def test_kill_minus_nine_mid_request(ir: str) -> None:
    handle = WorkerHandle(timeout_s=60)
    try:
        assert handle.request(_req(ir, "")).ok
        pid = handle.pid
        assert pid is not None
        timer = threading.Timer(0.3, os.kill, (pid, 9))
        timer.start()
        reply = handle.request(_req(ir, ",".join(["default<O3>"] * 400)))
        timer.join()
        assert reply == EngineReply(ok=False, kind="crash", error="worker killed by SIGKILL")
        assert handle.request(_req(ir, "default<Oz>")).ok
        assert handle.pid != pid
    finally:
        handle.close()


def test_hang_times_out_and_worker_is_replaced(ir: str) -> None:
    handle = WorkerHandle(timeout_s=0.5)
    try:
        reply = handle.request(_req(ir, ",".join(["default<O3>"] * 2000)))
        assert isinstance(reply, EngineReply)
        assert reply.ok is False and reply.kind == "timeout"
        assert reply.lost_worker and reply.inconclusive
        assert reply.why().startswith("timeout: no answer within")
        assert handle.request(_req(ir, "default<Oz>"), timeout_s=60).ok
    finally:
        handle.close()


def test_pool_hang_is_a_typed_timeout_reply(ir: str) -> None:
    with EnginePool(1, timeout_s=0.5) as slow:
        reply = slow.evaluate(_req(ir, ",".join(["default<O3>"] * 2000)))
        assert isinstance(reply, EngineReply)
        assert (reply.ok, reply.kind, reply.inconclusive) == (False, "timeout", True)
        assert slow.restarts == 1


def test_bad_pipeline_and_bad_ir_do_not_kill_worker(pool: EnginePool, ir: str) -> None:
    before = pool.restarts
    bad = pool.evaluate(_req(ir, "instcombin"))
    assert bad.kind == "pipeline" and "instcombin" in bad.why()
    assert not bad.lost_worker and not bad.inconclusive
    broken = pool.evaluate(EvalRequest("junk", "this is not IR", "dce"))
    assert broken.kind == "parse" and "error" in broken.why()
    assert pool.restarts == before


def test_parallel_map_is_deterministic(pool: EnginePool, ir: str) -> None:
    pipelines = ["default<Oz>", "function(mem2reg)", "function(sroa<modify-cfg>,gvn)", ""] * 6
    replies = pool.map(_req(ir, p, ("instcount", "sizes")) for p in pipelines)
    counts = [r.instcount for r in replies]
    assert counts[:4] * 6 == counts
    assert all(isinstance(r, EngineReply) and r.ok for r in replies)
    assert replies[0].expect_text_size() > 0


def test_object_and_ir_come_back(pool: EnginePool, ir: str) -> None:
    reply = pool.evaluate(_req(ir, "default<Oz>", ("object", "ir", "opcodes")))
    assert reply.expect_object()[:4] == b"\x7fELF"
    assert reply.opcodes is not None
    assert "define" in reply.expect_ir() and sum(reply.opcodes.values()) > 0


def test_kill_minus_nine_while_starting_is_a_failed_request(ir: str) -> None:
    """A worker killed before its hello costs the request (a "crash" reply that says it
    never started, so it is retried and not remembered), not an exception."""
    handle = WorkerHandle(timeout_s=60)
    try:
        killed: list[int] = []

        def kill_on_sight() -> None:
            for _ in range(20000):
                pid = handle.pid
                if pid is not None:
                    os.kill(pid, 9)
                    killed.append(pid)
                    return
                time.sleep(0.0001)

        killer = threading.Thread(target=kill_on_sight)
        killer.start()
        reply = handle.request(_req(ir, "default<Oz>"))
        killer.join()
        assert killed
        assert reply == EngineReply(
            ok=False, kind="crash", error=f"{NOT_STARTED}: worker killed by SIGKILL"
        )
        assert reply.verdict == "transient"
        assert handle.request(_req(ir, "default<Oz>")).ok
    finally:
        handle.close()


def test_an_outside_signal_is_named_whatever_the_log_holds(ir: str) -> None:
    """LLVM's own line in the worker's log (from an earlier, survived request) must not
    pass for the reason a worker killed from outside died."""
    handle = WorkerHandle(timeout_s=60)
    try:
        assert handle.request(_req(ir, "")).ok
        with open(handle._stderr.name, "a") as log:
            log.write("LLVM ERROR: left by an earlier request\n")
        pid = handle.pid
        assert pid is not None
        timer = threading.Timer(0.3, os.kill, (pid, 15))
        timer.start()
        reply = handle.request(_req(ir, ",".join(["default<O3>"] * 400)))
        timer.join()
        assert reply.why() == "crash: worker killed by SIGTERM"
        assert reply.verdict == "transient"
    finally:
        handle.close()


def test_a_fresh_request_runs_in_a_new_worker(ir: str) -> None:
    with EnginePool(1) as one:
        assert one.evaluate(_req(ir, "")).ok
        (before,) = one.pids
        again = one.submit(_req(ir, "default<Oz>"), fresh=True).result()
        assert again.ok and one.pids[0] not in (None, before)
        assert one.restarts == 0  # a renewal is not a crash
        (after,) = one.pids
        assert one.evaluate(_req(ir, "")).ok and one.pids == [after]
