"""optsmith: make programs smaller and faster with search, learned models and LLMs.

Every result the tool reports is rebuilt, run against the program's tests and measured.

    import optsmith
    result = optsmith.optimize("prog.c", objective="text-size", budget="60s")
    print(result)                       # values, reduction below -Oz, validation, pipeline
    result.write("out/")                # input.ll, optimized.ll, optimized.o, pipeline.txt, ...
    report = optsmith.bench("builtin", optimizer="evolution", budget=1000)

`optsmith.Session` owns the engine workers and the store across many calls. The names
below are loaded on first use, so `import optsmith` stays cheap (no numpy, no LLVM);
everything else is importable from its own module. The layers (see DESIGN.md) import only
downwards; pyproject.toml's import-linter contract lists them from the top (cli) to the
bottom (errors) and tests/test_layers.py checks it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from optsmith.errors import (
    CompileError,
    IRParseError,
    OptsmithError,
    PipelineError,
    ToolchainError,
    WorkerCrash,
)

if TYPE_CHECKING:
    from optsmith.programs.benchmark import Benchmark
    from optsmith.results import BenchReport, Result
    from optsmith.session import Session, bench, optimize

__version__ = "0.1.0"

__all__ = [
    "BenchReport",
    "Benchmark",
    "CompileError",
    "IRParseError",
    "OptsmithError",
    "PipelineError",
    "Result",
    "Session",
    "ToolchainError",
    "WorkerCrash",
    "bench",
    "optimize",
]

_LAZY = {
    "Benchmark": "optsmith.programs.benchmark",
    "BenchReport": "optsmith.results",
    "Result": "optsmith.results",
    "Session": "optsmith.session",
    "bench": "optsmith.session",
    "optimize": "optsmith.session",
}


def __getattr__(name: str) -> Any:
    """Import the public names on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'optsmith' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
