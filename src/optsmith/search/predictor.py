"""Few-shot pipeline prediction: choose a program's candidates from what it looks like.

After GRACE and Coreset-NVP (Liang et al.): a program is served well by a few pipelines
that served similar programs well. The library shipped in `data/predictor.json` was built
offline by `optsmith predictor build` (`predictor_build.py`) from generated programs only:
for each training program, its Autophase vector and the gain, log(-Oz value / pipeline
value), of every library pipeline that beat -Oz on it (each pipeline was measured on every
training program). For a new program the predictor

1. embeds the program's Autophase vector (`Embedding`: sizes as log counts, every other
   count as a share of the program's instructions or blocks, z-scored on the training
   corpus and clipped, so that a feature the training programs barely vary cannot decide
   alone who is near);
2. weighs the training programs by similarity: a Gaussian kernel over the `neighbours`
   nearest, its width the distance of the farthest of them;
3. picks pipelines by weighted greedy cover (`Library.rank`): each pick adds the most
   weighted gain over the picks before it, so the picks complement each other, then the
   corpus-wide cover order fills the list;
4. spends the rest of its compilations refining (`refine`): edits of the best pipeline
   measured so far, with passes drawn from the best candidates (a (1 + lambda) search).

When a pipeline fails (LLVM crashes on this program), its passes that no successful
pipeline used become suspect, and planned or refined pipelines holding one are skipped:
on the built-in suite every crash came from one pass (`loop-bound-split`, which never
crashed on the Csmith training programs), shared by a sixth of the library.

At most `MAX_COMPILATIONS` (45) compilations in all, never more whatever the budget; the
driver still guarantees the answer is never worse than -Oz and validates it. Without
features (an optimizer driven by something other than `run_search`) the corpus-wide order
is used.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from optsmith.errors import OptionError, OptsmithError, PipelineError
from optsmith.llvm.passes import parse_pipeline, render_pipeline
from optsmith.search.evolution import crossover, mutate
from optsmith.search.protocol import OZ, Optimizer, Pipeline

PREDICTOR_RESOURCE = "predictor.json"
FORMAT = "optsmith-predictor/1"
MAX_COMPILATIONS = 45
DEFAULT_NEIGHBOURS = 12
DEFAULT_REFINE = 10
RESERVE = 15  # ranked pipelines kept to replace planned ones skipped as suspect
CLIP = 4.0  # z-scores beyond this are clipped: one odd feature must not decide nearness

# Autophase counts of blocks (the rest count instructions or operands): their share is
# taken of the program's blocks, the others' of its instructions.
BLOCK_FEATURES = frozenset(
    {
        "BBNumArgsHi", "BBNumArgsLo", "onePred", "onePredOneSuc", "onePredTwoSuc",
        "oneSuccessor", "twoPred", "twoPredOneSuc", "twoEach", "twoSuccessor", "morePreds",
        "BB03Phi", "BBHiPhi", "BBNoPhi", "BeginPhi", "CriticalCount", "NumEdges",
        "BlockMid", "BlockLow",
    }
)  # fmt: skip
SIZE_FEATURES = ("TotalInsts", "TotalBlocks", "TotalFuncs")


class PredictorError(OptsmithError):
    """The predictor's library is missing, unreadable or inconsistent."""


def _raw_shares(names: Sequence[str], raw: Sequence[float]) -> list[float]:
    """Sizes as log counts, block counts per block, the other counts per instruction."""
    index = {name: i for i, name in enumerate(names)}
    insts = max(1.0, float(raw[index["TotalInsts"]]))
    blocks = max(1.0, float(raw[index["TotalBlocks"]]))
    out = []
    for name, value in zip(names, raw, strict=True):
        if name in SIZE_FEATURES:
            out.append(math.log1p(max(0.0, float(value))))
        elif name in BLOCK_FEATURES:
            out.append(float(value) / blocks)
        else:
            out.append(float(value) / insts)
    return out


@dataclass(frozen=True)
class Embedding:
    """The normalized feature space: shares (see `_raw_shares`), z-scored, clipped."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    @classmethod
    def fit(cls, names: Sequence[str], vectors: Sequence[Sequence[float]]) -> Embedding:
        rows = [_raw_shares(names, v) for v in vectors]
        n = len(rows)
        mean = [sum(col) / n for col in zip(*rows, strict=True)]
        scale = []
        for j, col in enumerate(zip(*rows, strict=True)):
            std = math.sqrt(sum((x - mean[j]) ** 2 for x in col) / n)
            # a feature constant in training gets unit scale: its differences still count
            scale.append(std if std > 1e-9 else 1.0)
        return cls(tuple(names), tuple(mean), tuple(scale))

    def __call__(self, raw: Sequence[float]) -> tuple[float, ...]:
        if len(raw) != len(self.names):
            raise PredictorError(
                f"a feature vector of {len(raw)} values; the library expects {len(self.names)}"
            )
        shares = _raw_shares(self.names, raw)
        return tuple(
            max(-CLIP, min(CLIP, (x - m) / s))
            for x, m, s in zip(shares, self.mean, self.scale, strict=True)
        )


def _distance(a: Sequence[float], b: Sequence[float]) -> float:
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)))


@dataclass(frozen=True)
class TrainingProgram:
    """One training program: its raw feature vector and the gains of library pipelines on
    it (pipeline index -> log(-Oz value / value), only those above 0)."""

    name: str
    features: tuple[float, ...]
    gains: Mapping[int, float]


@dataclass(frozen=True)
class Library:
    """Pipelines, training programs and the corpus-wide cover order (see module doc)."""

    feature: str
    feature_names: tuple[str, ...]
    pipelines: tuple[str, ...]
    programs: tuple[TrainingProgram, ...]
    cover_order: tuple[int, ...]
    origins: tuple[tuple[int, ...], ...] = ()  # training programs each pipeline came from
    provenance: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.pipelines or not self.programs:
            raise PredictorError("the predictor library holds no pipelines or no programs")
        n = len(self.pipelines)
        bad = [i for i in self.cover_order if not 0 <= i < n]
        for program in self.programs:
            bad += [i for i in program.gains if not 0 <= i < n]
            if len(program.features) != len(self.feature_names):
                raise PredictorError(
                    f"training program {program.name} has {len(program.features)} features; "
                    f"the library names {len(self.feature_names)}"
                )
        if bad:
            raise PredictorError(f"the predictor library refers to missing pipeline(s) {bad[:5]}")
        missing = [n for n in ("TotalInsts", "TotalBlocks") if n not in self.feature_names]
        if missing:
            raise PredictorError(f"the predictor library's features lack {missing}")
        object.__setattr__(
            self,
            "_embedding",
            Embedding.fit(self.feature_names, [p.features for p in self.programs]),
        )
        object.__setattr__(
            self, "_points", tuple(self.embedding(p.features) for p in self.programs)
        )

    @property
    def embedding(self) -> Embedding:
        embedding: Embedding = self.__dict__["_embedding"]
        return embedding

    # (de)serialization -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "feature": self.feature,
            "feature_names": list(self.feature_names),
            "pipelines": list(self.pipelines),
            "origins": [list(o) for o in self.origins],
            "cover_order": list(self.cover_order),
            "programs": [
                {
                    "name": p.name,
                    "features": [_compact(x) for x in p.features],
                    "gains": [[i, round(g, 5)] for i, g in sorted(p.gains.items())],
                }
                for p in self.programs
            ],
            "provenance": dict(self.provenance),
        }

    @classmethod
    def from_dict(cls, data: Any) -> Library:
        """A library from its JSON form; anything malformed is one `PredictorError` line."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            found = data.get("format") if isinstance(data, dict) else type(data).__name__
            raise PredictorError(f"not an optsmith predictor library (format {found!r})")
        try:
            programs = tuple(
                TrainingProgram(
                    name=str(p["name"]),
                    features=tuple(float(x) for x in p["features"]),
                    gains={int(i): float(g) for i, g in p["gains"]},
                )
                for p in data["programs"]
            )
            return cls(
                feature=str(data["feature"]),
                feature_names=tuple(str(n) for n in data["feature_names"]),
                pipelines=tuple(str(t) for t in data["pipelines"]),
                programs=programs,
                cover_order=tuple(int(i) for i in data["cover_order"]),
                origins=tuple(tuple(int(i) for i in o) for o in data.get("origins", [])),
                provenance=dict(data.get("provenance", {})),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise PredictorError(
                f"malformed predictor library: {type(exc).__name__}: {exc}"
            ) from None

    # prediction --------------------------------------------------------------------------
    def weights(
        self, features: Sequence[float], neighbours: int, exclude: int | None = None
    ) -> dict[int, float]:
        """Kernel weights of the `neighbours` nearest training programs (index -> weight)."""
        point = self.embedding(features)
        points: tuple[tuple[float, ...], ...] = self.__dict__["_points"]
        ranked = sorted((_distance(point, q), i) for i, q in enumerate(points) if i != exclude)[
            : max(1, neighbours)
        ]
        width = max(ranked[-1][0], 1e-9)
        return {i: math.exp(-0.5 * (d / width) ** 2) for d, i in ranked}

    def rank(
        self,
        features: Sequence[float] | None,
        count: int,
        *,
        neighbours: int = DEFAULT_NEIGHBOURS,
        exclude: int | None = None,
    ) -> list[int]:
        """Up to `count` pipeline indices, most promising first, for a program with these
        raw `features` (None: the corpus-wide order). `exclude` leaves one training
        program and the pipelines only it contributed out (leave-one-out evaluation)."""
        banned: set[int] = set()
        if exclude is not None and self.origins:
            banned = {i for i, o in enumerate(self.origins) if o and set(o) <= {exclude}}
        picked: list[int] = []
        if features is not None:
            weights = self.weights(features, neighbours, exclude)
            picked = _weighted_cover(
                {j: self.programs[j].gains for j in weights}, weights, count, banned
            )
        for i in self.cover_order:
            if len(picked) >= count:
                break
            if i not in picked and i not in banned:
                picked.append(i)
        return picked


def _compact(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 6)


def _weighted_cover(
    gains: Mapping[int, Mapping[int, float]],
    weights: Mapping[int, float],
    count: int,
    banned: set[int],
) -> list[int]:
    """Greedy cover: each pick maximizes the weighted gain it adds over earlier picks."""
    reached = dict.fromkeys(gains, 0.0)
    picked: list[int] = []
    while len(picked) < count:
        score: dict[int, float] = {}
        for j, row in gains.items():
            w, floor = weights[j], reached[j]
            for i, g in row.items():
                if g > floor and i not in banned:
                    score[i] = score.get(i, 0.0) + w * (g - floor)
        for i in picked:
            score.pop(i, None)
        if not score:
            break
        choice = min(score, key=lambda i: (-score[i], i))
        picked.append(choice)
        for j, row in gains.items():
            reached[j] = max(reached[j], row.get(choice, 0.0))
    return picked


def load_library(path: Path | None = None) -> Library:
    """The shipped library (or the one at `path`); a missing or corrupt file raises a
    one-line `PredictorError` that says how to build one."""
    hint = "rebuild it with `optsmith predictor build`"
    if path is not None:
        try:
            text = Path(path).read_text()
        except OSError as exc:
            raise PredictorError(
                f"cannot read predictor library {path}: {exc.strerror}; {hint}"
            ) from None
        where = str(path)
    else:
        ref = resources.files("optsmith.search.data").joinpath(PREDICTOR_RESOURCE)
        if not ref.is_file():
            raise PredictorError(f"no predictor library is shipped with this install; {hint}")
        text = ref.read_text()
        where = "the shipped predictor library"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PredictorError(
            f"{where} is not valid JSON ({exc.msg} at line {exc.lineno}); {hint}"
        ) from None
    try:
        return Library.from_dict(data)
    except PredictorError as exc:
        raise PredictorError(f"{where}: {exc}; {hint}") from None


_SHIPPED: list[Library] = []


def shipped_library() -> Library:
    """The shipped library, read once per process."""
    if not _SHIPPED:
        _SHIPPED.append(load_library())
    return _SHIPPED[0]


class PredictorSearch(Optimizer):
    """Library candidates chosen from the program's features, then a short refinement."""

    name = "predictor"
    features = ("autophase",)

    def __init__(
        self,
        *,
        space: Sequence[str],
        seed: int = 0,
        library: Library | None = None,
        compilations: int = MAX_COMPILATIONS,
        refine: int = DEFAULT_REFINE,
        neighbours: int = DEFAULT_NEIGHBOURS,
    ) -> None:
        super().__init__(space=space, seed=seed)
        if not 1 <= compilations <= MAX_COMPILATIONS:
            raise OptionError(f"compilations must be 1..{MAX_COMPILATIONS}, got {compilations}")
        if not 0 <= refine < compilations:
            raise OptionError(f"refine must be 0..{compilations - 1}, got {refine}")
        if neighbours < 1:
            raise OptionError(f"neighbours must be >= 1, got {neighbours}")
        self.library = library if library is not None else shipped_library()
        self.compilations = compilations
        self.refine = refine
        self.neighbours = neighbours
        self.program_features: tuple[float, ...] | None = None
        self.plan: list[Pipeline] = []
        self.library_left = 0  # library pipelines still to propose
        self.asked = 0
        self.good_passes: set[str] = set()  # passes of pipelines that succeeded here
        self.failed_passes: set[str] = set()  # passes of failed ones, in no success
        self.proposed: set[str] = set()
        self.told: dict[str, tuple[float, Pipeline]] = {}  # text -> (value, pipeline)

    def observe(self, features: Mapping[str, Sequence[float]]) -> None:
        self.program_features = tuple(features[self.library.feature])

    def start(
        self, baseline_value: float, unoptimized_value: float, *, baseline_action: str = OZ
    ) -> None:
        """Rank the library for this program: the first `compilations - refine` are the
        plan, the next `RESERVE` stand in for planned ones skipped as suspect. -Oz (and the
        objective's baseline action) is known already, so it is never proposed; nor is a
        pipeline with a pass outside the search space (so a pass taken out of the space
        leaves the library's plans too)."""
        super().start(baseline_value, unoptimized_value, baseline_action=baseline_action)
        count = self.compilations - self.refine
        ranked = self.library.rank(
            self.program_features, count + RESERVE + 1, neighbours=self.neighbours
        )
        space = set(self.space)
        self.plan = []
        for i in ranked:
            text = self.library.pipelines[i]
            try:
                pipeline = tuple(parse_pipeline(text))
                rendered = render_pipeline(list(pipeline))
            except PipelineError:
                continue  # a pass this LLVM does not know: skip it, the rest still serve
            if (
                text in ("default<Oz>", baseline_action)
                or not set(pipeline) <= space
                or rendered in self.proposed
            ):
                continue
            self.proposed.add(rendered)
            self.plan.append(pipeline)
        self.proposed.add("default<Oz>")
        self.told["default<Oz>"] = (baseline_value, ("default<Oz>",))
        self.library_left = count

    def _suspect(self, pipeline: Pipeline) -> bool:
        """Whether it holds a pass that was in a pipeline that failed on this program and
        in none that succeeded (one LLVM crash on a pass is likely to repeat: the library
        holds many pipelines sharing a rare pass, and each crash costs two workers)."""
        return any(name in self.failed_passes for name in pipeline)

    def ask(self) -> Pipeline | None:
        if self.asked >= self.compilations:
            return None
        if self.library_left > 0:
            # the best-ranked pipeline not suspect now (a suspect one stays in the plan: a
            # later success may clear its passes)
            for index, pipeline in enumerate(self.plan):
                if not self._suspect(pipeline):
                    del self.plan[index]
                    self.library_left -= 1
                    self.asked += 1
                    return pipeline
        proposal = self._refinement()
        if proposal is None:
            return None
        self.asked += 1
        return proposal

    def _refinement(self) -> Pipeline | None:
        """An unseen edit of the best pipeline so far (crossover with a runner-up now
        and then); passes to insert come from the five best pipelines or the space."""
        ranked = sorted(self.told.values(), key=lambda vp: (vp[0], len(vp[1])))
        if not ranked:
            return None
        best = ranked[0][1]
        elite = [p for _, p in ranked[:5]]
        pool = [name for p in elite for name in p] or list(self.space)

        def draw() -> str:
            return self.rng.choice(pool) if self.rng.random() < 0.7 else self.rng.choice(self.space)

        for _ in range(50):
            if len(elite) > 1 and self.rng.random() < 0.25:
                child = crossover(self.rng, best, self.rng.choice(elite[1:]))
            else:
                child = mutate(self.rng, best, self.space, mean_edits=1.5, draw=draw)
            try:
                text = render_pipeline(list(child))
            except PipelineError:
                continue
            if child and text not in self.proposed and not self._suspect(child):
                self.proposed.add(text)
                return child
        return None

    def tell(self, pipeline: Pipeline, value: float | None) -> None:
        if value is None:
            self.failed_passes.update(set(pipeline) - self.good_passes)
            return
        self.good_passes.update(pipeline)
        self.failed_passes.difference_update(pipeline)
        try:
            text = render_pipeline(list(pipeline))
        except PipelineError:
            return
        self.told[text] = (value, pipeline)
