"""Turn an object file the engine emitted into an executable, with clang-22 as the linker.

Linking the engine's own object (rather than recompiling the IR) means the binary that is
tested is exactly the code that was measured.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from optsmith.errors import CompileError
from optsmith.toolchain import find_toolchain

LINK_TIMEOUT_S = 120


def link_executable(obj: bytes, out: Path, ldflags: Sequence[str] = ("-lm",)) -> Path:
    """Write `obj` next to `out` and link it; the linker's message on failure."""
    obj_path = out.with_suffix(".o")
    obj_path.write_bytes(obj)
    proc = subprocess.run(
        [str(find_toolchain().clang), str(obj_path), "-o", str(out), *ldflags],
        capture_output=True,
        timeout=LINK_TIMEOUT_S,
    )
    if proc.returncode != 0:
        raise CompileError(f"link failed: {proc.stderr.decode(errors='replace').strip()}")
    return out
