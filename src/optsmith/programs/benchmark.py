"""The `Benchmark`: one program, how to build it, and the tests that prove a build correct.

A benchmark is identified by a content hash over everything that changes its meaning
(source, language, flags, tests), so cached measurements never outlive an edit.

C sources, stdin and outputs are bytes to the compiler and the program, not text: a
Latin-1 comment compiles with clang, so it must load here too. They are held as `str`
(hashable, JSON-friendly) decoded with `as_text`, which keeps every byte (PEP 383's
surrogateescape), and turned back into the exact bytes with `as_bytes`.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict, dataclass, field
from typing import Literal, Protocol

from optsmith.errors import OptionError

Language = Literal["c", "llvm-ir", "llvm-bc"]


def as_text(data: bytes) -> str:
    """`data` as str without loss: UTF-8, each byte that is not UTF-8 kept as a lone surrogate."""
    return data.decode("utf-8", "surrogateescape")


def as_bytes(text: str) -> bytes:
    """The exact bytes `as_text` was given (UTF-8 text encodes as itself)."""
    return text.encode("utf-8", "surrogateescape")


@dataclass(frozen=True)
class TestCase:
    """One run of a program: its input and the output it must produce.

    `stdin` and `expected_stdout` hold bytes decoded with `as_text` (`stdin_bytes` gives
    them back), so a test of a program that reads or prints Latin-1 is exact.
    """

    __test__ = False  # not a pytest class

    args: tuple[str, ...] = ()
    stdin: str = ""
    expected_stdout: str = ""
    expected_exit_code: int = 0
    # Wall seconds the -O0 reference took on this test, when it was timed (a loaded
    # program's is; the built-in suite's manifest has none). A measurement of this
    # machine, not part of the test's meaning: excluded from equality and the hash.
    reference_s: float | None = field(default=None, compare=False)

    @property
    def stdin_bytes(self) -> bytes:
        return as_bytes(self.stdin)

    def to_dict(self) -> dict[str, object]:
        return {
            "args": list(self.args),
            "stdin": self.stdin,
            "expected_stdout": self.expected_stdout,
            "expected_exit_code": self.expected_exit_code,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> TestCase:
        args = data.get("args", [])
        assert isinstance(args, list)
        return cls(
            args=tuple(str(a) for a in args),
            stdin=str(data.get("stdin", "")),
            expected_stdout=str(data.get("expected_stdout", "")),
            expected_exit_code=int(data.get("expected_exit_code", 0)),  # type: ignore[call-overload]
        )


@dataclass(frozen=True)
class Benchmark:
    """A program plus its build flags and tests.

    `source` is C (decoded with `as_text`), LLVM IR text, or bitcode (as latin-1 text), so
    the dataclass stays hashable and JSON-friendly; `source_bytes` gives the exact bytes.
    Programs without tests (IR from llvm-stress, say) can be optimized for size but never
    claim a validated result.

    `test_timeout_s`, when the user sets it, is the wall-clock limit of every run of a
    test, the -O0 reference's included; otherwise a candidate's limit is derived from the
    reference's own time (`optsmith.measure.correctness.per_test_timeout_s`). It enters
    the content hash when set, so validations stored under another limit are not reused.
    """

    name: str
    source: str
    language: Language = "c"
    cflags: tuple[str, ...] = ()
    ldflags: tuple[str, ...] = ("-lm",)
    tests: tuple[TestCase, ...] = ()
    suite: str = "user"
    has_main: bool = True
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    test_timeout_s: float | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        check_test_timeout(self.test_timeout_s)

    @property
    def source_bytes(self) -> bytes:
        if self.language == "llvm-bc":
            return self.source.encode("latin-1")
        return as_bytes(self.source)

    @property
    def content_hash(self) -> str:
        """sha256 over what defines the program's behaviour; the store's key."""
        fields: dict[str, object] = {
            "source": hashlib.sha256(self.source_bytes).hexdigest(),
            "language": self.language,
            "cflags": list(self.cflags),
            "ldflags": list(self.ldflags),
            "tests": [t.to_dict() for t in self.tests],
        }
        if self.test_timeout_s is not None:  # absent by default: earlier hashes stay valid
            fields["test_timeout_s"] = self.test_timeout_s
        payload = json.dumps(fields, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:24]

    @property
    def uri(self) -> str:
        return f"{self.suite}/{self.name}"

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["tests"] = [t.to_dict() for t in self.tests]
        return data


def check_test_timeout(seconds: float | None) -> None:
    """Refuse a test timeout that is not a positive, finite number of seconds (None: unset)."""
    ok = isinstance(seconds, int | float) and not isinstance(seconds, bool) and seconds > 0
    if seconds is not None and not (ok and math.isfinite(seconds)):
        raise OptionError(f"a test timeout must be a positive number of seconds, got {seconds!r}")


class RecordOutputs(Protocol):
    """What fills in a benchmark's expected outputs: runs its reference build on each test.

    Loaders and generators in this package take one as an argument (`record=`) rather than
    running programs themselves: running belongs to `optsmith.measure`, a layer above, whose
    `measure.reference.record_reference_outputs` is the implementation. It returns the
    benchmark with each test's expected stdout, exit code and `reference_s` filled in (an
    argument-less test when it has none), and raises `CompileError` when the program does
    not build and `ReferenceRunError` when a run crashes, exceeds `ceiling_s` (None: the
    recorder's default) or floods its output.
    """

    def __call__(self, benchmark: Benchmark, *, ceiling_s: float | None = None) -> Benchmark:
        ...
