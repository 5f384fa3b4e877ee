"""Where candidate assembly comes from: a user's directory of `.s` files, or a generator.

A `CandidateSource` turns a problem into candidates. Two ship here: `DirectoryCandidates`
(files a model or a person wrote) and `optsmith.asm.flags.FlagGenerator` (compilers and flags
beyond `gcc -O3`, so the task is useful without a model). An LLM backend is a third source
with the same shape.

A candidate may say how it was built: `target` (`portable` or `native`, see
`optsmith.asm.flag_traits`) and `fast_math` (value-unsafe math). A file or a model's answer
says nothing (None: unknown); the flag generator always says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from optsmith.asm.flag_traits import Target
from optsmith.asm.problems import Problem
from optsmith.errors import OptsmithError

MAX_CANDIDATE_BYTES = 64 << 20  # a candidate larger than this is refused before assembling


@dataclass(frozen=True)
class Candidate:
    """One candidate for one problem: its assembly, or why none could be produced."""

    name: str
    asm: str | None
    origin: str
    error: str | None = None
    target: Target | None = None  # portable / native; None: not known (a file, a model)
    fast_math: bool | None = None  # built with value-unsafe math; None: not known

    def __post_init__(self) -> None:
        if (self.asm is None) == (self.error is None):
            raise ValueError("a Candidate has either assembly or an error, not both or neither")


class CandidateSource(Protocol):
    """Produces candidates for a problem. `training` are the test indices it may learn from.

    `includes_baseline` says whether the unchanged baseline may win the per-problem choice
    (a tuner keeps `gcc -O3` when nothing beats it; a model's answer is judged as given).
    """

    label: str
    includes_baseline: bool

    def candidates(self, problem: Problem, workdir: Path,
                   training: Sequence[int]) -> list[Candidate]: ...


class DirectoryCandidates:
    """`DIR/<problem>.s` (one candidate) and/or `DIR/<problem>/*.s` (several, by file name)."""

    includes_baseline = False

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        if not self.root.is_dir():
            raise OptsmithError(f"{self.root}: candidate directory does not exist")
        self.label = f"candidates from {self.root}"

    def files_for(self, problem: Problem) -> list[Path]:
        found = []
        single = self.root / f"{problem.name}.s"
        if single.is_file():
            found.append(single)
        folder = self.root / problem.name
        if folder.is_dir():
            found.extend(sorted(p for p in folder.glob("*.s") if p.is_file()))
        return found

    def candidates(self, problem: Problem, workdir: Path,
                   training: Sequence[int]) -> list[Candidate]:
        result = []
        for path in self.files_for(problem):
            name = path.name if path.parent == self.root else path.stem
            size = path.stat().st_size
            if size > MAX_CANDIDATE_BYTES:
                result.append(Candidate(name, None, str(path),
                                        error=f"{path}: {size} bytes, over the "
                                              f"{MAX_CANDIDATE_BYTES >> 20} MiB limit"))
                continue
            result.append(Candidate(name, path.read_text(errors="replace"), str(path)))
        return result

    def unmatched(self, problems: Sequence[Problem]) -> list[str]:
        """Entries of the directory that name no problem (likely a typo worth reporting)."""
        names = {p.name for p in problems}
        extra = []
        for entry in sorted(self.root.iterdir()):
            stem = entry.stem if entry.is_file() and entry.suffix == ".s" else entry.name
            if (entry.is_dir() or entry.suffix == ".s") and stem not in names:
                extra.append(entry.name)
        return extra
