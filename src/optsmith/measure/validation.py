"""Validation of one optimized build: link the engine's object, run the program's tests.

The search (`optsmith.search.evaluator`) and the Gymnasium environment (`LlvmEnv.validate`)
judge a pipeline the same way, here: the object the engine emitted for the pipeline is
linked as it is (the binary tested is the code measured) and run against the benchmark's
expected outputs in the sandbox.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from optsmith.errors import OptsmithError
from optsmith.measure.build import link_executable
from optsmith.measure.correctness import run_tests
from optsmith.programs.benchmark import Benchmark

NOT_TESTABLE = "no tests"


def can_validate(benchmark: Benchmark) -> bool:
    """Whether the benchmark has tests and a `main` to run them on."""
    return bool(benchmark.tests) and benchmark.has_main


def validate_object(obj: bytes, benchmark: Benchmark) -> tuple[bool, str]:
    """Link `obj` and run `benchmark`'s tests on it: (passed, detail).

    A link failure or a sandbox refusal is a failed validation whose detail says why.
    Callers check `can_validate` first, before they ask the engine for the object.
    """
    if not can_validate(benchmark):
        what = "tests" if not benchmark.tests else "main()"
        raise OptsmithError(f"cannot validate {benchmark.uri}: it has no {what}")
    try:
        with tempfile.TemporaryDirectory(prefix="optsmith-validate-") as tmp:
            exe = link_executable(obj, Path(tmp) / "prog", benchmark.ldflags)
            verdict = run_tests(exe, benchmark)
    except OptsmithError as exc:
        return False, str(exc)
    return verdict.passed, verdict.detail


__all__ = ["NOT_TESTABLE", "can_validate", "validate_object"]
