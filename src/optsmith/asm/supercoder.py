"""Load SuperCoder-style data set rows (JSONL, or Parquet with pyarrow) as `Problem`s.

Published assembly-optimization data sets (SuperCoder's CodeNet subset and its relatives)
agree on the content of a row but not on the column names, so the loader accepts the known
spellings and says exactly what it found when a row matches none of them:

* name: `problem_id`, `id`, `name`, `task_id`, `submission_id` (row number if absent)
* C source: `c_code`, `source`, `src`, `code`, `c_source`, `program`, `input_c`
* tests: `tests` / `test_cases` (a list of {input, output} objects, or of [input, output]
  pairs), or parallel lists `inputs` + `outputs` (also `input` + `output`, `test_inputs` +
  `test_outputs`), or a single `input` + `output` string pair
* baseline assembly (optional): `baseline_asm`, `asm`, `o3_asm`, `gcc_o3_asm`, `unoptimized_asm`

When the row has C source, the baseline is compiled here (`gcc -O3 -S`) so that speedups
are measured against this machine's compiler; the row's assembly is used only when there is
no C to compile. Duplicate names get a `-2`, `-3`, ... suffix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from optsmith.asm.problems import AsmTest, Problem
from optsmith.errors import OptsmithError

NAME_KEYS = ("problem_id", "id", "name", "task_id", "submission_id")
SOURCE_KEYS = ("c_code", "source", "src", "code", "c_source", "program", "input_c")
TEST_LIST_KEYS = ("tests", "test_cases")
PARALLEL_KEYS = (("inputs", "outputs"), ("input", "output"), ("test_inputs", "test_outputs"))
ASM_KEYS = ("baseline_asm", "asm", "o3_asm", "gcc_o3_asm", "unoptimized_asm")
PARQUET_HINT = "reading Parquet needs pyarrow: pip install pyarrow (or convert the file to JSONL)"
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def load_supercoder(path: Path, *, limit: int | None = None) -> list[Problem]:
    """Every row of a .jsonl/.json/.parquet file as a Problem; OptsmithError names a bad row."""
    path = Path(path)
    if not path.is_file():
        raise OptsmithError(f"{path}: no such data set file")
    problems: list[Problem] = []
    used: dict[str, int] = {}
    for number, row in enumerate(_rows(path), start=1):
        if limit is not None and len(problems) >= limit:
            break
        problem = problem_from_row(row, number, origin=f"{path}:{number}")
        count = used.get(problem.name, 0) + 1
        used[problem.name] = count
        if count > 1:
            problem = Problem(name=f"{problem.name}-{count}", source=problem.source,
                              tests=problem.tests, origin=problem.origin,
                              baseline_asm=problem.baseline_asm)
        problems.append(problem)
    if not problems:
        raise OptsmithError(f"{path}: the data set has no rows")
    return problems


def problem_from_row(row: Mapping[str, Any], number: int, *, origin: str = "") -> Problem:
    """One row to a Problem; the error lists the row's keys and the accepted spellings."""
    if not isinstance(row, Mapping):
        raise OptsmithError(f"{origin or f'row {number}'}: expected a JSON object, "
                           f"got {type(row).__name__}")
    name = _first(row, NAME_KEYS)
    source = _first(row, SOURCE_KEYS)
    asm = _first(row, ASM_KEYS)
    tests = _tests(row)
    problems = []
    if source is None and asm is None:
        problems.append(f"C source ({'/'.join(SOURCE_KEYS)}) or baseline assembly "
                        f"({'/'.join(ASM_KEYS)})")
    if tests is None:
        problems.append(f"tests ({'/'.join(TEST_LIST_KEYS)}, or paired "
                        f"{', '.join('+'.join(p) for p in PARALLEL_KEYS)})")
    if problems:
        raise OptsmithError(f"{origin or f'row {number}'}: unknown schema: no "
                           f"{' and no '.join(problems)}; the row has keys "
                           f"{sorted(map(str, row))}")
    assert tests is not None
    clean = _UNSAFE.sub("_", str(name)).strip("._") if name is not None else ""
    return Problem(name=clean or f"row{number}", source=_text(source, "source", origin),
                   tests=tests, origin=origin, baseline_asm=_text(asm, "asm", origin))


def _rows(path: Path) -> Iterator[Mapping[str, Any]]:
    if path.suffix == ".parquet":
        yield from _parquet_rows(path)
        return
    text = path.read_text()
    if path.suffix == ".json" and text.lstrip().startswith("["):
        data = _json(text, path, 1)
        if not isinstance(data, list):
            raise OptsmithError(f"{path}: expected a JSON list of rows")
        yield from data
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _json(line, path, number)


def _json(text: str, path: Path, line: int) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise OptsmithError(f"{path}:{line}: not valid JSON ({exc.msg} at column {exc.colno})") \
            from exc


def _parquet_rows(path: Path) -> Iterator[Mapping[str, Any]]:
    try:
        import pyarrow.parquet as pq  # optional dependency, imported only for Parquet
    except ImportError as exc:
        raise OptsmithError(PARQUET_HINT) from exc
    table = pq.read_table(path)
    yield from table.to_pylist()


def _first(row: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = row.get(key)
        if value is not None and value != "":
            return value
    return None


def _text(value: Any, what: str, origin: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise OptsmithError(f"{origin}: {what} must be a string, got {type(value).__name__}")


def _tests(row: Mapping[str, Any]) -> tuple[AsmTest, ...] | None:
    listed = _first(row, TEST_LIST_KEYS)
    if listed is not None:
        return tuple(_test(item) for item in _as_list(listed))
    for in_key, out_key in PARALLEL_KEYS:
        ins, outs = row.get(in_key), row.get(out_key)
        if ins is None or outs is None:
            continue
        if isinstance(ins, str) and isinstance(outs, str):
            return (AsmTest(_bytes(ins), _bytes(outs)),)
        ins, outs = _as_list(ins), _as_list(outs)
        if len(ins) != len(outs):
            raise OptsmithError(f"{in_key} has {len(ins)} entries but {out_key} has {len(outs)}")
        return tuple(AsmTest(_bytes(i), _bytes(o)) for i, o in zip(ins, outs, strict=True))
    return None


def _test(item: Any) -> AsmTest:
    if isinstance(item, Mapping):
        stdin = item.get("input", item.get("stdin"))
        expected = item.get("output", item.get("expected_output", item.get("stdout")))
        if stdin is None or expected is None:
            raise OptsmithError(f"a test object needs input and output, got keys {sorted(item)}")
        return AsmTest(_bytes(stdin), _bytes(expected))
    if isinstance(item, list | tuple) and len(item) == 2:
        return AsmTest(_bytes(item[0]), _bytes(item[1]))
    raise OptsmithError(f"a test must be an {{input, output}} object or a pair, got {item!r:.80}")


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, str):  # some exports store the list as a JSON string
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise OptsmithError(f"expected a list of tests, got the string {value!r:.80}") from exc
    if not isinstance(value, list | tuple):
        raise OptsmithError(f"expected a list of tests, got {type(value).__name__}")
    return list(value)


def _bytes(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode()
    raise OptsmithError(f"test input/output must be text, got {type(value).__name__}")
