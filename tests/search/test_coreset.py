"""Coreset: the set-cover learner on known data, and the shipped set as an optimizer."""

from __future__ import annotations

import math

import pytest

from optsmith.errors import OptsmithError
from optsmith.llvm.passes import render_pipeline
from optsmith.search.coreset import MAX_CORESET_SIZE, CoresetSearch, load_coreset
from optsmith.search.coreset_build import greedy_cover
from optsmith.search.registry import default_space


def test_greedy_cover_picks_complementary_pipelines() -> None:
    baselines = [100.0, 100.0, 100.0]
    costs: dict[str, list[float | None]] = {
        "a": [90.0, 100.0, 100.0],  # good on program 0 only
        "b": [100.0, 80.0, 100.0],  # best single gain
        "c": [95.0, 85.0, None],  # decent on two, fails on the third
        "d": [110.0, 110.0, 70.0],  # worse than -Oz on two (never hurts: -Oz stays)
    }
    picked, reduction = greedy_cover(costs, baselines, size=3)
    assert picked == ["d", "b", "a"]
    expected_ratio = math.exp((math.log(100 / 90) + math.log(100 / 80) + math.log(100 / 70)) / 3)
    assert reduction == pytest.approx(1 - 1 / expected_ratio)
    assert greedy_cover(costs, baselines, size=1)[0] == ["d"]
    assert greedy_cover({"x": [100.0]}, [100.0], size=5) == ([], 0.0)


def test_coreset_search_proposes_each_once_then_stops() -> None:
    texts = ["default<Oz>", render_pipeline(["mem2reg", "instcombine<no-verify-fixpoint>"])]
    search = CoresetSearch(space=default_space(), pipelines=texts)
    first, second = search.ask(), search.ask()
    assert first is not None and second is not None
    assert render_pipeline(list(first)) == texts[0]
    assert render_pipeline(list(second)) == texts[1]
    assert search.ask() is None


def test_shipped_coreset_is_small_and_renders() -> None:
    try:
        data = load_coreset()
    except OptsmithError:
        pytest.fail("the package must ship a coreset (optsmith coreset build)")
    assert 1 <= len(data["pipelines"]) <= MAX_CORESET_SIZE
    assert "builtin" not in " ".join(data["provenance"]["corpus"])
    for text in data["pipelines"]:
        CoresetSearch(space=default_space(), pipelines=[text])
