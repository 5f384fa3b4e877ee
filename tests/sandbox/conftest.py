"""Fixtures of the sandbox tests: hostile C programs (hostile/) built with the real gcc."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

HOSTILE = Path(__file__).parent / "hostile"


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Compile hostile/<name>.c once per session into a private (root-only when root) dir."""
    out = tmp_path_factory.mktemp("hostile-bin")
    cache: dict[str, Path] = {}

    def compile_one(name: str) -> Path:
        if name not in cache:
            exe = out / name
            subprocess.run(["gcc", "-O1", "-o", str(exe), str(HOSTILE / f"{name}.c")],
                           check=True, capture_output=True)
            cache[name] = exe
        return cache[name]

    return compile_one


@pytest.fixture
def public_dir() -> Iterator[Path]:
    """A world-readable, world-writable (sticky) directory outside the repository.

    pytest's own tmp_path is private to its user; this one is what a careless problem
    directory or a shared /tmp looks like to any other uid on the machine.
    """
    folder = Path(tempfile.mkdtemp(prefix="optsmith-public-"))
    folder.chmod(0o1777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
