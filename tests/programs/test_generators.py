"""Random program generators: csmith programs carry a checksum test, hangs are dropped."""

from __future__ import annotations

import subprocess

import pytest

from optsmith.measure.reference import record_reference_outputs as record
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.generators import (
    CSMITH_OPTIONS,
    _terminating,
    csmith_benchmark,
    csmith_source,
    csmith_suite,
    llvm_stress_benchmark,
)
from optsmith.toolchain import find_toolchain

needs_csmith = pytest.mark.skipif(
    find_toolchain().csmith is None or find_toolchain().csmith_include is None,
    reason="csmith not installed",
)


@needs_csmith
@pytest.mark.parametrize("seed", [1, 2, 13])
def test_csmith_benchmark_records_checksum(seed: int) -> None:
    bench = csmith_benchmark(seed, record=record)
    assert bench is not None
    assert bench.name == f"csmith-{seed}" and bench.suite == "csmith"
    assert bench.language == "c" and bench.has_main
    assert "-w" in bench.cflags
    assert any(flag.startswith("-I") for flag in bench.cflags)
    (test,) = bench.tests
    assert test.expected_stdout.startswith("checksum = ")
    assert test.expected_exit_code == 0
    assert bench.meta["seed"] == str(seed)


@needs_csmith
def test_csmith_source_is_deterministic() -> None:
    first = csmith_source(5)
    assert first == csmith_source(5)
    assert "--max-funcs 6" in first  # options are recorded in csmith's header comment
    assert "-o " not in first.split("*/", 1)[0]
    assert set(CSMITH_OPTIONS) >= {"--no-volatiles"}


def test_non_terminating_program_is_filtered() -> None:
    hang = Benchmark(
        name="hang",
        source='#include <stdio.h>\nint main(void){for(volatile int i=0;;i++);puts("x");}\n',
    )
    assert _terminating(hang, record, timeout_s=0.5) is None
    crash = Benchmark(name="crash", source="int main(void){ __builtin_trap(); }\n")
    assert _terminating(crash, record, timeout_s=5.0) is None
    fine = Benchmark(name="fine", source='#include <stdio.h>\nint main(void){puts("hi");}\n')
    kept = _terminating(fine, record, timeout_s=5.0)
    assert kept is not None and kept.tests[0].expected_stdout == "hi\n"


@needs_csmith
def test_csmith_suite_is_deterministic_and_skips_hangs() -> None:
    # With CSMITH_OPTIONS, seed 7 does not terminate (measured: > 5 s at -O0);
    # a 1 s timeout keeps the test fast and still drops it.
    suite = csmith_suite(3, record=record, first_seed=5, timeout_s=1.0)
    again = csmith_suite(3, record=record, first_seed=5, timeout_s=1.0)
    assert [b.name for b in suite] == ["csmith-5", "csmith-6", "csmith-8"]
    assert [b.content_hash for b in suite] == [b.content_hash for b in again]
    assert csmith_suite(0, record=record) == []


def test_llvm_stress_ir_parses() -> None:
    bench = llvm_stress_benchmark(3, size=100)
    assert bench.language == "llvm-ir" and not bench.has_main and not bench.tests
    assert bench.suite == "llvm-stress"
    assert bench == llvm_stress_benchmark(3, size=100)
    assert llvm_stress_benchmark(3).name == "llvm-stress-3"
    proc = subprocess.run(
        [str(find_toolchain().opt), "-passes=verify", "-disable-output", "-"],
        input=bench.source.encode(),
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
