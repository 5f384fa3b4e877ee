"""Re-check a written data set row by row, with the same parsers a model's answer meets.

The caller lends the evaluator (an `optsmith.Session(store=False)`'s, normally): a check
must measure again, so it should not be answered from a store of earlier measurements.
"""

from __future__ import annotations

from pathlib import Path

from optsmith.dataset import llm_compiler, supercoder
from optsmith.dataset.writer import JSONL_NAME, read_jsonl
from optsmith.errors import OptsmithError
from optsmith.search.evaluator import Evaluator


def check_dataset(directory: Path, evaluator: Evaluator) -> dict[str, str | None]:
    """Row id -> None when the row holds, else why not."""
    path = Path(directory) / JSONL_NAME
    if not path.is_file():
        raise OptsmithError(f"{directory}: no {JSONL_NAME}; is this a 'dataset build' output?")
    results: dict[str, str | None] = {}
    for row in read_jsonl(path):
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
