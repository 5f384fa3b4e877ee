"""The prompt formats must be the LLM Compiler release's, character for character."""

from __future__ import annotations

from optsmith.llm import prompts
from optsmith.llm.openai_http import chat_message


def test_flag_tuning_prompt_is_verbatim() -> None:
    assert prompts.flag_tuning("IR") == (
        "[INST] Tell me how to optimize this LLVM-IR for object file size:\n\n"
        "<code>IR</code> [/INST]"
    )


def test_emulation_prompts_are_verbatim() -> None:
    assert prompts.emulation("IR", "sroa,gvn", 12, 340) == (
        "[INST] Give the LLVM-IR for the following code when optimized using opt -p "
        "'sroa,gvn':\n\n<code>IR</code>\n\nThe input code has instruction count 12 and binary "
        "size 340 bytes. [/INST]"
    )
    assert prompts.emulation("IR", "sroa", 1, 2, target="asm").startswith(
        "[INST] Give the assembly for the following code when optimized using opt -p 'sroa':"
    )


def test_disassembly_prompt_is_verbatim() -> None:
    assert prompts.disassembly("ASM") == (
        "[INST] Disassemble this code to LLVM-IR:\n\n<code>ASM</code> [/INST]"
    )


def test_chat_servers_get_the_instruction_without_the_inst_tags() -> None:
    assert chat_message(prompts.disassembly("ASM")) == (
        "Disassemble this code to LLVM-IR:\n\n<code>ASM</code>"
    )
    assert chat_message("plain") == "plain"
