"""The few-shot predictor: its library (embedding, weighted cover, files), the optimizer on
its own and in real searches, and the build on real Csmith programs."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from optsmith.errors import OptionError, OptsmithError
from optsmith.llvm.passes import parse_pipeline, render_pipeline
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark
from optsmith.search.budget import Budget
from optsmith.search.driver import run_search
from optsmith.search.evaluator import Evaluator
from optsmith.search.predictor import (
    MAX_COMPILATIONS,
    Embedding,
    Library,
    PredictorError,
    PredictorSearch,
    TrainingProgram,
    load_library,
    shipped_library,
)
from optsmith.search.protocol import Pipeline
from optsmith.search.registry import default_space, make_optimizer
from optsmith.store import Store

SPACE = default_space()
NAMES = ("TotalInsts", "TotalBlocks", "NumAddInst", "onePred")
ROOT = Path(__file__).resolve().parents[2]


def _features(insts: int, adds: int) -> tuple[float, ...]:
    return (float(insts), 10.0, float(adds), 5.0)


PIPELINES = (
    render_pipeline(["mem2reg", "instcombine<no-verify-fixpoint>"]),  # 0: good on "adders"
    render_pipeline(["sroa<modify-cfg>", "gvn", "simplifycfg"]),  # 1: good on the others
    render_pipeline(["mem2reg", "dce"]),  # 2: a little good everywhere
    render_pipeline(["early-cse", "dse"]),  # 3: only a little good on adders
)


def small_library() -> Library:
    """Two families: programs full of adds (pipeline 0 wins) and programs without (1)."""
    programs = []
    for k in range(4):
        programs.append(
            TrainingProgram(f"adder-{k}", _features(100 + k, 40 + k), {0: 0.3, 2: 0.05, 3: 0.1})
        )
        programs.append(TrainingProgram(f"plain-{k}", _features(100 + k, k), {1: 0.3, 2: 0.05}))
    return Library(
        feature="autophase",
        feature_names=NAMES,
        pipelines=PIPELINES,
        programs=tuple(programs),
        cover_order=(2, 0, 1, 3),
        origins=((0,), (1,), (), (0, 2)),
    )


def drive(search: PredictorSearch, value: dict[str, float], batch: int = 4) -> list[Pipeline]:
    """What run_search does with the optimizer, without compiling anything: values from
    `value`, a made-up one for other pipelines, None (a crash) for loop-bound-split."""
    search.start(100.0, 200.0)
    asked: list[Pipeline] = []
    while True:
        batch_asked = []
        for _ in range(batch):
            proposal = search.ask()
            if proposal is None:
                break
            batch_asked.append(proposal)
        if not batch_asked:
            return asked
        asked.extend(batch_asked)
        for p in batch_asked:
            text = render_pipeline(list(p))
            crash = "loop-bound-split" in p
            search.tell(p, None if crash else value.get(text, 100.0 - (len(text) % 7)))


# ---- the library -------------------------------------------------------------------------


def test_embedding_uses_shares_and_clips_outliers() -> None:
    embedding = Embedding.fit(NAMES, [_features(100, 10), _features(200, 30), _features(300, 60)])
    # the same mix of instructions at another size differs only in the size features
    a, b = embedding(_features(100, 10)), embedding(_features(200, 20))
    assert a[2] == pytest.approx(b[2]) and a[0] != b[0]
    far = embedding(_features(100, 100))  # adds are every instruction: far outside training
    assert far[2] == 4.0  # clipped
    with pytest.raises(PredictorError, match="expects 4"):
        embedding((1.0, 2.0))


def test_rank_follows_the_neighbours_then_the_corpus_order() -> None:
    library = small_library()
    adder = library.rank(_features(101, 41), 4, neighbours=3)
    plain = library.rank(_features(101, 1), 4, neighbours=3)
    assert adder[0] == 0 and plain[0] == 1
    assert sorted(adder) == sorted(plain) == [0, 1, 2, 3]  # filled from the cover order
    # the weighted cover does not pick 3 before 2 on adders: 3 adds nothing once 0 is in...
    assert adder[:1] == [0] and 3 not in adder[:1]
    # ...and without features, the corpus-wide order
    assert library.rank(None, 3) == [2, 0, 1]
    # leave-one-out: pipelines only the left-out program found are not offered
    assert 0 not in library.rank(_features(101, 41), 4, exclude=0)
    assert 3 in library.rank(_features(101, 41), 4, exclude=0)  # program 2 found it too


def test_library_round_trips_and_rejects_bad_data(tmp_path: Path) -> None:
    library = small_library()
    again = Library.from_dict(json.loads(json.dumps(library.to_dict())))
    assert again.rank(_features(101, 41), 4) == library.rank(_features(101, 41), 4)
    data = library.to_dict()
    data["cover_order"] = [0, 9]
    with pytest.raises(PredictorError, match="missing pipeline"):
        Library.from_dict(data)
    with pytest.raises(PredictorError, match="format"):
        Library.from_dict({"pipelines": []})
    data = library.to_dict()
    del data["programs"][0]["gains"]
    with pytest.raises(PredictorError, match="malformed"):
        Library.from_dict(data)


def test_missing_or_corrupt_library_is_one_line(tmp_path: Path) -> None:
    for path, content, match in (
        (tmp_path / "none.json", None, "cannot read"),
        (tmp_path / "bad.json", "{not json", "not valid JSON"),
        (tmp_path / "empty.json", "{}", "not an optsmith predictor library"),
    ):
        if content is not None:
            path.write_text(content)
        with pytest.raises(PredictorError, match=match) as info:
            load_library(path)
        assert "\n" not in str(info.value) and "optsmith predictor build" in str(info.value)
    assert issubclass(PredictorError, OptsmithError)


# ---- the optimizer -----------------------------------------------------------------------


def test_search_proposes_neighbours_first_then_refines_within_its_cap() -> None:
    search = PredictorSearch(space=SPACE, library=small_library(), compilations=10, refine=4)
    search.observe({"autophase": _features(101, 41)})
    asked = drive(search, {PIPELINES[0]: 80.0})
    texts = [render_pipeline(list(p)) for p in asked]
    assert texts[0] == PIPELINES[0]
    assert len(asked) == 10  # 4 library pipelines (all it has), then refinements
    assert len(set(texts)) == len(texts) and "default<Oz>" not in texts
    # refinements are edits of the best (pipeline 0): they share passes with it
    assert all(set(p) & {"mem2reg", "instcombine<no-verify-fixpoint>"} for p in asked[4:])


def test_a_pass_that_crashed_is_avoided_for_the_rest_of_the_search() -> None:
    """Pipelines holding a pass of a failed pipeline that no successful one held wait,
    library and refinement alike; passes a success also held are not suspect."""
    crashy = "loop-bound-split"
    texts = [
        render_pipeline(["mem2reg", crashy, "gvn"]),  # fails...
        render_pipeline(["sroa<modify-cfg>", "gvn", "mem2reg"]),  # ...this clears gvn, mem2reg
        render_pipeline(["mem2reg", "dse", crashy]),
        render_pipeline(["early-cse", crashy]),
        render_pipeline(["mem2reg", "gvn"]),
        render_pipeline(["sroa<modify-cfg>", "adce"]),
    ]
    programs = tuple(
        TrainingProgram(f"p{k}", _features(100 + k, k), {i: 0.1 * (6 - i) for i in range(6)})
        for k in range(3)
    )
    library = Library(
        feature="autophase",
        feature_names=NAMES,
        pipelines=tuple(texts),
        programs=programs,
        cover_order=tuple(range(6)),
    )
    search = PredictorSearch(space=SPACE, library=library, compilations=12, refine=6)
    search.observe({"autophase": _features(100, 0)})
    asked = drive(search, {t: 90.0 for t in texts if crashy not in t}, batch=2)
    assert [render_pipeline(list(p)) for p in asked[:4]] == [texts[i] for i in (0, 1, 4, 5)]
    assert sum(crashy in p for p in asked) == 1 and len(asked) == 12
    assert search.plan == [tuple(parse_pipeline(texts[i])) for i in (2, 3)]  # still waiting


def test_search_is_deterministic_and_capped_at_45() -> None:
    library = small_library()

    def run(seed: int) -> list[Pipeline]:
        search = PredictorSearch(space=SPACE, seed=seed, library=library, refine=40)
        search.observe({"autophase": _features(100, 3)})
        return drive(search, {})

    first = run(0)
    assert first == run(0) and first != run(1)
    assert len(first) == MAX_COMPILATIONS
    with pytest.raises(OptionError):
        PredictorSearch(space=SPACE, library=library, compilations=46)
    with pytest.raises(OptionError):
        PredictorSearch(space=SPACE, library=library, compilations=10, refine=10)


def test_shipped_library_is_small_generated_only_and_renders() -> None:
    path = ROOT / "src" / "optsmith" / "search" / "data" / "predictor.json"
    assert path.stat().st_size < 1_000_000
    library = shipped_library()
    corpus = library.provenance["corpus"]
    assert corpus and all(name.startswith(("csmith-", "llvm-stress-")) for name in corpus)
    # never the Csmith evaluation suite (seeds 1..50)
    assert all(int(name.split("-")[1]) > 50 for name in corpus if name.startswith("csmith-"))
    assert len(library.programs) == len(corpus)
    for text in library.pipelines:
        assert render_pipeline(parse_pipeline(text)) == text


# ---- real searches -----------------------------------------------------------------------


def test_real_search_stays_within_45_compilations_and_beats_or_matches_oz(
    pool: EnginePool, tmp_path: Path, loop_benchmark: Benchmark
) -> None:
    """Budget far above the cap: the driver counts at most 45, the answer is never worse
    than -Oz and is validated; a second run without a store proposes the same."""
    results = []
    for run in range(2):
        evaluator = Evaluator(pool, Store(tmp_path / f"s{run}.sqlite"))
        problem = evaluator.prepare(loop_benchmark, get_objective("ir-instcount"))
        optimizer = make_optimizer("predictor", seed=0)
        results.append(run_search(problem, optimizer, Budget(compilations=1000), evaluator))
    first, second = results
    assert first.optimizer == "predictor"
    assert 30 <= first.compilations <= MAX_COMPILATIONS
    assert len(first.history) == first.compilations
    assert first.best_value <= first.baseline < first.unoptimized
    assert first.validated is True, first.validation_detail
    assert (second.best_pipeline, second.history) == (first.best_pipeline, first.history)


def test_evaluator_features_measure_autophase_without_compiling(
    pool: EnginePool, loop_benchmark: Benchmark
) -> None:
    evaluator = Evaluator(pool, None)
    problem = evaluator.prepare(loop_benchmark, get_objective("ir-instcount"))
    vectors = evaluator.features(problem, ("autophase",))
    assert len(vectors["autophase"]) == 56 and all(x >= 0 for x in vectors["autophase"])
    (unoptimized,) = evaluator.evaluate_texts(problem, [""])
    names = shipped_library().feature_names
    assert vectors["autophase"][names.index("TotalInsts")] == unoptimized.value
    with pytest.raises(OptsmithError, match="unknown program feature"):
        evaluator.features(problem, ("spectrum",))


def test_build_command_writes_a_loadable_library(tmp_path: Path) -> None:
    """`optsmith predictor build` on 3 tiny Csmith programs at a small budget."""
    out = tmp_path / "lib.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    args = [sys.executable, "-m", "optsmith.cli", "predictor", "build", "--programs", "3"]
    args += ["--budget", "12", "--top-k", "2", "--workers", "2", "--out", str(out)]
    args += ["--store", str(tmp_path / "store.sqlite")]
    proc = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    library = load_library(out)
    assert [p.name for p in library.programs] == library.provenance["corpus"]
    assert len(library.programs) == 3 and library.pipelines
    assert all(len(p.features) == 56 for p in library.programs)
    assert all(g > 0 for p in library.programs for g in p.gains.values())
    assert math.isfinite(library.provenance["training_cover_reduction"])
    # an evaluation suite is refused before any work, by name or by seeds
    for extra, message in (
        (["--corpus", "builtin"], "evaluation suite"),
        (["--first-seed", "7"], "overlaps the Csmith evaluation suite"),
    ):
        bad = subprocess.run(
            [*args[:5], *extra, "--out", str(tmp_path / "x.json")],
            capture_output=True,
            text=True,
            env=env,
        )
        assert bad.returncode == 2 and message in bad.stderr, bad.stderr
        assert not (tmp_path / "x.json").exists()
