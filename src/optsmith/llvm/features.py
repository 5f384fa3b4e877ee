"""Program features computed inside an engine worker: InstCount, Autophase, IR2Vec, probes.

These feed the Gymnasium environment's observation spaces (`optsmith.env.spaces`). They
walk a `Module` through the LLVM C API, in the worker that holds it, so an observation
costs one request and never a file or a re-parse. Every ctypes call costs about a
microsecond, so the walks are linear, fetch each instruction's operands once, and classify
each distinct operand value once per walk (LLVM uniques constants, so a module with
thousands of `i32 0` operands classifies `i32 0` one time).

Only a worker imports this module (it loads libLLVM through `optsmith.llvm.module`).
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import shutil
import subprocess
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from optsmith.llvm import capi
from optsmith.llvm.module import Module, RelocModel

# ---- InstCount -------------------------------------------------------------------------

OPCODES: tuple[int, ...] = tuple(capi.OPCODE_NAMES)
"""Opcode numbers in the order of `capi.OPCODE_NAMES` (Core.h's grouping): the order of
the per-opcode part of the InstCount vector."""

INSTCOUNT_NAMES: tuple[str, ...] = (
    "TotalInsts",
    "TotalBlocks",
    "TotalFuncs",
    *(f"Num{name}Inst" for name in capi.OPCODE_NAMES.values()),
)
"""Names of the InstCount vector: the three totals, then one count per LLVM opcode."""

_MAX_OPCODE = max(capi.OPCODE_NAMES) + 1


def instcount_vector(module: Module) -> list[int]:
    """[instructions, blocks, defined functions, count of each opcode in `OPCODES`].

    Counts cover defined functions only (declarations have no body), like
    `Module.counts()`; opcodes LLVM adds after 22 would land in no slot but still count
    in the total.
    """
    lib = module.engine.lib
    first_bb, next_bb = lib.LLVMGetFirstBasicBlock, lib.LLVMGetNextBasicBlock
    first_inst, next_inst = lib.LLVMGetFirstInstruction, lib.LLVMGetNextInstruction
    opcode = lib.LLVMGetInstructionOpcode
    tally = [0] * _MAX_OPCODE
    insts = blocks = 0
    functions = module._functions()
    for fn in functions:
        bb = first_bb(fn)
        while bb:
            blocks += 1
            inst = first_inst(bb)
            while inst:
                code = opcode(inst)
                if code < _MAX_OPCODE:
                    tally[code] += 1
                insts += 1
                inst = next_inst(inst)
            bb = next_bb(bb)
    return [insts, blocks, len(functions), *(tally[code] for code in OPCODES)]


# ---- Autophase -------------------------------------------------------------------------

AUTOPHASE_NAMES: tuple[str, ...] = (
    "BBNumArgsHi",
    "BBNumArgsLo",
    "onePred",
    "onePredOneSuc",
    "onePredTwoSuc",
    "oneSuccessor",
    "twoPred",
    "twoPredOneSuc",
    "twoEach",
    "twoSuccessor",
    "morePreds",
    "BB03Phi",
    "BBHiPhi",
    "BBNoPhi",
    "BeginPhi",
    "BranchCount",
    "returnInt",
    "CriticalCount",
    "NumEdges",
    "const32Bit",
    "const64Bit",
    "numConstZeroes",
    "numConstOnes",
    "UncondBranches",
    "binaryConstArg",
    "NumAShrInst",
    "NumAddInst",
    "NumAllocaInst",
    "NumAndInst",
    "BlockMid",
    "BlockLow",
    "NumBitCastInst",
    "NumBrInst",
    "NumCallInst",
    "NumGetElementPtrInst",
    "NumICmpInst",
    "NumLShrInst",
    "NumLoadInst",
    "NumMulInst",
    "NumOrInst",
    "NumPHIInst",
    "NumRetInst",
    "NumSExtInst",
    "NumSelectInst",
    "NumShlInst",
    "NumStoreInst",
    "NumSubInst",
    "NumTruncInst",
    "NumXorInst",
    "NumZExtInst",
    "TotalBlocks",
    "TotalInsts",
    "TotalMemInst",
    "TotalFuncs",
    "ArgsPhi",
    "testUnary",
)
"""The 56 Autophase features in CompilerGym's order (see `autophase` for definitions)."""

_INDEX = {name: i for i, name in enumerate(AUTOPHASE_NAMES)}
_OP = {name: code for code, name in capi.OPCODE_NAMES.items()}
# The opcode-count features and their opcodes ("NumAddInst" -> Add).
_OPCODE_FEATURES = tuple(
    (_INDEX[name], _OP[name[3:-4]])
    for name in AUTOPHASE_NAMES
    if name.startswith("Num") and name.endswith("Inst")
)
# isa<BinaryOperator>: the two-operand arithmetic and logic opcodes Add .. Xor.
_BINARY = frozenset(range(_OP["Add"], _OP["Xor"] + 1))
# isa<UnaryInstruction>: FNeg, alloca, load, every cast, va_arg, extractvalue, freeze.
_UNARY = frozenset(
    _OP[n]
    for n in (
        "FNeg", "Alloca", "Load", "Trunc", "ZExt", "SExt", "FPToUI", "FPToSI", "UIToFP",
        "SIToFP", "FPTrunc", "FPExt", "PtrToInt", "PtrToAddr", "IntToPtr", "BitCast",
        "AddrSpaceCast", "VAArg", "ExtractValue", "Freeze",
    )
)  # fmt: skip
_MEMORY = frozenset(_OP[n] for n in ("GetElementPtr", "Load", "Store", "Call", "Invoke", "Alloca"))
_PHI, _CALL, _BR = _OP["PHI"], _OP["Call"], _OP["Br"]
_SPECIAL = _BINARY | {_PHI, _CALL, _BR}  # opcodes the per-instruction loop looks closer at

# Operand classes, as bits: a constant; an i32 / i64 ConstantInt; equal to 0 / to 1.
_CONST, _C32, _C64, _ZERO, _ONE = 1, 2, 4, 8, 16
# LLVMValueKind values that are llvm::Constant (Function .. ConstantTokenNone, Poison ..
# ConstantPtrAuth). LLVMGetValueKind reports a few rare constants (dso_local_equivalent,
# no_cfi) as "instruction", so that kind falls back to LLVMIsConstant.
_CONSTANT_KINDS = frozenset({*range(5, 22), 27, 28, 29})
_INSTRUCTION_KIND = 24


# Slots of the counters `autophase` updates in its loop.
_ARGS_HI = _INDEX["BBNumArgsHi"]
_ARGS_LO = _INDEX["BBNumArgsLo"]
_ONE_PRED = _INDEX["onePred"]
_ONE_PRED_ONE_SUC = _INDEX["onePredOneSuc"]
_ONE_PRED_TWO_SUC = _INDEX["onePredTwoSuc"]
_ONE_SUCC = _INDEX["oneSuccessor"]
_TWO_PRED = _INDEX["twoPred"]
_TWO_PRED_ONE_SUC = _INDEX["twoPredOneSuc"]
_TWO_EACH = _INDEX["twoEach"]
_TWO_SUCC = _INDEX["twoSuccessor"]
_MORE_PREDS = _INDEX["morePreds"]
_BB_03_PHI = _INDEX["BB03Phi"]
_BB_HI_PHI = _INDEX["BBHiPhi"]
_BB_NO_PHI = _INDEX["BBNoPhi"]
_BEGIN_PHI = _INDEX["BeginPhi"]
_BRANCHES = _INDEX["BranchCount"]
_RETURN_INT = _INDEX["returnInt"]
_CRITICAL = _INDEX["CriticalCount"]
_NUM_EDGES = _INDEX["NumEdges"]
_CONST32 = _INDEX["const32Bit"]
_CONST64 = _INDEX["const64Bit"]
_ZEROES = _INDEX["numConstZeroes"]
_ONES = _INDEX["numConstOnes"]
_UNCOND = _INDEX["UncondBranches"]
_BINARY_CONST = _INDEX["binaryConstArg"]
_BLOCK_MID = _INDEX["BlockMid"]
_BLOCK_LOW = _INDEX["BlockLow"]
_ARGS_PHI = _INDEX["ArgsPhi"]
_UNARY_COUNT = _INDEX["testUnary"]


def autophase(module: Module) -> list[int]:
    """The 56 Autophase features (Haj-Ali et al., MLSys 2020), as CompilerGym computes them.

    Definitions follow CompilerGym's `autophase/InstCount.cc` (a modified LLVM InstCount
    pass), walking every defined function. "Predecessors" of a block count the edges into
    it (a `br i1 %c, label %a, label %a` gives %a two), as LLVM's pred_iterator does.
    "Operands" are LLVM 22's: phi blocks and (new in LLVM 22) switch case values are not
    among them, so a switch's case constants count in no constant feature.

    - BBNumArgsHi: blocks whose phi nodes have more than 5 incoming values in total.
    - BBNumArgsLo: blocks whose phi nodes have 1 to 5 incoming values in total.
    - onePred: blocks with exactly one predecessor.
    - onePredOneSuc: blocks with one predecessor and one successor.
    - onePredTwoSuc: blocks with one predecessor and two successors.
    - oneSuccessor: blocks with exactly one successor.
    - twoPred: blocks with exactly two predecessors.
    - twoPredOneSuc: blocks with two predecessors and one successor.
    - twoEach: blocks with two predecessors and two successors.
    - twoSuccessor: blocks with exactly two successors.
    - morePreds: blocks with more than two predecessors.
    - BB03Phi: blocks with 1 to 3 phi nodes.
    - BBHiPhi: blocks with more than 3 phi nodes.
    - BBNoPhi: blocks without phi nodes.
    - BeginPhi: blocks whose first instruction is a phi node.
    - BranchCount: `br` instructions (conditional or not; switches are not branches).
    - returnInt: `call`s to a known function (a direct callee of matching type, intrinsics
      included) that returns an integer.
    - CriticalCount: critical edges: from a block with several successors to a block with
      several predecessors.
    - NumEdges: CFG edges (the successors of every terminator, duplicates included).
    - const32Bit: operands that are 32-bit integer constants.
    - const64Bit: operands that are 64-bit integer constants.
    - numConstZeroes: operands that are integer constants equal to 0 (any width).
    - numConstOnes: operands that are integer constants equal to 1 (any width, so `i1 true`
      counts; integers wider than 64 bits are compared on their low 64 bits).
    - UncondBranches: unconditional `br` instructions.
    - binaryConstArg: binary operators (add .. xor, float ones included) with a constant
      (any llvm::Constant, globals included) as either operand.
    - NumAShrInst, NumAddInst, NumAllocaInst, NumAndInst, NumBitCastInst, NumBrInst,
      NumCallInst (intrinsics included), NumGetElementPtrInst, NumICmpInst, NumLShrInst,
      NumLoadInst, NumMulInst, NumOrInst, NumPHIInst, NumRetInst, NumSExtInst,
      NumSelectInst, NumShlInst, NumStoreInst, NumSubInst, NumTruncInst, NumXorInst,
      NumZExtInst: instructions with that opcode.
    - BlockMid: blocks with 15 to 500 instructions.
    - BlockLow: blocks with fewer than 15 instructions.
    - TotalBlocks: basic blocks.
    - TotalInsts: instructions of every opcode.
    - TotalMemInst: getelementptr, load, store, call, invoke and alloca instructions.
    - TotalFuncs: defined functions. CompilerGym's `getFeatureVector` also counts
      declarations (it calls runOnFunction on every function, which the original
      Autophase pass manager never did); optsmith follows the original and its own
      `Module.counts()`.
    - ArgsPhi: incoming values of all phi nodes.
    - testUnary: unary instructions (isa<UnaryInstruction>): fneg, alloca, load, every
      cast, va_arg, extractvalue and freeze.
    """
    lib = module.engine.lib
    first_bb, next_bb = lib.LLVMGetFirstBasicBlock, lib.LLVMGetNextBasicBlock
    first_inst, next_inst = lib.LLVMGetFirstInstruction, lib.LLVMGetNextInstruction
    opcode_of, num_operands, operand = (
        lib.LLVMGetInstructionOpcode,
        lib.LLVMGetNumOperands,
        lib.LLVMGetOperand,
    )
    num_successors, successor = lib.LLVMGetNumSuccessors, lib.LLVMGetSuccessor
    value_kind, is_constant = lib.LLVMGetValueKind, lib.LLVMIsConstant

    def classify(value: int) -> int:
        kind = value_kind(value)
        if kind == capi.CONSTANT_INT_VALUE_KIND:
            width = lib.LLVMGetIntTypeWidth(lib.LLVMTypeOf(value))
            bits = _CONST | (_C32 if width == 32 else _C64 if width == 64 else 0)
            number = lib.LLVMConstIntGetZExtValue(value)
            return bits | (_ZERO if number == 0 else _ONE if number == 1 else 0)
        if kind in _CONSTANT_KINDS or (kind == _INSTRUCTION_KIND and is_constant(value)):
            return _CONST
        return 0

    # Operand value -> class bits. Pointers stay valid for the walk; instructions are
    # never constants, so they are seeded with 0 and cost no call.
    classes: dict[int, int] = {}

    def bits_of(value: int) -> int:
        bits = classes.get(value)
        if bits is None:
            bits = classes[value] = classify(value)
        return bits

    callee_int: dict[tuple[int, int], bool] = {}

    def returns_int(call: int, callee: int) -> bool:
        fty = lib.LLVMGetCalledFunctionType(call)
        key = (callee, fty)
        known = callee_int.get(key)
        if known is None:
            known = bool(
                value_kind(callee) == capi.FUNCTION_VALUE_KIND
                and lib.LLVMGlobalGetValueType(callee) == fty
                and lib.LLVMGetTypeKind(lib.LLVMGetReturnType(fty)) == capi.INTEGER_TYPE_KIND
            )
            callee_int[key] = known
        return known

    f = [0] * len(AUTOPHASE_NAMES)
    ops = [0] * 256  # indexed by opcode (LLVMOpcode values are small)
    total_insts = total_blocks = 0
    functions = module._functions()
    for fn in functions:
        # Pass 1: the function's blocks and instructions, and every block's successors.
        blocks: list[tuple[int, list[int]]] = []
        bb = first_bb(fn)
        while bb:
            insts = []
            inst = first_inst(bb)
            while inst:
                insts.append(inst)
                inst = next_inst(inst)
            blocks.append((bb, insts))
            bb = next_bb(bb)
        local: set[int] = set()  # the function's instructions
        used: list[int] = []  # every operand of every instruction, in order
        successors: list[list[int]] = []
        preds: dict[int, int] = {}
        for _, insts in blocks:
            local.update(insts)
            term = insts[-1] if insts else None
            succ = [successor(term, i) for i in range(num_successors(term))] if term else []
            for s in succ:
                preds[s] = preds.get(s, 0) + 1
            successors.append(succ)
        classes.update(dict.fromkeys(local, 0))
        # Pass 2: per block and per instruction counters.
        for (bb, insts), succ in zip(blocks, successors, strict=True):
            total_blocks += 1
            n_succ, n_pred = len(succ), preds.get(bb, 0)
            f[_NUM_EDGES] += n_succ
            if n_succ > 1:
                f[_CRITICAL] += sum(1 for s in succ if preds[s] > 1)
            if n_succ == 1:
                f[_ONE_SUCC] += 1
            elif n_succ == 2:
                f[_TWO_SUCC] += 1
            if n_pred == 1:
                f[_ONE_PRED] += 1
                if n_succ == 1:
                    f[_ONE_PRED_ONE_SUC] += 1
                elif n_succ == 2:
                    f[_ONE_PRED_TWO_SUC] += 1
            elif n_pred == 2:
                f[_TWO_PRED] += 1
                if n_succ == 1:
                    f[_TWO_PRED_ONE_SUC] += 1
                elif n_succ == 2:
                    f[_TWO_EACH] += 1
            elif n_pred > 2:
                f[_MORE_PREDS] += 1
            phis = phi_args = 0
            for inst in insts:
                code = opcode_of(inst)
                ops[code] += 1
                n_ops = num_operands(inst)
                if not n_ops:
                    continue
                values = [operand(inst, i) for i in range(n_ops)]
                used.extend(values)
                if code not in _SPECIAL:
                    continue
                if code == _PHI:
                    if not phis and inst == insts[0]:
                        f[_BEGIN_PHI] += 1
                    phis += 1
                    phi_args += n_ops  # a phi's operands are its incoming values
                elif code == _BR:
                    if n_ops == 1:  # `br label %x`; a conditional br has 3 operands
                        f[_UNCOND] += 1
                elif code == _CALL:
                    if returns_int(inst, values[-1]):  # the callee is a call's last operand
                        f[_RETURN_INT] += 1
                else:  # a binary operator
                    if (bits_of(values[0]) | bits_of(values[1])) & _CONST:
                        f[_BINARY_CONST] += 1
            total_insts += len(insts)
            f[_ARGS_PHI] += phi_args
            if phis == 0:
                f[_BB_NO_PHI] += 1
            elif phis <= 3:
                f[_BB_03_PHI] += 1
            else:
                f[_BB_HI_PHI] += 1
            if phi_args > 5:
                f[_ARGS_HI] += 1
            elif phi_args >= 1:
                f[_ARGS_LO] += 1
            if len(insts) < 15:
                f[_BLOCK_LOW] += 1
            elif len(insts) <= 500:
                f[_BLOCK_MID] += 1
        # Constant operands, tallied per distinct value (LLVM uniques constants).
        uses_of = Counter(used)
        for value in uses_of.keys() - local:
            bits, uses = bits_of(value), uses_of[value]
            if bits > _CONST:
                if bits & _C32:
                    f[_CONST32] += uses
                elif bits & _C64:
                    f[_CONST64] += uses
                if bits & _ZERO:
                    f[_ZEROES] += uses
                elif bits & _ONE:
                    f[_ONES] += uses
    for index, code in _OPCODE_FEATURES:
        f[index] = ops[code]
    f[_BRANCHES] = ops[_BR]
    f[_UNARY_COUNT] = sum(ops[code] for code in _UNARY)
    f[_INDEX["TotalBlocks"]] = total_blocks
    f[_INDEX["TotalInsts"]] = total_insts
    f[_INDEX["TotalFuncs"]] = len(functions)
    f[_INDEX["TotalMemInst"]] = sum(ops[code] for code in _MEMORY)
    return f


# ---- Behavior spectrum -----------------------------------------------------------------


def behavior_spectrum(
    module: Module, probes: Sequence[str], reloc: RelocModel = "default"
) -> list[list[int]]:
    """Autophase deltas of applying each probe pipeline to a clone of `module`.

    Row k is `autophase(probe_k(module)) - autophase(module)`: how the program reacts to
    each probe, the quasi-dynamic embedding of the PREP paper. The module is not changed.
    A probe that fails to parse raises `PipelineError`.
    """
    base = autophase(module)
    rows = []
    for probe in probes:
        work = module.clone()
        try:
            work.run_passes(probe, reloc)
            after = autophase(work)
        finally:
            work.dispose()
        rows.append([a - b for a, b in zip(after, base, strict=True)])
    return rows


# ---- IR2Vec ----------------------------------------------------------------------------

IR2VEC_TIMEOUT_S = 120
# llvm-ir2vec prints two decimals. Embeddings are linear in the entity weights, so the
# tool runs with LLVM's default weights (opcode 1.0, type 0.5, argument 0.2) times this
# scale and the result is divided by it: six significant decimals instead of two.
_IR2VEC_SCALE = 10_000.0
_IR2VEC_WEIGHTS = {"opc": 1.0, "type": 0.5, "arg": 0.2}


IR2VEC_VOCAB_FILE = "data/ir2vec_vocab_75d.json"
"""LLVM's 75-dimension seed vocabulary (llvm/lib/Analysis/models/seedEmbeddingVocab75D.json,
Apache-2.0 WITH LLVM-exception; see data/ir2vec_vocab_75d.NOTICE.txt), shipped with optsmith:
the Debian llvm-22 package installs llvm-ir2vec but no vocabulary."""


def default_ir2vec_vocab() -> Path:
    """The packaged seed vocabulary as a file path `llvm-ir2vec --ir2vec-vocab-path` can read.

    From a zipped install it is extracted once per process (to a temporary file that is
    removed at exit), since the tool needs a real file.
    """
    resource = resources.files("optsmith.llvm").joinpath(IR2VEC_VOCAB_FILE)
    if isinstance(resource, Path):
        return resource
    return _extracted(str(resource))


@functools.lru_cache(maxsize=1)
def _extracted(_name: str) -> Path:
    resource = resources.files("optsmith.llvm").joinpath(IR2VEC_VOCAB_FILE)
    path = _EXTRACTED.enter_context(resources.as_file(resource))
    atexit.register(_EXTRACTED.close)
    return path


_EXTRACTED = contextlib.ExitStack()


def ir2vec_tool() -> Path | None:
    """LLVM 22's `llvm-ir2vec`, next to the other tools of the pinned toolchain."""
    from optsmith.toolchain import find_toolchain

    candidate = find_toolchain().prefix / "bin" / "llvm-ir2vec"
    if candidate.is_file():
        return candidate
    found = shutil.which("llvm-ir2vec-22")
    return Path(found) if found else None


def ir2vec_embedding(ir_text: str, vocab: str, kind: str = "symbolic") -> list[float]:
    """The program's IR2Vec vector: the sum of its function vectors from `llvm-ir2vec`.

    The IR goes to the tool on stdin, so nothing is written to disk; entity weights are
    LLVM's defaults. `vocab` is a seed embedding vocabulary (JSON with "Opcodes", "Types"
    and "Arguments" sections); LLVM 22 refuses to embed without one, and
    `default_ir2vec_vocab()` is LLVM's own. A module without defined functions gives [].
    Tool failures raise ValueError with the tool's own message.
    """
    tool = ir2vec_tool()
    if tool is None:
        raise ValueError("llvm-ir2vec (LLVM 22) is not installed: apt-get install llvm-22")
    try:
        proc = subprocess.run(
            [
                str(tool),
                "embeddings",
                "--mode=llvm",
                f"--ir2vec-vocab-path={vocab}",
                f"--ir2vec-kind={kind}",
                *(f"--ir2vec-{k}-weight={w * _IR2VEC_SCALE:g}" for k, w in _IR2VEC_WEIGHTS.items()),
                "--level=func",
                "-",
            ],
            input=ir_text.encode(),
            capture_output=True,
            timeout=IR2VEC_TIMEOUT_S,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ValueError(f"llvm-ir2vec failed: {exc}") from exc
    if proc.returncode != 0:
        message = proc.stderr.decode(errors="replace").strip()
        raise ValueError(f"llvm-ir2vec failed with vocabulary {vocab}: {message}")
    total: list[float] = []
    for line in proc.stdout.decode(errors="replace").splitlines():
        line = line.strip()
        if not (line.startswith("[") and line.endswith("]")):
            continue
        vector = [float(x) / _IR2VEC_SCALE for x in line[1:-1].split()]
        total = vector if not total else [a + b for a, b in zip(total, vector, strict=True)]
    return total


__all__ = [
    "AUTOPHASE_NAMES",
    "INSTCOUNT_NAMES",
    "OPCODES",
    "autophase",
    "behavior_spectrum",
    "instcount_vector",
    "default_ir2vec_vocab",
    "ir2vec_embedding",
    "ir2vec_tool",
]
