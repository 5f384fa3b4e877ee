"""A module state held in an engine worker that survives the worker's death by replay.

The environment never loads libLLVM in its own process: its program lives in a session of
an engine worker (`optsmith.llvm.worker`). A worker can die under any request (an LLVM
abort in a pass, a segfault, a hang that the handle kills, or the handle's periodic
recycling), and a dead worker takes every session it held with it, including those of
forked environments that share it. So a `Session` records the pipeline chunks applied to
it, in order, and rebuilds itself in the (new) worker by replaying them chunk by chunk
(in one `session_replay` request), exactly as they were first applied: the same chunks
in the same order give the same module, which a single re-rendered pipeline might not (a
`function(a),function(b)` pair and a `function(a,b)` group visit functions in different
orders).
"""

from __future__ import annotations

import contextlib
import itertools
import os
from dataclasses import dataclass, field
from typing import Any

from optsmith.errors import WorkerCrash
from optsmith.llvm.pool import DEFAULT_TIMEOUT_S, WorkerHandle

_FAILURE_KINDS = frozenset({"crash", "timeout"})
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

    def request(self, message: dict[str, Any]) -> dict[str, Any]:
        return self.handle.request(message)


@dataclass
class Session:
    """A module (`key`, parsed from `ir`) and the pipeline chunks applied to it so far."""

    worker: SharedWorker
    key: str
    ir: str
    name: str
    reloc: str
    steps: list[str] = field(default_factory=list)
    session_id: str = field(default_factory=lambda: f"env-{os.getpid()}-{next(_ids)}")
    _pid: int | None = None  # the worker process that holds this session, if any

    # ---- requests ----------------------------------------------------------------------

    def open(self, want: list[str], **params: Any) -> dict[str, Any]:
        """Start the session at the unoptimized module and measure `want` on it."""
        self.steps.clear()
        reply = self.worker.request(self._open_message(want, params))
        self._pid = self.worker.pid if reply.get("ok") else None
        return reply

    def apply(self, pipeline: str, want: list[str], **params: Any) -> dict[str, Any]:
        """Run one pipeline chunk on the module and measure `want` afterwards.

        On a crash or hang the worker is gone: the session is rebuilt from its recorded
        chunks in a fresh worker (the failing chunk is not recorded) and the failed reply
        comes back with `restored` telling whether that worked. A pipeline LLVM rejects
        (kind "pipeline") leaves the module untouched.
        """
        message = {"op": "session_apply", "session": self.session_id, "pipeline": pipeline}
        reply = self._call({**message, "reloc": self.reloc, "want": want, **params})
        if reply.get("ok"):
            self.steps.append(pipeline)
        elif reply.get("kind") in _FAILURE_KINDS:
            reply["restored"] = self.restore()
        return reply

    def observe(self, want: list[str], **params: Any) -> dict[str, Any]:
        """Measure `want` on the current module without changing it."""
        reply = self._call(
            {"op": "session_apply", "session": self.session_id, "want": want, **params}
        )
        if not reply.get("ok") and reply.get("kind") in _FAILURE_KINDS:
            reply["restored"] = self.restore()
        return reply

    def fork(self) -> Session:
        """An independent session at the same state, in the same worker."""
        twin = Session(self.worker.acquire(), self.key, self.ir, self.name, self.reloc)
        twin.steps = list(self.steps)
        reply = self._call(
            {"op": "session_fork", "session": self.session_id, "new_session": twin.session_id}
        )
        if reply.get("ok"):
            twin._pid = self.worker.pid
        elif not twin.restore():  # the fork request itself failed: rebuild the twin
            twin.close()
            raise WorkerCrash(f"cannot fork the environment: {reply.get('error')}")
        return twin

    def close(self) -> None:
        """Drop the module in the worker (if it still lives) and release the worker."""
        if self._pid is not None and self._pid == self.worker.pid:
            with contextlib.suppress(Exception):
                self.worker.request({"op": "session_close", "session": self.session_id})
        self._pid = None
        self.worker.release()

    # ---- recovery ----------------------------------------------------------------------

    def restore(self) -> bool:
        """Rebuild the module in the current worker by replaying the recorded chunks.

        One `session_replay` request applies every chunk in order, so the handle cannot
        recycle the worker halfway. False when a chunk fails on replay.
        """
        message = self._open_message([], {})
        message.update(op="session_replay", pipelines=list(self.steps), reloc=self.reloc)
        reply = self.worker.request(message)
        self._pid = self.worker.pid if reply.get("ok") else None
        return self._pid is not None

    def _open_message(self, want: list[str], params: dict[str, Any]) -> dict[str, Any]:
        return {
            "op": "session_open",
            "session": self.session_id,
            "key": self.key,
            "ir": self.ir,
            "name": self.name,
            "want": want,
            **params,
        }

    def _call(self, message: dict[str, Any]) -> dict[str, Any]:
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
            reply = self.worker.request(message)
            if reply.get("kind") in _FAILURE_KINDS:
                self._pid = None
                return reply
            if self.worker.pid == self._pid:
                return reply
        raise WorkerCrash(f"the engine worker keeps losing session {self.session_id}")
