"""The typed engine protocol: requests check themselves, replies read the wire strictly."""

from __future__ import annotations

import pytest

from optsmith.errors import OptsmithError
from optsmith.llvm.protocol import (
    EngineReply,
    EvalRequest,
    FeatureParams,
    ObjectSizes,
    SessionApply,
    SessionReplay,
    failure_verdict,
    verdict_of_why,
)


def test_why_is_the_one_line_kind_and_error() -> None:
    assert EngineReply.failed("crash", "LLVM ERROR: boom").why() == "crash: LLVM ERROR: boom"
    assert EngineReply.failed("pipeline", "unknown pass 'x'").why() == "pipeline: unknown pass 'x'"
    assert EngineReply(ok=True, instcount=3).why() == "ok"
    assert EngineReply(ok=False).why() == "failed: no detail"
    assert EngineReply(ok=False, need_ir=True).why().startswith("need_ir")


def test_failure_kinds_say_what_is_lost() -> None:
    crash, timeout = EngineReply.failed("crash", "x"), EngineReply.failed("timeout", "x")
    lost, parse = EngineReply.failed("lost", "x"), EngineReply.failed("parse", "x")
    assert crash.lost_worker and timeout.lost_worker and not lost.lost_worker
    assert timeout.inconclusive and lost.inconclusive
    assert not crash.inconclusive and not parse.inconclusive and not parse.lost_worker


def test_from_wire_reads_every_field_and_refuses_unknown_ones() -> None:
    wire = {
        "ok": True,
        "seconds": 0.25,
        "instcount": 7,
        "blocks": 2,
        "functions": 1,
        "sizes": {"text": 10, "data": 0, "bss": 0, "rodata": 4, "total": 14},
        "autophase": [1, 2],
        "spectrum": [[1, -1], [0, 2]],
        "pid": 123,  # the worker's hello and ping carry it; not part of a reply
    }
    reply = EngineReply.from_wire(wire)
    assert reply.instcount == reply.expect_instcount() == 7
    assert reply.sizes == ObjectSizes(text=10, data=0, bss=0, rodata=4, total=14)
    assert reply.expect_text_size() == 10
    assert reply.autophase == (1, 2) and reply.spectrum == ((1, -1), (0, 2))
    assert reply.seconds == 0.25 and reply.object is None
    with pytest.raises(OptsmithError, match="unknown field.*'instcuont'"):
        EngineReply.from_wire({"ok": True, "instcuont": 3})


def test_expect_names_what_is_missing_and_why() -> None:
    with pytest.raises(OptsmithError, match="no object .*want"):
        EngineReply(ok=True, instcount=1).expect_object()
    with pytest.raises(OptsmithError, match="crash: gone"):
        EngineReply.failed("crash", "gone").expect_instcount()
    with pytest.raises(OptsmithError, match="no field 'bogus'"):
        EngineReply(ok=True).expect("bogus")


def test_requests_check_their_fields_before_any_work() -> None:
    with pytest.raises(OptsmithError, match="instcuont"):
        EvalRequest("k", "ir", "", ("instcuont",))
    with pytest.raises(OptsmithError, match="relocation model 'static'"):
        SessionApply("s", "dce", reloc="static")
    assert EvalRequest("k", "ir", "", "sizes").want == ("sizes",)  # not ('s','i','z',...)


def test_wire_form_and_ir_omission() -> None:
    request = EvalRequest(
        "k", "IR", "dce", ("spectrum",), "m", "pic", FeatureParams(probes=("gvn",))
    )
    assert request.message() == {
        "op": "evaluate",
        "key": "k",
        "ir": "IR",
        "name": "m",
        "pipeline": "dce",
        "want": ["spectrum"],
        "reloc": "pic",
        "probes": ["gvn"],
    }
    bare = request.without_ir()
    assert "ir" not in bare.message() and bare.with_ir("IR") == request
    replay = SessionReplay("s", "k", "IR", pipelines=["a", "b"])  # type: ignore[arg-type]
    assert replay.pipelines == ("a", "b") and replay.message()["op"] == "session_replay"



def test_verdicts_remember_only_what_the_input_causes() -> None:
    """What may be cached: the input's own failures at once, LLVM's crashes if they
    reproduce, nothing about a worker killed from outside, a hang or a lost actor."""
    settled = [
        EngineReply(ok=True, instcount=3),
        EngineReply.failed("parse", "expected top-level entity"),
        EngineReply.failed("pipeline", "unknown pass name 'x'"),
        EngineReply.failed("request", "unknown session"),
    ]
    llvm = [
        EngineReply.failed("crash", "LLVM ERROR: Instruction Combining did not reach a fixpoint"),
        EngineReply.failed("crash", "worker killed by SIGSEGV"),
        EngineReply.failed("crash", "worker killed by SIGABRT"),
        EngineReply.failed("crash", "worker exited with status 1"),
    ]
    transient = [
        EngineReply.failed("crash", "worker killed by SIGKILL"),
        EngineReply.failed("crash", "worker killed by SIGTERM"),
        EngineReply.failed("crash", "engine worker failed to start: worker died"),
        EngineReply.failed("timeout", "no answer within 60s"),
        EngineReply.failed("lost", "The actor died unexpectedly"),
        EngineReply.failed("error", "the actor raised"),
        EngineReply(ok=False),
    ]
    assert [r.verdict for r in settled] == ["settled"] * len(settled)
    assert [r.verdict for r in llvm] == ["llvm-crash"] * len(llvm)
    assert [r.verdict for r in transient] == ["transient"] * len(transient)
    # a store keeps why() texts only: they are judged the same way
    for reply in llvm + transient + settled[1:]:
        assert verdict_of_why(reply.why()) == reply.verdict, reply.why()
    assert failure_verdict("crash", None) == "llvm-crash"
