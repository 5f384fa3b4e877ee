"""The engine worker: a process that holds LLVM modules and serves requests over a pipe.

Run as `python -m optsmith.llvm.worker READ_FD WRITE_FD`. Stdout is pointed at stderr so
that anything LLVM prints cannot corrupt the protocol; the parent keeps stderr to explain
a crash ("LLVM ERROR: ...").

Requests are dicts with an "op" (their typed form, and the replies', is
`optsmith.llvm.protocol`):
- ping
- evaluate {key, ir?, pipeline, want}: clone the cached base module `key`, run the
  pipeline, measure what `want` lists (the object is compiled from that module itself, not
  from another clone: `Module.emit_object`). Replies {"need_ir": True} when `key` is
  unknown and no `ir` came with it.
- session_open {session, key, ir?}, session_apply {session, pipeline, want},
  session_fork {session, new_session}, session_close {session}: stateful modules for the
  Gymnasium environment (one pass applied per step, no re-parsing).
- session_replay {session, key, ir?, pipelines, want}: open the session and apply each
  pipeline in turn, in one request: how the environment rebuilds a session the worker
  lost (a recycled or crashed worker) exactly as it was built, step by step.

`want` lists the measurements: instcount, counts, opcodes, sizes, object, ir, and for the
environment's observations (`optsmith.llvm.features`) instcount_vector, autophase,
ir2vec (request fields `ir2vec_vocab`, `ir2vec_kind`) and spectrum (request field
`probes`: pipeline texts, run under the request's `reloc`).
"""

from __future__ import annotations

import os
import sys
import time
from collections import OrderedDict
from typing import Any

from optsmith.errors import IRParseError, PipelineError
from optsmith.llvm import features, framing
from optsmith.llvm.module import Engine, Module, object_sizes
from optsmith.llvm.protocol import WANTS

BASE_CACHE_SIZE = 32
_TOTAL_INSTS = features.AUTOPHASE_NAMES.index("TotalInsts")
_TOTAL_BLOCKS = features.AUTOPHASE_NAMES.index("TotalBlocks")
_TOTAL_FUNCS = features.AUTOPHASE_NAMES.index("TotalFuncs")


class WorkerState:
    def __init__(self) -> None:
        self.engine = Engine()
        self.bases: OrderedDict[str, Module] = OrderedDict()
        self.sessions: dict[str, Module] = {}

    def base(self, request: dict[str, Any]) -> Module | None:
        key = request["key"]
        if key in self.bases:
            self.bases.move_to_end(key)
            return self.bases[key]
        ir = request.get("ir")
        if ir is None:
            return None
        module = self.engine.parse(ir, name=request.get("name", key))
        self.bases[key] = module
        while len(self.bases) > BASE_CACHE_SIZE:
            _, old = self.bases.popitem(last=False)
            old.dispose()
        return module

    def measure(
        self,
        module: Module,
        want: list[str],
        request: dict[str, Any] | None = None,
        *,
        last_use: bool = False,
    ) -> dict[str, Any]:
        """The measurements `want` lists. With `last_use` (the module is thrown away after),
        the object is emitted from the module itself, not a clone: the exact size
        (`Module.emit_object`), so it comes last, after everything that reads the IR."""
        out: dict[str, Any] = {}
        unknown = set(want) - WANTS
        if unknown:
            raise ValueError(f"unknown measurement(s) {sorted(unknown)}; known: {sorted(WANTS)}")
        request = request or {}
        totals: list[int] | None = None  # [instructions, blocks, functions] if walked already
        if "instcount_vector" in want:
            out["instcount_vector"] = features.instcount_vector(module)
            totals = out["instcount_vector"][:3]
        if "autophase" in want:
            out["autophase"] = vector = features.autophase(module)
            totals = [vector[_TOTAL_INSTS], vector[_TOTAL_BLOCKS], vector[_TOTAL_FUNCS]]
        if "spectrum" in want:
            out["spectrum"] = features.behavior_spectrum(
                module, list(request.get("probes", [])), request.get("reloc", "default")
            )
        if "ir2vec" in want:
            vocab = request.get("ir2vec_vocab")
            if not vocab:
                raise ValueError("the ir2vec measurement needs an 'ir2vec_vocab' path")
            out["ir2vec"] = features.ir2vec_embedding(
                module.to_text(), str(vocab), request.get("ir2vec_kind", "symbolic")
            )
        if "instcount" in want or "counts" in want:
            if totals is None:
                counts = module.counts()
                totals = [counts.instructions, counts.blocks, counts.functions]
            out["instcount"], out["blocks"], out["functions"] = totals
        if "opcodes" in want:
            out["opcodes"] = module.opcode_counts()
        if "ir" in want:
            out["ir"] = module.to_text()
        if "sizes" in want or "object" in want:
            obj = module.emit_object(in_place=last_use, reloc=request.get("reloc", "default"))
            sizes = object_sizes(self.engine, obj)
            out["sizes"] = sizes.__dict__.copy()
            if "object" in want:
                out["object"] = obj
        return out

    def handle(self, request: dict[str, Any]) -> dict[str, Any]:
        op = request["op"]
        if op == "ping":
            return {"ok": True, "pid": os.getpid()}
        if op == "evaluate":
            base = self.base(request)
            if base is None:
                return {"ok": False, "need_ir": True}
            module = base.clone()
            try:
                if request.get("pipeline"):
                    module.run_passes(request["pipeline"], request.get("reloc", "default"))
                want = request.get("want", ["instcount"])
                return {"ok": True, **self.measure(module, want, request, last_use=True)}
            finally:
                module.dispose()
        if op == "session_open":
            base = self.base(request)
            if base is None:
                return {"ok": False, "need_ir": True}
            self._drop_session(request["session"])
            self.sessions[request["session"]] = base.clone()
            return {"ok": True, **self.measure(base, request.get("want", []), request)}
        if op == "session_apply":
            module = self.sessions[request["session"]]
            if request.get("pipeline"):
                module.run_passes(request["pipeline"], request.get("reloc", "default"))
            return {"ok": True, **self.measure(module, request.get("want", []), request)}
        if op == "session_replay":
            base = self.base(request)
            if base is None:
                return {"ok": False, "need_ir": True}
            module = base.clone()
            try:
                for pipeline in request.get("pipelines", []):
                    module.run_passes(pipeline, request.get("reloc", "default"))
            except Exception:
                module.dispose()
                raise
            self._drop_session(request["session"])
            self.sessions[request["session"]] = module
            return {"ok": True, **self.measure(module, request.get("want", []), request)}
        if op == "session_fork":
            self._drop_session(request["new_session"])
            self.sessions[request["new_session"]] = self.sessions[request["session"]].clone()
            return {"ok": True}
        if op == "session_close":
            self._drop_session(request["session"])
            return {"ok": True}
        raise ValueError(f"unknown op {op!r}")

    def _drop_session(self, name: str) -> None:
        old = self.sessions.pop(name, None)
        if old is not None:
            old.dispose()


def serve(read_fd: int, write_fd: int) -> None:
    state = WorkerState()
    framing.send(write_fd, {"ok": True, "ready": True, "pid": os.getpid()})
    while True:
        try:
            request = framing.recv(read_fd)
        except EOFError:
            return
        started = time.perf_counter()
        try:
            reply = state.handle(request)
        except IRParseError as exc:
            reply = {"ok": False, "kind": "parse", "error": str(exc)}
        except PipelineError as exc:
            reply = {"ok": False, "kind": "pipeline", "error": str(exc)}
        except (KeyError, ValueError) as exc:
            reply = {"ok": False, "kind": "request", "error": f"{type(exc).__name__}: {exc}"}
        reply["seconds"] = time.perf_counter() - started
        framing.send(write_fd, reply)


def main() -> None:
    read_fd, write_fd = int(sys.argv[1]), int(sys.argv[2])
    os.dup2(2, 1)  # LLVM's stray prints go to stderr, never into the protocol pipe
    sys.stdout = sys.stderr
    serve(read_fd, write_fd)


if __name__ == "__main__":
    main()
