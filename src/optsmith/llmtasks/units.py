"""The units the LLM tasks ask about: a whole module or one function.

The splitting itself lives in `optsmith.programs.units` (the data set builder cuts
programs into the same units and sits below this layer); the names are kept here so the
tasks and their callers import them from the task layer they use.
"""

from __future__ import annotations

from optsmith.programs.units import (
    UNITS,
    CodeUnit,
    Unit,
    defined_functions,
    extract_function,
    program_units,
    split_units,
)

__all__ = ["UNITS", "CodeUnit", "Unit", "defined_functions", "extract_function",
           "program_units", "split_units"]
