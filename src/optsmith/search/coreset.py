"""Coreset search: try a small, fixed, learned set of pipelines and keep the best.

After Coreset-NVP (Liang et al., 2023): most programs are served well by one of a few
dozen pipelines. The set shipped in `data/coreset.json` was learned offline by
`optsmith coreset build` (see `coreset_build.py`) on generated training programs, never on
the evaluation suites. At most 45 compilations per program.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from optsmith.errors import OptsmithError
from optsmith.llvm.passes import parse_pipeline
from optsmith.search.protocol import Optimizer, Pipeline

CORESET_RESOURCE = "coreset.json"
MAX_CORESET_SIZE = 45


def load_coreset(path: Path | None = None) -> dict[str, Any]:
    """The shipped coreset (or one at `path`): {"pipelines": [...], "provenance": {...}}."""
    if path is not None:
        text = Path(path).read_text()
    else:
        ref = resources.files("optsmith.search.data").joinpath(CORESET_RESOURCE)
        if not ref.is_file():
            raise OptsmithError(
                "no coreset is shipped with this install; build one with `optsmith coreset build`"
            )
        text = ref.read_text()
    data: dict[str, Any] = json.loads(text)
    if not data.get("pipelines"):
        raise OptsmithError("the coreset file holds no pipelines")
    return data


class CoresetSearch(Optimizer):
    """Proposes each coreset pipeline once, best-on-training first; then it is done."""

    name = "coreset"

    def __init__(
        self,
        *,
        space: Sequence[str],
        seed: int = 0,
        pipelines: Sequence[str] | None = None,
    ) -> None:
        super().__init__(space=space, seed=seed)
        texts = list(pipelines) if pipelines is not None else load_coreset()["pipelines"]
        self.pipelines: list[Pipeline] = [tuple(parse_pipeline(t)) for t in texts]
        self._next = 0

    def ask(self) -> Pipeline | None:
        if self._next >= len(self.pipelines):
            return None
        self._next += 1
        return self.pipelines[self._next - 1]

    def tell(self, pipeline: Pipeline, value: float | None) -> None:
        return None
