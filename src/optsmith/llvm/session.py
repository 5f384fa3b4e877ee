"""A module held in an engine worker across requests, that survives the worker's death.

The Gymnasium environment never loads libLLVM in its own process: its program lives in a
session of an engine worker (`optsmith.llvm.worker`), one pass applied per step, without
re-parsing. A worker can die under any request (an LLVM abort in a pass, a segfault, a
hang that the handle kills, or the handle's periodic recycling), and a dead worker takes
every session it held with it, including those of forked environments that share it. So
a `Session` records the pipeline chunks applied to it, in order, and rebuilds itself in
the (new) worker by replaying them (in one `SessionReplay` request), exactly as they
were first applied: the same chunks in the same order give the same module, which a
single re-rendered pipeline might not (a `function(a),function(b)` pair and a
`function(a,b)` group visit functions in different orders).
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from optsmith.errors import WorkerCrash
from optsmith.llvm.pool import DEFAULT_TIMEOUT_S, WorkerHandle
from optsmith.llvm.protocol import (
    NO_FEATURES,
    EngineReply,
    EvalRequest,
    FeatureParams,
    Request,
    SessionApply,
    SessionClose,
    SessionFork,
    SessionOpen,
    SessionReplay,
)

_ids = itertools.count()


class SharedWorker:
    """One `WorkerHandle` shared by an environment and its forks; closed by the last user."""

    def __init__(self, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self.handle = WorkerHandle(timeout_s=timeout_s)
        self._users = 0

    def acquire(self) -> SharedWorker:
        self._users += 1
        return self

    def release(self) -> None:
        self._users -= 1
        if self._users <= 0:
            self.handle.close()

    @property
    def pid(self) -> int | None:
        return self.handle.pid if self.handle.proc is not None else None

    def request(self, request: Request) -> EngineReply:
        return self.handle.request(request)


@dataclass
class Session:
    """A module (`key`, parsed from `ir`) and the pipeline chunks applied to it so far.

    Pipelines run with the target machine `reloc`; `evaluate` measures a pipeline on the
    same input module without touching the session.
    """

    worker: SharedWorker
    key: str
    ir: str
    name: str
    reloc: str
    steps: list[str] = field(default_factory=list)
    session_id: str = field(default_factory=lambda: f"env-{os.getpid()}-{next(_ids)}")
    _pid: int | None = None  # the worker process that holds this session, if any

    # ---- requests ----------------------------------------------------------------------

    def open(self, want: Sequence[str], features: FeatureParams = NO_FEATURES) -> EngineReply:
        """Start the session at the unoptimized module and measure `want` on it."""
        self.steps.clear()
        reply = self.worker.request(
            SessionOpen(
                self.session_id, self.key, self.ir, self.name, tuple(want), features, self.reloc
            )
        )
        self._pid = self.worker.pid if reply.ok else None
        return reply

    def apply(
        self, pipeline: str, want: Sequence[str], features: FeatureParams = NO_FEATURES
    ) -> EngineReply:
        """Run one pipeline chunk on the module and measure `want` afterwards.

        On a crash or hang the worker is gone: the session is rebuilt from its recorded
        chunks in a fresh worker (the failing chunk is not recorded) and the failed reply
        comes back with `restored` telling whether that worked. A pipeline LLVM rejects
        (kind "pipeline") leaves the module untouched.
        """
        reply = self._call(
            SessionApply(self.session_id, pipeline, tuple(want), features, self.reloc)
        )
        if reply.ok:
            self.steps.append(pipeline)
        elif reply.lost_worker:
            reply = dataclasses.replace(reply, restored=self.restore())
        return reply

    def observe(self, want: Sequence[str], features: FeatureParams = NO_FEATURES) -> EngineReply:
        """Measure `want` on the current module without changing it."""
        reply = self._call(SessionApply(self.session_id, "", tuple(want), features, self.reloc))
        if reply.lost_worker:
            reply = dataclasses.replace(reply, restored=self.restore())
        return reply

    def undo(self) -> bool:
        """Take back the last applied chunk: rebuild the module from the chunks before it.

        For a step the engine ran but the caller refuses afterwards (the runtime reward's
        build failing its tests). False when the rebuild fails, as for `restore`.
        """
        if self.steps:
            self.steps.pop()
        return self.restore()

    def evaluate(self, pipeline: str, want: Sequence[str]) -> EngineReply:
        """Run `pipeline` from scratch on the session's input module (the session stays)."""
        return self.worker.request(
            EvalRequest(self.key, self.ir, pipeline, tuple(want), self.name, self.reloc)
        )

    def fork(self) -> Session:
        """An independent session at the same state, in the same worker."""
        twin = Session(self.worker.acquire(), self.key, self.ir, self.name, self.reloc)
        twin.steps = list(self.steps)
        reply = self._call(SessionFork(self.session_id, twin.session_id))
        if reply.ok:
            twin._pid = self.worker.pid
        elif not twin.restore():  # the fork request itself failed: rebuild the twin
            twin.close()
            raise WorkerCrash(f"cannot fork the environment: {reply.why()}")
        return twin

    def close(self) -> None:
        """Drop the module in the worker (if it still lives) and release the worker."""
        if self._pid is not None and self._pid == self.worker.pid:
            with contextlib.suppress(Exception):
                self.worker.request(SessionClose(self.session_id))
        self._pid = None
        self.worker.release()

    # ---- recovery ----------------------------------------------------------------------

    def restore(self) -> bool:
        """Rebuild the module in the current worker by replaying the recorded chunks.

        One `SessionReplay` request applies every chunk in order, so the handle cannot
        recycle the worker halfway. False when a chunk fails on replay.
        """
        reply = self.worker.request(
            SessionReplay(
                self.session_id,
                self.key,
                self.ir,
                self.name,
                pipelines=tuple(self.steps),
                reloc=self.reloc,
            )
        )
        self._pid = self.worker.pid if reply.ok else None
        return self._pid is not None

    def _call(self, request: Request) -> EngineReply:
        """Send a request about this session, first rebuilding it if its worker changed.

        The pid is compared after the request too: the handle may have recycled its
        worker just before serving it (the reply then says the session is unknown).
        """
        for _ in range(3):
            stale = self._pid is None or self._pid != self.worker.pid
            if stale and not self.restore():
                raise WorkerCrash(
                    f"the engine worker lost session {self.session_id} and replaying "
                    f"its {len(self.steps)} pipeline steps failed"
                )
            reply = self.worker.request(request)
            if reply.lost_worker:
                self._pid = None
                return reply
            if self.worker.pid == self._pid:
                return reply
        raise WorkerCrash(f"the engine worker keeps losing session {self.session_id}")


__all__ = ["Session", "SharedWorker"]
