from __future__ import annotations

from optsmith.llm.similarity import bleu, normalize_asm, normalize_ir


def test_bleu_is_one_for_identical_and_small_for_unrelated_text() -> None:
    text = "define i32 @f ( i32 %x ) { %y = add i32 %x , 1 ret i32 %y }"
    assert bleu(text, text) == 1.0
    assert bleu("hello world", text) < 0.1
    assert bleu("", text) == 0.0
    assert 0.1 < bleu(text.replace("add", "sub"), text) < 1.0


def test_normalization_ignores_comments_ids_and_blank_lines() -> None:
    a = '; ModuleID = \'x\'\nsource_filename = "x.c"\n\ndefine void @f() { ; entry\n  ret void\n}\n'
    b = "define void @f() {\n  ret void\n}"
    assert normalize_ir(a) == normalize_ir(b)
    s1 = '\t.file "x.c"\n\t.text\nf:   # entry\n\tret\n\t.ident "clang"\n'
    s2 = ".text\nf:\nret"
    assert normalize_asm(s1) == normalize_asm(s2)
    assert normalize_ir('@s = constant [3 x i8] c";a\\00"') == '@s = constant [3 x i8] c";a\\00"'
