"""Loading user programs: sidecar tests, -O0 reference outputs, IR modules, clear errors."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from optsmith.errors import CompileError, IRParseError, OptsmithError, ReferenceRunError
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.measure.reference import record_reference_outputs as record
from optsmith.programs.benchmark import as_bytes
from optsmith.programs.loaders import (
    load_c_directory,
    load_c_file,
    load_ir_directory,
    load_path,
    scan_c_directory,
)
from optsmith.search.budget import Budget
from optsmith.search.driver import run_search
from optsmith.search.evaluator import Evaluator
from optsmith.search.random_search import RandomSearch
from optsmith.search.registry import default_space
from optsmith.store import Store
from optsmith.toolchain import find_toolchain

ECHO_C = r"""
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  int c, n = 0;
  while ((c = getchar()) != EOF) n++;
  printf("argc=%d", argc);
  for (int i = 1; i < argc; i++) printf(" [%s]", argv[i]);
  printf(" stdin=%d\n", n);
  return argc > 2 ? 3 : 0;
}
"""
BROKEN_C = "int main(void) { return undeclared_thing; }\n"
IR_MAIN = "define i32 @main() {\n  ret i32 0\n}\n"
IR_LIB = "define i32 @f(i32 %x) {\n  %y = add i32 %x, 1\n  ret i32 %y\n}\n"


def test_good_program_with_args_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "echo.c").write_text(ECHO_C)
    (tmp_path / "echo.args").write_text("one\n\n# a comment\n'two words' three\n")
    (tmp_path / "echo.stdin").write_text("abc")
    (tmp_path / "echo.2.stdin").write_text("hello world")
    (bench,) = load_c_directory(tmp_path, record=record)
    assert bench.name == "echo" and bench.language == "c"
    first, second = bench.tests
    assert first.args == ("one",) and first.stdin == "abc"
    assert first.expected_stdout == "argc=2 [one] stdin=3\n"
    assert first.expected_exit_code == 0
    assert second.args == ("two words", "three") and second.stdin == "hello world"
    assert second.expected_stdout == "argc=3 [two words] [three] stdin=11\n"
    assert second.expected_exit_code == 3


def test_program_without_sidecars_gets_one_test(tmp_path: Path) -> None:
    (tmp_path / "plain.c").write_text(ECHO_C)
    bench = load_c_file(tmp_path / "plain.c", record=record)
    (test,) = bench.tests
    assert test.args == () and test.expected_stdout == "argc=1 stdin=0\n"


def test_broken_program_reports_clang_message(tmp_path: Path) -> None:
    (tmp_path / "good.c").write_text(ECHO_C)
    (tmp_path / "broken.c").write_text(BROKEN_C)
    with pytest.raises(CompileError) as err:
        load_c_directory(tmp_path, record=record)
    assert "broken.c" in str(err.value)
    assert "undeclared_thing" in str(err.value)
    assert f"{tmp_path / 'broken.c'}:1:" in str(err.value)  # clang's location, user's path
    scan = scan_c_directory(tmp_path, record=record)
    assert [b.name for b in scan.benchmarks] == ["good"]
    (failure,) = scan.failures
    assert failure.path.name == "broken.c" and isinstance(failure.error, CompileError)


def test_crashing_reference_run_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "trap.c").write_text("int main(void) { __builtin_trap(); }\n")
    with pytest.raises(ReferenceRunError, match="signal"):
        load_c_file(tmp_path / "trap.c", record=record)


def test_stdin_file_beyond_args_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "echo.c").write_text(ECHO_C)
    (tmp_path / "echo.args").write_text("a\n")
    (tmp_path / "echo.2.stdin").write_text("x")
    with pytest.raises(OptsmithError, match="test 2"):
        load_c_file(tmp_path / "echo.c", record=record)


def test_ir_directory_with_ll_and_bc(tmp_path: Path) -> None:
    (tmp_path / "lib.ll").write_text(IR_LIB)
    src = tmp_path / "prog.c"
    src.write_text("int main(void) { return 0; }\n")
    subprocess.run(
        [
            str(find_toolchain().clang),
            "-c",
            "-emit-llvm",
            str(src),
            "-o",
            str(tmp_path / "prog.bc"),
        ],
        check=True,
        timeout=60,
    )
    src.unlink()
    lib, prog = load_ir_directory(tmp_path)
    assert (lib.name, lib.language, lib.has_main, lib.tests) == ("lib", "llvm-ir", False, ())
    assert lib.source == IR_LIB
    assert (prog.name, prog.language, prog.has_main) == ("prog", "llvm-bc", True)
    assert prog.source_bytes == (tmp_path / "prog.bc").read_bytes()


def test_bad_ir_raises(tmp_path: Path) -> None:
    (tmp_path / "bad.ll").write_text("define i32 @f( {\n")
    with pytest.raises(IRParseError, match="bad.ll"):
        load_ir_directory(tmp_path)


def test_load_path_file_and_directory(tmp_path: Path) -> None:
    (tmp_path / "main.ll").write_text(IR_MAIN)
    (tmp_path / "main.c").write_text(ECHO_C)
    (ir,) = load_path(tmp_path / "main.ll", record=record)
    assert ir.has_main and ir.language == "llvm-ir"
    both = load_path(tmp_path, record=record)
    assert sorted(b.name for b in both) == ["main.c", "main.ll"]  # clash keeps suffixes
    with pytest.raises(OptsmithError):
        load_path(tmp_path / "missing.c", record=record)


LATIN1_C = (
    b"/* caf\xe9: a Latin-1 comment, as old code bases have them */\n"
    b"#include <stdio.h>\n"
    b"int main(void) {\n"
    b"  unsigned s = 0;\n"
    b"  for (unsigned i = 0; i < 1000; i++) s += i * i;\n"
    b'  printf("na\xefve %u\\n", s);\n'
    b"  return 0;\n"
    b"}\n"
)


def test_latin1_source_loads_compiles_and_optimizes_validated(
    tmp_path: Path, pool: EnginePool, store: Store
) -> None:
    path = tmp_path / "latin1.c"
    path.write_bytes(LATIN1_C)
    (tmp_path / "latin1.stdin").write_bytes(b"\xe9t\xe9\n")
    bench = load_c_file(path, record=record)
    assert bench.source_bytes == LATIN1_C  # the bytes clang sees are the file's own
    (test,) = bench.tests
    assert test.stdin_bytes == b"\xe9t\xe9\n"
    assert as_bytes(test.expected_stdout) == b"na\xefve 332833500\n"
    assert load_c_file(path, record=record).content_hash == bench.content_hash
    evaluator = Evaluator(pool, store)
    problem = evaluator.prepare(bench, get_objective("ir-instcount"))
    result = run_search(
        problem, RandomSearch(space=default_space(), seed=1), Budget(compilations=6), evaluator
    )
    assert result.validated is True, result.validation_detail
