"""ctypes declarations for the slice of the LLVM 22 C API that optsmith uses.

Why ctypes and not llvmlite: llvmlite cannot run textual new-pass-manager pipelines and
pins its own LLVM. Loading libLLVM 22 directly gives `LLVMRunPasses` with any pipeline
string that `opt-22 -passes=` accepts, in-process, at a fraction of a spawn's cost.

Only the engine worker process imports this module: LLVM aborts the process on some
inputs, so the caller's process never holds libLLVM.
"""

from __future__ import annotations

import ctypes
import platform
from ctypes import POINTER, byref, c_char_p, c_int, c_size_t, c_uint, c_void_p
from typing import Any

from optsmith.toolchain import find_toolchain

# Opaque handles are plain pointers.
ContextRef = c_void_p
ModuleRef = c_void_p
MemoryBufferRef = c_void_p
ValueRef = c_void_p
BasicBlockRef = c_void_p
ErrorRef = c_void_p
TargetRef = c_void_p
TargetMachineRef = c_void_p
PassBuilderOptionsRef = c_void_p
BinaryRef = c_void_p
SectionIteratorRef = c_void_p
TypeRef = c_void_p

# enum LLVMCodeGenFileType / LLVMRelocMode / LLVMCodeModel / LLVMCodeGenOptLevel
OBJECT_FILE = 1
RELOC_DEFAULT = 0
RELOC_PIC = 2
CODE_MODEL_DEFAULT = 0
CODEGEN_OPT_DEFAULT = 2
CODEGEN_OPT_AGGRESSIVE = 3
VERIFIER_RETURN_STATUS = 2

# enum LLVMTypeKind / LLVMValueKind values optsmith.llvm.features tests for (llvm-c/Core.h).
INTEGER_TYPE_KIND = 8
FUNCTION_VALUE_KIND = 5
CONSTANT_INT_VALUE_KIND = 18

# enum LLVMOpcode from llvm-c/Core.h (LLVM 22).
OPCODE_NAMES: dict[int, str] = {
    1: "Ret",
    2: "Br",
    3: "Switch",
    4: "IndirectBr",
    5: "Invoke",
    7: "Unreachable",
    67: "CallBr",
    66: "FNeg",
    8: "Add",
    9: "FAdd",
    10: "Sub",
    11: "FSub",
    12: "Mul",
    13: "FMul",
    14: "UDiv",
    15: "SDiv",
    16: "FDiv",
    17: "URem",
    18: "SRem",
    19: "FRem",
    20: "Shl",
    21: "LShr",
    22: "AShr",
    23: "And",
    24: "Or",
    25: "Xor",
    26: "Alloca",
    27: "Load",
    28: "Store",
    29: "GetElementPtr",
    30: "Trunc",
    31: "ZExt",
    32: "SExt",
    33: "FPToUI",
    34: "FPToSI",
    35: "UIToFP",
    36: "SIToFP",
    37: "FPTrunc",
    38: "FPExt",
    39: "PtrToInt",
    69: "PtrToAddr",
    40: "IntToPtr",
    41: "BitCast",
    60: "AddrSpaceCast",
    42: "ICmp",
    43: "FCmp",
    44: "PHI",
    45: "Call",
    46: "Select",
    49: "VAArg",
    50: "ExtractElement",
    51: "InsertElement",
    52: "ShuffleVector",
    53: "ExtractValue",
    54: "InsertValue",
    68: "Freeze",
    55: "Fence",
    56: "AtomicCmpXchg",
    57: "AtomicRMW",
    58: "Resume",
    59: "LandingPad",
    61: "CleanupRet",
    62: "CatchRet",
    63: "CatchPad",
    64: "CleanupPad",
    65: "CatchSwitch",
}

_SIGNATURES: dict[str, tuple[Any, list[Any]]] = {
    "LLVMContextCreate": (ContextRef, []),
    "LLVMContextDispose": (None, [ContextRef]),
    "LLVMCreateMemoryBufferWithMemoryRangeCopy": (MemoryBufferRef, [c_char_p, c_size_t, c_char_p]),
    "LLVMDisposeMemoryBuffer": (None, [MemoryBufferRef]),
    "LLVMGetBufferStart": (c_void_p, [MemoryBufferRef]),
    "LLVMGetBufferSize": (c_size_t, [MemoryBufferRef]),
    "LLVMParseIRInContext": (
        c_int,
        [ContextRef, MemoryBufferRef, POINTER(ModuleRef), POINTER(c_void_p)],
    ),
    "LLVMCloneModule": (ModuleRef, [ModuleRef]),
    "LLVMDisposeModule": (None, [ModuleRef]),
    "LLVMPrintModuleToString": (c_void_p, [ModuleRef]),
    "LLVMDisposeMessage": (None, [c_void_p]),
    "LLVMVerifyModule": (c_int, [ModuleRef, c_int, POINTER(c_void_p)]),
    "LLVMGetTarget": (c_char_p, [ModuleRef]),
    "LLVMSetTarget": (None, [ModuleRef, c_char_p]),
    "LLVMGetDataLayoutStr": (c_char_p, [ModuleRef]),
    "LLVMGetFirstFunction": (ValueRef, [ModuleRef]),
    "LLVMGetNextFunction": (ValueRef, [ValueRef]),
    "LLVMIsDeclaration": (c_int, [ValueRef]),
    "LLVMGetFirstBasicBlock": (BasicBlockRef, [ValueRef]),
    "LLVMGetNextBasicBlock": (BasicBlockRef, [BasicBlockRef]),
    "LLVMGetFirstInstruction": (ValueRef, [BasicBlockRef]),
    "LLVMGetNextInstruction": (ValueRef, [ValueRef]),
    "LLVMGetInstructionOpcode": (c_int, [ValueRef]),
    "LLVMCountBasicBlocks": (c_uint, [ValueRef]),
    "LLVMGetValueName2": (c_char_p, [ValueRef, POINTER(c_size_t)]),
    "LLVMCreatePassBuilderOptions": (PassBuilderOptionsRef, []),
    "LLVMDisposePassBuilderOptions": (None, [PassBuilderOptionsRef]),
    "LLVMPassBuilderOptionsSetVerifyEach": (None, [PassBuilderOptionsRef, c_int]),
    "LLVMRunPasses": (ErrorRef, [ModuleRef, c_char_p, TargetMachineRef, PassBuilderOptionsRef]),
    "LLVMGetErrorMessage": (c_void_p, [ErrorRef]),
    "LLVMDisposeErrorMessage": (None, [c_void_p]),
    "LLVMGetDefaultTargetTriple": (c_void_p, []),
    "LLVMGetTargetFromTriple": (c_int, [c_char_p, POINTER(TargetRef), POINTER(c_void_p)]),
    "LLVMCreateTargetMachine": (
        TargetMachineRef,
        [TargetRef, c_char_p, c_char_p, c_char_p, c_int, c_int, c_int],
    ),
    "LLVMDisposeTargetMachine": (None, [TargetMachineRef]),
    "LLVMTargetMachineEmitToMemoryBuffer": (
        c_int,
        [TargetMachineRef, ModuleRef, c_int, POINTER(c_void_p), POINTER(MemoryBufferRef)],
    ),
    "LLVMCreateBinary": (BinaryRef, [MemoryBufferRef, ContextRef, POINTER(c_void_p)]),
    "LLVMDisposeBinary": (None, [BinaryRef]),
    "LLVMObjectFileCopySectionIterator": (SectionIteratorRef, [BinaryRef]),
    "LLVMObjectFileIsSectionIteratorAtEnd": (c_int, [BinaryRef, SectionIteratorRef]),
    "LLVMMoveToNextSection": (None, [SectionIteratorRef]),
    "LLVMDisposeSectionIterator": (None, [SectionIteratorRef]),
    "LLVMGetSectionName": (c_char_p, [SectionIteratorRef]),
    "LLVMGetSectionSize": (ctypes.c_uint64, [SectionIteratorRef]),
    # Values, operands and types, for the Autophase features (optsmith.llvm.features).
    "LLVMGetNumOperands": (c_int, [ValueRef]),
    "LLVMGetOperand": (ValueRef, [ValueRef, c_uint]),
    "LLVMIsConstant": (c_int, [ValueRef]),
    "LLVMGetValueKind": (c_int, [ValueRef]),
    "LLVMTypeOf": (TypeRef, [ValueRef]),
    "LLVMGetTypeKind": (c_int, [TypeRef]),
    "LLVMGetIntTypeWidth": (c_uint, [TypeRef]),
    "LLVMGetReturnType": (TypeRef, [TypeRef]),
    "LLVMGlobalGetValueType": (TypeRef, [ValueRef]),
    "LLVMConstIntGetZExtValue": (ctypes.c_ulonglong, [ValueRef]),
    "LLVMIsNull": (c_int, [ValueRef]),
    "LLVMCountIncoming": (c_uint, [ValueRef]),
    "LLVMGetCalledValue": (ValueRef, [ValueRef]),
    "LLVMGetCalledFunctionType": (TypeRef, [ValueRef]),
    "LLVMGetNumSuccessors": (c_uint, [ValueRef]),
    "LLVMGetSuccessor": (BasicBlockRef, [ValueRef, c_uint]),
    "LLVMGetBasicBlockTerminator": (ValueRef, [BasicBlockRef]),
    "LLVMIsConditional": (c_int, [ValueRef]),
}

_ARCH_PREFIX = {"x86_64": "X86", "amd64": "X86", "aarch64": "AArch64", "arm64": "AArch64"}


class _Lib:
    """The loaded library with typed functions as attributes (`lib.LLVMRunPasses(...)`)."""

    def __init__(self, handle: ctypes.CDLL) -> None:
        self.handle = handle
        for name, (restype, argtypes) in _SIGNATURES.items():
            fn = getattr(handle, name)
            fn.restype = restype
            fn.argtypes = argtypes
            setattr(self, name, fn)
        arch = _ARCH_PREFIX.get(platform.machine().lower(), "X86")
        for part in ("TargetInfo", "Target", "TargetMC", "AsmPrinter", "AsmParser"):
            init = getattr(handle, f"LLVMInitialize{arch}{part}")
            init.restype = None
            init()

    def __getattr__(self, name: str) -> Any:  # pragma: no cover - typed access for mypy
        raise AttributeError(name)


_LIB: _Lib | None = None


def lib() -> _Lib:
    """Load libLLVM 22 once per process."""
    global _LIB
    if _LIB is None:
        _LIB = _Lib(ctypes.CDLL(str(find_toolchain().libllvm)))
    return _LIB


def take_message(ptr: int | None) -> str:
    """Copy a C string LLVM allocated and free it with LLVMDisposeMessage."""
    if not ptr:
        return ""
    text = ctypes.string_at(ptr).decode(errors="replace")
    lib().LLVMDisposeMessage(ptr)
    return text


def take_error(err: int | None) -> str | None:
    """Consume an LLVMErrorRef: None when it is success, else its message."""
    if not err:
        return None
    lib_ = lib()
    msg_ptr = lib_.LLVMGetErrorMessage(err)
    text = ctypes.string_at(msg_ptr).decode(errors="replace")
    lib_.LLVMDisposeErrorMessage(msg_ptr)
    return text


__all__ = [
    "CONSTANT_INT_VALUE_KIND",
    "FUNCTION_VALUE_KIND",
    "INTEGER_TYPE_KIND",
    "OPCODE_NAMES",
    "byref",
    "lib",
    "take_error",
    "take_message",
]
