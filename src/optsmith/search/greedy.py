"""Greedy search: grow a pipeline one pass at a time, always appending the best next pass.

A round measures `prefix + (p,)` for every pass p of the space (in a seeded order, so a
budget that ends mid-round still sees a fair sample) and keeps the best extension if it
is strictly better than the prefix. The first round is every single pass: `default<Oz>`
is one of them, so "-Oz, then the best clean-up passes" is the path greedy usually takes,
and a program where some other single pass starts better follows that one instead.

Why restarts: when no pass improves the prefix (or the pipeline reaches `max_length`),
greedy has converged, and the rest of the budget would be wasted. It then climbs again
from the next-best first-round pass it has not climbed from yet, which is the classic
"multi-start greedy" and costs nothing new to set up.

Rounds are synchronous: `ask` returns None while a round's values are outstanding, which
the driver answers by measuring what it was given and telling the values.
"""

from __future__ import annotations

from collections.abc import Sequence

from optsmith.errors import OptionError
from optsmith.search.evolution import Memo
from optsmith.search.protocol import OZ, Optimizer, Pipeline


def best_extension(
    prefix_value: float, candidates: dict[Pipeline, float | None]
) -> tuple[Pipeline, float] | None:
    """The best measured candidate if it strictly beats the prefix; ties go to the first."""
    best: tuple[Pipeline, float] | None = None
    for pipeline, value in candidates.items():
        if value is not None and value < prefix_value and (best is None or value < best[1]):
            best = (pipeline, value)
    return best


class Greedy(Optimizer):
    name = "greedy"

    def __init__(self, *, space: Sequence[str], seed: int = 0, max_length: int = 40) -> None:
        super().__init__(space=space, seed=seed)
        if max_length < 1:
            raise OptionError(f"max_length must be >= 1, got {max_length}")
        self.max_length = max_length
        self.memo = Memo()
        self.prefix: Pipeline = ()
        self.prefix_value = float("inf")
        self.queue: list[Pipeline] = []
        self.round: dict[Pipeline, float | None] = {}
        self.starts: list[tuple[float, Pipeline]] = []  # first-round results, for restarts
        self.climbed: set[Pipeline] = set()
        self.first_round = True
        self.done = False

    def start(
        self, baseline_value: float, unoptimized_value: float, *, baseline_action: str = OZ
    ) -> None:
        super().start(baseline_value, unoptimized_value, baseline_action=baseline_action)
        self.memo.record((), unoptimized_value)
        if self.baseline_action in self.space:
            self.memo.record((self.baseline_action,), baseline_value)
        self.prefix_value = unoptimized_value
        self._open_round()

    def _open_round(self) -> None:
        order = list(self.space)
        self.rng.shuffle(order)
        self.queue = [self.prefix + (p,) for p in order]
        self.round = {}

    def ask(self) -> Pipeline | None:
        while not self.done:
            while self.queue:
                candidate = self.queue.pop(0)
                if candidate in self.memo.values:  # measured before: free
                    self.round[candidate] = self.memo.values[candidate]
                elif candidate not in self.memo:
                    self.round[candidate] = None
                    return self.memo.propose(candidate)
            if self.memo.outstanding:
                return None  # the round is not finished
            self._close_round()
        return None

    def _close_round(self) -> None:
        if self.first_round:
            self.first_round = False
            self.starts = sorted(
                (v, p) for p, v in self.round.items() if v is not None and len(p) == 1
            )
        step = best_extension(self.prefix_value, self.round)
        if step is not None and len(step[0]) < self.max_length:
            self.prefix, self.prefix_value = step
            self.climbed.add(step[0][:1])
            self._open_round()
            return
        # converged: climb again from the best first-round pass not climbed from yet
        for value, start in self.starts:
            if start not in self.climbed:
                self.climbed.add(start)
                self.prefix, self.prefix_value = start, value
                self._open_round()
                return
        self.done = True

    def tell(self, pipeline: Pipeline, value: float | None) -> None:
        self.memo.record(pipeline, value)
        if pipeline in self.round:
            self.round[pipeline] = value
