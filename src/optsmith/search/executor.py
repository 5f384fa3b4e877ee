"""Where evaluations run: anything that takes an EvalRequest and returns a Future of its
EngineReply.

`optsmith.llvm.EnginePool` (local worker processes) is the default; a Ray executor with
the same surface runs the same search on a cluster.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Protocol

from optsmith.llvm.protocol import EngineReply, EvalRequest


class Executor(Protocol):
    """The surface the Evaluator needs from an executor."""

    @property
    def size(self) -> int:
        """How many evaluations run at once (the driver asks for 2x this per batch)."""
        ...

    def submit(self, request: EvalRequest, *, fresh: bool = False) -> Future[EngineReply]:
        """Run `request`; `fresh`: in an engine started for it (how failures are retried)."""
        ...

    def evaluate(self, request: EvalRequest) -> EngineReply: ...

    def close(self) -> None: ...
