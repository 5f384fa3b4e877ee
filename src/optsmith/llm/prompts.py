"""Prompt and answer formats of the LLM Compiler release (verbatim) and of SuperCoder.

The LLM Compiler models were fine-tuned on exactly these strings; changing a space
changes what they answer, so the templates are constants and tested character by
character. The answer templates are what `optsmith dataset build` writes as labels.
"""

from __future__ import annotations

FLAG_TUNING = (
    "[INST] Tell me how to optimize this LLVM-IR for object file size:\n\n<code>{ir}</code> [/INST]"
)

EMULATION_IR = (
    "[INST] Give the LLVM-IR for the following code when optimized using opt -p '{passes}':"
    "\n\n<code>{ir}</code>\n\n"
    "The input code has instruction count {ir_count} and binary size {bin_size} bytes. [/INST]"
)

EMULATION_ASM = (
    "[INST] Give the assembly for the following code when optimized using opt -p '{passes}':"
    "\n\n<code>{ir}</code>\n\n"
    "The input code has instruction count {ir_count} and binary size {bin_size} bytes. [/INST]"
)

DISASSEMBLY = "[INST] Disassemble this code to LLVM-IR:\n\n<code>{asm}</code> [/INST]"

# The flag-tuning answer of the LLM Compiler FTD models: pass list, predicted counts, IR.
FLAG_TUNING_ANSWER = (
    " Run passes `{passes}` to reduce instruction count from {ir_count} to {opt_count} "
    "and binary size from {bin_size} bytes to {opt_bin_size} bytes:\n\n<code>{opt_ir}</code>"
)

EMULATION_ANSWER = " <code>{code}</code>"

SUPERCODER = (
    "Given the following C code and assembly code, your task is to generate highly "
    "optimized x86-64 assembly code.\n"
    "C Code:\n\n```c\n{c}\n```\n\n"
    "Assembly Code:\n\n```assembly\n{asm}\n```\n\n"
    "Only output the optimized assembly code. Do not include any other text. Do not write "
    "any comments in the assembly code. Wrap the assembly code in ```assembly``` tags.\n"
    "Optimized Assembly Code:\n"
)

SUPERCODER_ANSWER = "```assembly\n{asm}\n```"


def flag_tuning(ir: str) -> str:
    return FLAG_TUNING.format(ir=ir)


def emulation(ir: str, passes: str, ir_count: int, bin_size: int, *, target: str = "ir") -> str:
    template = EMULATION_ASM if target == "asm" else EMULATION_IR
    return template.format(passes=passes, ir=ir, ir_count=ir_count, bin_size=bin_size)


def disassembly(asm: str) -> str:
    return DISASSEMBLY.format(asm=asm)


def supercoder(c_source: str, asm: str) -> str:
    return SUPERCODER.format(c=c_source, asm=asm)
