"""The C front end's helpers: the hint for text IR an older LLVM wrote."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from optsmith.errors import IRParseError
from optsmith.llvm.module import Engine
from optsmith.programs.frontend import OLD_INRANGE_HINT, old_ir_hint
from optsmith.programs.loaders import load_ir_file
from optsmith.toolchain import find_toolchain

# LLVM 18 spelled `inrange` on one GEP index; LLVM 19 moved it (`inrange(-8, 8)`).
LLVM18_IR = """\
%struct.S = type { i32, [4 x i32] }
@x = global %struct.S zeroinitializer
@p = global ptr getelementptr inbounds (%struct.S, ptr @x, i32 0, inrange i32 1, i32 2)

define i32 @main() {
  ret i32 0
}
"""
LLVM19_IR = LLVM18_IR.replace(
    "getelementptr inbounds (%struct.S, ptr @x, i32 0, inrange i32 1, i32 2)",
    "getelementptr inbounds inrange(-8, 8) (%struct.S, ptr @x, i32 0, i32 1, i32 2)",
)


def test_hint_only_for_the_old_spelling() -> None:
    assert old_ir_hint(LLVM18_IR, "expected ')' in constantexpr") == OLD_INRANGE_HINT
    assert old_ir_hint(LLVM18_IR.encode(), "") == OLD_INRANGE_HINT
    assert old_ir_hint("define void @f() {", "error: expected '}'") == ""
    assert old_ir_hint(LLVM19_IR, "some other error") == ""  # the new spelling is fine
    assert old_ir_hint(b"BC\xc0\xde inrange i32 1", "bad bitcode") == ""  # bitcode upgrades
    assert "older LLVM" in OLD_INRANGE_HINT and "(.bc)" in OLD_INRANGE_HINT


def test_llvm18_text_ir_suggests_bitcode(tmp_path: Path) -> None:
    with pytest.raises(IRParseError) as err:
        Engine().parse(LLVM18_IR, "old.ll")
    message = str(err.value)
    assert "old.ll" in message and "inrange" in message
    assert message.endswith(OLD_INRANGE_HINT)
    path = tmp_path / "old.ll"
    path.write_text(LLVM18_IR)
    with pytest.raises(IRParseError, match=r"changed syntax in LLVM 19; give the bitcode"):
        load_ir_file(path)
    # the new spelling parses, and so would the bitcode the hint asks for
    assert Engine().parse(LLVM19_IR, "new.ll").instruction_count() == 1
    bc = tmp_path / "new.bc"
    subprocess.run(
        [str(find_toolchain().opt), "-o", str(bc), "-"], input=LLVM19_IR.encode(), check=True
    )
    assert load_ir_file(bc).language == "llvm-bc"
