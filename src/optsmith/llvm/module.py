"""In-process LLVM modules: parse, clone, run pipelines, count, emit objects, print.

This runs inside an engine worker (see `worker.py`); import it in your own process only
when you accept that an LLVM abort takes the process down.
"""

from __future__ import annotations

import contextlib
import ctypes
import re
from collections import Counter
from ctypes import byref, c_void_p
from dataclasses import dataclass

from optsmith.errors import IRParseError, PipelineError
from optsmith.llvm import capi
from optsmith.llvm.clang_pipeline import clang_target_cpu
from optsmith.llvm.protocol import ObjectSizes
from optsmith.programs.frontend import old_ir_hint


@dataclass(frozen=True)
class Counts:
    """Instruction, block and function counts (defined functions only)."""

    instructions: int
    blocks: int
    functions: int


RelocModel = str  # "default" (what stock `opt-22` uses) or "pic" (what clang uses on Debian)


class Engine:
    """One LLVM context and target machines for the host; owns the modules it parses.

    The relocation model of the target machine changes what passes do (X86's cost model
    unrolls differently under PIC), so pipelines run with "default" when the result must
    replay under stock `opt-22 -passes=...`, and with "pic" when it must match `clang-22`
    (whose Debian build emits PIE code). Objects are always emitted as PIC so they link
    into the default PIE executables. The "pic" machine also takes clang's default CPU
    (`clang_target_cpu()`, "x86-64"), as `clang-22 -c` does, unless `pic_cpu` says
    otherwise; "default" keeps `cpu` ("": LLVM's generic), as opt-22 does. Either only
    matters for functions without a "target-cpu" attribute (clang writes one on each).

    "pic-o3" is "pic" at clang -O3's code generation level (Aggressive; the others are at
    Default, clang -O2/-Os/-Oz's): the runtime objective's machine. The level changes the
    code (loop alignment, among others): on 33 of the 51 built-in programs the .text of
    `clang-22 -O3 -c` is what `llc-22 -O3` makes of its IR and differs from `llc-22 -O2`'s.
    Its objects are emitted by that machine; every other mode's by "pic".
    """

    def __init__(self, cpu: str = "", features: str = "", pic_cpu: str | None = None) -> None:
        self.lib = capi.lib()
        self.context = self.lib.LLVMContextCreate()
        triple_ptr = self.lib.LLVMGetDefaultTargetTriple()
        self.triple = capi.take_message(triple_ptr)
        target = c_void_p()
        err = c_void_p()
        if self.lib.LLVMGetTargetFromTriple(self.triple.encode(), byref(target), byref(err)):
            raise RuntimeError(f"no LLVM target for {self.triple}: {capi.take_message(err.value)}")
        self._target = target
        if pic_cpu is None:
            pic_cpu = cpu or clang_target_cpu()
        self.pic_cpu = pic_cpu
        self.target_machines = {
            name: self.lib.LLVMCreateTargetMachine(
                target,
                self.triple.encode(),
                machine_cpu.encode(),
                features.encode(),
                level,
                reloc,
                capi.CODE_MODEL_DEFAULT,
            )
            for name, reloc, machine_cpu, level in (
                ("default", capi.RELOC_DEFAULT, cpu, capi.CODEGEN_OPT_DEFAULT),
                ("pic", capi.RELOC_PIC, pic_cpu, capi.CODEGEN_OPT_DEFAULT),
                ("pic-o3", capi.RELOC_PIC, pic_cpu, capi.CODEGEN_OPT_AGGRESSIVE),
            )
        }
        self.options = self.lib.LLVMCreatePassBuilderOptions()

    def parse(self, data: bytes | str, name: str = "module") -> Module:
        """Parse IR text or bitcode. The error names the parser's line and message."""
        raw = data.encode() if isinstance(data, str) else data
        buf = self.lib.LLVMCreateMemoryBufferWithMemoryRangeCopy(raw, len(raw), name.encode())
        out = c_void_p()
        msg = c_void_p()
        failed = self.lib.LLVMParseIRInContext(self.context, buf, byref(out), byref(msg))
        if failed:
            message = capi.take_message(msg.value).strip()
            hint = old_ir_hint(raw, message)
            raise IRParseError(f"{name}: {message}" + (f"\n{hint}" if hint else ""))
        module = Module(self, out.value)
        problem = module.verify()
        if problem:
            raise IRParseError(f"{name}: invalid IR: {problem}")
        return module


class Module:
    """An owned LLVMModuleRef; disposed when collected or on `dispose()`."""

    def __init__(self, engine: Engine, ref: int | None) -> None:
        if not ref:
            raise ValueError("null module")
        self.engine = engine
        self.ref: int | None = ref

    def _ptr(self) -> int:
        if self.ref is None:
            raise ValueError("module already disposed")
        return self.ref

    def dispose(self) -> None:
        if self.ref is not None:
            self.engine.lib.LLVMDisposeModule(self.ref)
            self.ref = None

    def __del__(self) -> None:  # pragma: no cover - GC timing
        with contextlib.suppress(Exception):
            self.dispose()

    def clone(self) -> Module:
        return Module(self.engine, self.engine.lib.LLVMCloneModule(self._ptr()))

    def run_passes(self, pipeline: str, reloc: RelocModel = "default") -> None:
        """Run a textual new-PM pipeline in place; bad pipelines raise PipelineError."""
        try:
            machine = self.engine.target_machines[reloc]
        except KeyError:
            raise ValueError(
                f"target machine must be one of {sorted(self.engine.target_machines)}, "
                f"not {reloc!r}"
            ) from None
        err = self.engine.lib.LLVMRunPasses(
            self._ptr(), pipeline.encode(), machine, self.engine.options
        )
        message = capi.take_error(err)
        if message is not None:
            raise PipelineError(f"pipeline '{pipeline}': {_with_suggestions(message)}")

    def verify(self) -> str | None:
        msg = c_void_p()
        broken = self.engine.lib.LLVMVerifyModule(
            self._ptr(), capi.VERIFIER_RETURN_STATUS, byref(msg)
        )
        text = capi.take_message(msg.value)
        return text.strip() or "verifier failed" if broken else None

    def _functions(self) -> list[int]:
        lib = self.engine.lib
        out = []
        fn = lib.LLVMGetFirstFunction(self._ptr())
        while fn:
            if not lib.LLVMIsDeclaration(fn):
                out.append(fn)
            fn = lib.LLVMGetNextFunction(fn)
        return out

    def counts(self) -> Counts:
        lib = self.engine.lib
        insts = blocks = 0
        functions = self._functions()
        for fn in functions:
            bb = lib.LLVMGetFirstBasicBlock(fn)
            while bb:
                blocks += 1
                inst = lib.LLVMGetFirstInstruction(bb)
                while inst:
                    insts += 1
                    inst = lib.LLVMGetNextInstruction(inst)
                bb = lib.LLVMGetNextBasicBlock(bb)
        return Counts(instructions=insts, blocks=blocks, functions=len(functions))

    def instruction_count(self) -> int:
        return self.counts().instructions

    def opcode_counts(self) -> dict[str, int]:
        """Per-opcode instruction counts, names as in llvm-c's LLVMOpcode (Add, Load, ...)."""
        lib = self.engine.lib
        tally: Counter[str] = Counter()
        for fn in self._functions():
            bb = lib.LLVMGetFirstBasicBlock(fn)
            while bb:
                inst = lib.LLVMGetFirstInstruction(bb)
                while inst:
                    code = lib.LLVMGetInstructionOpcode(inst)
                    tally[capi.OPCODE_NAMES.get(code, f"op{code}")] += 1
                    inst = lib.LLVMGetNextInstruction(inst)
                bb = lib.LLVMGetNextBasicBlock(bb)
        return dict(tally)

    def to_text(self) -> str:
        return capi.take_message(self.engine.lib.LLVMPrintModuleToString(self._ptr()))

    def emit_object(self, *, in_place: bool = False, reloc: RelocModel = "pic") -> bytes:
        """Object file bytes for the host target, for passes that ran on `reloc`'s machine.

        Objects are always PIC (they link into PIE executables): "pic-o3"'s machine emits
        at -O3's code generation level, every other mode's with "pic".

        Code generation rewrites the IR it compiles (CodeGenPrepare, loop strength
        reduction), so by default it runs on a clone. A clone is not an exact copy:
        `LLVMCloneModule` rebuilds every use-list in another order, and the back end's loop
        strength reduction breaks ties by use-list order (measured: base64.c after clang's
        -Oz pipeline is 1,563 .text bytes from a clone, 1,569 from the module itself, as
        from `clang-22 -Oz -c`). `in_place=True` compiles the module itself, the exact
        figure, and disposes of it: for a module nobody needs afterwards.
        """
        lib = self.engine.lib
        work = self if in_place else self.clone()
        try:
            err = c_void_p()
            buf = c_void_p()
            failed = lib.LLVMTargetMachineEmitToMemoryBuffer(
                self.engine.target_machines["pic-o3" if reloc == "pic-o3" else "pic"],
                work._ptr(),
                capi.OBJECT_FILE,
                byref(err),
                byref(buf),
            )
            if failed:
                raise PipelineError(f"code generation failed: {capi.take_message(err.value)}")
            try:
                start = lib.LLVMGetBufferStart(buf)
                size = lib.LLVMGetBufferSize(buf)
                return ctypes.string_at(start, size)
            finally:
                lib.LLVMDisposeMemoryBuffer(buf)
        finally:
            work.dispose()

    def object_sizes(self, *, in_place: bool = False) -> ObjectSizes:
        """Section sizes of `emit_object(in_place=in_place)`."""
        return object_sizes(self.engine, self.emit_object(in_place=in_place))


def _with_suggestions(message: str) -> str:
    """Add near pass names to LLVM's "unknown pass name 'x'" so a typo is easy to fix."""
    match = re.search(r"unknown (?:\w+ )?pass(?: name)? '([^']+)'", message)
    if not match:
        return message
    from optsmith.llvm.passes import near_names

    near = near_names(match.group(1))
    return f"{message}; did you mean: {', '.join(near)}?" if near else message


def object_sizes(engine: Engine, obj: bytes) -> ObjectSizes:
    """Sum section sizes by family (.text*, .data*, .bss*, .rodata*) via LLVM's object reader."""
    lib = engine.lib
    buf = lib.LLVMCreateMemoryBufferWithMemoryRangeCopy(obj, len(obj), b"object")
    err = c_void_p()
    binary = lib.LLVMCreateBinary(buf, engine.context, byref(err))
    if not binary:
        lib.LLVMDisposeMemoryBuffer(buf)
        raise ValueError(f"not an object file: {capi.take_message(err.value)}")
    sizes = {"text": 0, "data": 0, "bss": 0, "rodata": 0}
    total = 0
    it = lib.LLVMObjectFileCopySectionIterator(binary)
    try:
        while not lib.LLVMObjectFileIsSectionIteratorAtEnd(binary, it):
            name = (lib.LLVMGetSectionName(it) or b"").decode(errors="replace")
            size = int(lib.LLVMGetSectionSize(it))
            for family in sizes:
                if name == f".{family}" or name.startswith(f".{family}."):
                    sizes[family] += size
                    total += size
            lib.LLVMMoveToNextSection(it)
    finally:
        lib.LLVMDisposeSectionIterator(it)
        lib.LLVMDisposeBinary(binary)
        lib.LLVMDisposeMemoryBuffer(buf)
    return ObjectSizes(total=total, **sizes)
