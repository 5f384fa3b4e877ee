"""The built-in suite loads, is well-formed, and every program reproduces its manifest.

Each program is built at -O0 (which defines the expected output) and at -O2 (which must
not change it: a difference means undefined behaviour in the program, the very thing the
suite promises not to contain). Both builds of one program run side by side.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from optsmith.errors import OptsmithError
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.builtin_suite import builtin_benchmark, builtin_suite

RUN_TIMEOUT_S = 10.0
COMPILE_TIMEOUT_S = 120.0


def _find_clang() -> str | None:
    for candidate in ("clang-22", "/usr/lib/llvm-22/bin/clang"):
        path = shutil.which(candidate)
        if path:
            return path
    return None


CLANG = _find_clang()
SUITE = builtin_suite()
needs_clang = pytest.mark.skipif(CLANG is None, reason="clang-22 is not installed")


def test_suite_size_and_names() -> None:
    names = [b.name for b in SUITE]
    assert len(SUITE) >= 40
    assert len(set(names)) == len(names)
    assert names == sorted(names)
    for b in SUITE:
        assert b.suite == "builtin"
        assert b.language == "c"
        assert b.name.replace("_", "").isalnum() and b.name == b.name.lower()
        assert "int main(" in b.source
        assert b.meta.get("description")


def test_every_program_has_tests_with_a_checksum() -> None:
    for b in SUITE:
        assert len(b.tests) >= 2, b.name
        assert len({(t.args, t.stdin) for t in b.tests}) == len(b.tests), b.name
        for t in b.tests:
            assert t.expected_exit_code == 0, b.name
            assert "checksum: " in t.expected_stdout, b.name


def test_content_hashes_are_unique() -> None:
    hashes = [b.content_hash for b in SUITE]
    assert len(set(hashes)) == len(hashes)


def test_lookup_by_name() -> None:
    assert builtin_benchmark("crc32").name == "crc32"
    with pytest.raises(OptsmithError, match="crc32"):
        builtin_benchmark("crc3")


def _build(b: Benchmark, opt: str, out: Path) -> subprocess.Popen[str]:
    assert CLANG is not None
    src = out.parent / f"{b.name}.c"
    cmd = [CLANG, opt, *b.cflags, str(src), "-o", str(out), *b.ldflags]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@needs_clang
@pytest.mark.parametrize("bench", SUITE, ids=[b.name for b in SUITE])
def test_program_matches_manifest_at_O0_and_O2(bench: Benchmark, tmp_path: Path) -> None:
    exes = {opt: tmp_path / f"{bench.name}{opt}" for opt in ("-O0", "-O2")}
    (tmp_path / f"{bench.name}.c").write_text(bench.source)
    procs = {opt: _build(bench, opt, exe) for opt, exe in exes.items()}
    for opt, proc in procs.items():
        _, err = proc.communicate(timeout=COMPILE_TIMEOUT_S)
        assert proc.returncode == 0, f"{bench.name} {opt} does not compile:\n{err}"
    for opt, exe in exes.items():
        for test in bench.tests:
            run = subprocess.run(
                [str(exe), *test.args],
                input=test.stdin,
                capture_output=True,
                text=True,
                timeout=RUN_TIMEOUT_S,
            )
            where = f"{bench.name} {opt} args={list(test.args)}"
            assert run.stdout == test.expected_stdout, where
            assert run.returncode == test.expected_exit_code, where
