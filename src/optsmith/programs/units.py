"""Split a module into one module per defined function, the unit small models can read.

A whole program's IR is often longer than a model's context (the built-in suite's
flag-tuning prompts are 30-60k characters, a Csmith program's 40-300k). `llvm-extract-22
--func NAME` keeps one definition and turns every other global into a declaration, which
is the shape of most per-function training data. Units are named `program:function`.

This lives with the programs (not with the LLM tasks) because both the tasks and the data
set builder (`optsmith dataset build --unit function`) cut programs into the same units.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from typing import Literal

from optsmith.errors import OptionError, OptsmithError
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.frontend import IRMode, c_to_ir
from optsmith.toolchain import find_toolchain

Unit = Literal["module", "function"]
UNITS = ("module", "function")
EXTRACT_TIMEOUT_S = 60
_DEFINE = re.compile(r'^define\b[^@\n]*@(?:"((?:[^"\\]|\\.)*)"|([-\w$.]+))\(', re.M)


@dataclass(frozen=True)
class CodeUnit:
    name: str  # "program" or "program:function"
    function: str | None
    ir: str


def defined_functions(ir: str) -> list[str]:
    return [quoted or plain for quoted, plain in _DEFINE.findall(ir)]


def extract_function(ir: str, function: str) -> str:
    extract = find_toolchain().prefix / "bin" / "llvm-extract"
    try:
        proc = subprocess.run(
            [str(extract), "-S", f"--func={function}", "-", "-o", "-"],
            input=ir.encode(), capture_output=True, timeout=EXTRACT_TIMEOUT_S,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OptsmithError(f"llvm-extract failed on {function}: {exc}") from exc
    if proc.returncode != 0:
        raise OptsmithError(f"llvm-extract failed on {function}: "
                           f"{proc.stderr.decode(errors='replace').strip()[:300]}")
    return proc.stdout.decode()


def check_unit(unit: str) -> Unit:
    """`unit` as a `Unit`, or an `OptionError` naming the choices."""
    if unit not in UNITS:
        raise OptionError(f"unknown unit '{unit}'; choose one of: {', '.join(UNITS)}")
    return "function" if unit == "function" else "module"


def split_units(program: str, ir: str, unit: Unit) -> list[CodeUnit]:
    if check_unit(unit) == "module":
        return [CodeUnit(program, None, ir)]
    return [CodeUnit(f"{program}:{name}", name, extract_function(ir, name))
            for name in defined_functions(ir)]


def program_units(benchmark: Benchmark, mode: IRMode, unit: Unit) -> list[CodeUnit] | str:
    """The program's units from its `mode` IR, or why it has none (does not compile...)."""
    try:
        return split_units(benchmark.name, c_to_ir(benchmark, mode), unit)
    except OptsmithError as exc:
        return f"cannot prepare: {exc}"
