"""Finds the tools optsmith drives, in one place, so versions and paths are never guessed twice.

LLVM 22 is pinned: results are only comparable when every step (clang front end, opt,
the in-process libLLVM) is the same release. `OPTSMITH_LLVM_PREFIX` points at another
install tree (its `bin/` and `lib/`), e.g. a self-built LLVM 22.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from optsmith.errors import ToolchainError

LLVM_MAJOR = 22
APT_HINT = "apt-get install clang-22 llvm-22"
_DEBIAN_PREFIX = Path(f"/usr/lib/llvm-{LLVM_MAJOR}")


@dataclass(frozen=True)
class Tool:
    """One executable or library: where it is (or None) and how to get it when missing."""

    name: str
    path: Path | None
    version: str | None
    install_hint: str

    @property
    def found(self) -> bool:
        return self.path is not None


@dataclass(frozen=True)
class Toolchain:
    """Paths of every tool optsmith uses. Build one with `find_toolchain()`."""

    prefix: Path
    clang: Path
    opt: Path
    llc: Path
    llvm_stress: Path | None
    libllvm: Path
    llvm_version: str
    gcc: Path | None
    gcc_version: str | None
    csmith: Path | None
    csmith_include: Path | None
    valgrind: Path | None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def version_key(self) -> str:
        """The string that keys cached measurements: a new LLVM invalidates old figures, and
        so does a new `MEASUREMENT_REVISION` (a change in how the engine measures)."""
        return f"llvm-{self.llvm_version}+m{MEASUREMENT_REVISION}"


# Bumped whenever the engine's figures change for the same LLVM: 2 = objects emitted from the
# module itself, not a clone (a clone reorders use-lists, and loop strength reduction then
# picks differently: base64's .text was 1,563 bytes, clang -Oz -c gives 1,569).
MEASUREMENT_REVISION = 2


def _llvm_prefix() -> Path:
    env = os.environ.get("OPTSMITH_LLVM_PREFIX")
    return Path(env) if env else _DEBIAN_PREFIX


def _first_line(cmd: list[str]) -> str | None:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (out.stdout or out.stderr).strip()
    return text.splitlines()[0] if text else None


def _find_exe(prefix: Path, name: str) -> Path | None:
    for candidate in (prefix / "bin" / name, Path(shutil.which(f"{name}-{LLVM_MAJOR}") or "")):
        if candidate.name and candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _find_libllvm(prefix: Path) -> Path | None:
    lib = prefix / "lib"
    for name in (f"libLLVM-{LLVM_MAJOR}.so", f"libLLVM.so.{LLVM_MAJOR}.1", "libLLVM.so"):
        if (lib / name).exists():
            return lib / name
    hits = sorted(lib.glob(f"libLLVM*.so.{LLVM_MAJOR}*")) if lib.is_dir() else []
    return hits[0] if hits else None


def tools() -> list[Tool]:
    """Every tool with its status, for `optsmith doctor`; never raises."""
    prefix = _llvm_prefix()
    found: list[Tool] = []
    for name in ("clang", "opt", "llc", "llvm-stress", "llvm-ir2vec"):
        path = _find_exe(prefix, name)
        version = _first_line([str(path), "--version"]) if path else None
        if version and "version" not in version.lower():
            version = _grep_version(path)
        found.append(Tool(f"{name}-{LLVM_MAJOR}", path, version, APT_HINT))
    lib = _find_libllvm(prefix)
    found.append(Tool(f"libLLVM {LLVM_MAJOR}", lib, lib.name if lib else None, APT_HINT))
    for name, hint in (
        ("gcc", "apt-get install gcc"),
        ("csmith", "apt-get install csmith libcsmith-dev"),
        ("valgrind", "apt-get install valgrind"),
        ("hyperfine", "apt-get install hyperfine"),
        ("bwrap", "apt-get install bubblewrap (containment of every program run)"),
    ):
        exe = shutil.which(name)
        path = Path(exe) if exe else None
        version = _first_line([exe, "--version"]) if exe else None
        found.append(Tool(name, path, version, hint))
    return found


def _grep_version(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        out = subprocess.run([str(path), "--version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r"version\s+(\S+)", out.stdout + out.stderr)
    return f"LLVM version {match.group(1)}" if match else None


def _require(path: Path | None, what: str) -> Path:
    if path is None:
        raise ToolchainError(
            f"{what} not found (looked in {_llvm_prefix()}/bin and on PATH). "
            f"Install it with: {APT_HINT}  (or set OPTSMITH_LLVM_PREFIX to an LLVM "
            f"{LLVM_MAJOR} install tree)"
        )
    return path


@functools.lru_cache(maxsize=1)
def find_toolchain() -> Toolchain:
    """Locate LLVM 22 and friends; raise `ToolchainError` naming what is missing."""
    prefix = _llvm_prefix()
    clang = _require(_find_exe(prefix, "clang"), f"clang-{LLVM_MAJOR}")
    opt = _require(_find_exe(prefix, "opt"), f"opt-{LLVM_MAJOR}")
    llc = _require(_find_exe(prefix, "llc"), f"llc-{LLVM_MAJOR}")
    libllvm = _require(_find_libllvm(prefix), f"libLLVM {LLVM_MAJOR} shared library")
    version_line = _grep_version(opt) or ""
    match = re.search(r"(\d+\.\d+\.\d+)", version_line)
    if not match or not match.group(1).startswith(f"{LLVM_MAJOR}."):
        raise ToolchainError(
            f"{opt} reports '{version_line}', but optsmith needs LLVM {LLVM_MAJOR}. {APT_HINT}"
        )
    gcc = shutil.which("gcc")
    csmith = shutil.which("csmith")
    include = Path("/usr/include/csmith")
    if not include.is_dir():
        hits = sorted(Path("/usr/include").glob("csmith*"))
        include = hits[0] if hits else include
    valgrind = shutil.which("valgrind")
    return Toolchain(
        prefix=prefix,
        clang=clang,
        opt=opt,
        llc=llc,
        llvm_stress=_find_exe(prefix, "llvm-stress"),
        libllvm=libllvm,
        llvm_version=match.group(1),
        gcc=Path(gcc) if gcc else None,
        gcc_version=_first_line([gcc, "-dumpfullversion"]) if gcc else None,
        csmith=Path(csmith) if csmith else None,
        csmith_include=include if include.is_dir() else None,
        valgrind=Path(valgrind) if valgrind else None,
    )


def require_gcc() -> Path:
    """gcc is needed for the assembly task and the -O0 reference builds of user programs."""
    tc = find_toolchain()
    if tc.gcc is None:
        raise ToolchainError("gcc not found. Install it with: apt-get install gcc")
    return tc.gcc


def require_csmith() -> tuple[Path, Path]:
    tc = find_toolchain()
    if tc.csmith is None or tc.csmith_include is None:
        raise ToolchainError(
            "csmith not found. Install it with: apt-get install csmith libcsmith-dev"
        )
    return tc.csmith, tc.csmith_include
