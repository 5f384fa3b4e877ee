"""Rows to disk: JSONL appended one row at a time, Parquet written from it at the end.

Appending keeps an interrupted build's rows; a row that was half-written when the process
died (a last line that is not JSON) is dropped on the next open, and rows whose `id` is
already present are skipped, so a rerun picks up where the last one stopped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from optsmith.errors import OptsmithError

JSONL_NAME = "train.jsonl"
PARQUET_NAME = "train.parquet"


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError:
                    return  # a torn last line from an interrupted build


class DatasetWriter:
    """Writes rows of one data set under `directory` (train.jsonl, train.parquet)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.jsonl = self.directory / JSONL_NAME
        self.parquet = self.directory / PARQUET_NAME
        self.rows: list[dict[str, Any]] = list(read_jsonl(self.jsonl)) if self.jsonl.exists() \
            else []
        self._rewrite_clean()
        self.ids = {row["id"] for row in self.rows}

    def _rewrite_clean(self) -> None:
        """Drop a torn trailing line so appends start on a clean line."""
        if self.jsonl.exists():
            self.jsonl.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in self.rows))

    def has(self, row_id: str) -> bool:
        return row_id in self.ids

    def add(self, row: dict[str, Any]) -> None:
        if row["id"] in self.ids:
            return
        with self.jsonl.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(row, sort_keys=True) + "\n")
            handle.flush()
        self.rows.append(row)
        self.ids.add(row["id"])

    def finish(self) -> Path:
        """Write the Parquet file from every row (pyarrow); returns its path."""
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise OptsmithError("writing Parquet needs pyarrow: pip install pyarrow") from exc
        if not self.jsonl.exists():
            self.jsonl.write_text("")
        empty = pa.table({"id": pa.array([], pa.string())})
        table = pa.Table.from_pylist(self.rows) if self.rows else empty
        pq.write_table(table, self.parquet)
        return self.parquet
