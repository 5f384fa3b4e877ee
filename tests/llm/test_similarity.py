"""BLEU is sacrebleu's; checked against values worked out by hand, not by sacrebleu."""

from __future__ import annotations

import math
import sys

import pytest

from optsmith.errors import OptsmithError
from optsmith.llm.similarity import bleu, bleu_name, normalize_asm, normalize_ir
from optsmith.llmtasks.disassembly import Disassembly


def test_bleu_is_one_for_identical_and_small_for_unrelated_text() -> None:
    text = "define i32 @f ( i32 %x ) { %y = add i32 %x , 1 ret i32 %y }"
    assert bleu(text, text) == 1.0
    assert bleu("hello world", text) < 0.1
    assert bleu("", text) == 0.0
    assert 0.1 < bleu(text.replace("add", "sub"), text) < 1.0
    assert bleu("a b c d e", "f g h i j") == 0.0  # disjoint


def test_bleu_matches_the_formula_by_hand() -> None:
    # every n-gram matches; only the brevity penalty exp(1 - r/c) applies: r = 5, c = 4
    assert bleu("a b c d", "a b c d e") == pytest.approx(math.exp(1 - 5 / 4), abs=1e-6)
    # one token of six differs: precisions 5/6, 4/5, 3/4, 2/3, no penalty, no smoothing
    expected = (5 / 6 * 4 / 5 * 3 / 4 * 2 / 3) ** (1 / 4)
    assert bleu("a b c d e f", "a b c d e g") == pytest.approx(expected, abs=1e-6)


def test_bleu_tokenizes_like_13a_and_names_itself() -> None:
    # 13a splits punctuation from words: `%x,` and `%x ,` are the same tokens
    assert bleu("%y = add i32 %x, 1", "%y = add i32 %x , 1") == 1.0
    assert "sacrebleu 2." in bleu_name() and "13a tokenization" in bleu_name()


def test_normalization_ignores_comments_ids_and_blank_lines() -> None:
    a = '; ModuleID = \'x\'\nsource_filename = "x.c"\n\ndefine void @f() { ; entry\n  ret void\n}\n'
    b = "define void @f() {\n  ret void\n}"
    assert normalize_ir(a) == normalize_ir(b)
    s1 = '\t.file "x.c"\n\t.text\nf:   # entry\n\tret\n\t.ident "clang"\n'
    s2 = ".text\nf:\nret"
    assert normalize_asm(s1) == normalize_asm(s2)
    assert normalize_ir('@s = constant [3 x i8] c";a\\00"') == '@s = constant [3 x i8] c";a\\00"'


def test_without_sacrebleu_a_bleu_task_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sacrebleu", None)  # what `import sacrebleu` meets uninstalled
    with pytest.raises(OptsmithError, match=r"sacrebleu.*optsmith\[llm\]"):
        Disassembly()
