"""The environment's action space: every pass of the pass space, then whole pipelines.

The list is defined here, below `optsmith.search`, because the environment sits under the
search in the layer map and may not import it; `optsmith.search.registry.default_space()`
must stay equal to `action_names()` (a test checks it), so an agent trained in the
environment and an optimizer of the search draw from the same actions.
"""

from __future__ import annotations

from optsmith.llvm.passes import PASS_SPACE

# Whole standard pipelines are actions too: "-Oz, then a clean-up" is a strong start.
COMPOSITE_ACTIONS: tuple[str, ...] = ("default<Oz>", "default<Os>")


def action_names() -> list[str]:
    """Every pass of `PASS_SPACE` and then `COMPOSITE_ACTIONS`, in a fixed order."""
    return [p.name for p in PASS_SPACE] + list(COMPOSITE_ACTIONS)


__all__ = ["COMPOSITE_ACTIONS", "action_names"]
