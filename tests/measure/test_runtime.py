"""Timing and instruction counting on real, small C programs (sources in tests/sandbox/hostile/)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from optsmith.errors import OptionError, OptsmithError, ToolchainError
from optsmith.measure import Timing, count_instructions, runtime, time_interleaved, time_runs
from optsmith.sandbox import SandboxResult, run_sandboxed

HOSTILE = Path(__file__).parents[1] / "sandbox" / "hostile"

pytestmark = pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc is needed")
needs_valgrind = pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind missing")


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    out = tmp_path_factory.mktemp("runtime-bin")

    def compile_one(name: str) -> Path:
        exe = out / name
        if not exe.exists():
            subprocess.run(["gcc", "-O1", "-o", str(exe), str(HOSTILE / f"{name}.c")],
                           check=True, capture_output=True)
        return exe

    return compile_one


def test_time_runs_returns_repeats_samples(build: Callable[[str], Path]) -> None:
    timing = time_runs([build("work"), "200000"], repeats=4, warmup=1)
    assert len(timing.samples_s) == 4 and len(timing.cpu_samples_s) == 4
    assert all(0 < s < 5 for s in timing.samples_s)
    assert min(timing.samples_s) <= timing.median_s <= max(timing.samples_s)
    assert timing.spread >= 0
    assert timing.cpu_median_s is not None


def test_time_runs_raises_on_failure_with_reason(build: Callable[[str], Path]) -> None:
    with pytest.raises(OptsmithError, match="exited 7"):
        time_runs([build("exit_code"), "7"], repeats=2)
    with pytest.raises(OptionError, match="repeats"):
        time_runs([build("exit_code")], repeats=0)


def test_time_interleaved_alternates(build: Callable[[str], Path],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The order of the real sandboxed runs, recorded on their way in (a sandboxed program
    can no longer leave a log anywhere on the host)."""
    order: list[str] = []

    def recording(argv: list[str | Path], **kwargs: object) -> SandboxResult:
        order.append(str(argv[1]))
        return run_sandboxed(argv, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runtime, "run_sandboxed", recording)
    echo = build("echo")
    cmds: dict[str, tuple[list[str | Path], bytes]] = {
        name: ([echo, name], b"") for name in ("A", "B")
    }
    timings = time_interleaved(cmds, repeats=3, warmup=1)
    assert order == ["A", "B"] * 4
    assert set(timings) == {"A", "B"}
    assert all(len(t.samples_s) == 3 for t in timings.values())


def test_timing_statistics() -> None:
    timing = Timing((1.0, 2.0, 3.0, 4.0, 100.0))
    assert timing.median_s == 3.0
    assert timing.mean_s == 22.0
    assert timing.spread == pytest.approx((4.0 - 2.0) / 3.0)  # the outlier does not count
    assert Timing((0.5,)).spread == 0.0
    assert Timing((1.0, 3.0)).spread == pytest.approx(0.5)
    with pytest.raises(ValueError):
        Timing(())


@needs_valgrind
def test_count_instructions_repeatable_and_monotone(build: Callable[[str], Path]) -> None:
    work = build("work")
    small = count_instructions([work, "1000"])
    again = count_instructions([work, "1000"])
    large = count_instructions([work, "100000"])
    assert small == again
    assert large > small + 100_000  # several instructions per extra iteration
    assert small > 10_000  # start-up alone runs many


def test_count_instructions_without_valgrind(
    build: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = build("work")
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no valgrind on PATH
    with pytest.raises(ToolchainError, match="apt-get install valgrind"):
        count_instructions([work])


def test_paired_time_follows_the_candidate_through_noise_that_slows_both() -> None:
    """A candidate twice as fast in every round is half the reference's median, whatever
    the machine did to a round."""
    reference = [1.0, 1.1, 5.0, 1.05, 0.95]          # round 3 slowed by another process
    candidate = [r / 2 for r in reference]
    assert runtime.paired_time(reference, candidate) == pytest.approx(1.05 / 2)
    assert runtime.paired_time(reference, reference) == pytest.approx(1.05)
    assert runtime.paired_time([1.0], [0.0]) == 0.0  # a zero time: no division error
