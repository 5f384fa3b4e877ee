"""Evolutionary search: a steady-state genetic algorithm over pass pipelines.

Also home of the pipeline operators (random pipelines, mutation, crossover) and the
proposal memo that the other optimizers share, so "a neighbour of a pipeline" means the
same thing in annealing, evolution and the tests.

Why steady-state (one child per `ask`, the population updated on every `tell`) rather than
generations: the driver asks for a handful of proposals at a time and the budget may be
seconds rather than compilations, so an optimizer must be good at any moment, and must
never idle waiting for a generation's slowest member.

Why these choices (tuned on csmith programs from seed 1000 on, not on the suites that
are reported):
- The baseline action (`default<Oz>`, or `clang-Oz` for text-size) is in the population
  from the start (its value is the baseline, known for free), and part of the initial
  population is "-Oz, then a few random passes":
  the cheapest way to beat -Oz is often to clean up after it.
- The rest of the initial population is random pipelines of up to 40 passes, because
  random search is a strong baseline here: long random pipelines often find orders -Oz
  never tries (no loop rotation, say).
- A share of every batch stays random ("immigrants"), which keeps the search from
  collapsing onto one family of pipelines.
- `seeds` (e.g. a model's proposals, `search.llm_guided`) are asked first and take the
  place of as many random members of the initial population, as seeded GAs do: a good
  seed becomes a parent as soon as the children start, and without seeds the search is
  the same, draw for draw, as the plain one.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from optsmith.errors import OptionError
from optsmith.search.protocol import OZ, Optimizer, Pipeline

# Mutation operators by name; `mutate` draws one uniformly per step.
MUTATIONS: tuple[str, ...] = ("insert", "delete", "replace", "swap", "move", "duplicate")


def random_pipeline(
    rng: random.Random, space: Sequence[str], min_length: int = 1, max_length: int = 40
) -> Pipeline:
    """A uniformly random pipeline of a uniformly random length."""
    return tuple(rng.choice(space) for _ in range(rng.randint(min_length, max_length)))


def oz_prefixed(
    rng: random.Random, space: Sequence[str], max_suffix: int = 8, first: str = OZ
) -> Pipeline:
    """`first` (an -Oz action) and 1..max_suffix random passes: a clean-up after -Oz."""
    return (first, *random_pipeline(rng, space, 1, max_suffix))


def mutate_once(
    rng: random.Random,
    pipeline: Pipeline,
    space: Sequence[str],
    draw: Callable[[], str] | None = None,
) -> Pipeline:
    """One random edit: insert, delete, replace, swap, move a pass, or duplicate a slice.

    New passes come from `draw` (default: uniform over `space`); every pass of the result
    comes from `pipeline` or from there, so a mutated pipeline is always renderable when
    its parent was.
    """
    new = draw or (lambda: rng.choice(space))
    p = list(pipeline)
    op = rng.choice(MUTATIONS)
    if not p or (op in ("delete", "swap", "move") and len(p) < 2):
        op = "insert"
    if op == "insert":
        p.insert(rng.randint(0, len(p)), new())
    elif op == "delete":
        del p[rng.randrange(len(p))]
    elif op == "replace":
        p[rng.randrange(len(p))] = new()
    elif op == "swap":
        i, j = rng.sample(range(len(p)), 2)
        p[i], p[j] = p[j], p[i]
    elif op == "move":
        item = p.pop(rng.randrange(len(p)))
        p.insert(rng.randint(0, len(p)), item)
    else:  # duplicate: repeat a short slice somewhere (passes often pay off twice)
        i = rng.randrange(len(p))
        chunk = p[i : i + rng.randint(1, 4)]
        k = rng.randint(0, len(p))
        p[k:k] = chunk
    return tuple(p)


def mutate(
    rng: random.Random,
    pipeline: Pipeline,
    space: Sequence[str],
    *,
    max_length: int = 60,
    mean_edits: float = 1.5,
    draw: Callable[[], str] | None = None,
) -> Pipeline:
    """1 + Geometric edits (mean `mean_edits`), then trimmed to `max_length` passes."""
    child = mutate_once(rng, pipeline, space, draw)
    stop = 1.0 / max(1.0, mean_edits)
    while rng.random() > stop:
        child = mutate_once(rng, child, space, draw)
    return trim(rng, child, max_length)


def crossover(rng: random.Random, a: Pipeline, b: Pipeline) -> Pipeline:
    """Splice: a prefix of `a`, a slice of `b`, the rest of `a` after the prefix's cut.

    Two-point splicing keeps both parents' ends (the end of a pipeline is its clean-up,
    which is often what makes it good) and carries a run of `b`'s passes over in order.
    Falls back to one-point crossover (`a`'s head, `b`'s tail) half the time.
    """
    if not a or not b:
        return a or b
    if rng.random() < 0.5:
        return a[: rng.randint(0, len(a))] + b[rng.randint(0, len(b) - 1) :]
    i = rng.randint(0, len(a))
    j = rng.randint(0, len(b) - 1)
    k = rng.randint(j + 1, len(b))
    rest = a[i + rng.randint(0, len(a) - i) :]
    return a[:i] + b[j:k] + rest


def trim(rng: random.Random, pipeline: Pipeline, max_length: int) -> Pipeline:
    """Delete random passes until at most `max_length` remain."""
    p = list(pipeline)
    while len(p) > max_length:
        del p[rng.randrange(len(p))]
    return tuple(p)


class Memo:
    """Everything an optimizer proposed and the values it was told.

    The driver counts every proposal as a compilation, even one the store answers, so
    each optimizer asks itself here first and never proposes a pipeline twice.
    """

    def __init__(self) -> None:
        self.values: dict[Pipeline, float | None] = {}
        self.pending: set[Pipeline] = set()

    def __contains__(self, pipeline: object) -> bool:
        return pipeline in self.values or pipeline in self.pending

    def propose(self, pipeline: Pipeline) -> Pipeline:
        self.pending.add(pipeline)
        return pipeline

    def record(self, pipeline: Pipeline, value: float | None) -> None:
        self.pending.discard(pipeline)
        self.values[pipeline] = value

    @property
    def outstanding(self) -> int:
        return len(self.pending)

    def fresh(
        self, make: Callable[[], Pipeline], fallback: Callable[[], Pipeline], tries: int = 30
    ) -> Pipeline:
        """A new pipeline from `make`, else from `fallback` (random: always new in practice)."""
        for _ in range(tries):
            candidate = make()
            if candidate and candidate not in self:
                return candidate
        for _ in range(tries):
            candidate = fallback()
            if candidate and candidate not in self:
                return candidate
        return fallback()


class Evolution(Optimizer):
    """Steady-state GA: tournament selection, splice crossover, multi-edit mutation."""

    name = "evolution"

    def __init__(
        self,
        *,
        space: Sequence[str],
        seed: int = 0,
        population: int = 24,
        initial: int = 40,
        oz_share: float = 0.25,
        tournament: int = 3,
        crossover_rate: float = 0.3,
        immigrant_rate: float = 0.1,
        mean_edits: float = 1.5,
        max_length: int = 60,
        elite_draw: float = 0.0,
        seeds: Sequence[Pipeline] = (),
    ) -> None:
        super().__init__(space=space, seed=seed)
        if population < 2 or initial < 1 or tournament < 1:
            raise OptionError(
                f"need population >= 2, initial >= 1, tournament >= 1; got "
                f"{population}, {initial}, {tournament}"
            )
        self.population_size = population
        self.initial = initial
        self.oz_share = oz_share
        self.tournament = tournament
        self.crossover_rate = crossover_rate
        self.immigrant_rate = immigrant_rate
        self.mean_edits = mean_edits
        self.max_length = max_length
        self.elite_draw = elite_draw
        self.memo = Memo()
        # (value, length, pipeline), best first; length breaks ties towards cheaper ones
        self.population: list[tuple[float, int, Pipeline]] = []
        self.asked = 0
        # asked first, in order, each once (empty ones and duplicates dropped)
        self.seeds: list[Pipeline] = list(dict.fromkeys(tuple(s) for s in seeds if s))

    def start(
        self, baseline_value: float, unoptimized_value: float, *, baseline_action: str = OZ
    ) -> None:
        super().start(baseline_value, unoptimized_value, baseline_action=baseline_action)
        oz = self.baseline_action
        if oz in self.space:
            self.memo.record((oz,), baseline_value)
            self._admit((oz,), baseline_value)
        self.memo.record((), unoptimized_value)

    def _admit(self, pipeline: Pipeline, value: float) -> None:
        self.population.append((value, len(pipeline), pipeline))
        self.population.sort()
        del self.population[self.population_size :]

    def _random(self) -> Pipeline:
        if self.baseline_action in self.space and self.rng.random() < self.oz_share:
            return oz_prefixed(self.rng, self.space, first=self.baseline_action)
        return random_pipeline(self.rng, self.space)

    def _draw(self) -> str:
        """A pass to insert: from a population member (passes that pay off) or uniform."""
        if self.population and self.rng.random() < self.elite_draw:
            member = self.rng.choice(self.population)[2]
            if member:
                return self.rng.choice(member)
        return self.rng.choice(self.space)

    def _select(self) -> Pipeline:
        k = min(self.tournament, len(self.population))
        return min(self.rng.sample(self.population, k))[2]

    def _child(self) -> Pipeline:
        if not self.population or self.rng.random() < self.immigrant_rate:
            return self._random()
        parent = self._select()
        if len(self.population) > 1 and self.rng.random() < self.crossover_rate:
            child = trim(self.rng, crossover(self.rng, parent, self._select()), self.max_length)
            if self.rng.random() < 0.5:
                return child
            parent = child
        return mutate(
            self.rng,
            parent,
            self.space,
            max_length=self.max_length,
            mean_edits=self.mean_edits,
            draw=self._draw,
        )

    def _next_seed(self) -> Pipeline | None:
        """The next seed not yet known (-Oz is known from the start: it costs nothing)."""
        while self.seeds:
            seed = self.seeds.pop(0)
            if seed not in self.memo:
                return seed
        return None

    def ask(self) -> Pipeline:
        self.asked += 1
        seed = self._next_seed()
        if seed is not None:
            return self.memo.propose(seed)
        make = self._random if self.asked <= self.initial else self._child
        return self.memo.propose(self.memo.fresh(make, self._random))

    def tell(self, pipeline: Pipeline, value: float | None) -> None:
        self.memo.record(pipeline, value)
        if value is not None:
            self._admit(pipeline, value)
