"""The LLVM layer: ctypes binding (worker-side), pass and action space, typed engine
protocol, supervised worker pool and sessions.

Callers send `EvalRequest`s to `EnginePool`/`WorkerHandle` and read `EngineReply`s; only
worker processes load libLLVM.
"""

from optsmith.llvm.pool import EnginePool, WorkerHandle
from optsmith.llvm.protocol import EngineReply, EvalRequest

__all__ = ["EngineReply", "EnginePool", "EvalRequest", "WorkerHandle"]
