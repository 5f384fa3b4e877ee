"""optsmith: make programs smaller and faster with search, learned models and LLMs.

Every result the tool reports is rebuilt, run against the program's tests and measured.
The layers (see DESIGN.md) import only downwards: toolchain -> store -> programs -> llvm ->
measure -> search -> report -> cli.
"""

__version__ = "0.1.0"
