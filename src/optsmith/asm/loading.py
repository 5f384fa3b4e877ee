"""One entry point for every source of assembly-task problems (`load_problems`).

It sits beside `problems` (the model and the CodeNet/PIE directory layout) and
`supercoder` (data set rows) rather than in either, so that neither has to import the
other: both formats produce `Problem`s, and only this dispatcher knows them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from optsmith.asm.problems import Problem, builtin_problems, is_problem_dir, load_problem_dir
from optsmith.asm.supercoder import load_supercoder
from optsmith.errors import OptsmithError


def load_problems(spec: str | Path, *, only: Sequence[str] = (),
                  limit: int | None = None) -> list[Problem]:
    """'builtin', a problem directory, a directory of them, or a SuperCoder .jsonl/.parquet."""
    text = str(spec)
    if text == "builtin":
        problems = builtin_problems()
    else:
        path = Path(text)
        if path.is_file() and path.suffix in (".jsonl", ".json", ".parquet"):
            problems = load_supercoder(path)
        elif is_problem_dir(path):
            problems = [load_problem_dir(path)]
        elif path.is_dir():
            children = sorted(p for p in path.iterdir() if is_problem_dir(p))
            if not children:
                raise OptsmithError(f"{path}: neither a problem directory (prog.c + tests/) nor "
                                   f"a directory of them")
            problems = [load_problem_dir(p) for p in children]
        else:
            raise OptsmithError(f"{path}: no such problem directory or data set file "
                               f"(or use 'builtin')")
    if only:
        names = {p.name for p in problems}
        unknown = [n for n in only if n not in names]
        if unknown:
            raise OptsmithError(f"no problem named {', '.join(unknown)} in {text}")
        problems = [p for p in problems if p.name in set(only)]
    return problems[:limit] if limit is not None else problems
