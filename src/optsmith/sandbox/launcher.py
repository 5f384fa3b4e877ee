"""The launcher (launcher.c): the small C program that starts, limits and times the program.

Why a C program: bubblewrap execs whatever it is given, so the steps that must happen inside
the sandbox, just before the program, need a process there. Python would cost ~10 ms to start
in a root that holds only libraries; this costs ~0.3 ms. It is compiled once per source
version with the system's C compiler (optsmith needs gcc anyway) into the user's cache.
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

SOURCE = Path(__file__).with_name("launcher.c")
_COMPILERS = ("cc", "gcc", "clang")


@functools.lru_cache(maxsize=1)
def launcher_path() -> Path:
    """The compiled launcher, built on first use (ToolchainError without a C compiler)."""
    source = SOURCE.read_bytes()
    tag = hashlib.sha256(source + platform.machine().encode()).hexdigest()[:16]
    for folder in (_cache_dir(), Path(tempfile.mkdtemp(prefix="optsmith-launcher-"))):
        target = folder / f"launch-{tag}"
        if target.is_file() and os.access(target, os.X_OK):
            return target
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return _compile(target)
        except OSError:
            continue
    raise ToolchainError("could not write the sandbox launcher anywhere (cache and temp dirs)")


def _cache_dir() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "optsmith" / "sandbox"


def _compile(target: Path) -> Path:
    compiler = next((c for c in map(shutil.which, _COMPILERS) if c), None)
    if compiler is None:
        raise ToolchainError("the sandbox needs a C compiler once, to build its launcher: "
                             "apt-get install gcc")
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    proc = subprocess.run([compiler, "-O2", "-o", str(partial), str(SOURCE)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise ToolchainError(f"{compiler} could not build the sandbox launcher: "
                             f"{proc.stderr.strip()[-500:]}")
    os.replace(partial, target)  # atomic: concurrent first uses each build, one wins
    return target
