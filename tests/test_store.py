"""The SQLite store: cache semantics and several writers at once (real SQLite, real processes)."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from optsmith.errors import OptsmithError
from optsmith.store import Measurement, Store


def test_roundtrip_and_best(store: Store) -> None:
    assert store.get("h", "p", "ir-instcount", "llvm-22") is None
    store.put("h", "p1", "ir-instcount", "llvm-22", Measurement(10.0, True, None, 0.1))
    store.put("h", "p2", "ir-instcount", "llvm-22", Measurement(8.0, True))
    store.put("h", "p3", "ir-instcount", "llvm-22", Measurement(None, False, "crash: SIGSEGV"))
    assert store.get("h", "p1", "ir-instcount", "llvm-22") == Measurement(10.0, True, None, 0.1)
    crashed = store.get("h", "p3", "ir-instcount", "llvm-22")
    assert crashed is not None and not crashed.ok and "SIGSEGV" in (crashed.error or "")
    assert store.best("h", "ir-instcount", "llvm-22") == ("p2", 8.0)
    # a different toolchain or objective is a different key
    assert store.get("h", "p1", "ir-instcount", "llvm-23") is None
    assert store.get("h", "p1", "text-size", "llvm-22") is None


def test_validations_and_results(store: Store) -> None:
    store.put_validation("h", "p", "ir-instcount", "llvm-22", False, "test 0: expected 'a'")
    assert store.get_validation("h", "p", "ir-instcount", "llvm-22") == (
        False,
        "test 0: expected 'a'",
    )
    store.put_result("run", "h", "prog", {"best_value": 3.0})
    assert store.get_result("run", "h") == {"best_value": 3.0}
    assert store.get_result("other-run", "h") is None


def _writer(path: str, worker: int) -> None:
    s = Store(path)
    for i in range(200):
        s.put("h", f"w{worker}-{i}", "ir-instcount", "llvm-22", Measurement(float(i), True))
    s.close()


def test_concurrent_processes_lose_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite")
    Store(path).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert Store(path).count("h") == 800


def test_store_is_a_context_manager_and_checks_its_path(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as s:
        s.put("h", "p", "ir-instcount", "llvm-22", Measurement(1.0, True))
        assert not s.closed
    assert s.closed
    with pytest.raises(sqlite3.ProgrammingError):
        s.count()
    assert Store(tmp_path / "s.sqlite").count("h") == 1  # what was written is kept
    with pytest.raises(OptsmithError, match="directory .*missing does not exist"):
        Store(tmp_path / "missing" / "s.sqlite")
    (tmp_path / "text.sqlite").write_text("not SQLite at all " * 64)
    with pytest.raises(OptsmithError, match="not a usable SQLite file"):
        Store(tmp_path / "text.sqlite")
