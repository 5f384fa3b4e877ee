"""Optimizers by name, and the default action space a search draws from."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from optsmith.errors import OptionError
from optsmith.llvm.actions import actions_for
from optsmith.search.annealing import Annealing
from optsmith.search.beam import Beam
from optsmith.search.coreset import CoresetSearch
from optsmith.search.defaults import DEFAULT_OPTIMIZER
from optsmith.search.evolution import Evolution
from optsmith.search.greedy import Greedy
from optsmith.search.hybrid import Hybrid
from optsmith.search.mcts import MCTS
from optsmith.search.predictor import PredictorSearch
from optsmith.search.protocol import Optimizer
from optsmith.search.random_search import RandomSearch

__all__ = ["DEFAULT_OPTIMIZER", "OPTIMIZERS", "default_space", "make_optimizer"]

OptimizerFactory = Callable[[Sequence[str], int], Optimizer]


OPTIMIZERS: dict[str, OptimizerFactory] = {
    "random": lambda space, seed: RandomSearch(space=space, seed=seed),
    "greedy": lambda space, seed: Greedy(space=space, seed=seed),
    "evolution": lambda space, seed: Evolution(space=space, seed=seed),
    "annealing": lambda space, seed: Annealing(space=space, seed=seed),
    "beam": lambda space, seed: Beam(space=space, seed=seed),
    "mcts": lambda space, seed: MCTS(space=space, seed=seed),
    "coreset": lambda space, seed: CoresetSearch(space=space, seed=seed),
    "hybrid": lambda space, seed: Hybrid(space=space, seed=seed),
    "predictor": lambda space, seed: PredictorSearch(space=space, seed=seed),
}


def default_space(objective: str = "ir-instcount") -> list[str]:
    """The environment's action space for `objective` (every pass, then the composite
    actions; for `runtime` the speed passes and -O3 pipelines too): agents trained in the
    gym and the optimizers here draw from the same actions."""
    return actions_for(objective)


def make_optimizer(
    name: str, *, seed: int = 0, space: Sequence[str] | None = None,
    objective: str = "ir-instcount",
) -> Optimizer:
    """Optimizer `name` over `space` (default: `default_space(objective)`). For `runtime`,
    hybrid starts without the shipped coreset: those pipelines were learned for size."""
    try:
        factory = OPTIMIZERS[name]
    except KeyError:
        raise OptionError(
            f"unknown optimizer '{name}'; choose one of: {', '.join(OPTIMIZERS)}"
        ) from None
    actions = list(space) if space is not None else default_space(objective)
    if name == "hybrid" and objective == "runtime":
        return Hybrid(space=actions, seed=seed, seeds=())
    return factory(actions, seed)
