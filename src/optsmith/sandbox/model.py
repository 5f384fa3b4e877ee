"""What a caller asks of one sandboxed run (`Limits`) and what it gets back (`SandboxResult`)."""

from __future__ import annotations

import math
import signal
from dataclasses import dataclass

from optsmith.errors import OptionError


@dataclass(frozen=True, kw_only=True)
class Limits:
    """Resource limits for one sandboxed run; validated on construction.

    `memory_bytes` bounds each process's address space and, where a cgroup can be made, the
    whole run's memory (tmpfs files included); `max_processes` counts the program and all its
    descendants (threads included) of this run only. `file_bytes` caps each written file.
    """

    wall_s: float = 10.0
    cpu_s: float | None = None
    memory_bytes: int = 2 << 30
    file_bytes: int = 64 << 20
    max_processes: int = 64
    output_bytes: int = 16 << 20
    network: bool = False

    def __post_init__(self) -> None:
        _require_seconds("wall_s", self.wall_s)
        if self.cpu_s is not None:
            _require_seconds("cpu_s", self.cpu_s)
        _require_int("memory_bytes", self.memory_bytes, minimum=1)
        _require_int("file_bytes", self.file_bytes, minimum=0)
        _require_int("max_processes", self.max_processes, minimum=1)
        _require_int("output_bytes", self.output_bytes, minimum=1)
        if not isinstance(self.network, bool):
            raise OptionError(f"Limits.network must be True or False, got {self.network!r}")

    @property
    def effective_cpu_s(self) -> float:
        """RLIMIT_CPU in seconds: `cpu_s`, or ceil(wall_s) + 1 so the wall clock fires first."""
        return self.cpu_s if self.cpu_s is not None else float(math.ceil(self.wall_s) + 1)


def _require_seconds(name: str, value: object) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value <= 0
    ):
        raise OptionError(f"Limits.{name} must be a positive, finite number of seconds, "
                         f"got {value!r}")


def _require_int(name: str, value: object, *, minimum: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise OptionError(f"Limits.{name} must be an integer >= {minimum}, got {value!r}")


@dataclass(frozen=True)
class SandboxResult:
    """What one run did. `ok` ignores the exit code's value: compare `exit_code` yourself.

    `contained` is False only for a run made without bubblewrap because the caller allowed it
    (`set_unsafe_no_sandbox`); `run_limits` says whether memory and processes were capped for
    the whole run (a cgroup) or only per process (RLIMIT_AS; processes per user namespace);
    `memory_exceeded` that the kernel killed a process of the run at the memory cap.
    """

    stdout: bytes
    stderr: bytes
    exit_code: int | None
    signal: int | None
    timed_out: bool
    output_truncated: bool
    wall_s: float
    cpu_s: float
    network_isolated: bool
    contained: bool = True
    run_limits: bool = False
    memory_exceeded: bool = False

    @property
    def ok(self) -> bool:
        """True when the program exited by itself (any code), in time, within the output cap."""
        return self.exit_code is not None and not self.timed_out and not self.output_truncated

    @property
    def reason(self) -> str:
        """One line for logs and error messages, e.g. 'killed by signal 11 (SIGSEGV)'."""
        if self.timed_out:
            return f"timed out after {self.wall_s:.1f}s wall"
        if self.output_truncated:
            cap = max(len(self.stdout), len(self.stderr))
            return f"output exceeded {_format_bytes(cap)}"
        if self.signal is not None:
            extra = ", memory limit" if self.memory_exceeded else ""
            return f"killed by signal {self.signal} ({_signal_name(self.signal)}{extra})"
        return f"exited {self.exit_code}"


def _signal_name(number: int) -> str:
    try:
        name = signal.Signals(number).name
    except ValueError:
        return "unknown signal"
    extra = {"SIGXCPU": ", CPU time limit", "SIGXFSZ": ", file size limit"}.get(name, "")
    return name + extra


def _format_bytes(count: int) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= size and count % size == 0:
            return f"{count // size} {unit}"
    return f"{count} bytes"
