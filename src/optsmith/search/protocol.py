"""The ask/tell protocol: optimizers propose pipelines, the driver measures them.

Keeping search apart from evaluation (as Optuna does) lets one optimizer run on the local
worker pool or on Ray, and lets the store answer repeated proposals for free.
"""

from __future__ import annotations

import abc
import random
from collections.abc import Mapping, Sequence

from optsmith.errors import OptionError

Pipeline = tuple[str, ...]
OZ = "default<Oz>"


class Optimizer(abc.ABC):
    """Proposes pipelines (tuples of pass names) and learns from their measured cost.

    `tell` receives the objective value (lower is better) or None for a failed pipeline
    (LLVM crash, timeout). Optimizers must be deterministic given their seed and the
    sequence of values told, so an interrupted run replays into the store's cache.
    """

    name: str = "optimizer"
    # The action whose value `start` reports as the baseline (see `start`).
    baseline_action: str = OZ
    features: tuple[str, ...] = ()
    """Program features this optimizer reads before its first `ask` (engine measurements
    of the unoptimized module: "autophase", "instcount_vector"); the driver measures them
    (no compilation is counted) and hands them to `observe`."""

    def __init__(self, *, space: Sequence[str], seed: int = 0) -> None:
        if not space:
            raise OptionError("the pass space is empty")
        self.space = tuple(space)
        self.seed = seed
        self.rng = random.Random(seed)

    def start(
        self, baseline_value: float, unoptimized_value: float, *, baseline_action: str = OZ
    ) -> None:
        """Called once before asking, with the baseline's value and the unoptimized value.

        `baseline_action` is the action of the space that the baseline value belongs to:
        `default<Oz>` for ir-instcount, `clang-Oz` (clang's own -Oz pipeline) for text-size.
        Optimizers record it as known and start from it; overrides call this first.
        """
        self.baseline_action = baseline_action

    def observe(self, features: Mapping[str, Sequence[float]]) -> None:  # noqa: B027
        """Called once before `start` with the program's vectors named in `features`."""

    @abc.abstractmethod
    def ask(self) -> Pipeline | None:
        """The next pipeline to measure, or None when the optimizer must first be told
        the values of the pipelines it has proposed (or has nothing left to propose:
        the driver ends the search when None comes back with nothing outstanding)."""

    @abc.abstractmethod
    def tell(self, pipeline: Pipeline, value: float | None) -> None:
        """The measured value of a pipeline returned by `ask` (None when it failed)."""
