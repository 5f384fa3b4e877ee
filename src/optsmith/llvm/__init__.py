"""The LLVM layer: ctypes binding (worker-side), pass space, and supervised worker pool.

Callers use `EnginePool`/`WorkerHandle`; only worker processes load libLLVM.
"""

from optsmith.llvm.pool import EnginePool, EvalRequest, WorkerHandle

__all__ = ["EnginePool", "EvalRequest", "WorkerHandle"]
