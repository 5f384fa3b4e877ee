"""Can we write there? Asked before long work, so a bad path costs a second, not a search.

A `--json` file, an `--out` directory or a store whose place cannot be written used to fail
after the whole search, with a traceback. These checks run first and raise one-line
`OptsmithError`s. They probe for real (a temporary file, removed at once) rather than
trusting `os.access`, which says yes to root on any path and knows nothing of read-only
mounts; they leave nothing behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from optsmith.errors import OptsmithError


def cache_dir() -> Path:
    """optsmith's cache directory (`$XDG_CACHE_HOME/optsmith`, else `~/.cache/optsmith`):
    the store, the sandbox launcher and PGO profiles live there."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "optsmith"


def _probe_directory(directory: Path, what: str) -> None:
    """Create and remove a temporary file in `directory`, or say why that fails."""
    try:
        with tempfile.TemporaryFile(dir=directory, prefix=".optsmith-probe-"):
            pass
    except OSError as exc:
        raise OptsmithError(
            f"{what}: cannot write in {directory} ({exc.strerror or exc})"
        ) from None


def check_file_target(path: Path | str, what: str) -> Path:
    """`path` can be created or overwritten as a file; its directory must already exist.

    `what` names the option in the message (`--json out.json`, say)."""
    target = Path(path)
    if target.is_dir():
        raise OptsmithError(f"{what}: {target} is a directory, not a file")
    parent = target.parent
    if not parent.exists():
        raise OptsmithError(f"{what}: directory {parent} does not exist")
    if not parent.is_dir():
        raise OptsmithError(f"{what}: {parent} is not a directory")
    if target.exists():
        try:
            with target.open("ab"):  # opened for appending, nothing written: content kept
                pass
        except OSError as exc:
            raise OptsmithError(f"{what}: cannot write {target} ({exc.strerror or exc})") from None
    else:
        _probe_directory(parent, what)
    return target


def check_dir_target(path: Path | str, what: str) -> Path:
    """`path` is, or can be made (with its missing parents), a writable directory."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise OptsmithError(f"{what}: {target} exists and is not a directory")
    existing = target
    while not existing.exists():
        if existing.parent == existing:
            break
        existing = existing.parent
    if not existing.is_dir():
        raise OptsmithError(f"{what}: {existing} is not a directory")
    _probe_directory(existing, what)
    return target
