"""The same search on Ray: one engine worker per Ray actor, locally or on a cluster.

`RayExecutor` has the surface of `optsmith.llvm.EnginePool` (the `Executor` protocol), so
the driver, the evaluator and the store do not know where evaluations run, and a seeded
search gives the same answer on Ray as on the local pool.

Each actor owns one supervised `WorkerHandle`, so an LLVM abort inside an evaluation kills
only the actor's worker process and costs one failed reply, exactly as locally; the actor
keeps serving. What the local pool cannot lose, Ray can (an actor process, a node), so
every Ray-level failure also becomes a failed `EngineReply` (kind "lost" or "timeout")
and the actor is replaced: one lost evaluation never ends the run.

Ray is an optional dependency (`pip install 'optsmith[ray]'`), imported only when a
`RayExecutor` is built. On a cluster, every node needs optsmith and the LLVM 22 toolchain
installed, as the actors start optsmith's engine workers there.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from optsmith.errors import OptionError, OptsmithError, WorkerCrash
from optsmith.llvm.lending import SlotLender
from optsmith.llvm.pool import DEFAULT_TIMEOUT_S, START_TIMEOUT_S, WorkerHandle
from optsmith.llvm.protocol import EngineReply, EvalRequest

INSTALL_HINT = "pip install 'optsmith[ray]'"
ACTOR_START_TIMEOUT_S = 120.0
_KNOWN_KEYS = 32  # modules an actor keeps the IR of (its worker caches the parsed ones)
_CLOSE_GRACE_S = 10.0


def _import_ray() -> Any:
    """Ray, or a OptsmithError saying how to install it (Ray is an optional extra)."""
    try:
        import ray
    except ImportError as exc:
        raise OptsmithError(f"the Ray executor needs Ray: {INSTALL_HINT}") from exc
    return ray


def _first_line(exc: BaseException) -> str:
    """Ray's exception texts carry whole remote tracebacks; a reply needs one line."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = lines[0] if lines else type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:500]


class EngineActor:
    """The body of one Ray actor: a supervised engine worker and the IR it was sent.

    The actor keeps the IR of recent modules so the driver sends a module once per actor,
    not with every request, and the worker can be restarted after a crash without asking
    the driver again.
    """

    def __init__(self, timeout_s: float) -> None:
        self.handle = WorkerHandle(timeout_s=timeout_s)
        self._irs: OrderedDict[str, str] = OrderedDict()

    def ready(self) -> dict[str, Any]:
        """Answered once the actor runs: construction waits on it to fail fast."""
        return {"pid": os.getpid(), "host": socket.gethostname()}

    def evaluate(self, request: EvalRequest) -> EngineReply:
        """Serve one request; one without IR is for a module this actor was sent before."""
        key = request.key
        if request.ir is not None:
            self._irs[key] = request.ir
        elif key in self._irs:
            request = request.with_ir(self._irs[key])
        else:
            return EngineReply(ok=False, need_ir=True)
        self._irs.move_to_end(key)
        while len(self._irs) > _KNOWN_KEYS:
            self._irs.popitem(last=False)
        try:
            return self.handle.request(request)
        except (WorkerCrash, OSError) as exc:  # the worker did not even start
            self.handle.kill()
            return EngineReply.failed("crash", str(exc))

    def worker_restarts(self) -> int:
        return self.handle.restarts

    def recycle(self) -> None:
        """Stop the engine worker: the next request runs in a fresh one (a retry's)."""
        self.handle.kill()

    def close(self) -> None:
        self.handle.close()


@dataclass
class _Slot:
    """One actor as the driver sees it: which modules it holds, whether it is new."""

    actor: Any
    known: OrderedDict[str, None] = field(default_factory=OrderedDict)
    fresh: bool = True  # not yet answered: its first call also waits for it to start


class RayExecutor(SlotLender[_Slot]):
    """N engine actors on Ray; `submit` an EvalRequest from any thread, get a Future.

    Requests are dispatched by a thread per actor, as in EnginePool, rather than queued
    on actors: an idle actor that already holds the module is preferred, and each call
    can be given a deadline, so a stuck or unschedulable actor costs a failed reply.

    `address=None` starts a small local Ray (no dashboard) and shuts it down on close;
    an address connects to that cluster. A Ray already initialized in this process is
    reused as it is, and left running.
    """

    def __init__(
        self,
        workers: int | None = None,
        *,
        address: str | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        start_timeout_s: float = ACTOR_START_TIMEOUT_S,
    ) -> None:
        if workers is not None and workers < 1:
            raise OptionError(f"workers must be at least 1, got {workers!r}")
        if timeout_s <= 0:
            raise OptionError(f"timeout_s must be positive, got {timeout_s!r}")
        ray = _import_ray()
        self._ray = ray
        self._owns_ray = False
        self._closed = True  # until the actors are up, close() has nothing to stop
        if not ray.is_initialized():
            self._init_ray(workers, address)
            self._owns_ray = True
        cpus = float(ray.cluster_resources().get("CPU", 0.0))
        self.size = workers or max(1, int(cpus))
        # one CPU per actor; when asked for more workers than CPUs (as EnginePool allows
        # on a small machine), share the CPUs rather than leave actors unscheduled
        per_actor = 1.0 if cpus <= 0 or cpus >= self.size else cpus / self.size
        self._actor_class = ray.remote(num_cpus=per_actor, max_restarts=0)(EngineActor)
        self._timeout_s = timeout_s
        self._start_timeout_s = start_timeout_s
        # the actor's worker may need to start, and may be sent the IR a second time
        self._call_timeout_s = START_TIMEOUT_S + 2 * timeout_s + 30.0
        self._slots = [_Slot(self._new_actor()) for _ in range(self.size)]
        self.restarts = 0
        self._lend(self._slots, "ray-engine")
        try:
            ray.get([s.actor.ready.remote() for s in self._slots], timeout=start_timeout_s)
        except ray.exceptions.RayError as exc:
            self.close()
            raise OptsmithError(
                f"{self.size} Ray actors did not start within {start_timeout_s:.0f}s "
                f"(the cluster has {cpus:g} CPUs): {_first_line(exc)}"
            ) from exc
        for slot in self._slots:
            slot.fresh = False

    def _init_ray(self, workers: int | None, address: str | None) -> None:
        """Start a small local Ray, or connect to the cluster at `address`."""
        quiet: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING}
        if address is None:
            # "local" starts a fresh Ray even when RAY_ADDRESS points at a cluster
            self._ray.init(
                address="local",
                num_cpus=workers or os.cpu_count() or 1,
                include_dashboard=False,
                **quiet,
            )
            return
        try:
            self._ray.init(address=address, **quiet)
        except Exception as exc:  # Ray raises ConnectionError, ValueError, RuntimeError...
            raise OptsmithError(f"cannot connect to Ray at {address!r}: {exc}") from exc

    def _new_actor(self) -> Any:
        return self._actor_class.remote(self._timeout_s)

    def _holds(self, slot: _Slot, key: str) -> bool:
        return key in slot.known

    def _is_fresh(self, slot: _Slot) -> bool:
        return slot.fresh

    def _renew(self, slot: _Slot) -> None:
        try:
            self._ray.get(slot.actor.recycle.remote(), timeout=_CLOSE_GRACE_S)
        except self._ray.exceptions.RayError:  # the actor itself is gone or stuck
            self._replace(slot)

    def _replace(self, slot: _Slot) -> None:
        """Kill the slot's actor (dead, lost or stuck) and start a fresh one in its place."""
        with contextlib.suppress(Exception):
            self._ray.kill(slot.actor, no_restart=True)
        slot.actor = self._new_actor()
        slot.known.clear()
        slot.fresh = True
        with self._cond:
            self.restarts += 1

    def _call(self, slot: _Slot, request: EvalRequest) -> EngineReply:
        """One actor call; every Ray-level failure becomes a failed reply."""
        exceptions = self._ray.exceptions
        timeout = self._call_timeout_s + (self._start_timeout_s if slot.fresh else 0.0)
        try:
            reply: EngineReply = self._ray.get(
                slot.actor.evaluate.remote(request), timeout=timeout
            )
        except exceptions.GetTimeoutError:
            self._replace(slot)
            return EngineReply.failed("timeout", f"Ray actor silent for {timeout:.0f}s")
        except exceptions.RayTaskError as exc:  # the actor raised; it is still alive
            return EngineReply.failed("error", _first_line(exc))
        except exceptions.RayError as exc:  # the actor or its node died
            self._replace(slot)
            return EngineReply.failed("lost", _first_line(exc))
        slot.fresh = False
        return reply

    def _serve(self, slot: _Slot, request: EvalRequest) -> EngineReply:
        # the actor holds the module: save sending it again
        reply = self._call(slot, request.without_ir() if request.key in slot.known else request)
        if reply.need_ir and request.ir is not None:  # the actor forgot the module
            reply = self._call(slot, request)
        if reply.ok:
            slot.known[request.key] = None
            slot.known.move_to_end(request.key)
            while len(slot.known) > _KNOWN_KEYS:
                slot.known.popitem(last=False)
        return reply

    @property
    def worker_restarts(self) -> int:
        """Engine workers restarted inside the actors (LLVM crashes, hangs); asks each actor."""
        refs = [s.actor.worker_restarts.remote() for s in self._slots]
        return int(sum(self._ray.get(refs, timeout=_CLOSE_GRACE_S)))

    def close(self) -> None:
        """Stop the actors (and their workers); shut Ray down only if this executor began it."""
        if self._closed:
            return
        self._stop_lending()
        ray = self._ray
        with contextlib.suppress(Exception):
            ray.get([s.actor.close.remote() for s in self._slots], timeout=_CLOSE_GRACE_S)
        for slot in self._slots:
            with contextlib.suppress(Exception):
                ray.kill(slot.actor, no_restart=True)
        if self._owns_ray:
            ray.shutdown()

    def __enter__(self) -> RayExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
