"""The `Benchmark`: one program, how to build it, and the tests that prove a build correct.

A benchmark is identified by a content hash over everything that changes its meaning
(source, language, flags, tests), so cached measurements never outlive an edit.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Literal

Language = Literal["c", "llvm-ir", "llvm-bc"]


@dataclass(frozen=True)
class TestCase:
    """One run of a program: its input and the output it must produce."""

    __test__ = False  # not a pytest class

    args: tuple[str, ...] = ()
    stdin: str = ""
    expected_stdout: str = ""
    expected_exit_code: int = 0

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

    `source` is C text, LLVM IR text, or bitcode (as latin-1 text, so the dataclass stays
    hashable and JSON-friendly; use `source_bytes`). Programs without tests (IR from
    llvm-stress, say) can be optimized for size but never claim a validated result.
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

    @property
    def source_bytes(self) -> bytes:
        return self.source.encode("latin-1" if self.language == "llvm-bc" else "utf-8")

    @property
    def content_hash(self) -> str:
        """sha256 over what defines the program's behaviour; the store's key."""
        payload = json.dumps(
            {
                "source": hashlib.sha256(self.source_bytes).hexdigest(),
                "language": self.language,
                "cflags": list(self.cflags),
                "ldflags": list(self.ldflags),
                "tests": [t.to_dict() for t in self.tests],
            },
            sort_keys=True,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:24]

    @property
    def uri(self) -> str:
        return f"{self.suite}/{self.name}"

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["tests"] = [t.to_dict() for t in self.tests]
        return data
