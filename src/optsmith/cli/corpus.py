"""Training corpora for `coreset build` and `predictor build`: checked, then loaded.

Both learn from autotuning, and both must never see an evaluation suite: the built-in
suite and the Csmith evaluation seeds (1..50) are refused up front, in one line, before
any program is generated.
"""

from __future__ import annotations

from pathlib import Path

from optsmith.errors import OptsmithError
from optsmith.programs.benchmark import Benchmark

CORPORA = ("csmith", "llvm-stress")
EVALUATION_CSMITH_SEEDS = 50  # csmith_suite's seeds 1..50 are the Csmith evaluation suite


def check_training_corpus(corpus: str, programs: int, first_seed: int) -> None:
    """Refuse an evaluation suite, an unknown corpus or overlapping seeds (OptsmithError)."""
    if programs < 1:
        raise OptsmithError(f"--programs must be at least 1, got {programs}")
    if corpus in ("builtin", "csmith-suite") or (
        corpus not in CORPORA and not Path(corpus).is_dir()
    ):
        raise OptsmithError(
            f"--corpus {corpus!r}: use csmith, llvm-stress or a directory of training "
            "programs (never an evaluation suite such as builtin)"
        )
    if corpus == "csmith" and first_seed <= EVALUATION_CSMITH_SEEDS:
        raise OptsmithError(
            f"--first-seed {first_seed} overlaps the Csmith evaluation suite "
            f"(seeds 1..{EVALUATION_CSMITH_SEEDS})"
        )


def load_training_corpus(corpus: str, programs: int, first_seed: int) -> list[Benchmark]:
    """The first `programs` programs of a corpus `check_training_corpus` accepted."""
    from optsmith.measure.reference import record_reference_outputs
    from optsmith.programs.generators import csmith_suite, llvm_stress_benchmark
    from optsmith.programs.loaders import load_path

    if corpus == "csmith":
        return csmith_suite(programs, record=record_reference_outputs, first_seed=first_seed)
    if corpus == "llvm-stress":
        return [llvm_stress_benchmark(first_seed + i) for i in range(programs)]
    return load_path(Path(corpus), record=record_reference_outputs)[:programs]


__all__ = ["CORPORA", "check_training_corpus", "load_training_corpus"]
