"""The ctypes engine itself, in-process, on well-behaved inputs (crashes: test_pool.py)."""

from __future__ import annotations

import subprocess

import pytest

from optsmith.errors import IRParseError, PipelineError
from optsmith.llvm.module import Engine
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.frontend import c_to_ir
from optsmith.toolchain import find_toolchain


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="module")
def loop_ir(loop_benchmark: Benchmark) -> str:
    return c_to_ir(loop_benchmark, "instcount")


def _opt_count(ir: str, pipeline: str) -> int:
    """Instruction count of opt-22's output, counted by the engine from opt's text."""
    tc = find_toolchain()
    out = subprocess.run(
        [str(tc.opt), f"-passes={pipeline}", "-S", "-o", "-"],
        input=ir.encode(),
        capture_output=True,
        check=True,
    ).stdout.decode()
    return Engine().parse(out).instruction_count()


def test_counts_match_text(engine: Engine, loop_ir: str) -> None:
    module = engine.parse(loop_ir, "loop")
    counts = module.counts()
    assert counts.functions == 3
    assert counts.blocks > 10
    opcodes = module.opcode_counts()
    assert sum(opcodes.values()) == counts.instructions
    assert opcodes["Alloca"] > 0 and opcodes["Switch"] == 1
    # the printed text round-trips to the same counts
    assert engine.parse(module.to_text()).counts() == counts


def test_run_passes_matches_opt(engine: Engine, loop_ir: str) -> None:
    for pipeline in ("default<Oz>", "function(mem2reg,instcombine<no-verify-fixpoint>),globaldce"):
        module = engine.parse(loop_ir)
        module.run_passes(pipeline)
        assert module.instruction_count() == _opt_count(loop_ir, pipeline)


def test_clone_is_independent(engine: Engine, loop_ir: str) -> None:
    module = engine.parse(loop_ir)
    before = module.instruction_count()
    copy = module.clone()
    copy.run_passes("default<Oz>")
    assert copy.instruction_count() < before
    assert module.instruction_count() == before


def test_unknown_pass_is_pipeline_error(engine: Engine, loop_ir: str) -> None:
    with pytest.raises(PipelineError, match="instcombin.*did you mean: instcombine"):
        engine.parse(loop_ir).run_passes("instcombin")
    with pytest.raises(PipelineError, match="unknown function pass 'loop-rotat'.*loop-rotate"):
        engine.parse(loop_ir).run_passes("function(loop-rotat)")


def test_malformed_ir_names_line(engine: Engine) -> None:
    with pytest.raises(IRParseError, match=r":2:\d+: error"):
        engine.parse("define i32 @f() {\n  ret i64 0\n}\n", "bad")
    with pytest.raises(IRParseError):
        engine.parse(b"BC\xc0\xde garbage bitcode", "bad.bc")


def test_bitcode_parses(engine: Engine, loop_ir: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ll = tmp_path / "m.ll"
    ll.write_text(loop_ir)
    bc = tmp_path / "m.bc"
    subprocess.run([str(find_toolchain().opt), str(ll), "-o", str(bc)], check=True)
    assert engine.parse(bc.read_bytes()).counts() == engine.parse(loop_ir).counts()


def test_text_size_matches_clang_oz(engine: Engine, loop_benchmark: Benchmark, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The text-size baseline equals the .text of `clang-22 -Oz -c` (DESIGN.md)."""
    module = engine.parse(c_to_ir(loop_benchmark, "size"))
    module.run_passes("default<Oz>", reloc="pic")
    sizes = module.object_sizes()
    src = tmp_path / "loop.c"
    src.write_text(loop_benchmark.source)
    obj = tmp_path / "loop.o"
    subprocess.run([str(find_toolchain().clang), "-Oz", "-c", str(src), "-o", str(obj)], check=True)
    from optsmith.llvm.module import object_sizes

    assert sizes.text == object_sizes(engine, obj.read_bytes()).text
    assert sizes.text > 50
