"""One cgroup per run: a memory cap and a process budget for the whole process tree.

RLIMIT_AS caps each process, so three children of 1.5 GiB each took 4.5 GiB under a
"2 GiB" limit. A cgroup's memory cap covers the run's processes and the tmpfs files they
write. The run's cgroup is made *below the caller's own* (cgroup v1 `memory` and `pids`
hierarchies, or v2 where the caller's cgroup already delegates those controllers), so the
caller's limits still hold. The launcher joins it through descriptors opened here: the kernel
checks the opener's rights, so a launcher that runs as `nobody` can still join. Where no
cgroup can be made (not root, read-only /sys/fs/cgroup) `create` returns None and the run
falls back to per-process RLIMIT_AS; `SandboxResult.run_limits` says which one applied.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

_counter = itertools.count()
_REMOVE_TIMEOUT_S = 2.0


@dataclass
class RunCgroup:
    """The run's cgroup directories (one per hierarchy) and their open `cgroup.procs`."""

    dirs: list[Path]
    procs_fds: list[int] = field(default_factory=list)

    def memory_exceeded(self) -> bool:
        """Whether the kernel OOM-killed a process of the run at the cap."""
        for folder in self.dirs:
            for name in ("memory.oom_control", "memory.events"):
                with contextlib.suppress(OSError):
                    for line in (folder / name).read_text().splitlines():
                        key, _, value = line.partition(" ")
                        if key == "oom_kill" and int(value) > 0:
                            return True
        return False

    def remove(self) -> None:
        """Kill anything left in the cgroups and remove them (they are empty by now, normally)."""
        for fd in self.procs_fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        self.procs_fds.clear()
        deadline = time.monotonic() + _REMOVE_TIMEOUT_S
        for folder in self.dirs:
            while True:
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        break
                    _kill_members(folder)
                    time.sleep(0.005)


def _kill_members(folder: Path) -> None:
    with contextlib.suppress(OSError):
        for pid in (folder / "cgroup.procs").read_text().split():
            with contextlib.suppress(OSError):
                os.kill(int(pid), signal.SIGKILL)


def create(memory_bytes: int, max_tasks: int) -> RunCgroup | None:
    """A fresh cgroup capped at `memory_bytes` and `max_tasks`, or None where none can be made."""
    bases = _bases()
    if not bases:
        return None
    name = f"optsmith-{os.getpid()}-{next(_counter)}-{os.urandom(3).hex()}"
    run = RunCgroup([])
    try:
        for base in bases:
            folder = base / name
            folder.mkdir()
            run.dirs.append(folder)
            _configure(folder, memory_bytes, max_tasks)
            run.procs_fds.append(os.open(folder / "cgroup.procs", os.O_WRONLY | os.O_CLOEXEC))
    except OSError:
        run.remove()
        _bases.cache_clear()  # e.g. the hierarchy went read-only: look again next time
        return None
    return run


def _configure(folder: Path, memory_bytes: int, max_tasks: int) -> None:
    required = {"memory.limit_in_bytes": memory_bytes, "memory.max": memory_bytes,
                "pids.max": max_tasks}
    # No swap to spill into; these files are absent without swap accounting.
    optional = {"memory.memsw.limit_in_bytes": memory_bytes, "memory.swap.max": 0}
    for name, value in required.items():
        if (folder / name).exists():
            (folder / name).write_text(str(value))
    for name, value in optional.items():
        with contextlib.suppress(OSError):
            (folder / name).write_text(str(value))


@functools.lru_cache(maxsize=1)
def _bases() -> tuple[Path, ...]:
    """The caller's own cgroup directories to create run cgroups in: memory (+ pids)."""
    mounts = _cgroup_mounts()
    own = _own_cgroups()
    v1 = [_join(mounts.get(c), own.get(c)) for c in ("memory", "pids")]
    if v1[0] is not None:
        return tuple(p for p in v1 if p is not None and os.access(p, os.W_OK))
    unified = _join(mounts.get(""), own.get(""))
    if unified is None or not os.access(unified, os.W_OK):
        return ()
    controllers = (unified / "cgroup.subtree_control").read_text().split()
    return (unified,) if "memory" in controllers else ()


def _join(mount: Path | None, path: str | None) -> Path | None:
    if mount is None or path is None:
        return None
    folder = mount / path.lstrip("/")
    return folder if folder.is_dir() else None


def _cgroup_mounts() -> dict[str, Path]:
    """Controller ('' for cgroup2) -> mount point, from /proc/self/mountinfo."""
    found: dict[str, Path] = {}
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/mountinfo").read_text().splitlines():
            before, _, after = line.partition(" - ")
            fields, tail = before.split(), after.split()
            if len(fields) < 5 or len(tail) < 3:
                continue
            if tail[0] == "cgroup2":
                found.setdefault("", Path(fields[4]))
            elif tail[0] == "cgroup":
                for option in tail[2].split(","):
                    found.setdefault(option, Path(fields[4]))
    return found


def _own_cgroups() -> dict[str, str]:
    """Controller ('' for cgroup2) -> this process's cgroup path, from /proc/self/cgroup."""
    own: dict[str, str] = {}
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            _, controllers, path = line.split(":", 2)
            for controller in controllers.split(",") if controllers else [""]:
                own[controller] = path
    return own
