"""The PGO training run shared by `optsmith speed --pgo` and the assembly task's flags:
a real instrumented binary in the sandbox; a failing input is an error, never a profile."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from optsmith.errors import CompileError
from optsmith.measure.pgo import llvm_profdata, run_training
from optsmith.toolchain import find_toolchain

SOURCE = r"""
#include <stdio.h>
int main(int argc, char **argv) {
    int c, n = 0;
    while ((c = getchar()) != EOF) n += c == 'x';
    if (n > 2) return 3;          /* a training input this program cannot run */
    printf("%d %d\n", n, argc);
    return 0;
}
"""
ENV = {"LLVM_PROFILE_FILE": "prog-%m.profraw"}


@pytest.fixture(scope="module")
def instrumented(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pgo")
    (work / "prog.c").write_text(SOURCE)
    subprocess.run([str(find_toolchain().clang), "-O1", "-fprofile-instr-generate", "prog.c",
                    "-o", "instrumented"], cwd=work, check=True)
    return work / "instrumented"


def test_training_returns_a_profile_llvm_profdata_merges(instrumented: Path,
                                                         tmp_path: Path) -> None:
    raw = run_training(instrumented, [((), b"ax"), (("a b",), b"xx\n")],
                       profile_glob="prog-*.profraw", env=ENV)
    (tmp_path / "p.profraw").write_bytes(raw)
    merged = subprocess.run([str(llvm_profdata()), "show", str(tmp_path / "p.profraw")],
                            capture_output=True, text=True)
    assert merged.returncode == 0, merged.stderr
    assert "Total functions: 1" in merged.stdout


def test_a_failing_training_input_is_an_error(instrumented: Path) -> None:
    with pytest.raises(CompileError, match="failed on a training input"):
        run_training(instrumented, [((), b"a"), ((), b"xxxx")],
                     profile_glob="prog-*.profraw", env=ENV)
