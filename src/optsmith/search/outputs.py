"""Writes what `optsmith optimize --out DIR` promises: IR, object, executable, pipeline.txt.

`pipeline.txt` holds exactly the string the engine ran, so
`opt-22 -passes="$(cat pipeline.txt)" input.ll` replays the result with stock LLVM.
The caller lends its evaluator (an `optsmith.Session`'s, normally): the outputs are made by
the same engine workers that measured the result.
"""

from __future__ import annotations

import json
from pathlib import Path

from optsmith.measure.build import link_executable
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark
from optsmith.search.driver import SearchResult
from optsmith.search.evaluator import Evaluator


def write_outputs(
    benchmark: Benchmark, result: SearchResult, out: Path, evaluator: Evaluator
) -> dict[str, Path]:
    """Write the outputs into `out` (created); label -> path of each file written."""
    out.mkdir(parents=True, exist_ok=True)
    objective = get_objective(result.objective)
    problem = evaluator.prepare(benchmark, objective)
    obj, ir, sizes = evaluator.object_for(problem, result.best_pipeline)
    written: dict[str, Path] = {}
    files = {
        "input IR": ("input.ll", problem.ir),
        "optimized IR": ("optimized.ll", ir),
        "pipeline": ("pipeline.txt", result.best_pipeline + "\n"),
        "result": ("result.json", json.dumps({**result.to_dict(), "sizes": sizes}, indent=2)),
    }
    for label, (name, text) in files.items():
        path = out / name
        path.write_text(text)
        written[label] = path
    obj_path = out / "optimized.o"
    obj_path.write_bytes(obj)
    written["object"] = obj_path
    if benchmark.has_main:
        written["executable"] = link_executable(obj, out / "optimized", benchmark.ldflags)
        obj_path.write_bytes(obj)  # link_executable wrote the same bytes beside it
    return written
