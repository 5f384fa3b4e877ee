"""Optimizers by name, and the default action space a search draws from."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from compopt.errors import CompoptError
from compopt.llvm.passes import PASS_SPACE
from compopt.search.annealing import Annealing
from compopt.search.beam import Beam
from compopt.search.coreset import CoresetSearch
from compopt.search.evolution import Evolution
from compopt.search.greedy import Greedy
from compopt.search.mcts import MCTS
from compopt.search.protocol import Optimizer
from compopt.search.random_search import RandomSearch

# Whole standard pipelines are actions too: "-Oz, then a clean-up" is a strong start.
COMPOSITE_ACTIONS: tuple[str, ...] = ("default<Oz>", "default<Os>")

OptimizerFactory = Callable[[Sequence[str], int], Optimizer]

OPTIMIZERS: dict[str, OptimizerFactory] = {
    "random": lambda space, seed: RandomSearch(space=space, seed=seed),
    "greedy": lambda space, seed: Greedy(space=space, seed=seed),
    "evolution": lambda space, seed: Evolution(space=space, seed=seed),
    "annealing": lambda space, seed: Annealing(space=space, seed=seed),
    "beam": lambda space, seed: Beam(space=space, seed=seed),
    "mcts": lambda space, seed: MCTS(space=space, seed=seed),
    "coreset": lambda space, seed: CoresetSearch(space=space, seed=seed),
}


def default_space() -> list[str]:
    """Every pass of the pass space plus the composite actions, in a fixed order."""
    return [p.name for p in PASS_SPACE] + list(COMPOSITE_ACTIONS)


def make_optimizer(name: str, *, seed: int = 0, space: Sequence[str] | None = None) -> Optimizer:
    try:
        factory = OPTIMIZERS[name]
    except KeyError:
        raise CompoptError(
            f"unknown optimizer '{name}'; choose one of: {', '.join(OPTIMIZERS)}"
        ) from None
    return factory(list(space) if space is not None else default_space(), seed)
