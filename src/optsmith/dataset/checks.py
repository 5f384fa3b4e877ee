"""Re-check a written data set row by row, with the same parsers a model's answer meets."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from optsmith.dataset import llm_compiler, supercoder
from optsmith.dataset.writer import JSONL_NAME, read_jsonl
from optsmith.errors import OptsmithError


def check_dataset(directory: Path) -> dict[str, str | None]:
    """Row id -> None when the row holds, else why not."""
    path = Path(directory) / JSONL_NAME
    if not path.is_file():
        raise OptsmithError(f"{directory}: no {JSONL_NAME}; is this a 'dataset build' output?")
    rows = list(read_jsonl(path))
    results: dict[str, str | None] = {}
    from optsmith.llvm.pool import EnginePool
    from optsmith.search.evaluator import Evaluator

    with closing(EnginePool(1)) as pool:
        evaluator = Evaluator(pool, None)
        for row in rows:
            kind = row.get("format")
            try:
                if kind == llm_compiler.FORMAT:
                    results[row["id"]] = llm_compiler.check_row(row, evaluator)
                elif kind == supercoder.FORMAT:
                    results[row["id"]] = supercoder.check_row(row)
                else:
                    results[row.get("id", "?")] = f"unknown row format {kind!r}"
            except (OptsmithError, KeyError, IndexError) as exc:
                results[row.get("id", "?")] = f"{type(exc).__name__}: {exc}"
    return results
