"""How fast a program runs, measured through the sandbox so timing never trusts the program.

Two measures per run, both from `run_sandboxed`:

* wall seconds (`Timing.samples_s`): CLOCK_MONOTONIC read by the sandbox's launcher just
  before exec and again as it reaps the program. Sandbox setup is excluded; exec, the dynamic
  loader and exit are included. This is what a user waits for.
* CPU seconds (`Timing.cpu_samples_s`): user+sys of the program and the processes it waited
  for (exec and the loader included). Usually less noisy than wall time on a busy machine (it
  ignores time spent descheduled), but blind to sleeping and to waiting on I/O.

For comparisons that must not move with machine load at all, `count_instructions` counts
executed instructions under valgrind's callgrind: slow, but identical from run to run.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from optsmith.errors import OptionError, OptsmithError, ToolchainError
from optsmith.sandbox import Limits, SandboxResult, run_sandboxed

Argv = Sequence[str | Path]
_STDERR_TAIL = 600
_VALGRIND_HINT = "install valgrind (Debian/Ubuntu: apt-get install valgrind)"
_COLLECTED = re.compile(rb"^==(\d+)== Collected : (\d+)\s*$", re.MULTILINE)
_VALGRIND_PID = re.compile(rb"^==(\d+)==", re.MULTILINE)


@dataclass(frozen=True)
class Timing:
    """Per-run timings of one command: wall seconds, and the same runs' CPU seconds."""

    samples_s: tuple[float, ...]
    cpu_samples_s: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        if not self.samples_s:
            raise ValueError("Timing needs at least one sample")

    @property
    def median_s(self) -> float:
        return statistics.median(self.samples_s)

    @property
    def mean_s(self) -> float:
        return statistics.fmean(self.samples_s)

    @property
    def cpu_median_s(self) -> float | None:
        return statistics.median(self.cpu_samples_s) if self.cpu_samples_s else None

    @property
    def spread(self) -> float:
        """Interquartile range over median (0 for one sample).

        The IQR rather than max-min so that one run disturbed by the machine does not make a
        stable measurement look noisy. Quartiles interpolate linearly between samples (the
        'inclusive' method, as numpy's default percentile), so two samples give half their
        range.
        """
        if len(self.samples_s) < 2:
            return 0.0
        q1, _, q3 = statistics.quantiles(self.samples_s, n=4, method="inclusive")
        median = self.median_s
        if median <= 0:
            return 0.0 if q3 == q1 else float("inf")
        return (q3 - q1) / median


def time_runs(
    argv: Argv,
    *,
    stdin: bytes = b"",
    repeats: int = 5,
    warmup: int = 1,
    limits: Limits = Limits(),  # noqa: B008 - frozen, so a shared default is safe
) -> Timing:
    """Run `argv` warmup + repeats times in the sandbox; time the last `repeats`.

    Raises OptsmithError, quoting the sandbox's reason and the end of stderr, if any run fails:
    timed out, cut off, killed by a signal, or a non-zero exit code (a failing run's time
    measures the failure, not the program).
    """
    return time_interleaved({"run": (argv, stdin)}, repeats=repeats, warmup=warmup,
                            limits=limits)["run"]


def time_interleaved(
    cmds: Mapping[str, tuple[Argv, bytes]],
    *,
    repeats: int = 5,
    warmup: int = 1,
    limits: Limits = Limits(),  # noqa: B008 - frozen, so a shared default is safe
) -> dict[str, Timing]:
    """Time several commands round-robin (A, B, A, B, ...) so they share the machine's noise.

    Warm-up rounds come first, interleaved the same way, and are discarded. Failure rules are
    those of `time_runs`.
    """
    _check_counts(repeats, warmup)
    if not cmds:
        raise ValueError("time_interleaved needs at least one command")
    walls: dict[str, list[float]] = {name: [] for name in cmds}
    cpus: dict[str, list[float]] = {name: [] for name in cmds}
    for round_index in range(warmup + repeats):
        for name, (argv, stdin) in cmds.items():
            result = _run_checked(name, argv, stdin, limits)
            if round_index >= warmup:
                walls[name].append(result.wall_s)
                cpus[name].append(result.cpu_s)
    return {name: Timing(tuple(walls[name]), tuple(cpus[name])) for name in cmds}


def paired_time(reference: Sequence[float], candidate: Sequence[float]) -> float:
    """The candidate's time on one test, estimated against the reference timed beside it.

    Rounds are paired (`time_interleaved` runs them back to back, so they share the
    machine's noise): the median of the per-round ratios scales the reference's median.
    Robust to a round that the machine slowed for both, unlike a ratio of two medians."""
    ratio = statistics.median(
        a / b if b > 0 else math.inf for a, b in zip(reference, candidate, strict=True))
    return statistics.median(reference) / ratio if ratio > 0 else math.inf


def _check_counts(repeats: int, warmup: int) -> None:
    if isinstance(repeats, bool) or not isinstance(repeats, int) or repeats < 1:
        raise OptionError(f"repeats must be an integer >= 1, got {repeats!r}")
    if isinstance(warmup, bool) or not isinstance(warmup, int) or warmup < 0:
        raise OptionError(f"warmup must be an integer >= 0, got {warmup!r}")


def _run_checked(name: str, argv: Argv, stdin: bytes, limits: Limits) -> SandboxResult:
    result = run_sandboxed(argv, stdin=stdin, limits=limits)
    if not result.ok or result.exit_code != 0:
        raise OptsmithError(f"run of {name!r} ({os.fspath(argv[0])}) failed: {_describe(result)}")
    return result


def _describe(result: SandboxResult) -> str:
    tail = result.stderr[-_STDERR_TAIL:].decode(errors="replace").strip()
    return result.reason + (f"; stderr ends with: {tail}" if tail else "")


def count_instructions(
    argv: Argv,
    *,
    stdin: bytes = b"",
    limits: Limits = Limits(wall_s=120),  # noqa: B008 - frozen, so a shared default is safe
) -> int:
    """Instructions the program's main process executes (callgrind's 'Collected' total).

    The count is deterministic for a deterministic program, so one run replaces many timed
    ones. It includes the dynamic loader and libc start-up; processes the program forks are
    counted by callgrind separately and not included. Raises ToolchainError if valgrind is
    missing and OptsmithError if the run fails (as in `time_runs`).
    """
    result, count = callgrind_run(argv, stdin=stdin, limits=limits)
    if not result.ok or result.exit_code != 0 or count is None:
        raise OptsmithError(f"callgrind run of {os.fspath(argv[0])} failed: {_describe(result)}")
    return count


def callgrind_run(
    argv: Argv,
    *,
    stdin: bytes = b"",
    limits: Limits = Limits(wall_s=120),  # noqa: B008 - frozen, so a shared default is safe
) -> tuple[SandboxResult, int | None]:
    """Run `argv` under callgrind in the sandbox: the run (its stdout is the program's) and
    the instructions its main process executed, None when the run did not finish.

    valgrind reports on the program's own stderr, so a program could print a summary line
    of its own; the count is believed only when exactly one line for valgrind's pid says
    it (a forged one makes two: the run then fails, it never gets a smaller count).
    """
    if not argv:
        raise OptsmithError("callgrind_run needs a command, got an empty argv")
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise ToolchainError(f"valgrind is needed to count instructions: {_VALGRIND_HINT}")
    program, files = _program_for_valgrind(argv[0])
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", "--log-fd=2",
           program, *(os.fspath(a) for a in argv[1:])]
    env = {"PATH": f"{os.path.dirname(valgrind)}:/usr/bin:/bin"}
    result = run_sandboxed(cmd, stdin=stdin, limits=limits, files=files, env=env)
    if not result.ok:
        return result, None
    return result, _collected(result.stderr)


def _program_for_valgrind(argv0: str | Path) -> tuple[str, dict[str, bytes | Path]]:
    """A file path is copied into the sandbox (valgrind, not the sandbox, execs it)."""
    text = os.fspath(argv0)
    if isinstance(argv0, Path) or "/" in text:
        path = Path(text).absolute()
        if not path.is_file():
            raise OptsmithError(f"executable not found: {path}")
        return "./" + path.name, {path.name: path}
    return text, {}


def _collected(stderr: bytes) -> int:
    """callgrind's total for valgrind's own (first) pid: exactly one such line, or none."""
    first = _VALGRIND_PID.search(stderr)
    if first is not None:
        totals = [m for m in _COLLECTED.finditer(stderr) if m.group(1) == first.group(1)]
        if len(totals) > 1:
            raise OptsmithError(
                f"{len(totals)} instruction totals for one process in callgrind's output: "
                "the program printed one of its own"
            )
        if totals:
            return int(totals[0].group(2))
    tail = stderr[-_STDERR_TAIL:].decode(errors="replace")
    raise OptsmithError(f"no instruction total in callgrind's output; it ends with: {tail}")
