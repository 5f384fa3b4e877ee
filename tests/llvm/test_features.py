"""Worker-side features (InstCount, Autophase, behavior spectrum, IR2Vec) on real LLVM 22."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from optsmith.env.spaces import INSTCOUNT_NAMES
from optsmith.llvm import features
from optsmith.llvm.module import Engine, Module
from optsmith.llvm.pool import WorkerHandle
from optsmith.llvm.protocol import EvalRequest, FeatureParams
from optsmith.programs.builtin_suite import builtin_benchmark
from optsmith.programs.frontend import c_to_ir

# Two small functions whose Autophase answers are worked out by hand below.
DIAMOND = """
declare i32 @g(i32)

define i32 @f(i32 %x, i1 %c) {
entry:
  %a = add i32 %x, 1
  br i1 %c, label %left, label %right
left:
  %b = mul i32 %a, %a
  br label %join
right:
  %d = sub i32 %a, 0
  br i1 %c, label %join, label %exit
join:
  %p = phi i32 [ %b, %left ], [ %d, %right ]
  %q = phi i64 [ 0, %left ], [ 1, %right ]
  %t = trunc i64 %q to i32
  %r = add i32 %p, %t
  br label %join2
join2:
  br label %exit
exit:
  %s = phi i32 [ %r, %join2 ], [ %d, %right ]
  %call = call i32 @g(i32 %s)
  ret i32 %call
}
"""

# A switch with two cases to the same block: that block has two predecessor edges.
SWITCH = """
define void @s(i32 %v) {
entry:
  switch i32 %v, label %a [ i32 1, label %b
                            i32 2, label %b ]
a:
  ret void
b:
  ret void
}
"""


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="module")
def crc32(engine: Engine) -> Module:
    return engine.parse(c_to_ir(builtin_benchmark("crc32"), "instcount"), "crc32")


def _named(vector: list[int]) -> dict[str, int]:
    assert len(vector) == 56
    return dict(zip(features.AUTOPHASE_NAMES, vector, strict=True))


def test_autophase_on_a_hand_written_cfg(engine: Engine) -> None:
    got = _named(features.autophase(engine.parse(DIAMOND, "diamond")))
    # blocks: entry(0 pred, 2 succ) left(1,1) right(1,2) join(2,1) join2(1,1) exit(2,0)
    expected = {
        "TotalFuncs": 1,  # @g is only declared
        "TotalBlocks": 6,
        "TotalInsts": 15,
        "NumEdges": 7,
        "CriticalCount": 2,  # right->join and right->exit; entry's targets have 1 pred
        "onePred": 3,
        "twoPred": 2,
        "morePreds": 0,
        "oneSuccessor": 3,
        "twoSuccessor": 2,
        "onePredOneSuc": 2,
        "onePredTwoSuc": 1,
        "twoPredOneSuc": 1,
        "twoEach": 0,
        "BranchCount": 5,
        "UncondBranches": 3,
        "NumBrInst": 5,
        "NumPHIInst": 3,
        "ArgsPhi": 6,
        "BeginPhi": 2,
        "BB03Phi": 2,
        "BBNoPhi": 4,
        "BBHiPhi": 0,
        "BBNumArgsLo": 2,
        "BBNumArgsHi": 0,
        "const32Bit": 2,  # add ..., 1 and sub ..., 0
        "const64Bit": 2,  # the i64 0 and 1 of %q
        "numConstZeroes": 2,
        "numConstOnes": 2,
        "binaryConstArg": 2,
        "returnInt": 1,
        "testUnary": 1,  # trunc
        "NumAddInst": 2,
        "NumSubInst": 1,
        "NumMulInst": 1,
        "NumTruncInst": 1,
        "NumCallInst": 1,
        "NumRetInst": 1,
        "TotalMemInst": 1,  # the call
        "BlockLow": 6,
        "BlockMid": 0,
    }
    assert {k: got[k] for k in expected} == expected


def test_autophase_counts_duplicate_edges_as_predecessors(engine: Engine) -> None:
    got = _named(features.autophase(engine.parse(SWITCH, "switch")))
    assert got["NumEdges"] == 3
    assert got["CriticalCount"] == 2  # both entry->b edges: b has two predecessor edges
    assert (got["onePred"], got["twoPred"]) == (1, 1)
    assert got["BranchCount"] == 0  # a switch is not a br
    # LLVM 22 keeps switch case values out of the operand list (as it does phi blocks),
    # so the `i32 1` and `i32 2` cases are not constant operands
    assert (got["const32Bit"], got["numConstOnes"], got["numConstZeroes"]) == (0, 0, 0)
    assert (got["oneSuccessor"], got["twoSuccessor"]) == (0, 0)


@pytest.mark.parametrize("pipeline", ["", "default<Oz>"])
def test_autophase_agrees_with_the_engine_counts(crc32: Module, pipeline: str) -> None:
    module = crc32.clone()
    if pipeline:
        module.run_passes(pipeline)
    got = _named(features.autophase(module))
    counts, opcodes = module.counts(), module.opcode_counts()
    assert got["TotalInsts"] == counts.instructions
    assert got["TotalBlocks"] == counts.blocks
    assert got["TotalFuncs"] == counts.functions
    for name in features.AUTOPHASE_NAMES:
        if name.startswith("Num") and name.endswith("Inst"):
            assert got[name] == opcodes.get(name[3:-4], 0), name
    assert got["BranchCount"] == got["NumBrInst"] >= got["UncondBranches"]
    assert got["BBNoPhi"] + got["BB03Phi"] + got["BBHiPhi"] == counts.blocks
    assert got["BlockLow"] + got["BlockMid"] <= counts.blocks
    assert got["ArgsPhi"] >= 2 * got["NumPHIInst"]
    mem = ("Load", "Store", "GetElementPtr", "Call", "Alloca", "Invoke")
    assert got["TotalMemInst"] == sum(opcodes.get(op, 0) for op in mem)
    if not pipeline:  # clang -O0 code: allocas everywhere
        assert got["NumAllocaInst"] > 0
        assert got["const32Bit"] >= got["NumAllocaInst"]  # each alloca's `i32 1` size
    else:
        assert got["NumPHIInst"] > 0 and got["CriticalCount"] > 0
    module.dispose()


def test_instcount_vector_matches_opcode_counts(crc32: Module) -> None:
    vector = features.instcount_vector(crc32)
    assert features.INSTCOUNT_NAMES == INSTCOUNT_NAMES  # the env's copy of the layout
    counts, opcodes = crc32.counts(), crc32.opcode_counts()
    assert vector[:3] == [counts.instructions, counts.blocks, counts.functions]
    named = dict(zip(features.INSTCOUNT_NAMES, vector, strict=True))
    assert all(named[f"Num{op}Inst"] == n for op, n in opcodes.items())
    assert sum(vector[3:]) == counts.instructions


def test_behavior_spectrum_rows_are_feature_deltas(crc32: Module) -> None:
    before = features.autophase(crc32)
    probes = ["function(mem2reg)", "default<Oz>", "function(instsimplify)"]
    rows = features.behavior_spectrum(crc32, probes)
    assert features.autophase(crc32) == before  # probes run on clones
    assert len(rows) == 3 and all(len(r) == 56 for r in rows)
    total = features.AUTOPHASE_NAMES.index("TotalInsts")
    oz = crc32.clone()
    oz.run_passes("default<Oz>")
    assert rows[1][total] == oz.instruction_count() - crc32.instruction_count() < 0
    alloca = features.AUTOPHASE_NAMES.index("NumAllocaInst")
    assert rows[0][alloca] < 0  # mem2reg promotes allocas
    assert features.behavior_spectrum(crc32, probes) == rows  # deterministic
    oz.dispose()


def test_worker_serves_feature_wants_with_consistent_totals() -> None:
    ir = c_to_ir(builtin_benchmark("crc32"), "instcount")
    handle = WorkerHandle(timeout_s=60)
    try:
        reply = handle.request(
            EvalRequest(
                "crc32",
                ir,
                "function(mem2reg)",
                ("autophase", "instcount_vector", "spectrum"),
                features=FeatureParams(probes=("function(sroa<modify-cfg>)", "function(gvn)")),
            )
        )
        assert reply.ok, reply
        plain = handle.request(EvalRequest("crc32", None, "function(mem2reg)", want=()))
        counted = handle.request(EvalRequest("crc32", None, "function(mem2reg)"))
    finally:
        handle.close()
    assert plain.ok and plain.instcount is None
    assert reply.instcount_vector is not None and reply.autophase is not None
    assert reply.instcount_vector[0] == reply.autophase[51] == counted.instcount
    assert reply.spectrum is not None and len(reply.spectrum) == 2


def _tiny_vocab(path: Path, scale: float = 1.0) -> Path:
    """A valid 2-D vocabulary for every entity `llvm-ir2vec entities` lists."""
    tool = features.ir2vec_tool()
    assert tool is not None
    listing = subprocess.run(
        [str(tool), "entities", "--mode=llvm"], capture_output=True, text=True, check=True
    ).stdout.splitlines()[1:]
    vocab: dict[str, dict[str, list[float]]] = {"Opcodes": {}, "Types": {}, "Arguments": {}}
    for line in listing:
        name, index = line.split("\t")
        if name.endswith("Ty"):
            section = "Types"
        elif name in ("Function", "Pointer", "Constant", "Variable") or "CMP_" in name:
            section = "Arguments"
        else:
            section = "Opcodes"
        vocab[section][name] = [scale * (int(index) % 7 + 1) / 7, scale * 0.001]
    path.write_text(json.dumps(vocab))
    return path


def test_ir2vec_embeds_through_llvm_ir2vec(crc32: Module, tmp_path: Path) -> None:
    if features.ir2vec_tool() is None:
        pytest.skip("llvm-ir2vec is not installed")
    one = features.ir2vec_embedding(crc32.to_text(), str(_tiny_vocab(tmp_path / "v1.json")))
    two = features.ir2vec_embedding(crc32.to_text(), str(_tiny_vocab(tmp_path / "v2.json", 2)))
    assert len(one) == 2 and one[0] > 0
    assert two == pytest.approx([2 * x for x in one], rel=1e-6)  # linear in the vocabulary
    # the small second component keeps more than the two decimals the tool prints
    assert 0 < one[1] < 10 and abs(one[1] * 100 - round(one[1] * 100)) > 1e-6
    with pytest.raises(ValueError, match="vocabulary"):
        features.ir2vec_embedding(crc32.to_text(), str(tmp_path / "missing.json"))
