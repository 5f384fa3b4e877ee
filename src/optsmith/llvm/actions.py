"""The action space: every pass of the pass space, then whole standard pipelines.

It lives beside the pass table (`optsmith.llvm.passes`) because two layers draw from it:
the Gymnasium environment (`optsmith.env`, one action per step) and the search
(`optsmith.search.registry.default_space()`), so an agent trained in the environment and
an optimizer of the search choose among the same actions, in the same order.
"""

from __future__ import annotations

from optsmith.llvm.clang_pipeline import CLANG_OZ
from optsmith.llvm.passes import PASS_SPACE

# Whole standard pipelines are actions too: "-Oz, then a clean-up" is a strong start.
# `clang-Oz` is clang-22 -Oz's own pipeline (no loop vectorizer: the text-size baseline),
# `default<Oz>` opt's (the literature's ir-instcount baseline); they differ.
COMPOSITE_ACTIONS: tuple[str, ...] = ("default<Oz>", "default<Os>", CLANG_OZ)


def action_names() -> list[str]:
    """Every pass of `PASS_SPACE` and then `COMPOSITE_ACTIONS`, in a fixed order."""
    return [p.name for p in PASS_SPACE] + list(COMPOSITE_ACTIONS)


__all__ = ["COMPOSITE_ACTIONS", "action_names"]
