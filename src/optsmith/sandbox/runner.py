"""Run one untrusted program contained by bubblewrap, under limits, and always get a result back.

Every program optsmith runs may be miscompiled or hostile (a candidate that hunts for the
expected outputs, writes where it should not, forks, allocates or prints without end), so each
run gets a fresh bubblewrap sandbox (`bwrap.py`): new user (uid 65534; as root we first drop
to `nobody`), PID, network, IPC, UTS and cgroup namespaces; a read-only root with only the
shared libraries (for a program file) or /usr without Python packages (for a command on PATH
such as gcc, sh or valgrind); a private /proc listing only the run's processes; size-capped
private tmpfs /tmp (holding the working directory, into which the program and `files` are
copied through descriptors) and /dev/shm; a minimal /dev; no network; and nothing else of the
host. Expected outputs never enter: stdin arrives through a pipe and the caller compares
stdout outside. Inside, our launcher (`launcher.c`) joins the run's cgroup (`cgroup.py`:
memory and tasks capped for the whole tree), sets RLIMIT_CPU, _FSIZE, _AS, _CORE and _NPROC
(counted in the run's own user namespace, so concurrent runs never share a process budget),
reads the clock, execs the program and reports its wait status, CPU seconds and exit time:
`wall_s` runs from just before exec to the program's reaping and `cpu_s` is user+sys of the
program and the descendants it reaped (~1 ms for exec and the loader included, as before; ~0
for a killed run). The supervisor here feeds stdin, keeps at most `output_bytes` of each
output, kills the sandbox at the deadline or the cap (bubblewrap's --die-with-parent takes
the PID namespace, daemons included, with it) and returns once the namespace is gone. Where
bubblewrap cannot run, runs are refused with an OptsmithError unless the caller set
`set_unsafe_no_sandbox(True)`: then the launcher runs directly, as the caller, in a temporary
directory of the host, with the same limits, and results say `contained=False`.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import os
import pwd
import select
import selectors
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from optsmith.errors import OptsmithError
from optsmith.sandbox import bwrap, cgroup
from optsmith.sandbox.launcher import launcher_path
from optsmith.sandbox.model import Limits, SandboxResult

_MIN_PATH = "/usr/bin:/bin"
_CHUNK = 1 << 16
_DRAIN_GRACE_S = 0.5  # after the sandbox is gone, how long to wait for pipes to reach EOF
_NAMESPACE_GRACE_S = 5.0  # how long the PID namespace may take to die before we kill its init
_PROBE_EXIT = 125  # the launcher, called without arguments
_HELPERS = 2  # bubblewrap's init and our launcher count against the user namespace's NPROC
_unsafe = {"enabled": False}


def set_unsafe_no_sandbox(enabled: bool) -> None:
    """Allow (or forbid again) running programs uncontained where bubblewrap cannot run.

    The CLI's --unsafe-no-sandbox sets this. Results of such runs say `contained=False`.
    """
    _unsafe["enabled"] = bool(enabled)


@functools.lru_cache(maxsize=4)
def _probe(bwrap_path: str) -> str | None:
    """None if bubblewrap can make our sandbox here, else why not (its own message).

    Runs the launcher without arguments in the library root; it exits 125 at once.
    """
    launcher = os.open(launcher_path(), os.O_RDONLY | os.O_CLOEXEC)
    info_r, info_w = os.pipe2(os.O_CLOEXEC)
    try:
        cmd = bwrap.command(bwrap_path, bwrap.library_root(), workdir="/tmp/probe", files=(),
                            dirs=(), env={}, network=False, tmpfs_bytes=1 << 20,
                            info_fd=info_w, launcher_fd=launcher)
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              pass_fds=(launcher, info_w), env={}, timeout=60, **_identity())
    except (OSError, subprocess.SubprocessError) as exc:
        return str(exc)
    finally:
        for fd in (launcher, info_r, info_w):
            os.close(fd)
    if proc.returncode == _PROBE_EXIT:
        return None
    lines = proc.stderr.strip().splitlines()
    return lines[-1] if lines else f"bwrap exited {proc.returncode}"


def _bubblewrap() -> str | None:
    """Refuse (OptsmithError) unless bubblewrap works here or unsafe runs are allowed."""
    found = shutil.which("bwrap")
    problem = "bubblewrap (bwrap) is not installed" if found is None else _probe(found)
    if problem is None:
        return found
    if _unsafe["enabled"]:
        return None
    raise OptsmithError(f"refusing to run untrusted code without containment: {problem}; "
                        "install bubblewrap (apt-get install bubblewrap) with user namespaces "
                        "enabled, or allow it with --unsafe-no-sandbox")


def _identity() -> dict[str, object]:
    """Popen arguments that drop root to `nobody` before bubblewrap (a no-op for others)."""
    if os.geteuid() != 0:
        return {}
    try:
        entry = pwd.getpwnam("nobody")
        uid, gid = entry.pw_uid, entry.pw_gid
    except KeyError:
        uid = gid = bwrap.SANDBOX_ID
    return {"user": uid, "group": gid, "extra_groups": []}


# --------------------------------------------------------------------------- entry point


def run_sandboxed(
    argv: Sequence[str | Path],
    *,
    stdin: bytes = b"",
    limits: Limits = Limits(),  # noqa: B008 - frozen, so a shared default is safe
    files: Mapping[str, bytes | Path] | None = None,
    env: Mapping[str, str] | None = None,
) -> SandboxResult:
    """Run `argv` in a fresh sandbox under `limits` and report what happened.

    argv[0] is resolved like this: a name of an entry in `files` ("prog" or "./prog") runs that
    copy; any other path (str with a '/', or a Path) is copied into the working directory and
    run as "./name" (with only the shared libraries beside it); a bare name is looked up on
    the child's PATH and run from the system's /usr. Other arguments are passed unchanged, so
    input files must come through `files`. `env` entries are added to (and override) the
    minimal environment PATH=/usr/bin:/bin, LANG=C, HOME=<the working directory>. Raises
    OptsmithError for caller errors and when the program cannot be started or contained.
    """
    if not argv:
        raise OptsmithError("run_sandboxed needs a command, got an empty argv")
    bwrap_path = _bubblewrap()
    workdir = (f"/tmp/optsmith-run-{os.urandom(6).hex()}" if bwrap_path
               else tempfile.mkdtemp(prefix="optsmith-run-"))
    try:
        child_env = _child_env(workdir, env)
        with _Inputs() as inputs:
            program = _resolve(argv[0], files or {}, child_env, inputs)
            args = [program.path, program.argv0, *(os.fspath(a) for a in argv[1:])]
            if bwrap_path is None:
                inputs.stage(Path(workdir))
                return _Launch(args, limits, inputs).run(stdin, workdir, child_env)
            root = bwrap.system_root() if program.system else bwrap.library_root()
            sandbox = _Sandbox(bwrap_path, root, workdir, child_env)
            return _Launch(args, limits, inputs, sandbox).run(stdin)
    finally:
        if bwrap_path is None:
            shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------- preparation


@dataclass
class _Inputs:
    """Files for the working directory as open descriptors (name -> fd, mode), plus dirs."""

    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    dirs: list[str] = field(default_factory=list)

    def __enter__(self) -> _Inputs:
        return self

    def __exit__(self, *_: object) -> None:
        for fd, _mode in self.files.values():
            os.close(fd)

    def add(self, name: str, content: bytes | Path, mode: int | None = None) -> None:
        if isinstance(content, bytes | bytearray):
            fd = os.memfd_create("optsmith-input", os.MFD_CLOEXEC)
            self.files[name] = (fd, 0o644 if mode is None else mode)
            os.write(fd, content)
            os.lseek(fd, 0, os.SEEK_SET)
            return
        src = Path(content)
        if src.is_dir():
            self.dirs.append(name)
            for child in sorted(src.iterdir()):
                self.add(f"{name}/{child.name}", child)
        elif src.is_file():
            fd = os.open(src, os.O_RDONLY | os.O_CLOEXEC)
            self.files[name] = (fd, mode if mode is not None else os.fstat(fd).st_mode & 0o777)
        else:
            raise OptsmithError(f"file to copy into the sandbox as {name!r} does not exist: {src}")

    def stage(self, folder: Path) -> None:
        """Write the files into a host directory (the uncontained path)."""
        for name, (fd, mode) in self.files.items():
            dest = folder / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            with open(dest, "wb") as out:
                while chunk := os.read(fd, _CHUNK):
                    out.write(chunk)
            dest.chmod(mode)


@dataclass(frozen=True)
class _Program:
    path: str  # what the launcher execs: "./name" in the working directory, or absolute
    argv0: str
    system: bool  # a command from PATH: needs the system root, not just the libraries


def _resolve(argv0: str | Path, files: Mapping[str, bytes | Path], env: Mapping[str, str],
             inputs: _Inputs) -> _Program:
    """Open the executable and `files` into `inputs`; say what the launcher execs."""
    for name in files:
        _check_name(name)
    text = os.fspath(argv0)
    key = text[2:] if text.startswith("./") else text
    program = _Program("./" + key, "./" + key, False)
    if key not in files and (isinstance(argv0, Path) or "/" in text):
        src = Path(text).absolute()
        if not src.is_file():
            raise OptsmithError(f"executable not found: {src}")
        if not os.access(src, os.X_OK):
            raise OptsmithError(f"not an executable file (no x permission): {src}")
        key = src.name if src.name not in files else f"_exe_{src.name}"
        program = _Program("./" + key, "./" + key, False)
        inputs.add(key, src, 0o755)
    elif key not in files:
        found = shutil.which(text, path=env.get("PATH", _MIN_PATH))
        if found is None:
            raise OptsmithError(f"command not found: {text!r} (searched PATH={env.get('PATH')})")
        program = _Program(found, text, True)
    for name, content in files.items():
        inputs.add(name, content, 0o755 if name == key else None)
    return program


def _check_name(name: str) -> None:
    rel = PurePosixPath(name)
    if not name or rel.is_absolute() or ".." in rel.parts or rel == PurePosixPath("."):
        raise OptsmithError(f"sandbox file names must be relative paths inside it, got {name!r}")


def _child_env(workdir: str, env: Mapping[str, str] | None) -> dict[str, str]:
    result = {"PATH": _MIN_PATH, "LANG": "C", "HOME": workdir}
    for key, value in (env or {}).items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise OptsmithError(f"sandbox environment entries must be str, got {key!r}={value!r}")
        result[key] = value
    return result


# --------------------------------------------------------------------------- launching


@dataclass(frozen=True)
class _Sandbox:
    bwrap: str
    root: tuple[str, ...]
    workdir: str
    env: dict[str, str]


@dataclass
class _Launch:
    """One run's descriptors and command line: launcher arguments, pipes, cgroup."""

    args: list[str]  # what the launcher execs: path, argv0, arguments
    limits: Limits
    inputs: _Inputs
    sandbox: _Sandbox | None = None

    def run(self, stdin: bytes, cwd: str | None = None,
            env: Mapping[str, str] | None = None) -> SandboxResult:
        limits = self.limits
        group = cgroup.create(limits.memory_bytes, limits.max_processes + 1)
        status_r, status_w = os.pipe2(os.O_CLOEXEC)
        info_r, info_w = os.pipe2(os.O_CLOEXEC)
        block_r, block_w = os.pipe2(os.O_CLOEXEC)
        launcher = os.open(launcher_path(), os.O_RDONLY | os.O_CLOEXEC)
        passed = [status_w, info_w, block_r, launcher, *(group.procs_fds if group else ()),
                  *(fd for fd, _ in self.inputs.files.values())]
        try:
            cmd = self._command(status_w, info_w, block_r, launcher, group)
            try:
                proc = subprocess.Popen(
                    cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                    cwd=cwd, env=dict(env or {}), start_new_session=True, pass_fds=passed,
                    **(_identity() if self.sandbox else {}))
            except OSError as exc:
                raise OptsmithError(f"could not start {self.args[1]!r}: {exc}") from exc
            finally:
                for fd in (status_w, info_w, block_r):
                    os.close(fd)
            watcher = _Supervisor(proc, stdin, limits, status_r, group, self.args[1],
                                  (info_r, block_w) if self.sandbox else None)
            return watcher.run()
        finally:
            for fd in (status_r, info_r, launcher):
                os.close(fd)
            with contextlib.suppress(OSError):
                os.close(block_w)
            if group is not None:
                group.remove()

    def _command(self, status: int, info: int, block: int, launcher: int,
                 group: cgroup.RunCgroup | None) -> list[str]:
        limits = self.limits
        nproc = str(limits.max_processes + _HELPERS) if self.sandbox else "-"
        joined = ",".join(map(str, group.procs_fds)) if group else "-"
        own = [str(status), joined, str(math.ceil(limits.effective_cpu_s)),
               str(limits.file_bytes), nproc, str(limits.memory_bytes), *self.args]
        if self.sandbox is None:
            return [str(launcher_path()), *own]
        box = self.sandbox
        files = [(fd, name, mode) for name, (fd, mode) in self.inputs.files.items()]
        cmd = bwrap.command(box.bwrap, box.root, workdir=box.workdir, files=files,
                            dirs=self.inputs.dirs, env=box.env, network=limits.network,
                            tmpfs_bytes=limits.memory_bytes, info_fd=info, launcher_fd=launcher)
        return [*cmd[:-2], "--block-fd", str(block), *cmd[-2:], *own]


# --------------------------------------------------------------------------- supervision


class _Supervisor:
    """The parent's side of one run: feed stdin, collect capped output, enforce the deadline.

    Phases: pump until the launcher reports the exit (or bubblewrap or the launcher is gone,
    or the deadline or the output cap hits); kill bubblewrap (its --die-with-parent ends the
    PID namespace) or, uncontained, the launcher's process group; reap it; wait until the
    namespace's init and the cgroup are empty; drain the pipes; report.
    """

    def __init__(self, proc: subprocess.Popen[bytes], stdin: bytes, limits: Limits,
                 status_fd: int, group: cgroup.RunCgroup | None, name: str,
                 handshake: tuple[int, int] | None) -> None:
        assert proc.stdin and proc.stdout and proc.stderr
        self.proc, self.limits, self.group, self.name = proc, limits, group, name
        self.sel = selectors.DefaultSelector()
        self.out_fd, self.err_fd = proc.stdout.fileno(), proc.stderr.fileno()
        self.outputs = {self.out_fd: bytearray(), self.err_fd: bytearray()}
        self.status_fd, self.status = status_fd, bytearray()
        self.contained = handshake is not None
        self.info_fd, self.block_fd = handshake or (None, None)
        self.info = bytearray()
        self.init_pidfd: int | None = None
        self.stdin_data, self.stdin_pos = memoryview(stdin), 0
        self.truncated = self.finished = self.reaped = self.started = False
        self.start = time.monotonic()
        self.deadline = self.start + limits.wall_s
        self.pidfd = os.pidfd_open(proc.pid)

    def run(self) -> SandboxResult:
        try:
            self._register()
            timed_out = self._pump()
            stopped_at = time.monotonic()
            self._stop()
            exceeded = self.group.memory_exceeded() if self.group else False
            if self.group is not None:  # kills what escaped an uncontained run's group
                self.group.remove()
            self._drain()
            return self._result(timed_out, stopped_at, exceeded)
        finally:
            if not self.reaped:  # interrupted (e.g. KeyboardInterrupt): leave nothing running
                self._stop()
            self._close()

    def _register(self) -> None:
        assert self.proc.stdin
        for fd in (*self.outputs, self.status_fd, self.pidfd):
            self.sel.register(fd, selectors.EVENT_READ)
        if self.info_fd is not None:
            self.sel.register(self.info_fd, selectors.EVENT_READ)
        if self.stdin_data:
            os.set_blocking(self.proc.stdin.fileno(), False)
            self.sel.register(self.proc.stdin.fileno(), selectors.EVENT_WRITE)
        else:
            self.proc.stdin.close()

    def _pump(self) -> bool:
        """Move data until the program is done or cut off; True if the deadline hit."""
        while not self.finished and not self.truncated:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                return True
            events = sorted(self.sel.select(remaining), key=lambda e: e[0].fd != self.info_fd)
            for key, _ in events:  # the sandbox's init first: see _read_info
                self._handle(key.fd)
        return False

    def _handle(self, fd: int) -> None:
        if fd in self.outputs:
            self._read_output(fd)
        elif fd == self.status_fd:
            self._read_status()
        elif fd == self.info_fd:
            self._read_info()
        elif fd == self.pidfd:
            self.finished = True
            self.sel.unregister(fd)
        else:
            self._write_stdin()

    def _read_output(self, fd: int) -> None:
        data = os.read(fd, _CHUNK)
        if not data:
            self.sel.unregister(fd)
            return
        buf = self.outputs[fd]
        room = self.limits.output_bytes - len(buf)
        buf += data[:room]
        if len(data) > room:
            self.truncated = True

    def _read_status(self) -> None:
        data = os.read(self.status_fd, _CHUNK)
        if not data:
            self.sel.unregister(self.status_fd)
            return
        self.status += data
        for line in self.status.split(b"\n")[:-1]:
            if line.startswith(b"exec ") and not self.started:  # the program's own deadline
                self.started = True
                self.deadline = float(line.split()[1]) + self.limits.wall_s
            self.finished = self.finished or line.startswith(b"exit ")

    def _read_info(self) -> None:
        """bubblewrap's report of its init's pid; only then may the launcher start.

        We take a pidfd of the init (the PID namespace ends only when it has exited) while
        bubblewrap blocks on --block-fd, so that pid cannot have been reused yet.
        """
        assert self.info_fd is not None and self.block_fd is not None
        data = os.read(self.info_fd, _CHUNK)
        self.info += data
        if data:
            return
        self.sel.unregister(self.info_fd)
        with contextlib.suppress(ValueError, KeyError, TypeError, OSError):
            self.init_pidfd = os.pidfd_open(int(json.loads(self.info)["child-pid"]))
        with contextlib.suppress(OSError):
            os.write(self.block_fd, b"1")
        os.close(self.block_fd)
        self.block_fd = None

    def _write_stdin(self) -> None:
        assert self.proc.stdin
        fd = self.proc.stdin.fileno()
        try:
            self.stdin_pos += os.write(fd, self.stdin_data[self.stdin_pos:self.stdin_pos + _CHUNK])
        except BlockingIOError:
            return
        except OSError:  # EPIPE: the program stopped reading; that is its business
            self.stdin_pos = len(self.stdin_data)
        if self.stdin_pos >= len(self.stdin_data):
            self.sel.unregister(fd)
            self.proc.stdin.close()

    def _stop(self) -> None:
        """Kill what is left of the run and make sure it is gone before returning."""
        if not self.contained:  # the launcher leads the session: kill its group
            with contextlib.suppress(OSError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
        if not self.reaped:
            _, status = os.waitpid(self.proc.pid, 0)
            self.proc.returncode = os.waitstatus_to_exitcode(status)
            self.reaped = True
        if self.init_pidfd is not None:
            _await_exit(self.init_pidfd)

    def _drain(self) -> None:
        """Collect output still buffered in the pipes; every writer is dead now."""
        if self.proc.stdin and not self.proc.stdin.closed:
            self.sel.unregister(self.proc.stdin.fileno())
            self.proc.stdin.close()
        until = time.monotonic() + _DRAIN_GRACE_S
        readers: dict[int, Callable[[], None]] = {
            self.status_fd: self._read_status,
            **{fd: functools.partial(self._read_output, fd) for fd in self.outputs}}
        while any(fd in self.sel.get_map() for fd in readers):
            remaining = until - time.monotonic()
            if remaining <= 0:
                return
            for key, _ in self.sel.select(remaining):
                readers.get(key.fd, functools.partial(self.sel.unregister, key.fd))()

    def _result(self, timed_out: bool, stopped_at: float, exceeded: bool) -> SandboxResult:
        report = _parse_status(bytes(self.status))
        stderr = bytes(self.outputs[self.err_fd])
        if "error" in report:
            raise OptsmithError(f"could not start {self.name!r} in the sandbox: "
                                f"{report['error']}")
        if "exec" not in report and not timed_out:
            lines = stderr.decode(errors="replace").strip().splitlines()
            why = lines[-1] if lines else f"exit status {self.proc.returncode}"
            raise OptsmithError(f"could not start {self.name!r} in the sandbox: {why}")
        exec_at = float(report.get("exec", self.start))
        exit_code, killed_by, cpu_s, end = None, int(signal.SIGKILL), 0.0, stopped_at
        if "exit" in report and not timed_out:
            raw, cpu_text, end_text = report["exit"].split()
            status, cpu_s, end = int(raw), float(cpu_text), float(end_text)
            exit_code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
            killed_by = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        return SandboxResult(
            stdout=bytes(self.outputs[self.out_fd]), stderr=stderr, exit_code=exit_code, signal=killed_by,
            timed_out=timed_out, output_truncated=self.truncated,
            wall_s=max(0.0, end - exec_at), cpu_s=cpu_s,
            network_isolated=self.contained and not self.limits.network,
            contained=self.contained, run_limits=self.group is not None,
            memory_exceeded=exceeded)

    def _close(self) -> None:
        self.sel.close()
        for fd in (self.pidfd, self.init_pidfd):
            if fd is not None:
                os.close(fd)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


def _await_exit(pidfd: int) -> None:
    """Wait for a process (the namespace's init) to exit; SIGKILL it if it takes too long."""
    poller = select.poll()
    poller.register(pidfd, select.POLLIN)
    if not poller.poll(_NAMESPACE_GRACE_S * 1000):
        with contextlib.suppress(OSError):
            signal.pidfd_send_signal(pidfd, signal.SIGKILL)
        poller.poll(_NAMESPACE_GRACE_S * 1000)


def _parse_status(data: bytes) -> dict[str, str]:
    report: dict[str, str] = {}
    for line in data.decode(errors="replace").splitlines():
        key, _, value = line.partition(" ")
        report.setdefault(key, value)
    return report
