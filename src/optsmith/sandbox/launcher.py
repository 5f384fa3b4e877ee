"""The launcher (launcher.c): the small C program that limits, starts and times the program.

bubblewrap execs whatever it is given, so what must happen inside the sandbox just before the
program (join the cgroup, set rlimits, read the clock, reap and report) needs a process of
ours there; in C it starts in ~0.3 ms where Python would take ~10 ms and a bigger root. It is
compiled once per source version with the system's C compiler into the user's cache.
"""

from __future__ import annotations

import functools
import hashlib
import os
import platform
import shutil
import subprocess
import tempfile
from pathlib import Path

from optsmith.errors import ToolchainError
from optsmith.writable import cache_dir

SOURCE = Path(__file__).with_name("launcher.c")


@functools.lru_cache(maxsize=1)
def launcher_path() -> Path:
    """The compiled launcher, built on first use (ToolchainError without a C compiler)."""
    tag = hashlib.sha256(SOURCE.read_bytes() + platform.machine().encode()).hexdigest()[:16]
    cache = cache_dir()
    compiler = next(filter(None, map(shutil.which, ("cc", "gcc", "clang"))), None)
    for where in (lambda: cache / "sandbox", lambda: Path(tempfile.mkdtemp(prefix="optsmith-"))):
        folder = where()
        target = folder / f"launch-{tag}"
        if os.access(target, os.X_OK):
            return target
        if compiler is None:
            raise ToolchainError("the sandbox needs a C compiler once, to build its launcher: "
                                 "apt-get install gcc")
        partial = folder / f"{target.name}.{os.getpid()}.tmp"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            proc = subprocess.run([compiler, "-O2", "-o", str(partial), str(SOURCE)],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                raise ToolchainError(f"{compiler} could not build the sandbox launcher: "
                                     f"{proc.stderr.strip()[-500:]}")
            os.replace(partial, target)  # atomic: concurrent first uses each build, one wins
            return target
        except OSError:
            continue  # an unwritable cache: build into a private temporary directory instead
    raise ToolchainError("could not write the sandbox launcher to the cache or a temp dir")
