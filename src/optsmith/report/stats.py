"""Suite-level figures, defined as in DESIGN.md ('The figures we report')."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from optsmith.search.driver import SearchResult


def geomean(values: Sequence[float]) -> float:
    positives = [v for v in values if v > 0]
    if not positives:
        return float("nan")
    return math.exp(sum(math.log(v) for v in positives) / len(positives))


@dataclass(frozen=True)
class SuiteSummary:
    programs: int
    geomean_ratio: float  # geometric mean of baseline/best
    geomean_reduction: float  # 1 - 1/geomean_ratio
    mean_compilergym_score: float
    validated: int
    not_validated: int
    failed_validation: int
    compilations: int
    wall_s: float
    # evaluations during which an engine worker died / hung, and those measured again
    # (see `SearchResult.crashes`)
    crashes: int
    timeouts: int
    retries: int

    def to_dict(self) -> dict[str, float | int]:
        return dict(self.__dict__)


def summarize(results: Sequence[SearchResult]) -> SuiteSummary:
    ratio = geomean([r.speedup_ratio for r in results]) if results else float("nan")
    scores = [r.compilergym_score for r in results]
    return SuiteSummary(
        programs=len(results),
        geomean_ratio=ratio,
        geomean_reduction=1.0 - 1.0 / ratio if results else float("nan"),
        mean_compilergym_score=geomean(scores) if scores else float("nan"),
        validated=sum(1 for r in results if r.validated is True),
        not_validated=sum(1 for r in results if r.validated is None),
        failed_validation=sum(1 for r in results if r.validated is False),
        compilations=sum(r.compilations for r in results),
        wall_s=sum(r.wall_s for r in results),
        crashes=sum(r.crashes for r in results),
        timeouts=sum(r.timeouts for r in results),
        retries=sum(r.retries for r in results),
    )
