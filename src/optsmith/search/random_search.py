"""Random search: uniformly random pipelines, the baseline every other optimizer must beat.

Pipelines are random lengths in [min_length, max_length] of passes drawn uniformly from
the space. The space includes the standard pipelines (`default<Oz>`, ...) as single
actions, so random search can discover "-Oz followed by a clean-up" as well as
pipelines that avoid a pass -Oz runs (loop rotation duplicates loop tests, say).
"""

from __future__ import annotations

from collections.abc import Sequence

from optsmith.errors import OptionError
from optsmith.search.protocol import Optimizer, Pipeline


class RandomSearch(Optimizer):
    name = "random"

    def __init__(
        self,
        *,
        space: Sequence[str],
        seed: int = 0,
        min_length: int = 1,
        max_length: int = 40,
    ) -> None:
        super().__init__(space=space, seed=seed)
        if not 1 <= min_length <= max_length:
            raise OptionError(f"need 1 <= min_length <= max_length, got {min_length}, {max_length}")
        self.min_length = min_length
        self.max_length = max_length

    def ask(self) -> Pipeline:
        length = self.rng.randint(self.min_length, self.max_length)
        return tuple(self.rng.choice(self.space) for _ in range(length))

    def tell(self, pipeline: Pipeline, value: float | None) -> None:
        return None
