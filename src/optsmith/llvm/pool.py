"""Supervised engine workers: LLVM crashes and hangs cost one request, never the run.

`WorkerHandle` is a synchronous client of one worker process: it sends a typed request
(`optsmith.llvm.protocol`) and returns an `EngineReply`. When the worker dies (LLVM
ERROR, segfault, kill -9, also while it starts) or does not answer within the timeout,
the handle kills it, returns a failed reply naming the reason (an outside signal, else the
last LLVM message from its stderr), and starts a fresh worker on the next request.
`EnginePool` runs N handles behind a thread pool for stateless `EvalRequest`s.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from optsmith.errors import WorkerCrash
from optsmith.llvm import framing
from optsmith.llvm.lending import SlotLender
from optsmith.llvm.protocol import (
    EXTERNAL_SIGNALS,
    NOT_STARTED,
    EngineReply,
    EvalRequest,
    Request,
)

DEFAULT_TIMEOUT_S = 60.0
START_TIMEOUT_S = 60.0
MAX_REQUESTS_PER_WORKER = 4000  # recycle: an LLVM context only grows
_KNOWN_KEYS = 32


def _signal_name(returncode: int) -> str:
    try:
        return signal.Signals(-returncode).name
    except ValueError:
        return f"signal {-returncode}"


def _crash_reason(stderr_path: str, returncode: int | None) -> str:
    """The most telling line a dying worker left: LLVM's own message when there is one.

    A signal from outside (`EXTERNAL_SIGNALS`: kill -9, the OOM killer) is named first,
    whatever the log holds: LLVM did not end the worker, and a line an earlier request
    left in the log must not pass for the reason (callers read "worker killed by SIGKILL"
    as "retry, do not remember", see `protocol.failure_verdict`)."""
    if returncode is not None and returncode < 0 and _signal_name(returncode) in EXTERNAL_SIGNALS:
        return f"worker killed by {_signal_name(returncode)}"
    try:
        with open(stderr_path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 16384))
            tail = handle.read().decode(errors="replace")
    except OSError:
        tail = ""
    lines = [line.strip() for line in tail.splitlines() if line.strip()]
    for marker in ("LLVM ERROR", "Assertion", "error:", "Error"):
        for line in lines:
            if marker in line:
                return line[:500]
    if returncode is not None and returncode < 0:
        return f"worker killed by {_signal_name(returncode)}"
    if returncode is not None:
        return f"worker exited with status {returncode}"
    return lines[-1][:500] if lines else "worker died"


class WorkerHandle:
    """One engine worker process and a blocking request/reply channel to it."""

    def __init__(self, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self.timeout_s = timeout_s
        self.proc: subprocess.Popen[bytes] | None = None
        self._to_worker = -1
        self._from_worker = -1
        # kept open for the handle's life: each worker incarnation writes its stderr here
        self._stderr = tempfile.NamedTemporaryFile(prefix="optsmith-worker-", suffix=".log")  # noqa: SIM115
        self._known: OrderedDict[str, None] = OrderedDict()
        self.requests_served = 0
        self.restarts = 0
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def _start(self) -> None:
        parent_read, child_write = os.pipe()
        child_read, parent_write = os.pipe()
        self._stderr.seek(0)
        self._stderr.truncate()
        env = dict(os.environ)
        src = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "optsmith.llvm.worker", str(child_read), str(child_write)],
            pass_fds=(child_read, child_write),
            stdin=subprocess.DEVNULL,
            stdout=self._stderr,
            stderr=self._stderr,
            env=env,
        )
        os.close(child_read)
        os.close(child_write)
        self._to_worker, self._from_worker = parent_write, parent_read
        self._known.clear()
        self.requests_served = 0
        reply = self._receive(START_TIMEOUT_S)  # the worker's hello, not a reply to a request
        if not reply.get("ready"):
            raise WorkerCrash(f"{NOT_STARTED}: {reply.get('error')}")

    def _receive(self, timeout: float) -> dict[str, Any]:
        ready, _, _ = select.select([self._from_worker], [], [], timeout)
        if not ready:
            raise TimeoutError
        reply: dict[str, Any] = framing.recv(self._from_worker)
        return reply

    def kill(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=10)
        for fd in (self._to_worker, self._from_worker):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._to_worker = self._from_worker = -1
        self.proc = None

    def close(self) -> None:
        self.kill()
        self._stderr.close()

    def _ensure_started(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            if self.proc is not None:
                self.kill()
                self.restarts += 1
            self._start()
        elif self.requests_served >= MAX_REQUESTS_PER_WORKER:
            self.kill()
            self._start()

    def request(self, request: Request, *, timeout_s: float | None = None) -> EngineReply:
        """Send one request; a crash or hang becomes a reply of kind "crash" or "timeout"."""
        with self._lock:
            reply = self._request(request.message(), timeout_s or self.timeout_s)
        return EngineReply.from_wire(reply)

    def _request(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        """One request on the wire: the IR of a module the worker holds is not sent again."""
        try:
            self._ensure_started()
        except (EOFError, OSError):  # died (was killed) or hung before its hello
            returncode = None
            if self.proc is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    returncode = self.proc.wait(timeout=1)
            reason = _crash_reason(self._stderr.name, returncode)
            self.kill()
            self.restarts += 1
            return {"ok": False, "kind": "crash", "error": f"{NOT_STARTED}: {reason}"}
        key = message.get("key")
        if key is not None and key not in self._known and "ir" not in message:
            raise ValueError("first request for a module key must carry its IR")
        payload = dict(message)
        if key is not None and key in self._known:
            payload.pop("ir", None)
        try:
            framing.send(self._to_worker, payload)
            reply = self._receive(timeout)
            if reply.get("need_ir") and "ir" in message:
                framing.send(self._to_worker, dict(message))
                reply = self._receive(timeout)
        except TimeoutError:
            self.kill()
            self.restarts += 1
            return {"ok": False, "kind": "timeout", "error": f"no answer within {timeout:.0f}s"}
        except (EOFError, BrokenPipeError, OSError):
            returncode = self.proc.wait(timeout=10) if self.proc else None
            reason = _crash_reason(self._stderr.name, returncode)
            self.kill()
            self.restarts += 1
            return {"ok": False, "kind": "crash", "error": reason}
        self.requests_served += 1
        if key is not None and reply.get("ok"):
            self._known[key] = None
            self._known.move_to_end(key)
            while len(self._known) > _KNOWN_KEYS:
                self._known.popitem(last=False)
        return reply


class EnginePool(SlotLender[WorkerHandle]):
    """N supervised workers; `submit` an EvalRequest from any thread, get a Future of its
    EngineReply."""

    def __init__(self, workers: int | None = None, *, timeout_s: float = DEFAULT_TIMEOUT_S):
        count = max(1, workers or os.cpu_count() or 1)
        self._all = [WorkerHandle(timeout_s=timeout_s) for _ in range(count)]
        self._lend(self._all, "engine")

    def _holds(self, slot: WorkerHandle, key: str) -> bool:
        return key in slot._known

    def _serve(self, slot: WorkerHandle, request: EvalRequest) -> EngineReply:
        return slot.request(request)

    def _is_fresh(self, slot: WorkerHandle) -> bool:
        return slot.proc is None or slot.requests_served == 0

    def _renew(self, slot: WorkerHandle) -> None:
        slot.kill()  # the next request starts a new worker (not counted as a restart)

    @property
    def pids(self) -> Sequence[int | None]:
        return [h.pid for h in self._all]

    @property
    def restarts(self) -> int:
        return sum(h.restarts for h in self._all)

    def close(self) -> None:
        self._stop_lending()
        for handle in self._all:
            handle.close()

    def __enter__(self) -> EnginePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
