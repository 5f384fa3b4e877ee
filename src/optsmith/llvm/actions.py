"""The action spaces: every pass of the pass space, then whole standard pipelines.

They live beside the pass table (`optsmith.llvm.passes`) because two layers draw from them:
the Gymnasium environment (`optsmith.env`, one action per step) and the search
(`optsmith.search.registry.default_space()`), so an agent trained in the environment and
an optimizer of the search choose among the same actions, in the same order.
"""

from __future__ import annotations

from optsmith.llvm.clang_pipeline import CLANG_O3, CLANG_OZ
from optsmith.llvm.passes import PASS_SPACE, SPEED_PASSES

# Whole standard pipelines are actions too: "-Oz, then a clean-up" is a strong start.
# `clang-Oz` is clang-22 -Oz's own pipeline (no loop vectorizer: the text-size baseline),
# `default<Oz>` opt's (the literature's ir-instcount baseline); they differ.
COMPOSITE_ACTIONS: tuple[str, ...] = ("default<Oz>", "default<Os>", CLANG_OZ)

# For speed: clang-22 -O3's own pipeline (the runtime baseline) and opt's -O2/-O3 as
# starting points, the parameterized unrolling and vectorization passes, then the rest.
SPEED_COMPOSITE_ACTIONS: tuple[str, ...] = (CLANG_O3, "default<O3>", "default<O2>")


def action_names() -> list[str]:
    """Every pass of `PASS_SPACE` and then `COMPOSITE_ACTIONS`, in a fixed order."""
    return [p.name for p in PASS_SPACE] + list(COMPOSITE_ACTIONS)


def speed_action_names() -> list[str]:
    """The actions of a search for speed: `PASS_SPACE`, `SPEED_PASSES`, then
    `SPEED_COMPOSITE_ACTIONS` (no -Oz: a pipeline for size is no start for speed)."""
    return [p.name for p in (*PASS_SPACE, *SPEED_PASSES)] + list(SPEED_COMPOSITE_ACTIONS)


def actions_for(objective: str) -> list[str]:
    """The action space for an objective's name: speed actions for `runtime`."""
    return speed_action_names() if objective == "runtime" else action_names()


__all__ = [
    "COMPOSITE_ACTIONS",
    "SPEED_COMPOSITE_ACTIONS",
    "action_names",
    "actions_for",
    "speed_action_names",
]
