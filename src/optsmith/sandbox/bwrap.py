"""The sandbox's view of the machine as a bubblewrap command line, and whether bwrap works here.

A program file (a candidate, a benchmark build) gets a read-only root of shared libraries
only; a command found on PATH (gcc assembling a candidate, sh, valgrind) gets /usr minus
/usr/share, /usr/include, /usr/local, /usr/src and every Python directory (where an installed
optsmith keeps its built-in tests). Neither sees /etc, /home, /root, the host's /proc or its
temporary directories; the root and /dev are read-only, and the only writable places are
private, size-capped tmpfs mounts (/tmp, holding the working directory, and /dev/shm) that
vanish with the run. Root drops to `nobody` before calling bwrap, so the program is `nobody`
on the host as well as 65534 inside. The narrow library root costs nothing: a trivial run
took 8.7 ms with it and 9.0 ms with all of /usr (benchmarks/sandbox_overhead.py).
"""

from __future__ import annotations

import functools
import glob
import os
import pwd
import re
import shutil
import site
import subprocess
import sysconfig
from collections.abc import Mapping, Sequence
from pathlib import Path

from optsmith.errors import OptsmithError
from optsmith.sandbox.launcher import launcher_path

LAUNCHER = "/.optsmith-launch"
SANDBOX_ID = 65534  # the uid and gid the program sees
_TOP_LEVEL = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


def find(*, allow_missing: bool) -> str | None:
    """bwrap's path if it can sandbox here; None if not but `allow_missing`; else refuse."""
    found = shutil.which("bwrap")
    problem = "bubblewrap (bwrap) is not installed" if found is None else _probe(found)
    if problem is None or allow_missing:
        return found if problem is None else None
    raise OptsmithError(f"refusing to run untrusted code without containment: {problem}; "
                        "install bubblewrap (apt-get install bubblewrap) with user namespaces "
                        "enabled, or allow it with --unsafe-no-sandbox")


@functools.lru_cache(maxsize=4)
def _probe(bwrap: str) -> str | None:
    """None if `bwrap` builds our sandbox (the launcher, given no arguments, exits 125)."""
    launcher = os.open(launcher_path(), os.O_RDONLY | os.O_CLOEXEC)
    try:
        cmd = command(bwrap, library_root(), workdir="/tmp/probe", files={}, env={},
                      network=False, tmpfs_bytes=1 << 20, launcher_fd=launcher)
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              pass_fds=(launcher,), env={}, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        return str(exc)
    finally:
        os.close(launcher)
    lines = proc.stderr.strip().splitlines() or [f"bwrap exited {proc.returncode}"]
    return None if proc.returncode == 125 else lines[-1]


def _as_nobody() -> list[str]:
    """Root becomes `nobody` (through the launcher) before bwrap; other users stay who they are."""
    if os.geteuid() != 0:
        return []
    try:
        ids = pwd.getpwnam("nobody").pw_uid, pwd.getpwnam("nobody").pw_gid
    except KeyError:
        ids = SANDBOX_ID, SANDBOX_ID
    return [str(launcher_path()), "--as", str(ids[0]), str(ids[1])]


@functools.lru_cache(maxsize=4)
def _options(bwrap: str) -> frozenset[str]:
    """The options `bwrap --help` lists: --disable-userns and --size came with 0.8."""
    proc = subprocess.run([bwrap, "--help"], capture_output=True, text=True)
    return frozenset(re.findall(r"--[a-z-]+", proc.stdout + proc.stderr))


def _top_level(*, bind_dirs: bool) -> list[str]:
    """The host's top-level links (/lib -> usr/lib...) and, if asked, its real directories."""
    args: list[str] = []
    for path in _TOP_LEVEL:
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif bind_dirs and os.path.isdir(path):
            args += ["--ro-bind", path, path]
    return args


@functools.lru_cache(maxsize=1)
def library_root() -> tuple[str, ...]:
    """Enough to run any dynamic executable: the loader's and the multiarch library dirs."""
    arch = sysconfig.get_config_var("MULTIARCH")
    wanted = ["/lib64", "/usr/lib64", *([f"/lib/{arch}", f"/usr/lib/{arch}"] if arch
                                        else ["/lib", "/usr/lib"])]
    real = dict.fromkeys(os.path.realpath(p) for p in wanted if os.path.isdir(p))
    return (*_top_level(bind_dirs=False), *(a for p in real for a in ("--ro-bind", p, p)))


@functools.lru_cache(maxsize=1)
def system_root() -> tuple[str, ...]:
    """/usr (and real top-level dirs) for tools: without the parts no tool needs (/usr/share,
    /usr/include, /usr/local, /usr/src) and without any Python package directory."""
    args = [*_top_level(bind_dirs=True), "--ro-bind", "/usr", "/usr"]
    shown = [Path(p).resolve() for p in ("/usr", *_TOP_LEVEL) if os.path.isdir(p)]
    hidden = {*site.getsitepackages(), site.getusersitepackages(),
              str(Path(__file__).resolve().parents[2]),  # optsmith itself, if under /usr
              *(f"/usr/{d}" for d in ("share", "include", "local", "src")),
              *glob.glob("/usr/lib*/python3*")}
    for folder in sorted({Path(p).resolve() for p in hidden if os.path.isdir(p)}):
        if any(folder.is_relative_to(r) for r in shown):
            args += ["--tmpfs", str(folder), "--remount-ro", str(folder)]
    return tuple(args)


def command(bwrap: str, root: Sequence[str], *, workdir: str,
            files: Mapping[str, tuple[int, int]], env: Mapping[str, str], network: bool,
            tmpfs_bytes: int, launcher_fd: int, info_fd: int | None = None,
            block_fd: int | None = None) -> list[str]:
    """bwrap's argv (as `nobody` when root), ending with the launcher (its arguments follow).

    `files` maps names in `workdir` to (descriptor, mode): bwrap copies them in, so the
    sandbox needs no access to where they came from. bwrap reports its init's pid on
    `info_fd` and waits for a byte on `block_fd` before starting the launcher.
    """
    known = _options(bwrap)
    size = ["--size", str(tmpfs_bytes)] if "--size" in known else []
    cmd = [*_as_nobody(), bwrap, "--unshare-all", "--unshare-user",
           *(["--disable-userns"] if "--disable-userns" in known else []),
           "--die-with-parent", "--new-session", "--uid", str(SANDBOX_ID), "--gid", str(SANDBOX_ID),
           "--hostname", "sandbox", *(["--share-net"] if network else []), *root,
           "--proc", "/proc", "--dev", "/dev", *size, "--tmpfs", "/tmp", *size, "--tmpfs",
           "/dev/shm", "--dir", workdir]
    for name, (fd, mode) in files.items():
        cmd += ["--perms", f"{mode:04o}", "--file", str(fd), f"{workdir}/{name}"]
    cmd += ["--perms", "0555", "--file", str(launcher_fd), LAUNCHER, "--remount-ro", "/dev",
            "--remount-ro", "/", "--chdir", workdir, "--clearenv"]
    for key, value in env.items():
        cmd += ["--setenv", key, value]
    for option, given in (("--info-fd", info_fd), ("--block-fd", block_fd)):
        cmd += [option, str(given)] if given is not None else []
    return [*cmd, "--", LAUNCHER]
