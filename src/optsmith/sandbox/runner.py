"""Run one untrusted program contained by bubblewrap, under limits, and always get a result back.

Any program optsmith runs may be miscompiled or hostile (a candidate that hunts for the
expected outputs, writes where it should not, forks, allocates or prints without end), so
each run gets a fresh bubblewrap sandbox (`bwrap.py`: new user, PID, network, IPC, UTS and
cgroup namespaces; a read-only root of shared libraries, or of /usr for a command on PATH; a
private /proc; private size-capped tmpfs /tmp, holding the working directory into which the
program and `files` are copied through descriptors, and /dev/shm; nothing else of the host).
Expected outputs never enter: stdin goes in through a pipe and the caller compares stdout
outside. Inside, our launcher (`launcher.c`) joins the run's cgroup (`cgroup.py`: memory and
tasks capped for the whole tree), sets RLIMIT_CPU, _FSIZE, _AS, _CORE and _NPROC (counted in
the run's own user namespace, so concurrent runs never share a budget), execs the program and
reports its wait status, CPU and clock: `wall_s` runs from just before exec to the reaping,
`cpu_s` is user+sys of the program and the descendants it reaped (exec and the loader,
~0.8 ms, included; 0 for a run we killed). Here we feed stdin, keep at most `output_bytes`
of each output, kill the sandbox at the deadline or the cap (bwrap's --die-with-parent takes
the PID namespace, daemons included, with it) and return once the namespace is gone. Where bwrap
cannot run, runs are refused (OptsmithError) unless `set_unsafe_no_sandbox(True)`: then the
launcher runs directly, as the caller, in a host temporary directory, with the same limits
(no process budget without a cgroup), and results say `contained=False`.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import select
import selectors
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

from optsmith.errors import OptsmithError
from optsmith.sandbox import bwrap, cgroup
from optsmith.sandbox.launcher import launcher_path
from optsmith.sandbox.model import Limits, SandboxResult

_MIN_PATH = "/usr/bin:/bin"
_CHUNK = 1 << 16
_GRACE_S = 5.0  # how long the PID namespace may take to die before we kill its init
_HELPERS = 2  # bwrap's init and our launcher count against the user namespace's NPROC
_unsafe = [False]

Inputs = dict[str, tuple[int, int]]  # name in the working directory -> (descriptor, mode)
Box = tuple[str, tuple[str, ...], str, dict[str, str]]  # bwrap, root, workdir, environment


def set_unsafe_no_sandbox(enabled: bool) -> None:
    """Allow (or forbid again) running programs uncontained where bubblewrap cannot run.

    The CLI's --unsafe-no-sandbox sets this. Results of such runs say `contained=False`.
    """
    _unsafe[0] = bool(enabled)


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
    found = bwrap.find(allow_missing=_unsafe[0])
    workdir = (f"/tmp/optsmith-run-{os.urandom(6).hex()}" if found
               else tempfile.mkdtemp(prefix="optsmith-run-"))
    child_env = {"PATH": _MIN_PATH, "LANG": "C", "HOME": workdir}
    inputs: Inputs = {}
    try:
        for key, value in (env or {}).items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise OptsmithError(f"sandbox environment entries must be str, got "
                                    f"{key!r}={value!r}")
            child_env[key] = value
        path, argv0, system = _resolve(argv[0], files or {}, child_env, inputs)
        run = _Run([path, argv0, *(os.fspath(a) for a in argv[1:])], limits, inputs)
        if found is None:
            _stage(inputs, Path(workdir))
            return run.execute(stdin, None, cwd=workdir, env=child_env)
        root = bwrap.system_root() if system else bwrap.library_root()
        return run.execute(stdin, (found, root, workdir, child_env))
    finally:
        for fd, _mode in inputs.values():
            os.close(fd)
        if found is None:
            shutil.rmtree(workdir, ignore_errors=True)


def _resolve(argv0: str | Path, files: Mapping[str, bytes | Path], env: Mapping[str, str],
             inputs: Inputs) -> tuple[str, str, bool]:
    """Open the executable and `files` into `inputs`: (path to exec, argv[0], from PATH)."""
    for name in files:
        rel = PurePosixPath(name)
        if not name or rel.is_absolute() or ".." in rel.parts or rel == PurePosixPath("."):
            raise OptsmithError(f"sandbox file names must be relative paths inside it, "
                                f"got {name!r}")
    text = os.fspath(argv0)
    key = text[2:] if text.startswith("./") else text
    found = None
    if key not in files and not isinstance(argv0, Path) and "/" not in text:
        found = shutil.which(text, path=env.get("PATH", _MIN_PATH))
        if found is None:
            raise OptsmithError(f"command not found: {text!r} (searched PATH={env.get('PATH')})")
    elif key not in files:
        src = Path(text).absolute()
        if not src.is_file():
            raise OptsmithError(f"executable not found: {src}")
        if not os.access(src, os.X_OK):
            raise OptsmithError(f"not an executable file (no x permission): {src}")
        key = src.name if src.name not in files else f"_exe_{src.name}"
        _add(inputs, key, src, 0o755)
    for name, content in files.items():
        _add(inputs, name, content, 0o755 if name == key else None)
    return (found, text, True) if found else ("./" + key, "./" + key, False)


def _add(inputs: Inputs, name: str, content: bytes | Path, mode: int | None) -> None:
    """One file (a directory: each file in it) as a descriptor; bytes through a memfd."""
    if isinstance(content, bytes | bytearray):
        fd = os.memfd_create("optsmith-input", os.MFD_CLOEXEC)
        inputs[name] = (fd, 0o644 if mode is None else mode)
        os.write(fd, content)
        os.lseek(fd, 0, os.SEEK_SET)
    elif Path(content).is_dir():
        for child in sorted(Path(content).iterdir()):
            _add(inputs, f"{name}/{child.name}", child, None)
    elif Path(content).is_file():
        fd = os.open(content, os.O_RDONLY | os.O_CLOEXEC)
        inputs[name] = (fd, os.fstat(fd).st_mode & 0o777 if mode is None else mode)
    else:
        raise OptsmithError(f"file to copy into the sandbox as {name!r} does not exist: "
                            f"{content}")


def _stage(inputs: Inputs, folder: Path) -> None:
    """Write the inputs into a host directory (the uncontained path)."""
    for name, (fd, mode) in inputs.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        with open(folder / name, "wb") as out:
            while chunk := os.read(fd, _CHUNK):
                out.write(chunk)
        (folder / name).chmod(mode)


class _Run:
    """Start the launcher (in bwrap, or directly), pump its pipes, clean up, report.

    Pump until the launcher reports the exit (or bwrap or the launcher is gone, or the
    deadline or the output cap hits); kill bwrap (whose --die-with-parent ends the PID
    namespace) or, uncontained, the launcher's process group; reap it; wait for the
    namespace's init; empty and remove the cgroup; drain the pipes; report.
    """

    def __init__(self, args: list[str], limits: Limits, inputs: Inputs) -> None:
        self.args, self.limits, self.inputs = args, limits, inputs
        self.sel = selectors.DefaultSelector()
        self.status, self.info = bytearray(), bytearray()
        self.init_pidfd: int | None = None
        self.truncated = self.finished = self.started = False
        self.start = time.monotonic()
        self.deadline = self.start + limits.wall_s

    def execute(self, stdin: bytes, box: Box | None, cwd: str | None = None,
                env: Mapping[str, str] | None = None) -> SandboxResult:
        """`box` is (bwrap, root, workdir, environment) for a contained run, else None."""
        limits, self.contained = self.limits, box is not None
        self.group = cgroup.create(limits.memory_bytes, limits.max_processes + 1)
        (self.status_fd, status_w), (self.info_fd, info_w), (block_r, self.block_fd) = (
            os.pipe2(os.O_CLOEXEC) for _ in range(3))
        launcher = os.open(launcher_path(), os.O_RDONLY | os.O_CLOEXEC)
        cgroups = self.group.join_fds if self.group else []
        cmd = [str(status_w), ",".join(map(str, cgroups)) or "-",
               str(math.ceil(limits.effective_cpu_s)), str(limits.file_bytes),
               str(limits.max_processes + _HELPERS) if box else "-", str(limits.memory_bytes),
               *self.args]
        cmd[:0] = (bwrap.command(box[0], box[1], workdir=box[2], files=self.inputs, env=box[3],
                                 network=limits.network, tmpfs_bytes=limits.memory_bytes,
                                 launcher_fd=launcher, info_fd=info_w, block_fd=block_r)
                   if box else [str(launcher_path())])
        try:
            try:
                self.proc = subprocess.Popen(
                    cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                    cwd=cwd, env=dict(env or {}), start_new_session=True,
                    pass_fds=[status_w, *cgroups, *([info_w, block_r, launcher] if box else []),
                              *(fd for fd, _ in self.inputs.values())])
            except OSError as exc:
                raise OptsmithError(f"could not start {self.args[1]!r}: {exc}") from exc
            finally:
                for fd in (status_w, info_w, block_r, launcher):
                    os.close(fd)
            return self._supervise(stdin)
        finally:
            for fd in (self.status_fd, self.info_fd, self.block_fd):
                if fd >= 0:
                    os.close(fd)
            if self.group is not None:
                self.group.remove()

    def _supervise(self, stdin: bytes) -> SandboxResult:
        proc = self.proc
        assert proc.stdin and proc.stdout and proc.stderr
        self.pidfd = os.pidfd_open(proc.pid)
        self.outputs = {proc.stdout.fileno(): bytearray(), proc.stderr.fileno(): bytearray()}
        self.stdin, self.stdin_fd = memoryview(stdin), proc.stdin.fileno()
        reaped = False
        try:
            for fd in (*self.outputs, self.status_fd, self.info_fd, self.pidfd):
                self.sel.register(fd, selectors.EVENT_READ)
            if stdin:
                os.set_blocking(self.stdin_fd, False)
                self.sel.register(self.stdin_fd, selectors.EVENT_WRITE)
            else:
                proc.stdin.close()
            timed_out = self._pump()
            stopped_at = time.monotonic()
            reaped = self._stop()
            exceeded = self.group.memory_exceeded() if self.group else False
            if self.group is not None:  # also kills what escaped an uncontained run's group
                self.group.remove()
            self._drain()
            return self._result(timed_out, stopped_at, exceeded)
        finally:
            if not reaped:  # interrupted (e.g. KeyboardInterrupt): leave nothing running
                self._stop()
            self.sel.close()
            for pidfd in (self.pidfd, self.init_pidfd):
                if pidfd is not None:
                    os.close(pidfd)
            for stream in (proc.stdin, proc.stdout, proc.stderr):
                stream.close()

    def _pump(self) -> bool:
        """Move data until the program is done or cut off; True if the deadline hit."""
        while not self.finished and not self.truncated:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                return True
            for key, _ in sorted(self.sel.select(remaining),
                                 key=lambda event: event[0].fd != self.info_fd):
                self._handle(key.fd)  # bwrap's report first: see _read_info
        return False

    def _handle(self, fd: int) -> None:
        if fd == self.pidfd:
            self.finished = True
            self.sel.unregister(fd)
        elif fd == self.stdin_fd:
            self._write_stdin()
        else:
            data = os.read(fd, _CHUNK)
            if not data:
                self.sel.unregister(fd)
            if fd == self.info_fd:
                self._read_info(data)
            elif fd == self.status_fd:
                self._read_status(data)
            elif data:
                buf, room = self.outputs[fd], self.limits.output_bytes - len(self.outputs[fd])
                buf += data[:room]
                self.truncated = self.truncated or len(data) > room

    def _read_status(self, data: bytes) -> None:
        self.status += data
        for line in self.status.split(b"\n")[:-1]:
            if line.startswith(b"exec ") and not self.started:  # the program's own deadline
                self.started = True
                self.deadline = float(line.split()[1]) + self.limits.wall_s
            self.finished = self.finished or line.startswith(b"exit ")

    def _read_info(self, data: bytes) -> None:
        """bwrap's report of its init's pid. bwrap waits (--block-fd) until we hold a pidfd
        of that init, so its pid cannot have been reused; the namespace ends when it exits."""
        self.info += data
        if self.init_pidfd is None:  # parse once the JSON is complete, not only at EOF
            with contextlib.suppress(ValueError, KeyError, TypeError, OSError):
                self.init_pidfd = os.pidfd_open(int(json.loads(self.info)["child-pid"]))
        if (self.init_pidfd is not None or not data) and self.block_fd >= 0:
            with contextlib.suppress(OSError):
                os.write(self.block_fd, b"1")
            os.close(self.block_fd)
            self.block_fd = -1

    def _write_stdin(self) -> None:
        try:
            written = os.write(self.stdin_fd, self.stdin[:_CHUNK])
        except BlockingIOError:
            return
        except OSError:  # EPIPE: the program stopped reading; that is its business
            written = len(self.stdin)
        self.stdin = self.stdin[written:]
        if not self.stdin:
            self.sel.unregister(self.stdin_fd)
            self.proc.stdin.close()  # type: ignore[union-attr]

    def _stop(self) -> bool:
        """Kill what is left of the run, reap it, and wait until its PID namespace is gone."""
        if not self.contained:  # the launcher leads the session: kill its group
            with contextlib.suppress(OSError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
        self.proc.wait()
        if self.init_pidfd is not None:
            poller = select.poll()
            poller.register(self.init_pidfd, select.POLLIN)
            if not poller.poll(_GRACE_S * 1000):
                with contextlib.suppress(OSError):
                    signal.pidfd_send_signal(self.init_pidfd, signal.SIGKILL)
                poller.poll(_GRACE_S * 1000)
        return True

    def _drain(self) -> None:
        """Collect output still buffered in the pipes; every writer is dead now."""
        if self.proc.stdin and not self.proc.stdin.closed:
            self.sel.unregister(self.stdin_fd)
            self.proc.stdin.close()
        until = time.monotonic() + 0.5
        while self.sel.get_map() and (remaining := until - time.monotonic()) > 0:
            for key, _ in self.sel.select(remaining):
                self._handle(key.fd)

    def _result(self, timed_out: bool, stopped_at: float, exceeded: bool) -> SandboxResult:
        report: dict[str, str] = {}
        for line in self.status.decode(errors="replace").splitlines():
            key, _, value = line.partition(" ")
            report.setdefault(key, value)
        stdout, stderr = (bytes(buf) for buf in self.outputs.values())
        if "error" in report or ("exec" not in report and not timed_out):
            lines = stderr.decode(errors="replace").strip().splitlines()
            why = report.get("error") or (lines[-1] if lines else f"exit {self.proc.returncode}")
            raise OptsmithError(f"could not start {self.args[1]!r} in the sandbox: {why}")
        exit_code: int | None = None
        killed_by: int | None = signal.SIGKILL
        cpu_s, end = 0.0, stopped_at
        if "exit" in report and not timed_out:
            status, cpu_text, end_text = report["exit"].split()
            cpu_s, end = float(cpu_text), float(end_text)
            code = os.waitstatus_to_exitcode(int(status))
            exit_code, killed_by = (code, None) if code >= 0 else (None, -code)
        return SandboxResult(
            stdout=stdout, stderr=stderr, exit_code=exit_code, signal=killed_by,
            timed_out=timed_out, output_truncated=self.truncated,
            wall_s=max(0.0, end - float(report.get("exec", self.start))), cpu_s=cpu_s,
            network_isolated=self.contained and not self.limits.network,
            contained=self.contained, run_limits=self.group is not None,
            memory_exceeded=exceeded)
