"""The sandbox against real hostile programs (sources in hostile/), compiled with gcc."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from optsmith.errors import OptsmithError
from optsmith.sandbox import Limits, SandboxResult, run_sandboxed

IS_ROOT = os.geteuid() == 0

pytestmark = pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc is needed")


def kernel_allows_namespaces() -> bool:
    """Whether this machine lets us make network/PID namespaces (so the sandbox must too)."""
    if shutil.which("unshare") is None:
        return False
    cmd = ["unshare", "--net", "--pid", "--fork", "true"]
    if not IS_ROOT:
        cmd.insert(1, "--user")
    return subprocess.run(cmd, capture_output=True).returncode == 0


NAMESPACES = kernel_allows_namespaces()


def processes_with(marker: str) -> list[int]:
    """Live processes whose command line mentions `marker` (zombies have none)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def timed(fn: Callable[[], SandboxResult]) -> tuple[SandboxResult, float]:
    start = time.monotonic()
    result = fn()
    return result, time.monotonic() - start


def test_args_stdin_and_exact_output(build: Callable[[str], Path]) -> None:
    stdin = b"".join(b"line %d\n" % i for i in range(400_000))  # ~5 MiB: both pipes fill up
    result = run_sandboxed([build("echo"), "one", "two words"], stdin=stdin)
    assert result.stdout == b"arg:one\narg:two words\n" + stdin
    assert result.stderr == b"done\n"
    assert (result.exit_code, result.signal, result.ok) == (0, None, True)
    assert result.reason == "exited 0"
    assert not result.timed_out and not result.output_truncated


def test_exit_code_is_propagated(build: Callable[[str], Path]) -> None:
    result = run_sandboxed([build("exit_code"), "42"])
    assert result.exit_code == 42
    assert result.signal is None
    assert result.ok  # exited by itself; the code's value is the caller's business
    assert result.reason == "exited 42"


def test_minimal_environment_and_files(build: Callable[[str], Path]) -> None:
    result = run_sandboxed(["env"], env={"EXTRA": "1"})
    lines = dict(line.split("=", 1) for line in result.stdout.decode().splitlines())
    assert set(lines) == {"PATH", "LANG", "HOME", "EXTRA"}
    assert lines["PATH"] == "/usr/bin:/bin" and lines["LANG"] == "C"
    assert lines["HOME"].startswith("/") and not Path(lines["HOME"]).exists()
    cat = run_sandboxed(["cat", "in/data.txt"], files={"in/data.txt": b"payload"})
    assert cat.stdout == b"payload"
    own = run_sandboxed(["./prog", "7"], files={"prog": build("exit_code")})
    assert own.exit_code == 7


@pytest.mark.skipif(not IS_ROOT, reason="the uid drop happens only when running as root")
def test_runs_as_nobody_when_root() -> None:
    result = run_sandboxed(["id", "-u"])
    assert result.stdout == b"65534\n"


def test_infinite_loop_times_out(build: Callable[[str], Path]) -> None:
    result, elapsed = timed(lambda: run_sandboxed([build("spin")], limits=Limits(wall_s=1.0)))
    assert result.timed_out and not result.ok
    assert result.exit_code is None and result.signal == signal.SIGKILL
    assert 1.0 <= result.wall_s < 2.0
    assert elapsed < 2.5
    assert result.reason.startswith("timed out after 1.0s wall")


def test_cpu_limit_kills_with_sigxcpu(build: Callable[[str], Path]) -> None:
    result = run_sandboxed([build("spin")], limits=Limits(wall_s=8.0, cpu_s=1.0))
    assert not result.timed_out
    assert result.signal == signal.SIGXCPU
    assert "SIGXCPU" in result.reason
    assert result.cpu_s >= 0.9


def test_unbounded_output_is_cut_off(build: Callable[[str], Path]) -> None:
    cap = 1 << 20
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result, elapsed = timed(
        lambda: run_sandboxed([build("flood")], limits=Limits(wall_s=10.0, output_bytes=cap)))
    rss_growth_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    assert result.output_truncated and not result.ok and not result.timed_out
    assert result.stdout == b"y" * cap
    assert result.reason == "output exceeded 1 MiB"
    assert elapsed < 3.0
    assert rss_growth_kib < 64 * 1024


def test_fork_bomb_is_contained_and_cleaned_up(build: Callable[[str], Path]) -> None:
    marker = f"bomb-{uuid.uuid4().hex}"
    result, elapsed = timed(lambda: run_sandboxed(
        [build("forkbomb"), marker], limits=Limits(wall_s=1.5, max_processes=32)))
    assert result.timed_out and not result.ok
    assert elapsed < 5.0
    assert processes_with(marker) == []
    # The machine is still usable: a normal run right after is quick and correct.
    after, after_s = timed(lambda: run_sandboxed([build("exit_code"), "3"]))
    assert after.exit_code == 3 and after_s < 2.0


def test_unbounded_allocation_fails(build: Callable[[str], Path]) -> None:
    limits = Limits(wall_s=10.0, memory_bytes=256 << 20)
    result, elapsed = timed(lambda: run_sandboxed([build("membomb")], limits=limits))
    assert not result.ok and not result.timed_out
    assert result.signal == signal.SIGABRT and "SIGABRT" in result.reason
    assert b"out of memory" in result.stderr
    assert elapsed < 5.0


@pytest.mark.skipif(not IS_ROOT, reason="only the uid drop (as root) makes /etc unwritable")
def test_cannot_write_outside_its_directory(build: Callable[[str], Path]) -> None:
    marker = uuid.uuid4().hex
    targets = [Path(f"/etc/optsmith_test_{marker}"), Path(f"/root/optsmith_test_{marker}")]
    try:
        result = run_sandboxed([build("escape"), *targets])
        assert result.exit_code == 1, result.stdout
        assert result.stdout.count(b"refused") == 2
        assert not any(t.exists() for t in targets)
    finally:
        for target in targets:
            target.unlink(missing_ok=True)


def test_network_is_isolated(build: Callable[[str], Path]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        port = str(server.getsockname()[1])
        open_net = run_sandboxed([build("connect"), port], limits=Limits(network=True))
        assert open_net.stdout == b"connected\n"  # the probe works when allowed
        assert not open_net.network_isolated
        closed = run_sandboxed([build("connect"), port])
    assert closed.network_isolated == NAMESPACES
    if not NAMESPACES:
        pytest.skip("this kernel/container refuses new network namespaces")
    assert closed.exit_code == 1
    assert closed.stdout.startswith(b"connect: ")


def test_killed_by_signal(build: Callable[[str], Path]) -> None:
    result = run_sandboxed([build("segv")])
    assert result.signal == signal.SIGSEGV and result.exit_code is None
    assert not result.ok
    assert result.reason == "killed by signal 11 (SIGSEGV)"


def test_daemonized_child_is_killed(build: Callable[[str], Path]) -> None:
    marker = f"daemon-{uuid.uuid4().hex}"
    result, elapsed = timed(lambda: run_sandboxed([build("daemon"), marker]))
    assert result.exit_code == 0
    assert elapsed < 8.0  # not left to the 10 s wall limit (loose: CI machines are loaded)
    assert processes_with(marker) == []


@pytest.mark.skipif(not NAMESPACES, reason="only a PID namespace catches this one")
def test_daemon_that_closes_every_descriptor_is_killed(build: Callable[[str], Path]) -> None:
    marker = f"daemon-{uuid.uuid4().hex}"
    result, elapsed = timed(lambda: run_sandboxed([build("daemon"), marker, "closeall"]))
    assert result.exit_code == 0
    assert elapsed < 8.0  # not left to the 10 s wall limit (loose: CI machines are loaded)
    assert processes_with(marker) == []


def test_max_processes_is_enforced(build: Callable[[str], Path]) -> None:
    result = run_sandboxed([build("forkcount")], limits=Limits(max_processes=10))
    assert result.exit_code == 0
    # The program itself is one of the 10 (as `nobody`, other `nobody` processes count too).
    assert 1 <= int(result.stdout) <= 9


def test_fresh_directory_per_run_removed_afterwards(build: Callable[[str], Path]) -> None:
    first = run_sandboxed([build("fresh"), "write"])
    assert first.exit_code == 0, first.reason
    second = run_sandboxed([build("fresh"), "check"])
    assert second.exit_code == 0, "the marker from run 1 leaked into run 2"
    first_dir, second_dir = first.stdout.strip(), second.stdout.strip()
    assert first_dir != second_dir
    assert not os.path.exists(first_dir)  # even though the child chmod'ed it and a subdir
    assert not os.path.exists(second_dir)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("wall_s", 0),
        ("wall_s", -1.0),
        ("wall_s", float("nan")),
        ("wall_s", float("inf")),
        ("wall_s", "10"),
        ("cpu_s", 0.0),
        ("memory_bytes", 0),
        ("memory_bytes", 1.5),
        ("file_bytes", -1),
        ("max_processes", 0),
        ("max_processes", True),
        ("output_bytes", 0),
        ("network", "no"),
    ],
)
def test_limits_validation(field: str, value: object) -> None:
    with pytest.raises(ValueError, match=field) as info:
        Limits(**{field: value})
    assert repr(value) in str(info.value)


def test_limits_defaults() -> None:
    limits = Limits()
    assert limits.effective_cpu_s == 11
    assert Limits(wall_s=2.5).effective_cpu_s == 4
    assert Limits(cpu_s=0.5).effective_cpu_s == 0.5


def test_caller_errors_raise(tmp_path: Path, build: Callable[[str], Path]) -> None:
    with pytest.raises(OptsmithError, match="executable not found"):
        run_sandboxed([tmp_path / "missing"])
    with pytest.raises(OptsmithError, match="command not found"):
        run_sandboxed(["optsmith-no-such-command"])
    not_exe = tmp_path / "data.txt"
    not_exe.write_text("hello")
    with pytest.raises(OptsmithError, match="not an executable"):
        run_sandboxed([not_exe])
    not_exe.chmod(0o755)  # executable bits, but neither ELF nor a script
    with pytest.raises(OptsmithError, match="could not start"):
        run_sandboxed([not_exe])
    with pytest.raises(OptsmithError, match="relative paths"):
        run_sandboxed(["cat"], files={"../escape": b"x"})
    with pytest.raises(OptsmithError, match="empty argv"):
        run_sandboxed([])
