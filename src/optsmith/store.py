"""The SQLite store: every measurement optsmith makes, keyed so it is never made twice.

Key: (benchmark content hash, pipeline string, objective, toolchain version). Runs are
resumable because a search replays its (seeded) proposals and the store answers those
already measured; finished per-benchmark results of a `bench` run are kept too, so a
killed run skips whole benchmarks it had finished. WAL mode and a busy timeout let
several processes (Ray workers, parallel CLI runs) write at once.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from optsmith.errors import OptsmithError
from optsmith.writable import cache_dir, check_file_target

SCHEMA = """
CREATE TABLE IF NOT EXISTS measurements (
    bench_hash TEXT NOT NULL,
    pipeline   TEXT NOT NULL,
    objective  TEXT NOT NULL,
    toolchain  TEXT NOT NULL,
    value      REAL,
    ok         INTEGER NOT NULL,
    error      TEXT,
    seconds    REAL,
    created    REAL NOT NULL,
    PRIMARY KEY (bench_hash, pipeline, objective, toolchain)
);
CREATE TABLE IF NOT EXISTS validations (
    bench_hash TEXT NOT NULL,
    pipeline   TEXT NOT NULL,
    objective  TEXT NOT NULL,
    toolchain  TEXT NOT NULL,
    passed     INTEGER NOT NULL,
    detail     TEXT,
    created    REAL NOT NULL,
    PRIMARY KEY (bench_hash, pipeline, objective, toolchain)
);
CREATE TABLE IF NOT EXISTS results (
    run_key    TEXT NOT NULL,
    bench_hash TEXT NOT NULL,
    bench_name TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created    REAL NOT NULL,
    PRIMARY KEY (run_key, bench_hash)
);
"""


def default_store_path() -> Path:
    env = os.environ.get("OPTSMITH_STORE")
    if env:
        return Path(env)
    return cache_dir() / "store.sqlite"


@dataclass(frozen=True)
class Measurement:
    """A cached objective value; `ok=False` records a failure (crash, bad pipeline)."""

    value: float | None
    ok: bool
    error: str | None = None
    seconds: float = 0.0


class Store:
    """Thread-safe handle on one SQLite file (one connection, serialized by a lock).

    A context manager: leaving the `with` block closes the connection. A path given
    explicitly must lie in an existing, writable directory (checked here, before any
    work, so a typo in `--store` is one line, not a traceback after a search); the
    default path's directory (`~/.cache/optsmith`, or `$OPTSMITH_STORE`'s) is created.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        if str(self.path) != ":memory:":
            if path is None:
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise OptsmithError(
                        f"store {self.path}: cannot create {self.path.parent} ({exc.strerror})"
                    ) from None
            check_file_target(self.path, f"store {self.path}")
        self._lock = threading.Lock()
        self._closed = False
        try:
            self._conn = sqlite3.connect(
                str(self.path), timeout=60.0, check_same_thread=False, isolation_level=None
            )
            self._conn.execute("PRAGMA busy_timeout = 60000")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise OptsmithError(f"store {self.path}: not a usable SQLite file ({exc})") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._closed

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Cursor]:
        with self._lock:
            cur = self._conn.cursor()
            for attempt in range(20):
                try:
                    cur.execute("BEGIN IMMEDIATE")
                    break
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) or attempt == 19:
                        raise
                    time.sleep(0.05 * (attempt + 1))
            try:
                yield cur
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise

    def _read(self, sql: str, args: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    def close(self) -> None:
        """Close the connection; closing again is harmless."""
        with self._lock:
            self._conn.close()
            self._closed = True

    # measurements -------------------------------------------------------------------
    def get(
        self, bench_hash: str, pipeline: str, objective: str, toolchain: str
    ) -> Measurement | None:
        rows = self._read(
            "SELECT value, ok, error, seconds FROM measurements WHERE bench_hash=? AND "
            "pipeline=? AND objective=? AND toolchain=?",
            (bench_hash, pipeline, objective, toolchain),
        )
        if not rows:
            return None
        value, ok, error, seconds = rows[0]
        return Measurement(value=value, ok=bool(ok), error=error, seconds=seconds or 0.0)

    def put(
        self, bench_hash: str, pipeline: str, objective: str, toolchain: str, m: Measurement
    ) -> None:
        with self._write() as cur:
            cur.execute(
                "INSERT OR REPLACE INTO measurements VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    bench_hash,
                    pipeline,
                    objective,
                    toolchain,
                    m.value,
                    int(m.ok),
                    m.error,
                    m.seconds,
                    time.time(),
                ),
            )

    def best(self, bench_hash: str, objective: str, toolchain: str) -> tuple[str, float] | None:
        """The best (lowest) successful measurement known for a benchmark, any run."""
        rows = self._read(
            "SELECT pipeline, value FROM measurements WHERE bench_hash=? AND objective=? AND "
            "toolchain=? AND ok=1 ORDER BY value ASC, length(pipeline) ASC LIMIT 1",
            (bench_hash, objective, toolchain),
        )
        return (rows[0][0], rows[0][1]) if rows else None

    def best_validated(
        self, bench_hash: str, objective: str, toolchain: str
    ) -> tuple[str, float] | None:
        """The lowest measurement whose pipeline was rebuilt and passed the tests, any run.

        This is the autotuning result LLM answers are compared with and the label a data
        set may carry: a pipeline that was never validated (or failed) is not a result.
        """
        rows = self._read(
            "SELECT m.pipeline, m.value FROM measurements m JOIN validations v ON "
            "m.bench_hash=v.bench_hash AND m.pipeline=v.pipeline AND "
            "m.objective=v.objective AND m.toolchain=v.toolchain "
            "WHERE m.bench_hash=? AND m.objective=? AND m.toolchain=? AND m.ok=1 AND "
            "v.passed=1 ORDER BY m.value ASC, length(m.pipeline) ASC LIMIT 1",
            (bench_hash, objective, toolchain),
        )
        return (rows[0][0], rows[0][1]) if rows else None

    def top(self, bench_hash: str, objective: str, toolchain: str, k: int) -> list[str]:
        """The k best distinct-valued successful pipelines for a benchmark, shortest first."""
        rows = self._read(
            "SELECT pipeline, value FROM measurements WHERE bench_hash=? AND objective=? AND "
            "toolchain=? AND ok=1 AND pipeline != '' ORDER BY value ASC, length(pipeline) ASC",
            (bench_hash, objective, toolchain),
        )
        picked: list[str] = []
        values: set[float] = set()
        for pipeline, value in rows:
            if value not in values:
                values.add(value)
                picked.append(pipeline)
            if len(picked) >= k:
                break
        return picked

    def count(self, bench_hash: str | None = None) -> int:
        if bench_hash is None:
            return int(self._read("SELECT COUNT(*) FROM measurements", ())[0][0])
        return int(
            self._read("SELECT COUNT(*) FROM measurements WHERE bench_hash=?", (bench_hash,))[0][0]
        )

    # validations --------------------------------------------------------------------
    def get_validation(
        self, bench_hash: str, pipeline: str, objective: str, toolchain: str
    ) -> tuple[bool, str] | None:
        rows = self._read(
            "SELECT passed, detail FROM validations WHERE bench_hash=? AND pipeline=? AND "
            "objective=? AND toolchain=?",
            (bench_hash, pipeline, objective, toolchain),
        )
        return (bool(rows[0][0]), rows[0][1] or "") if rows else None

    def put_validation(
        self,
        bench_hash: str,
        pipeline: str,
        objective: str,
        toolchain: str,
        passed: bool,
        detail: str,
    ) -> None:
        with self._write() as cur:
            cur.execute(
                "INSERT OR REPLACE INTO validations VALUES (?,?,?,?,?,?,?)",
                (bench_hash, pipeline, objective, toolchain, int(passed), detail, time.time()),
            )

    # finished results of a run ---------------------------------------------------------
    def get_result(self, run_key: str, bench_hash: str) -> dict[str, Any] | None:
        rows = self._read(
            "SELECT payload FROM results WHERE run_key=? AND bench_hash=?", (run_key, bench_hash)
        )
        return json.loads(rows[0][0]) if rows else None

    def put_result(
        self, run_key: str, bench_hash: str, bench_name: str, payload: dict[str, Any]
    ) -> None:
        with self._write() as cur:
            cur.execute(
                "INSERT OR REPLACE INTO results VALUES (?,?,?,?,?)",
                (run_key, bench_hash, bench_name, json.dumps(payload, sort_keys=True), time.time()),
            )
