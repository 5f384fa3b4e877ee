"""Beam search: keep the `width` best prefixes, extend each by sampled next passes.

Depth zero is `probes` starting points: -Oz itself (known for free), "-Oz, then a few
random passes" and random pipelines, so the beam grows from strong prefixes rather than
from single passes, which at -O0 are all far worse than -Oz. Each depth extends every
beam member by
`branch` passes sampled without replacement, weighted towards passes that produced a
depth's best child before, and keeps the `width` best children with distinct values:
distinct values, because equal counts after different passes are usually the same module
reached twice, and a beam of copies is a beam of one.

Why sampling instead of expanding all ~125 passes: at 1000 compilations a full expansion
of four prefixes would allow two depths; sampled branches reach depth 10-20, where
pipelines that beat -Oz live. When a depth brings no new best for `patience` depths (or
the prefixes reach `max_length`), the beam restarts from the best pipelines found so
far, each with one random edit, so the budget keeps buying new ground.
"""

from __future__ import annotations

from collections.abc import Sequence

from optsmith.errors import OptionError
from optsmith.search.evolution import OZ, Memo, mutate_once, oz_prefixed, random_pipeline
from optsmith.search.protocol import Optimizer, Pipeline


def top_distinct(
    scored: Sequence[tuple[float, Pipeline]], width: int
) -> list[tuple[float, Pipeline]]:
    """The `width` best (value, pipeline) pairs with pairwise distinct values."""
    out: list[tuple[float, Pipeline]] = []
    values: set[float] = set()
    for value, pipeline in sorted(scored, key=lambda s: (s[0], len(s[1]), s[1])):
        if value not in values:
            values.add(value)
            out.append((value, pipeline))
            if len(out) == width:
                break
    return out


class Beam(Optimizer):
    name = "beam"

    def __init__(
        self,
        *,
        space: Sequence[str],
        seed: int = 0,
        width: int = 4,
        branch: int = 16,
        probes: int = 32,
        patience: int = 3,
        max_length: int = 40,
    ) -> None:
        super().__init__(space=space, seed=seed)
        if min(width, branch, probes, patience, max_length) < 1:
            raise OptionError(
                f"width, branch, probes, patience and max_length must be >= 1; got "
                f"{width}, {branch}, {probes}, {patience}, {max_length}"
            )
        self.probes = probes
        self.width = width
        self.branch = min(branch, len(self.space))
        self.patience = patience
        self.max_length = max_length
        self.memo = Memo()
        self.weights = {p: 1.0 for p in self.space}
        self.beam: list[tuple[float, Pipeline]] = []
        self.queue: list[Pipeline] = []
        self.depth: dict[Pipeline, float | None] = {}
        self.best = float("inf")
        self.stale = 0
        self.archive: list[tuple[float, Pipeline]] = []  # best pipelines seen, for restarts

    def start(
        self, baseline_value: float, unoptimized_value: float, *, baseline_action: str = OZ
    ) -> None:
        super().start(baseline_value, unoptimized_value, baseline_action=baseline_action)
        self.memo.record((), unoptimized_value)
        self.queue = []
        oz = self.baseline_action
        if oz in self.space:
            self.memo.record((oz,), baseline_value)
            self.queue.append((oz,))
        while len(self.queue) < self.probes:
            if oz in self.space and self.rng.random() < 0.25:
                self.queue.append(oz_prefixed(self.rng, self.space, first=oz))
            else:
                self.queue.append(random_pipeline(self.rng, self.space, 1, self.max_length // 2))

    def _sample_passes(self) -> list[str]:
        """`branch` distinct passes, drawn with probability proportional to their weight."""
        pool = dict(self.weights)
        out: list[str] = []
        for _ in range(self.branch):
            names = list(pool)
            pick = self.rng.choices(names, weights=[pool[n] for n in names])[0]
            out.append(pick)
            del pool[pick]
        return out

    def ask(self) -> Pipeline | None:
        # a depth whose children are all known already costs nothing: move on to the next
        for _ in range(100):
            while self.queue:
                candidate = self.queue.pop(0)
                if candidate in self.memo.values:
                    self.depth[candidate] = self.memo.values[candidate]
                elif candidate not in self.memo:
                    self.depth[candidate] = None
                    return self.memo.propose(candidate)
            if self.memo.outstanding:
                return None
            self._next_depth()
        return None

    def _next_depth(self) -> None:
        scored = [(v, p) for p, v in self.depth.items() if v is not None]
        self.depth = {}
        if scored:
            winner = min(scored)
            last = winner[1][-1] if winner[1] else None
            if last is not None and last in self.weights:
                self.weights[last] += 1.0
            if winner[0] < self.best:
                self.best, self.stale = winner[0], 0
            else:
                self.stale += 1
            self.archive = top_distinct(self.archive + scored, 4 * self.width)
            self.beam = top_distinct(scored, self.width)
        else:
            self.stale += 1
        if not self.beam or self.stale >= self.patience or len(self.beam[0][1]) >= self.max_length:
            self._restart()
            return
        self.queue = [prefix + (p,) for _, prefix in self.beam for p in self._sample_passes()]

    def _restart(self) -> None:
        """New prefixes: archived good pipelines, each with one random edit."""
        self.stale = 0
        picks = self.archive[: self.width] if self.archive else [(0.0, ())]
        self.queue = []
        for _, pipeline in picks:
            for _ in range(self.branch):
                edited = mutate_once(self.rng, pipeline, self.space)[: self.max_length]
                self.queue.append(edited)

    def tell(self, pipeline: Pipeline, value: float | None) -> None:
        self.memo.record(pipeline, value)
        if pipeline in self.depth:
            self.depth[pipeline] = value
