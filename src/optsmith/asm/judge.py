"""Judge one candidate `.s`: assemble it, run every test in the sandbox, compare stdout exactly.

A candidate is untrusted code, and one that cannot compute the answer may try to find it: the
expected outputs sit in the problem's tests/ directory, named in the evaluating command's
arguments. So each test runs in its own `run_sandboxed` (bubblewrap): the binary sees its
working directory, the shared libraries and its stdin, nothing else of the host (no host
/proc, no tests/, no shared /tmp), without network, with memory and processes capped for the
whole run and an output cap. Expected outputs never enter the sandbox: the test's input goes
in through a pipe and stdout is compared here. Each test has a deadline scaled from the
baseline's own time on it, so a candidate that loops forever costs seconds, not the run.
What went wrong is kept as text (the assembler's message, the sandbox's reason, the first
differing line) because that text is what a user reads and what a model can be shown.

The verdict is one of five `Status` values, ordered from worst to best the way the rewards
(`optsmith.asm.rewards`) rank them: compile error < runtime error / wrong output < partial
pass < correct.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path

from optsmith.asm.build import assemble
from optsmith.asm.busy import retry_when_busy
from optsmith.asm.problems import Problem
from optsmith.errors import CompileError, OptionError
from optsmith.sandbox import Limits, SandboxResult, run_sandboxed

_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class Status(StrEnum):
    """Outcome of judging one candidate, worst first."""

    COMPILE_ERROR = "compile_error"  # did not assemble or link
    RUNTIME_ERROR = "runtime_error"  # no test passed; at least one crashed, hung or hit a limit
    WRONG_OUTPUT = "wrong_output"  # no test passed; every run exited cleanly with wrong stdout
    PARTIAL = "partial"  # some tests passed, not all
    CORRECT = "correct"  # every test printed exactly the expected bytes and exited 0


@dataclass(frozen=True, kw_only=True)
class JudgeSettings:
    """How hard a candidate is held: deadlines relative to the baseline, and hard limits.

    A test's deadline is `timeout_factor` times the baseline's wall time on it, clamped to
    [min_timeout_s, max_timeout_s]: generous for a slower-but-correct candidate, short for
    one that never ends. After the first timeout the remaining tests are skipped (counted as
    failed) unless `stop_after_timeout` is False.
    """

    min_timeout_s: float = 2.0
    timeout_factor: float = 10.0
    max_timeout_s: float = 60.0
    memory_bytes: int = 1 << 30
    max_processes: int = 16
    file_bytes: int = 16 << 20
    output_slack_bytes: int = 1 << 20
    stop_after_timeout: bool = True

    def __post_init__(self) -> None:
        for name in ("min_timeout_s", "timeout_factor", "max_timeout_s"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or value <= 0:
                raise OptionError(f"JudgeSettings.{name} must be a positive number, got {value!r}")
        if self.min_timeout_s > self.max_timeout_s:
            raise OptionError(f"JudgeSettings.min_timeout_s ({self.min_timeout_s}) exceeds "
                              f"max_timeout_s ({self.max_timeout_s})")

    def limits_for(self, expected: bytes, baseline_wall_s: float | None) -> Limits:
        """Sandbox limits for one test: deadline from the baseline, output cap from the answer."""
        wall = self.min_timeout_s
        if baseline_wall_s is not None:
            wall = min(self.max_timeout_s, max(wall, self.timeout_factor * baseline_wall_s))
        return Limits(wall_s=wall, memory_bytes=self.memory_bytes, file_bytes=self.file_bytes,
                      max_processes=self.max_processes,
                      output_bytes=4 * len(expected) + self.output_slack_bytes)


@dataclass(frozen=True)
class TestRun:
    """One test of one candidate: passed, or why not; and how long it ran."""

    __test__ = False

    index: int
    passed: bool
    detail: str
    wall_s: float
    cpu_s: float
    crashed: bool = False  # timed out, killed by a signal, cut off, or non-zero exit


@dataclass(frozen=True, kw_only=True)
class Judgement:
    """The verdict on one candidate. `executable` is set whenever it assembled."""

    name: str
    status: Status
    runs: tuple[TestRun, ...]
    tests_total: int
    detail: str
    executable: Path | None
    asm_sha: str
    network_isolated: bool = True
    contained: bool = True  # False only when runs were allowed without bubblewrap

    @property
    def tests_passed(self) -> int:
        return sum(1 for r in self.runs if r.passed)

    @property
    def correct(self) -> bool:
        return self.status is Status.CORRECT

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "status": self.status.value,
            "tests_passed": self.tests_passed,
            "tests_total": self.tests_total,
            "detail": self.detail,
            "asm_sha256": self.asm_sha,
            "network_isolated": self.network_isolated,
            "contained": self.contained,
        }


def asm_digest(asm: str) -> str:
    return hashlib.sha256(asm.encode()).hexdigest()


def safe_name(name: str) -> str:
    """A file-system-safe stem for a candidate's name (names come from users' files)."""
    return _SAFE.sub("_", name).strip("._")[:80] or "candidate"


def judge(
    problem: Problem,
    asm: str,
    *,
    name: str,
    workdir: Path,
    settings: JudgeSettings = JudgeSettings(),  # noqa: B008 - frozen, so a shared default is safe
    baseline_walls: dict[int, float] | None = None,
) -> Judgement:
    """Assemble `asm` and run it on every test of `problem`; never raises for a bad candidate."""
    digest = asm_digest(asm)
    workdir.mkdir(parents=True, exist_ok=True)
    exe = workdir / f"{safe_name(name)}-{digest[:10]}"
    try:
        assemble(asm, exe, ldflags=problem.ldflags)
    except CompileError as exc:
        return Judgement(name=name, status=Status.COMPILE_ERROR, runs=(),
                         tests_total=len(problem.tests), detail=str(exc), executable=None,
                         asm_sha=digest)
    runs, isolated, contained = run_tests(exe, problem, settings, baseline_walls or {})
    status = classify(runs, len(problem.tests))
    failures = [r.detail for r in runs if not r.passed]
    skipped = len(problem.tests) - len(runs)
    if status is Status.CORRECT:
        detail = f"all {len(runs)} tests passed"
    else:
        detail = f"{len(runs) - len(failures)}/{len(problem.tests)} passed; {failures[0]}"
        if skipped:
            detail += f" ({skipped} test(s) not run after a timeout)"
    return Judgement(name=name, status=status, runs=tuple(runs), tests_total=len(problem.tests),
                     detail=detail, executable=exe, asm_sha=digest, network_isolated=isolated,
                     contained=contained)


def run_tests(
    exe: Path, problem: Problem, settings: JudgeSettings, baseline_walls: dict[int, float]
) -> tuple[list[TestRun], bool, bool]:
    """Every test in its own sandbox; stops early after a timeout when settings say so.

    Returns the runs, whether every run was cut off from the network, and whether every run
    was contained (bubblewrap) at all.
    """
    runs: list[TestRun] = []
    isolated = contained = True
    for index, test in enumerate(problem.tests):
        limits = settings.limits_for(test.expected, baseline_walls.get(index))
        result = retry_when_busy(partial(run_sandboxed, [exe], stdin=test.stdin, limits=limits))
        isolated = isolated and result.network_isolated
        contained = contained and result.contained
        runs.append(_outcome(index, result, test.expected))
        if result.timed_out and settings.stop_after_timeout:
            break
    return runs, isolated, contained


def classify(runs: list[TestRun], total: int) -> Status:
    passed = sum(1 for r in runs if r.passed)
    if passed == total:
        return Status.CORRECT
    if passed:
        return Status.PARTIAL
    if any(r.crashed for r in runs) or len(runs) < total:
        return Status.RUNTIME_ERROR
    return Status.WRONG_OUTPUT


def _outcome(index: int, result: SandboxResult, expected: bytes) -> TestRun:
    if not result.ok or result.signal is not None:
        return TestRun(index, False, f"test {index}: {result.reason}", result.wall_s,
                       result.cpu_s, crashed=True)
    if result.exit_code != 0:
        tail = result.stderr[-200:].decode(errors="replace").strip()
        detail = f"test {index}: exited {result.exit_code}" + (f" ({tail})" if tail else "")
        return TestRun(index, False, detail, result.wall_s, result.cpu_s, crashed=True)
    if result.stdout != expected:
        return TestRun(index, False, f"test {index}: {first_difference(expected, result.stdout)}",
                       result.wall_s, result.cpu_s)
    return TestRun(index, True, f"test {index}: ok", result.wall_s, result.cpu_s)


def first_difference(expected: bytes, actual: bytes) -> str:
    """Where two outputs part, quoted (short) so the reason fits on one line."""
    want_lines, got_lines = expected.split(b"\n"), actual.split(b"\n")
    for line_no, (want, got) in enumerate(zip(want_lines, got_lines, strict=False), start=1):
        if want != got:
            return f"line {line_no}: expected {_quote(want)}, got {_quote(got)}"
    return f"expected {len(expected)} bytes of output, got {len(actual)}"


def _quote(line: bytes) -> str:
    text = line[:60].decode(errors="replace")
    return repr(text + ("…" if len(line) > 60 else ""))
