"""The hybrid optimizer's own parts: seeds, refinement, adaptive edits, restarts.

The protocol, determinism and a real search are covered for every optimizer in
test_optimizers.py; these tests pin what makes the hybrid different.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from optsmith.errors import OptionError
from optsmith.llvm.passes import parse_pipeline, render_pipeline
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark
from optsmith.search.coreset import load_coreset
from optsmith.search.evaluator import Evaluator
from optsmith.search.evolution import OZ
from optsmith.search.hybrid import EDITS, OZ_SPELT, SYNERGY, Hybrid, coreset_seeds, deletions
from optsmith.search.protocol import Pipeline
from optsmith.search.registry import default_space
from optsmith.store import Store

SPACE = default_space()


def test_seeds_are_the_coreset_then_oz_variants() -> None:
    coreset = [tuple(parse_pipeline(t)) for t in load_coreset()["pipelines"]]
    assert coreset_seeds(SPACE) == coreset  # every shipped pipeline is in the space
    hybrid = Hybrid(space=SPACE, seed=0)
    hybrid.start(100.0, 200.0)
    asked = [hybrid.ask() for _ in range(len(coreset) + 2)]
    assert asked == [*coreset, (OZ, OZ), OZ_SPELT]


def test_first_pipelines_go_before_the_learned_seeds_once() -> None:
    model: list[Pipeline] = [("gvn", "dce"), ("sink",), ("gvn", "dce")]
    hybrid = Hybrid(space=SPACE, seed=0, seeds=[("adce",), ("sink",)], first=model)
    assert hybrid.seed_pipelines == [("gvn", "dce"), ("sink",), ("adce",)]
    hybrid.start(100.0, 200.0)
    assert [hybrid.ask() for _ in range(4)] == [("gvn", "dce"), ("sink",), ("adce",), (OZ, OZ)]


def test_seeds_outside_the_space_are_refused_or_dropped() -> None:
    with pytest.raises(OptionError, match="outside the search space"):
        Hybrid(space=["dce", "adce"], seeds=[("dce", "gvn")])
    small = Hybrid(space=["dce", "adce"], seed=0)  # no coreset pipeline fits: none kept
    assert small.seed_pipelines == [] and small.oz_variants == [] and small.synergy == []
    small.start(10.0, 20.0)
    assert all(set(small.ask()) <= {"dce", "adce"} for _ in range(50))


def test_oz_spelt_uses_the_space_and_renders() -> None:
    assert set(OZ_SPELT) <= set(SPACE)
    assert all(set(group) <= set(SPACE) for group in SYNERGY)
    text = render_pipeline(list(OZ_SPELT))
    assert text.startswith("inferattrs,function(lower-expect,simplifycfg,")
    assert parse_pipeline(text) == list(OZ_SPELT)


def test_oz_spelt_stays_close_to_oz(pool: EnginePool, loop_benchmark: Benchmark) -> None:
    """The spelling is a stand-in for -Oz (on this loop it even beats it: the flattened
    inliner order); if LLVM's -Oz drifts far from it, the seed stops being one."""
    evaluator = Evaluator(pool, Store(":memory:"))
    problem = evaluator.prepare(loop_benchmark, get_objective("ir-instcount"))
    unopt, oz, spelt = evaluator.evaluate_texts(
        problem, ["", "default<Oz>", render_pipeline(list(OZ_SPELT))]
    )
    assert unopt.value is not None and oz.value is not None and spelt.value is not None
    assert spelt.value <= 1.1 * oz.value < unopt.value


def test_deletions_cover_singles_then_neighbour_pairs() -> None:
    got = deletions(random.Random(0), ("a", "b", "c"))
    assert sorted(got[:3]) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert sorted(got[3:]) == [("a",), ("c",)]
    assert deletions(random.Random(0), ("a",)) == []  # never the empty pipeline


def test_a_new_best_is_refined_by_its_deletions_first() -> None:
    best: Pipeline = ("sroa<modify-cfg>", "gvn", "dce", "adce", "sink")
    hybrid = Hybrid(space=SPACE, seed=0, seeds=[best], oz_seeds=0, random_seeds=0)
    hybrid.refine_share = 1.0
    hybrid.start(100.0, 200.0)
    seeds = [hybrid.ask() for _ in range(3)]
    assert seeds == [best, (OZ, OZ), OZ_SPELT]
    for pipeline, value in zip(seeds, (50.0, 90.0, 101.0), strict=True):
        hybrid.tell(pipeline, value)
    assert hybrid.refining == best
    n = len(deletions(random.Random(0), best))
    assert sorted(hybrid.ask() for _ in range(n)) == sorted(deletions(random.Random(0), best))


def test_population_keeps_few_copies_of_one_value() -> None:
    hybrid = Hybrid(space=SPACE, seed=0, seeds=[], max_same=2)
    hybrid.start(100.0, 200.0)
    for pipeline in [("dce",), ("adce", "dce"), ("gvn", "dce", "sink"), ("bdce",)]:
        hybrid.tell(pipeline, 80.0)
    eighty = [p for v, _, p in hybrid.population if v == 80.0]
    assert eighty == [("bdce",), ("dce",)]  # the two shortest stay
    assert hybrid.best == (80.0, 1, ("bdce",))


def test_edits_that_beat_their_parent_are_drawn_more_often() -> None:
    hybrid = Hybrid(space=SPACE, seed=0)
    for edit in EDITS:
        hybrid.credit[edit] = [1, 50]
    hybrid.credit["transplant"] = [25, 50]
    picks = Counter(hybrid._pick_edit() for _ in range(2000))
    assert picks["transplant"] > 0.5 * 2000
    assert all(picks[e] > 0 for e in EDITS)


def test_credit_follows_the_told_values() -> None:
    hybrid = Hybrid(space=SPACE, seed=3, seeds=[], oz_seeds=0, random_seeds=0)
    hybrid.refine_share = 0.0
    hybrid.start(100.0, 200.0)
    start = {e: list(c) for e, c in hybrid.credit.items()}
    credited: Counter[str] = Counter()
    for step in range(60):
        child = hybrid.ask()
        origin = hybrid.parents.get(child)
        if origin is not None:
            credited[origin[0]] += 1
        hybrid.tell(child, 99.0 - step)  # every child beats everything before it
    assert sum(credited.values()) > 30
    for edit in EDITS:
        wins, tries = start[edit]
        assert hybrid.credit[edit] == [wins + credited[edit], tries + credited[edit]]


def test_stagnation_restarts_from_the_best_few() -> None:
    hybrid = Hybrid(space=SPACE, seed=0, patience=30, keep=2)
    hybrid.start(100.0, 200.0)
    asked = []
    for _ in range(200):
        pipeline = hybrid.ask()
        asked.append(pipeline)
        hybrid.tell(pipeline, 100.0 + len(pipeline))  # nothing ever beats -Oz
    assert hybrid.restarts >= 3
    assert hybrid.best is not None and hybrid.best[2] == (OZ,)
    assert len(set(asked)) == len(asked)


def test_bad_settings_are_refused() -> None:
    with pytest.raises(OptionError):
        Hybrid(space=SPACE, population=1)
    with pytest.raises(OptionError):
        Hybrid(space=SPACE, refine_share=1.5)
