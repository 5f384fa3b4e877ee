"""Assembly-optimization rows in SuperCoder's format, labelled by our flag search.

For each problem the flag generator (gcc/clang-22 flags, PGO, LTO: `optsmith.asm.flags`)
looks for assembly faster than gcc -O3; a row is written only when the winner passed
every test and is not the baseline itself. The prompt is SuperCoder's (C source + gcc -O3
assembly); the answer is the winning assembly in an ```assembly fence. Rows keep the C
source and tests under the names `optsmith asm eval` reads, so a data set built here is
also a problem file for the assembly task.

The search runs in a `FlagMode`: by default -march=native configs may label a row and
fast-math ones may not; `portable=True` keeps every label runnable wherever gcc -O3's
assembly runs. Each row says how its label was built (`target`, `fast_math`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from optsmith.asm.build import baseline_asm
from optsmith.asm.evaluate import EvalSettings, evaluate_problem
from optsmith.asm.flag_traits import FlagMode
from optsmith.asm.flags import FlagGenerator, mode_configs
from optsmith.asm.judge import judge
from optsmith.asm.problems import Problem
from optsmith.asm.supercoder import problem_from_row
from optsmith.dataset.writer import DatasetWriter
from optsmith.errors import OptsmithError
from optsmith.llm import prompts
from optsmith.llm.parsers import extract_code
from optsmith.llm.similarity import normalize_asm

FORMAT = "supercoder"
MIN_SPEEDUP = 1.03  # beyond the timing noise floor measured here (baseline vs itself)
Note = Callable[[str], None]


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="surrogateescape")


def row_id(problem: Problem) -> str:
    return f"{FORMAT}:{problem.name}"


def build_supercoder(
    problems: Sequence[Problem],
    writer: DatasetWriter,
    *,
    configs: int | None = None,
    settings: EvalSettings | None = None,
    min_speedup: float = MIN_SPEEDUP,
    note: Note | None = None,
    portable: bool = False,
    allow_fast_math: bool = False,
) -> dict[str, int]:
    """Search flags for each problem not yet in `writer`; add a row per real speedup: the
    winner passed every test, its assembly differs from gcc -O3's, and it is at least
    `min_speedup` times faster on the reported tests. `configs` takes the first N of the
    default configs the mode allows (`portable`, `allow_fast_math`: see `FlagMode`)."""
    mode = FlagMode(portable=portable, allow_fast_math=allow_fast_math)
    allowed = mode_configs(mode)
    generator = FlagGenerator(allowed[:configs] if configs else allowed, portable=portable,
                              allow_fast_math=allow_fast_math)
    counts = {"rows": 0, "resumed": 0, "no_gain": 0, "failed": 0}
    for problem in problems:
        if writer.has(row_id(problem)):
            counts["resumed"] += 1
            continue
        if problem.source is None:
            counts["failed"] += 1
            if note:
                note(f"{problem.name}: no C source, nothing to compile with other flags")
            continue
        try:
            result = evaluate_problem(problem, generator, settings or EvalSettings())
            with tempfile.TemporaryDirectory(prefix="optsmith-dataset-") as tmp:
                base = problem.baseline_asm or baseline_asm(problem.source, Path(tmp))
        except OptsmithError as exc:
            counts["failed"] += 1
            if note:
                note(f"{problem.name}: {exc}")
            continue
        same = result.winner_asm is None or normalize_asm(result.winner_asm) == normalize_asm(base)
        if not result.passed or same or (result.speedup or 0.0) < min_speedup:
            counts["no_gain"] += 1
            if note:
                note(f"{problem.name}: nothing beat gcc -O3 ({result.detail})")
            continue
        winner_asm = result.winner_asm or ""
        writer.add({
            "id": row_id(problem),
            "format": FORMAT,
            "problem_id": problem.name,
            "c_code": problem.source,
            "baseline_asm": base,
            "optimized_asm": winner_asm,
            "prompt": prompts.supercoder(problem.source, base),
            "answer": prompts.SUPERCODER_ANSWER.format(asm=winner_asm.rstrip("\n")),
            "winner": result.winner,
            "winner_origin": result.winner_origin,
            "target": result.winner_target,
            "fast_math": result.winner_fast_math,
            "speedup": result.speedup,
            "held_out_tests": result.held_out,
            "tests": [{"input": _text(t.stdin), "output": _text(t.expected)}
                      for t in problem.tests],
            "validated": True,
        })
        counts["rows"] += 1
        if note:
            note(f"{problem.name}: {result.winner} {result.speedup:.3f}x")
    return counts


def check_row(row: dict[str, Any]) -> str | None:
    """The answer's assembly, extracted as a model's would be, passes every test."""
    problem = problem_from_row(row, 0, origin=row["id"])
    asm = extract_code(row["answer"], kind="asm")
    if asm is None:
        return "no assembly in the answer"
    with tempfile.TemporaryDirectory(prefix="optsmith-dataset-check-") as tmp:
        verdict = judge(problem, asm + "\n", name="label", workdir=Path(tmp))
    return None if verdict.correct else f"label fails its tests: {verdict.detail}"
