"""The built-in suite: C programs shipped inside the package, with tests that prove a build.

Each program is one self-contained C11 file in `optsmith/programs/builtin/`, written for
this project to look like real code (sorting, hashing, parsers, interpreters, DSP, graph
search, allocators, ...) while staying deterministic and free of undefined behaviour, so
that any output change under an optimized pipeline is a miscompile, not noise.
`manifest.json` next to them holds each program's description and tests; the expected
outputs there come from `clang-22 -O0` builds (`scripts/regen_builtin_expected.py`).

The files are read through `importlib.resources`, so the suite works from a source
checkout, an installed wheel or a zip alike.
"""

from __future__ import annotations

import difflib
import functools
import json
from importlib import resources
from typing import Any

from optsmith.errors import OptsmithError
from optsmith.programs.benchmark import Benchmark, TestCase

SUITE = "builtin"
_PACKAGE = "optsmith.programs.builtin"
_MANIFEST = "manifest.json"
_DEFAULT_LDFLAGS = ("-lm",)


def builtin_suite() -> list[Benchmark]:
    """Every built-in program, sorted by name (a stable order keeps runs comparable)."""
    return list(_load())


def builtin_benchmark(name: str) -> Benchmark:
    """One built-in program by name; an unknown name fails with the closest names offered."""
    by_name = {b.name: b for b in _load()}
    if name in by_name:
        return by_name[name]
    close = difflib.get_close_matches(name, list(by_name), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise OptsmithError(f"no built-in program named '{name}'{hint}")


def builtin_names() -> list[str]:
    """The names of the built-in programs, sorted."""
    return [b.name for b in _load()]


@functools.lru_cache(maxsize=1)
def _load() -> tuple[Benchmark, ...]:
    # Cached: the suite is immutable package data, and callers ask for it repeatedly.
    root = resources.files(_PACKAGE)
    try:
        manifest = json.loads(root.joinpath(_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OptsmithError(f"built-in suite manifest is unreadable: {exc}") from exc
    entries = manifest.get("programs") if isinstance(manifest, dict) else None
    if not isinstance(entries, list):
        raise OptsmithError("built-in suite manifest has no 'programs' list")
    benchmarks = [_benchmark(entry, root) for entry in entries]
    names = [b.name for b in benchmarks]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise OptsmithError(f"built-in suite lists programs twice: {', '.join(duplicates)}")
    return tuple(sorted(benchmarks, key=lambda b: b.name))


def _benchmark(entry: Any, root: Any) -> Benchmark:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise OptsmithError(f"built-in suite manifest entry without a name: {entry!r:.80}")
    name: str = entry["name"]
    try:
        source = root.joinpath(f"{name}.c").read_text(encoding="utf-8")
    except OSError as exc:
        raise OptsmithError(f"built-in program '{name}' has no source file {name}.c") from exc
    tests = tuple(TestCase.from_dict(t) for t in entry.get("tests", []))
    return Benchmark(
        name=name,
        source=source,
        language="c",
        cflags=tuple(str(f) for f in entry.get("cflags", [])),
        ldflags=tuple(str(f) for f in entry.get("ldflags", _DEFAULT_LDFLAGS)),
        tests=tests,
        suite=SUITE,
        meta={"description": str(entry.get("description", ""))},
    )
