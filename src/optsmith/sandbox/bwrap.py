"""The sandbox's view of the machine, written as a bubblewrap command line.

Two read-only roots. A program file (a candidate, a benchmark build) gets only the shared
libraries: the multiarch library directories and the loader's, nothing else of /usr.
Measured on the trivial program (benchmarks/sandbox_overhead.py) the narrower root costs
nothing over binding all of /usr, so there is no reason to show more. A command found on PATH
(gcc assembling a candidate, sh, valgrind) gets /usr, minus every Python package directory
(where an installed optsmith keeps its built-in tests). Both roots lack /etc, /home, /root,
/proc of the host and every temporary directory; the root itself and /dev are read-only, the
only writable places being size-capped private tmpfs mounts (/tmp with the working directory,
/dev/shm), which vanish with the run.
"""

from __future__ import annotations

import functools
import os
import site
import sysconfig
from collections.abc import Mapping, Sequence
from pathlib import Path

LAUNCHER = "/.optsmith-launch"
SANDBOX_ID = 65534  # the uid and gid the program sees
_TOP_LEVEL = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


@functools.lru_cache(maxsize=1)
def library_root() -> tuple[str, ...]:
    """Top-level links plus the library directories: enough to run any dynamic executable."""
    arch = sysconfig.get_config_var("MULTIARCH")
    wanted = ["/lib64", "/usr/lib64"]
    wanted += [f"/lib/{arch}", f"/usr/lib/{arch}"] if arch else ["/lib", "/usr/lib"]
    return (*_top_level(bind_dirs=False), *_binds(wanted))


@functools.lru_cache(maxsize=1)
def system_root() -> tuple[str, ...]:
    """Top-level links and directories plus /usr, with Python package directories hidden."""
    args = [*_top_level(bind_dirs=True), "--ro-bind", "/usr", "/usr"]
    roots = [Path("/usr").resolve(), *(Path(d).resolve() for d in _TOP_LEVEL
                                       if os.path.isdir(d) and not os.path.islink(d))]
    for folder in _package_dirs():
        if any(folder.is_relative_to(r) for r in roots):
            args += ["--tmpfs", str(folder), "--remount-ro", str(folder)]
    return tuple(args)


def _top_level(*, bind_dirs: bool) -> list[str]:
    args: list[str] = []
    for path in _TOP_LEVEL:
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif bind_dirs and os.path.isdir(path):
            args += ["--ro-bind", path, path]
    return args


def _binds(paths: Sequence[str]) -> list[str]:
    args: list[str] = []
    seen: set[str] = set()
    for path in paths:
        real = os.path.realpath(path)
        if os.path.isdir(real) and real not in seen:
            seen.add(real)
            args += ["--ro-bind", real, real]
    return args


def _package_dirs() -> list[Path]:
    """Where Python packages (and optsmith itself, with its built-in tests) may live."""
    folders = [*site.getsitepackages(), site.getusersitepackages(),
               str(Path(__file__).resolve().parents[2])]
    return sorted({Path(f).resolve() for f in folders if os.path.isdir(f)})


def command(
    bwrap: str,
    root: Sequence[str],
    *,
    workdir: str,
    files: Sequence[tuple[int, str, int]],
    dirs: Sequence[str],
    env: Mapping[str, str],
    network: bool,
    tmpfs_bytes: int,
    info_fd: int,
    launcher_fd: int,
) -> list[str]:
    """bwrap's argv up to (not including) the launcher's own arguments.

    `files` are (descriptor, path relative to `workdir`, mode): copied in by bubblewrap, so
    the sandbox never needs read access to where they came from.
    """
    cmd = [bwrap, "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent",
           "--new-session", "--uid", str(SANDBOX_ID), "--gid", str(SANDBOX_ID),
           "--hostname", "sandbox", "--info-fd", str(info_fd)]
    if network:
        cmd.append("--share-net")
    cmd += [*root, "--proc", "/proc", "--dev", "/dev"]
    for mount in ("/tmp", "/dev/shm"):
        cmd += ["--size", str(tmpfs_bytes), "--tmpfs", mount]
    cmd += ["--dir", workdir]
    for folder in dirs:
        cmd += ["--dir", f"{workdir}/{folder}"]
    for fd, name, mode in files:
        cmd += ["--perms", f"{mode:04o}", "--file", str(fd), f"{workdir}/{name}"]
    cmd += ["--perms", "0555", "--file", str(launcher_fd), LAUNCHER,
            "--remount-ro", "/dev", "--remount-ro", "/", "--chdir", workdir, "--clearenv"]
    for key, value in env.items():
        cmd += ["--setenv", key, value]
    return [*cmd, "--", LAUNCHER]
