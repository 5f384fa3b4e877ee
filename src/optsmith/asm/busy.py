"""Retry a sandboxed run that could not start because the machine was out of processes.

The old sandbox shared `nobody`'s RLIMIT_NPROC among all runs, so another run's fork bomb
made exec fail with EAGAIN before our program started. The bubblewrap sandbox counts
processes per run (its own user namespace and cgroup), but the machine as a whole can still
be out of processes for a moment (the launcher's fork then fails with EAGAIN). That says
nothing about the candidate, so the run is retried with backoff (about 30 s in all) instead
of failing a whole problem. Only that start failure is retried; anything a program does is
its own result.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from optsmith.errors import OptsmithError

T = TypeVar("T")
_START_FAILED = "could not start"
_EAGAIN = "Resource temporarily unavailable"
ATTEMPTS = 8
FIRST_DELAY_S = 0.5
MAX_DELAY_S = 8.0


def is_busy(exc: BaseException) -> bool:
    text = str(exc)
    return isinstance(exc, OptsmithError) and _START_FAILED in text and _EAGAIN in text


def retry_when_busy(run: Callable[[], T], *, attempts: int = ATTEMPTS,
                    first_delay_s: float = FIRST_DELAY_S) -> T:
    """`run()`, retried while it fails only because the shared uid is out of processes."""
    delay = first_delay_s
    for attempt in range(attempts):
        try:
            return run()
        except OptsmithError as exc:
            if not is_busy(exc) or attempt == attempts - 1:
                raise
            time.sleep(delay)
            delay = min(2 * delay, MAX_DELAY_S)
    raise AssertionError("unreachable")  # pragma: no cover
