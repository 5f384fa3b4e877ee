"""Problems of the assembly task: a C program plus stdin/stdout tests, in CodeNet/PIE layout.

A problem directory holds `prog.c` (or exactly one other `.c` file) and `tests/` with
`input.N` and `output.N` (PIE's `input.N.txt`/`output.N.txt` are accepted too). The expected
output is the program's own, so a candidate passes a test only by printing the same bytes.

The built-in set lives next to this module (`builtin/<name>/`) and is loaded by path, so it
works from a source checkout and from an installed wheel alike.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from optsmith.errors import OptsmithError
from optsmith.programs.benchmark import as_bytes, as_text

BUILTIN_DIR = Path(__file__).parent / "builtin"
_TEST_FILE = re.compile(r"^(input|output)\.(\d+)(\.txt)?$")


@dataclass(frozen=True)
class AsmTest:
    """One test: the bytes fed to stdin and the exact bytes expected on stdout."""

    __test__ = False  # not a pytest class

    stdin: bytes
    expected: bytes


@dataclass(frozen=True, kw_only=True)
class Problem:
    """One program of the task. `source` is C; `baseline_asm`, when given, replaces gcc -O3.

    `baseline_asm` exists for data sets that ship the assembly a model was shown and no C
    (or C that no longer compiles here); normally the baseline is compiled from `source`.
    """

    name: str
    source: str | None
    tests: tuple[AsmTest, ...]
    origin: str = ""
    baseline_asm: str | None = None
    ldflags: tuple[str, ...] = ("-lm",)
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not self.name or "/" in self.name or self.name in (".", ".."):
            raise OptsmithError(f"a problem needs a plain name, got {self.name!r}")
        if not self.tests:
            raise OptsmithError(f"problem {self.name!r} has no tests ({self.origin})")
        if self.source is None and self.baseline_asm is None:
            raise OptsmithError(f"problem {self.name!r} has neither C source nor baseline "
                               f"assembly ({self.origin})")

    @property
    def digest(self) -> str:
        """Content hash: the same problem under another name is recognisably the same."""
        h = hashlib.sha256(as_bytes(self.source or self.baseline_asm or ""))
        for test in self.tests:
            h.update(hashlib.sha256(test.stdin).digest() + hashlib.sha256(test.expected).digest())
        return h.hexdigest()[:16]


def split_tests(count: int) -> tuple[list[int], list[int]]:
    """(training, held-out) test indices: the first ceil(n/3) train, the rest are held out.

    Training tests drive profile-guided builds and the choice among candidates; the reported
    speedup is timed on the held-out ones so that neither the profile nor the pick of the
    luckiest-timed candidate inflates it. With a single test there is nothing to hold out.
    """
    if count < 1:
        raise ValueError(f"a problem needs at least one test, got {count}")
    train = max(1, math.ceil(count / 3))
    if count == 1:
        return [0], []
    return list(range(train)), list(range(train, count))


def load_problem_dir(path: Path) -> Problem:
    """A CodeNet/PIE-style problem directory; errors name the file that is missing or odd."""
    path = Path(path)
    if not path.is_dir():
        raise OptsmithError(f"{path}: not a directory")
    source_file = path / "prog.c"
    if not source_file.is_file():
        sources = sorted(path.glob("*.c"))
        if len(sources) != 1:
            found = ", ".join(s.name for s in sources) or "none"
            raise OptsmithError(f"{path}: expected prog.c (or exactly one .c file), found {found}")
        source_file = sources[0]
    tests_dir = path / "tests"
    if not tests_dir.is_dir():
        raise OptsmithError(f"{path}: no tests/ directory (want tests/input.N and output.N)")
    inputs: dict[int, Path] = {}
    outputs: dict[int, Path] = {}
    for entry in tests_dir.iterdir():
        match = _TEST_FILE.match(entry.name)
        if match and entry.is_file():
            (inputs if match.group(1) == "input" else outputs)[int(match.group(2))] = entry
    if not inputs:
        raise OptsmithError(f"{tests_dir}: no input.N files")
    missing = sorted(set(inputs) - set(outputs))
    if missing:
        raise OptsmithError(f"{tests_dir}: input.{missing[0]} has no output.{missing[0]} "
                           f"(regenerate outputs from a trusted build)")
    tests = tuple(AsmTest(inputs[i].read_bytes(), outputs[i].read_bytes()) for i in sorted(inputs))
    # bytes that are not UTF-8 (a Latin-1 comment) are kept exactly: see `as_text`
    return Problem(name=path.name, source=as_text(source_file.read_bytes()), tests=tests,
                   origin=str(path))


def is_problem_dir(path: Path) -> bool:
    return path.is_dir() and (path / "tests").is_dir() and any(path.glob("*.c"))


def builtin_names() -> list[str]:
    return sorted(p.name for p in BUILTIN_DIR.iterdir() if is_problem_dir(p))


def builtin_problems(names: Iterable[str] | None = None) -> list[Problem]:
    """The problems written for this project (see scripts/regen_asm_outputs.py)."""
    available = builtin_names()
    chosen = available if names is None else list(names)
    unknown = [n for n in chosen if n not in available]
    if unknown:
        raise OptsmithError(f"unknown built-in problem(s) {', '.join(unknown)}; "
                           f"available: {', '.join(available)}")
    return [load_problem_dir(BUILTIN_DIR / n) for n in chosen]
