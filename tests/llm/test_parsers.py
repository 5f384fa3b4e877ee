"""Answer parsers on the shapes real models produce, including garbage."""

from __future__ import annotations

import pytest

from optsmith.llm.parsers import extract_code, parse_pass_list


@pytest.mark.parametrize(
    ("answer", "passes"),
    [
        # the LLM Compiler FTD answer format
        (" Run passes `sroa,instcombine<no-verify-fixpoint>,simplifycfg` to reduce instruction "
         "count from 10 to 8:\n\n<code>define i32 @f() { ret i32 0 }</code>",
         ("sroa", "instcombine<no-verify-fixpoint>", "simplifycfg")),
        ("opt -passes='function(sroa,early-cse),globaldce' in.ll", ("sroa", "early-cse",
                                                                    "globaldce")),
        ('Use -p "mem2reg,gvn"', ("mem2reg", "gvn")),
        ("-mem2reg -simplifycfg -instcombine", ("mem2reg", "simplifycfg", "instcombine")),
        ("[-reg2mem, -sroa]", ("reg2mem", "sroa")),
        ("Just use -Oz.", ("default<Oz>",)),
        ("simplifycfg<bonus-inst-threshold=1;no-forward-switch-cond> sroa",
         ("simplifycfg<bonus-inst-threshold=1;no-forward-switch-cond>", "sroa")),
    ],
)
def test_pass_lists_in_many_forms(answer: str, passes: tuple[str, ...]) -> None:
    parsed = parse_pass_list(answer)
    assert parsed.ok, parsed.error
    assert parsed.passes == passes
    assert parsed.text  # rendered for opt-22 -passes=


@pytest.mark.parametrize(
    "answer",
    ["", "   ", "I am a helpful assistant. Here is a poem about compilers.", "```\n\n```",
     "Run passes `` to reduce", "\x00\x01\x02", "(((((", "<code>"],
)
def test_garbage_has_no_pipeline_and_a_reason(answer: str) -> None:
    parsed = parse_pass_list(answer)
    assert not parsed.ok
    assert parsed.error


def test_unknown_pass_is_rejected_with_the_nearest_names() -> None:
    parsed = parse_pass_list("Run passes `sroa,instcombin` to reduce it")
    assert not parsed.ok
    assert "instcombin" in (parsed.error or "")
    assert "did you mean" in (parsed.error or "")


def test_an_endless_list_is_refused() -> None:
    assert not parse_pass_list("Run passes `" + ",".join(["sroa"] * 500) + "`").ok


def test_extract_code_prefers_tags_then_fences_then_bare_text() -> None:
    assert extract_code("x <code>define void @f() {\n  ret void\n}</code> y") == (
        "define void @f() {\n  ret void\n}"
    )
    fenced = "Sure!\n```c\nint x;\n```\n```llvm\ndefine void @g() {\n  ret void\n}\n```\n"
    assert extract_code(fenced, kind="ir") == "define void @g() {\n  ret void\n}"
    asm = "```assembly\n\t.text\nf:\n\tret\n```"
    assert extract_code(asm, kind="asm") == "\t.text\nf:\n\tret"
    assert extract_code("define i32 @h() {\n  ret i32 1\n}\n") is not None
    assert extract_code("The answer is 42.") is None
    assert extract_code("<code>define void @cut() {\n  ret void") is not None  # truncated answer
    assert extract_code("") is None


def test_prose_is_no_pass_list_rather_than_an_unknown_pass() -> None:
    assert parse_pass_list("The function adds two numbers.").error == (
        "no pass list found in the answer"
    )
