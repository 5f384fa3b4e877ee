"""optsmith: make programs smaller and faster with search, learned models and LLMs.

Every result the tool reports is rebuilt, run against the program's tests and measured.
The layers (see DESIGN.md) import only downwards; pyproject.toml's import-linter contract
lists them from the top (cli) to the bottom (errors) and tests/test_layers.py checks it.
"""

__version__ = "0.1.0"
