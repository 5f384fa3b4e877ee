"""Run untrusted (or freshly optimized) executables under limits, and always get a result back.

Every program optsmith measures was produced by a search that may have miscompiled it, so a run
must survive infinite loops, fork bombs, unbounded output or memory, and attempts to write
outside its directory or reach the network. `run_sandboxed` contains those and reports them in a
`SandboxResult`; it raises only for caller errors (missing executable, bad `files` names).

How one run is contained (Linux only):

* A fresh temporary directory is the child's cwd and HOME; `files` and the executable are copied
  in, and the directory is removed afterwards whatever the child did to it.
* The child starts a new session; limits are set with setrlimit (CPU, address space, file
  size, processes, no core dumps) and PR_SET_NO_NEW_PRIVS stops setuid binaries from helping.
* Parent running as root: the child drops to `nobody` (setgroups([]), setresgid, setresuid)
  after the limits are set, so RLIMIT_NPROC is enforced and root-owned places (/etc, /root) are
  not writable. Not root: no uid change, but a user namespace is tried so that the two
  namespaces below still work (the program then sees itself as the unmapped uid 65534);
  RLIMIT_NPROC is `max_processes` plus our two helpers inside a user namespace (counts start
  afresh there), else plus the tasks the user already runs (the count is per real uid).
* Network: with `network=False` the child enters a new network namespace (only a down loopback:
  connect() fails, even to 127.0.0.1). If the kernel refuses (no CAP_SYS_ADMIN, e.g. a default
  Docker container), the run goes on and `network_isolated` is False.
* Leftover processes: where a PID namespace can be made (same conditions as the network one), a
  small init process of ours is PID 1 in it and the program is PID 2; when the program exits,
  is timed out or is cut off, that init exits and the kernel kills every process left in the
  namespace before we return. Nothing can escape that (setsid, double fork, daemon(3)
  included). Without a PID namespace the whole process group is killed, then any process still
  holding a descriptor inherited from the sandbox (an extra pipe, visible to the program as one
  open fd > 2, kept for exactly this purpose) is found in /proc and killed; only a process that
  both left the process group and closed every inherited descriptor survives that fallback.
  PR_SET_PDEATHSIG ties the chain to the calling thread: if Python dies, the run dies too.
* Timeouts and output caps kill the whole process group with SIGKILL (and so the namespace).
* Timing: `wall_s` runs from just before exec (read in the child) to the exit as the namespace
  init (or, without one, the parent) sees it; `cpu_s` is user+sys of the program and the
  processes reaped in the run, minus the child's CPU before exec. exec itself is included, and
  it tears down the forked interpreter's address space: a roughly constant ~1-2 ms. For a run
  that was killed (timeout, output cap) `cpu_s` only covers what was reaped, so may be ~0.

Caveats: concurrent sandboxes share the `nobody` uid, so they share its RLIMIT_NPROC budget
(if `nobody` already runs `max_processes` tasks, exec fails with EAGAIN and this raises
OptsmithError); world-writable places (/tmp, /dev/shm) stay writable; `preexec_fn` runs Python
in the forked child, so calling this from a process whose other threads hold C-level locks is at
the usual `subprocess` risk.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import os
import pwd
import resource
import select
import selectors
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import NoReturn

from optsmith.errors import OptsmithError

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWPID = 0x20000000
_CLONE_NEWNET = 0x40000000
_PR_SET_PDEATHSIG = 1
_PR_SET_NO_NEW_PRIVS = 38
_NOBODY_FALLBACK = (65534, 65534)
_CHUNK = 1 << 16
_DRAIN_GRACE_S = 0.5  # after the program is gone, how long to wait for pipes to reach EOF
_SWEEP_TIMEOUT_S = 2.0  # how long to keep killing leftover processes before giving up
_POLL_S = 0.01  # exit polling interval when pidfd_open is unavailable
_MIN_PATH = "/usr/bin:/bin"

_libc = ctypes.CDLL(None, use_errno=True)


# --------------------------------------------------------------------------- public types


@dataclass(frozen=True, kw_only=True)
class Limits:
    """Resource limits for one sandboxed run; validated on construction."""

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
            raise ValueError(f"Limits.network must be True or False, got {self.network!r}")

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
        raise ValueError(f"Limits.{name} must be a positive, finite number of seconds, "
                         f"got {value!r}")


def _require_int(name: str, value: object, *, minimum: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ValueError(f"Limits.{name} must be an integer >= {minimum}, got {value!r}")


@dataclass(frozen=True)
class SandboxResult:
    """What one run did. `ok` ignores the exit code's value: compare `exit_code` yourself."""

    stdout: bytes
    stderr: bytes
    exit_code: int | None
    signal: int | None
    timed_out: bool
    output_truncated: bool
    wall_s: float
    cpu_s: float
    network_isolated: bool

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
            return f"killed by signal {self.signal} ({_signal_name(self.signal)})"
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


# --------------------------------------------------------------------------- entry point


def run_sandboxed(
    argv: Sequence[str | Path],
    *,
    stdin: bytes = b"",
    limits: Limits = Limits(),  # noqa: B008 - frozen, so a shared default is safe
    files: Mapping[str, bytes | Path] | None = None,
    env: Mapping[str, str] | None = None,
) -> SandboxResult:
    """Run `argv` in a fresh directory under `limits` and report what happened.

    argv[0] is resolved like this: a name of an entry in `files` ("prog" or "./prog") runs that
    copy; any other path (str with a '/', or a Path) is copied into the directory (so binaries
    built in a private temp dir stay runnable after the uid drop) and run as "./name"; a bare
    name is looked up on the child's PATH. Other arguments are passed unchanged, so input files
    must come through `files`. `env` entries are added to (and override) the minimal
    environment PATH=/usr/bin:/bin, LANG=C, HOME=<the directory>.
    """
    if not argv:
        raise OptsmithError("run_sandboxed needs a command, got an empty argv")
    files = dict(files or {})
    identity = _unprivileged_identity()
    workdir = _make_workdir(shared=identity is not None)
    try:
        _populate(workdir, files)
        child_env = _child_env(workdir, env)
        argv0, executable = _place_executable(argv[0], workdir, files, child_env)
        if identity is not None:
            _chown_tree(workdir, identity)
        args = [argv0, *(os.fspath(a) for a in argv[1:])]
        return _execute(args, executable, workdir, stdin, limits, child_env, identity)
    finally:
        _remove_tree(workdir)


# --------------------------------------------------------------------------- preparation


def _unprivileged_identity() -> tuple[int, int] | None:
    """(uid, gid) of `nobody` when we are root and must drop privileges, else None."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam("nobody")
    except KeyError:
        return _NOBODY_FALLBACK
    return entry.pw_uid, entry.pw_gid


def _make_workdir(*, shared: bool) -> Path:
    """A fresh private directory; when the child will be `nobody`, one it can reach."""
    candidates = [tempfile.gettempdir(), "/tmp", "/var/tmp", "/dev/shm"]
    for base in candidates if shared else candidates[:1]:
        if not shared or _traversable_by_others(Path(base)):
            return Path(tempfile.mkdtemp(prefix="optsmith-run-", dir=base))
    raise OptsmithError(f"no temporary directory that user nobody can enter among {candidates}")


def _traversable_by_others(path: Path) -> bool:
    try:
        resolved = path.resolve(strict=True)
        return all(p.stat().st_mode & stat.S_IXOTH for p in (resolved, *resolved.parents))
    except OSError:
        return False


def _inside(workdir: Path, name: str) -> Path:
    rel = PurePosixPath(name)
    if not name or rel.is_absolute() or ".." in rel.parts or rel == PurePosixPath("."):
        raise OptsmithError(f"sandbox file names must be relative paths inside it, got {name!r}")
    return workdir / rel


def _populate(workdir: Path, files: Mapping[str, bytes | Path]) -> None:
    for name, content in files.items():
        dest = _inside(workdir, name)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes | bytearray):
            dest.write_bytes(content)
            continue
        src = Path(content)
        if src.is_dir():
            shutil.copytree(src, dest)
        elif src.is_file():
            shutil.copy(src, dest)
        else:
            raise OptsmithError(f"file to copy into the sandbox as {name!r} does not exist: {src}")


def _child_env(workdir: Path, env: Mapping[str, str] | None) -> dict[str, str]:
    result = {"PATH": _MIN_PATH, "LANG": "C", "HOME": str(workdir)}
    for key, value in (env or {}).items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise OptsmithError(f"sandbox environment entries must be str, got {key!r}={value!r}")
        result[key] = value
    return result


def _place_executable(
    argv0: str | Path, workdir: Path, files: Mapping[str, bytes | Path], env: Mapping[str, str]
) -> tuple[str, str]:
    """(argv[0] the child sees, absolute path to exec). See `run_sandboxed` for the rules."""
    text = os.fspath(argv0)
    key = text[2:] if text.startswith("./") else text
    if key in files:
        exe = _inside(workdir, key)
        exe.chmod(0o755)
        return "./" + key, str(exe)
    if isinstance(argv0, Path) or "/" in text:
        return _copy_executable(Path(text).absolute(), workdir, files)
    found = shutil.which(text, path=env.get("PATH", _MIN_PATH))
    if found is None:
        raise OptsmithError(f"command not found: {text!r} (searched PATH={env.get('PATH')})")
    return text, found


def _copy_executable(src: Path, workdir: Path, files: Mapping[str, object]) -> tuple[str, str]:
    if not src.is_file():
        raise OptsmithError(f"executable not found: {src}")
    if not os.access(src, os.X_OK):
        raise OptsmithError(f"not an executable file (no x permission): {src}")
    name = src.name if src.name not in files else f"_exe_{src.name}"
    dest = workdir / name
    shutil.copyfile(src, dest)
    dest.chmod(0o755)
    return "./" + name, str(dest)


def _chown_tree(root: Path, identity: tuple[int, int]) -> None:
    """Hand the (still trusted, freshly made) directory to the unprivileged user."""
    uid, gid = identity
    os.chown(root, uid, gid)
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            os.chown(os.path.join(dirpath, name), uid, gid, follow_symlinks=False)


def _remove_tree(root: Path) -> None:
    """Delete the run directory even if the child chmod'ed parts of it (root ignores modes)."""
    shutil.rmtree(root, ignore_errors=True)
    if root.exists():
        _make_deletable(root)
        shutil.rmtree(root, ignore_errors=True)


def _make_deletable(root: Path) -> None:
    with contextlib.suppress(OSError):
        root.chmod(0o700)
    for dirpath, dirnames, _ in os.walk(root):
        for name in dirnames:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):  # never follow a link the child planted
                with contextlib.suppress(OSError):
                    os.chmod(path, 0o700)


def _rlimits(limits: Limits, identity: tuple[int, int] | None) -> list[tuple[int, int, int]]:
    """(resource, soft, hard) to apply in the child; clamped to our hard limits when not root."""
    cpu = math.ceil(limits.effective_cpu_s)
    nproc = limits.max_processes
    if identity is None:  # the count is per real uid: leave room for what the user already runs
        nproc += _count_user_tasks(os.getuid())
    wanted = [
        (resource.RLIMIT_CPU, cpu, cpu + 1),  # SIGXCPU at soft, SIGKILL at hard
        (resource.RLIMIT_FSIZE, limits.file_bytes, limits.file_bytes),
        (resource.RLIMIT_NPROC, nproc, nproc),
        (resource.RLIMIT_CORE, 0, 0),
        (resource.RLIMIT_AS, limits.memory_bytes, limits.memory_bytes),  # applied last
    ]
    if os.geteuid() == 0:
        return wanted
    clamped = []
    for res, soft, hard in wanted:
        current_hard = resource.getrlimit(res)[1]
        if current_hard != resource.RLIM_INFINITY:
            soft, hard = min(soft, current_hard), min(hard, current_hard)
        clamped.append((res, soft, hard))
    return clamped


def _count_user_tasks(uid: int) -> int:
    """Tasks (threads count, as for RLIMIT_NPROC) that `uid` runs right now."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            text = Path(entry.path, "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("Uid", "").split()[:1] == [str(uid)]:
            total += int(fields.get("Threads", "1"))
    return total


# --------------------------------------------------------------------------- child side


def _unshare(flags: int) -> bool:
    return int(_libc.unshare(ctypes.c_int(flags))) == 0


def _prctl(option: int, value: int) -> None:
    if _libc.prctl(ctypes.c_int(option), ctypes.c_ulong(value), ctypes.c_ulong(0),
                   ctypes.c_ulong(0), ctypes.c_ulong(0)) != 0:
        raise OSError(ctypes.get_errno(), f"prctl({option}) failed")


def _write_all(fd: int, text: str) -> None:
    data = text.encode()
    while data:
        data = data[os.write(fd, data):]


@dataclass
class _Jail:
    """The `preexec_fn`: runs in the forked child after setsid/chdir, before exec.

    Everything it needs is computed in the parent (no name lookups, no imports here). It
    reports to the parent through `status_fd` (close-on-exec), one line each: "net 0|1",
    "pidns 0|1", "exec <monotonic s> <cpu s so far>" just before exec, "error <text>", and from
    the namespace init "exit <wait status> <cpu s> <monotonic s>". The clock is the system-wide
    CLOCK_MONOTONIC, so the timestamps compare with the parent's; subtracting the CPU used
    before exec keeps sandbox setup (forked Python, page copies) out of the program's figures.
    """

    network: bool
    rlimits: list[tuple[int, int, int]]
    identity: tuple[int, int] | None
    status_fd: int
    parent_pid: int
    userns_nproc: int  # RLIMIT_NPROC inside a user namespace: counts start afresh there
    max_fd: int = field(default_factory=lambda: os.sysconf("SC_OPEN_MAX"))
    in_userns: bool = False

    def __call__(self) -> None:
        try:
            _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
            if os.getppid() != self.parent_pid:
                os._exit(1)
            if self.identity is None:  # lets an unprivileged user make the namespaces below
                self.in_userns = _unshare(_CLONE_NEWUSER)
            net = not self.network and _unshare(_CLONE_NEWNET)
            pidns = _unshare(_CLONE_NEWPID)
            _write_all(self.status_fd, f"net {int(net)}\npidns {int(pidns)}\n")
            if pidns:
                self._start_namespace()  # returns only in the process that becomes the program
            self._restrict()
        except BaseException as exc:
            with contextlib.suppress(OSError):
                _write_all(self.status_fd, f"error {exc}\n")
            raise

    def _restrict(self) -> None:
        """Limits, then no new privileges, then the uid drop, then the address-space limit.

        RLIMIT_AS comes last because this is still the forked Python: a new arena after it
        could fail in a parent with a large address space.
        """
        for res, soft, hard in self.rlimits:
            if res == resource.RLIMIT_NPROC and self.in_userns:
                soft = hard = self.userns_nproc
            if res != resource.RLIMIT_AS:
                resource.setrlimit(res, (soft, hard))
        _prctl(_PR_SET_NO_NEW_PRIVS, 1)
        if self.identity is not None:
            uid, gid = self.identity
            os.setgroups([])
            os.setresgid(gid, gid, gid)
            os.setresuid(uid, uid, uid)
            if os.getuid() != uid or os.geteuid() != uid:
                raise OSError(f"could not drop privileges to uid {uid}")
        for res, soft, hard in self.rlimits:
            if res == resource.RLIMIT_AS:
                resource.setrlimit(res, (soft, hard))
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu = usage.ru_utime + usage.ru_stime
        _write_all(self.status_fd, f"exec {time.monotonic()!r} {cpu!r}\n")

    def _start_namespace(self) -> None:
        """Fork the namespace init (PID 1) and from it the program (PID 2); return in PID 2."""
        init_pid = os.fork()
        if init_pid:
            self._wait_and_exit(init_pid)
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # our supervisor gone => the namespace goes
        program_pid = os.fork()
        if program_pid:
            self._serve_as_init(program_pid)

    def _detach(self) -> None:
        """Drop every descriptor but the status pipe, so EOFs reach the parent on time."""
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.closerange(3, self.status_fd)
        os.closerange(self.status_fd + 1, self.max_fd)

    def _wait_and_exit(self, pid: int) -> NoReturn:
        try:
            self._detach()
            os.waitpid(pid, 0)
        finally:
            os._exit(0)

    def _serve_as_init(self, program_pid: int) -> NoReturn:
        """Reap orphans until the program exits, report it, then exit (killing the rest)."""
        code = 1
        try:
            self._detach()
            cpu = 0.0
            while True:
                pid, status, usage = os.wait4(-1, 0)
                cpu += usage.ru_utime + usage.ru_stime
                if pid == program_pid:
                    _write_all(self.status_fd, f"exit {status} {cpu!r} {time.monotonic()!r}\n")
                    code = 0
                    break
        finally:
            os._exit(code)


# --------------------------------------------------------------------------- parent side


def _execute(
    argv: list[str],
    executable: str,
    workdir: Path,
    stdin: bytes,
    limits: Limits,
    env: dict[str, str],
    identity: tuple[int, int] | None,
) -> SandboxResult:
    jail_limits = _rlimits(limits, identity)
    status_r, status_w = os.pipe()
    canary_r, canary_w = os.pipe()  # see _clear_leftovers
    try:
        # In a user namespace our supervisor and init count too: leave room for both.
        jail = _Jail(limits.network, jail_limits, identity, status_w, os.getpid(),
                     userns_nproc=limits.max_processes + 2)
        failure: Exception | None = None
        try:
            proc = _spawn(argv, executable, workdir, env, jail, canary_w)
        except (OSError, subprocess.SubprocessError) as exc:
            failure = exc
        finally:  # the parent never writes to either pipe; EOF on them is the signal
            os.close(status_w)
            os.close(canary_w)
        if failure is not None:
            raise _start_error(argv[0], status_r, failure) from failure
        owner = identity[0] if identity is not None else os.getuid()
        return _Supervisor(proc, stdin, limits, status_r, canary_r, owner).run()
    finally:
        os.close(status_r)
        os.close(canary_r)


def _spawn(
    argv: list[str],
    executable: str,
    workdir: Path,
    env: dict[str, str],
    jail: _Jail,
    canary_w: int,
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        argv,
        executable=executable,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=workdir,
        env=env,
        start_new_session=True,
        preexec_fn=jail,
        pass_fds=(canary_w,),
    )


def _start_error(argv0: str, status_r: int, exc: Exception) -> OptsmithError:
    """Why the child never ran: the jail's own message if it left one, else exec's error."""
    errors = [line[6:] for line in _read_to_eof(status_r).splitlines() if line.startswith("error ")]
    detail = errors[0] if errors else str(exc)
    return OptsmithError(f"could not start {argv0!r} in the sandbox: {detail}")


def _read_to_eof(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, _CHUNK):
        chunks.append(chunk)
    return b"".join(chunks).decode(errors="replace")


def _pidfd(pid: int) -> int | None:
    try:
        return os.pidfd_open(pid)
    except (OSError, AttributeError):
        return None


class _Supervisor:
    """The parent's side of one run: feed stdin, collect capped output, enforce the deadline.

    Phases: run until the program exits (or the deadline or the output cap hits); kill the
    process group while our child's pid still pins it; reap; make sure no descendant is left;
    drain what is still in the pipes.
    """

    def __init__(
        self,
        proc: subprocess.Popen[bytes],
        stdin: bytes,
        limits: Limits,
        status_fd: int,
        canary_fd: int,
        owner_uid: int,
    ) -> None:
        assert proc.stdin and proc.stdout and proc.stderr
        self.proc = proc
        self.limits = limits
        self.canary_fd = canary_fd
        self.owner_uid = owner_uid
        self.sel = selectors.DefaultSelector()
        self.outputs = {proc.stdout.fileno(): bytearray(), proc.stderr.fileno(): bytearray()}
        self.status_fd = status_fd
        self.status = bytearray()
        self.stdin_data = memoryview(stdin)
        self.stdin_pos = 0
        self.truncated = False
        self.exited_at: float | None = None
        self.start = time.monotonic()
        self.pidfd = _pidfd(proc.pid)
        self.reaped = False

    # ---- phase 1
    def run(self) -> SandboxResult:
        try:
            self._register()
            timed_out = self._wait_for_program()
            end = self.exited_at if self.exited_at is not None else time.monotonic()
            self._kill_group()
            wait_status, usage = self._reap()
            _clear_leftovers(self.canary_fd, self.owner_uid)
            self._drain()
            return self._result(timed_out, end, wait_status, usage)
        finally:
            if not self.reaped:  # interrupted (e.g. KeyboardInterrupt): leave nothing running
                self._kill_group()
                self._reap()
                _clear_leftovers(self.canary_fd, self.owner_uid)
            self._close()

    def _register(self) -> None:
        assert self.proc.stdin
        for fd in self.outputs:
            self.sel.register(fd, selectors.EVENT_READ)
        self.sel.register(self.status_fd, selectors.EVENT_READ)
        if self.pidfd is not None:
            self.sel.register(self.pidfd, selectors.EVENT_READ)
        if self.stdin_data:
            os.set_blocking(self.proc.stdin.fileno(), False)
            self.sel.register(self.proc.stdin.fileno(), selectors.EVENT_WRITE)
        else:
            self.proc.stdin.close()

    def _wait_for_program(self) -> bool:
        """Pump I/O until the program exits or is cut off; True if the deadline hit."""
        deadline = self.start + self.limits.wall_s
        while self.exited_at is None and not self.truncated:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return True
            timeout = remaining if self.pidfd is not None else min(remaining, _POLL_S)
            for key, _ in self.sel.select(timeout):
                self._handle(key.fd)
            if self.pidfd is None and self.exited_at is None:
                self._poll_exit()
        return False

    def _handle(self, fd: int) -> None:
        if fd in self.outputs:
            self._read_output(fd)
        elif fd == self.status_fd:
            self._read_status()
        elif fd == self.pidfd:
            self._mark_exited()
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
        if self.status.startswith(b"exit ") or b"\nexit " in self.status:
            self._mark_exited()

    def _mark_exited(self) -> None:
        if self.exited_at is None:
            self.exited_at = time.monotonic()

    def _poll_exit(self) -> None:
        """Without pidfd: notice the exit without reaping, so the pgid stays pinned."""
        info = os.waitid(os.P_PID, self.proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        if info is not None:
            self._mark_exited()

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

    # ---- phases 2 to 4
    def _kill_group(self) -> None:
        """SIGKILL the session's group; our child is not reaped yet, so its pgid is ours."""
        with contextlib.suppress(OSError):
            os.killpg(self.proc.pid, signal.SIGKILL)

    def _reap(self) -> tuple[int, resource.struct_rusage]:
        _, wait_status, usage = os.wait4(self.proc.pid, 0)
        self.reaped = True
        self.proc.returncode = os.waitstatus_to_exitcode(wait_status)
        return wait_status, usage

    def _drain(self) -> None:
        """Collect output still buffered in the pipes; every writer is dead or detached now."""
        if self.proc.stdin and not self.proc.stdin.closed:
            self.sel.unregister(self.proc.stdin.fileno())
            self.proc.stdin.close()
        until = time.monotonic() + _DRAIN_GRACE_S
        while any(fd in self.sel.get_map() for fd in (*self.outputs, self.status_fd)):
            remaining = until - time.monotonic()
            if remaining <= 0:
                return
            for key, _ in self.sel.select(remaining):
                if key.fd in self.outputs:
                    self._read_output(key.fd)
                elif key.fd == self.status_fd:
                    self._read_status()
                else:
                    self.sel.unregister(key.fd)

    def _result(
        self, timed_out: bool, end: float, wait_status: int, usage: resource.struct_rusage
    ) -> SandboxResult:
        """Prefer the jail's own clock readings (exec to exit) over the parent's, if present."""
        report = _parse_status(bytes(self.status))
        exec_at, cpu_before = (float(x) for x in report.get("exec", f"{self.start} 0").split())
        cpu_s = usage.ru_utime + usage.ru_stime
        if "exit" in report and not timed_out:  # the namespace init saw the program exit
            raw, cpu_text, exit_at = report["exit"].split()
            wait_status, cpu_s, end = int(raw), float(cpu_text), float(exit_at)
        stdout, stderr = (bytes(buf) for buf in self.outputs.values())
        return SandboxResult(
            stdout=stdout,
            stderr=stderr,
            exit_code=os.WEXITSTATUS(wait_status) if os.WIFEXITED(wait_status) else None,
            signal=os.WTERMSIG(wait_status) if os.WIFSIGNALED(wait_status) else None,
            timed_out=timed_out,
            output_truncated=self.truncated,
            wall_s=max(0.0, end - exec_at),
            cpu_s=max(0.0, cpu_s - cpu_before),
            network_isolated=report.get("net") == "1",
        )

    def _close(self) -> None:
        self.sel.close()
        if self.pidfd is not None:
            os.close(self.pidfd)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


def _parse_status(data: bytes) -> dict[str, str]:
    report: dict[str, str] = {}
    for line in data.decode(errors="replace").splitlines():
        key, _, value = line.partition(" ")
        report.setdefault(key, value)
    return report


# --------------------------------------------------------------------------- leftovers


def _clear_leftovers(canary_fd: int, owner_uid: int) -> None:
    """Kill every process still holding the canary pipe, for up to _SWEEP_TIMEOUT_S.

    Every process of the run inherits the canary's write end; the read end (ours) reaches EOF
    exactly when none is left. With a PID namespace that is already true here.
    """
    poller = select.poll()
    poller.register(canary_fd, select.POLLIN)
    inode = os.fstat(canary_fd).st_ino
    deadline = time.monotonic() + _SWEEP_TIMEOUT_S
    while not poller.poll(50) and time.monotonic() < deadline:
        for pid in _pipe_holders(inode, owner_uid):
            _kill_if_holding(pid, inode)


def _pipe_holders(inode: int, owner_uid: int) -> list[int]:
    me = os.getpid()
    holders = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            if entry.stat().st_uid == owner_uid and _holds_pipe(int(entry.name), inode):
                holders.append(int(entry.name))
        except OSError:
            continue
    return holders


def _holds_pipe(pid: int, inode: int) -> bool:
    target = f"pipe:[{inode}]"
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for fd in fds:
        with contextlib.suppress(OSError):
            if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                return True
    return False


def _kill_if_holding(pid: int, inode: int) -> None:
    """SIGKILL `pid` through a pidfd, re-checking after opening it so a reused pid is safe."""
    try:
        pidfd = os.pidfd_open(pid)
    except OSError:
        return
    try:
        if _holds_pipe(pid, inode):
            signal.pidfd_send_signal(pidfd, signal.SIGKILL)
    except OSError:
        pass
    finally:
        os.close(pidfd)
