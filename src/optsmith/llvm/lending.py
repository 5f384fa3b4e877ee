"""Lending slots to threads: the dispatch both executors (local pool, Ray) share.

A slot (a worker process, a Ray actor) serves one request at a time. Requests run on a
thread pool of one thread per slot; each takes an idle slot, preferring one that already
holds the request's module, so a module is parsed (or sent) once per slot, not per
request. A request submitted `fresh` (a retry after a crash or a hang) runs in a slot whose
engine has just started instead: whatever the old one had accumulated cannot matter.
"""

from __future__ import annotations

import abc
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

from optsmith.llvm.protocol import EngineReply, EvalRequest

SlotT = TypeVar("SlotT")


class SlotLender(abc.ABC, Generic[SlotT]):
    """Base of executors over a fixed set of slots; subclasses say how a slot serves."""

    size: int

    def _lend(self, slots: list[SlotT], thread_prefix: str) -> None:
        """Start lending `slots` (call once, from the subclass constructor)."""
        self.size = len(slots)
        self._idle: list[SlotT] = list(slots)
        self._cond = threading.Condition()
        self._threads = ThreadPoolExecutor(max_workers=self.size, thread_name_prefix=thread_prefix)
        self._closed = False

    @abc.abstractmethod
    def _holds(self, slot: SlotT, key: str) -> bool:
        """Whether the slot already holds the module `key`."""

    @abc.abstractmethod
    def _serve(self, slot: SlotT, request: EvalRequest) -> EngineReply:
        """Run one request on a slot; failures come back as failed replies, never raised."""

    @abc.abstractmethod
    def _is_fresh(self, slot: SlotT) -> bool:
        """Whether the slot's engine has served nothing since it (re)started."""

    @abc.abstractmethod
    def _renew(self, slot: SlotT) -> None:
        """Replace the slot's engine, so that its next request runs in a fresh one."""

    def _checkout(self, key: str, *, fresh: bool = False) -> SlotT:
        """An idle slot: for `fresh`, one already fresh if any (a crash just emptied it),
        else any; otherwise one that holds module `key` if any."""
        with self._cond:
            while not self._idle:
                self._cond.wait()
            wanted = self._is_fresh if fresh else (lambda slot: self._holds(slot, key))
            for i, slot in enumerate(self._idle):
                if wanted(slot):
                    return self._idle.pop(i)
            return self._idle.pop()

    def _checkin(self, slot: SlotT) -> None:
        with self._cond:
            self._idle.append(slot)
            self._cond.notify()

    def _run(self, request: EvalRequest, fresh: bool) -> EngineReply:
        slot = self._checkout(request.key, fresh=fresh)
        try:
            if fresh and not self._is_fresh(slot):
                self._renew(slot)
            return self._serve(slot, request)
        finally:
            self._checkin(slot)

    def submit(self, request: EvalRequest, *, fresh: bool = False) -> Future[EngineReply]:
        """Run `request` on an idle slot; `fresh`: on a freshly started engine."""
        if self._closed:
            raise RuntimeError(f"{type(self).__name__} is closed")
        return self._threads.submit(self._run, request, fresh)

    def evaluate(self, request: EvalRequest) -> EngineReply:
        return self.submit(request).result()

    def map(self, requests: Iterable[EvalRequest]) -> list[EngineReply]:
        futures = [self.submit(r) for r in requests]
        return [f.result() for f in futures]

    def _stop_lending(self) -> None:
        """Refuse new requests and wait for those in flight."""
        self._closed = True
        self._threads.shutdown(wait=True)
