"""Start failures caused by other sandboxes (shared `nobody` process count) are retried."""

from __future__ import annotations

import pytest

from optsmith.asm.busy import is_busy, retry_when_busy
from optsmith.errors import OptsmithError

BUSY = OptsmithError("could not start 'sh' in the sandbox: [Errno 11] Resource temporarily "
                    "unavailable: '/usr/bin/sh'")


def test_busy_start_is_retried_until_it_works() -> None:
    calls = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise BUSY
        return "ran"

    assert retry_when_busy(flaky, first_delay_s=0.001) == "ran" and len(calls) == 3


def test_other_failures_and_persistent_busy_are_raised() -> None:
    assert is_busy(BUSY) and not is_busy(OptsmithError("run of 'x' failed: exited 1"))
    with pytest.raises(OptsmithError, match="exited 1"):
        retry_when_busy(lambda: (_ for _ in ()).throw(OptsmithError("run of 'x' failed: exited 1")))
    with pytest.raises(OptsmithError, match="Resource temporarily"):
        retry_when_busy(lambda: (_ for _ in ()).throw(BUSY), attempts=2, first_delay_s=0.001)
