"""Hybrid search: a seeded genetic search plus local refinement of its best pipelines.

After the leaders on code size (a genetic search over pass sequences with a refinement
stage, and coreset-seeded searches such as Coreset-NVP): a search from random pipelines
spends most of a small budget rediscovering what a learned set of pipelines already
knows, and a genetic search alone rarely polishes its best pipeline (one pass too many
costs instructions that a single deletion would win back).

The search, proposal by proposal:
1. Seeds, in order: the shipped coreset's pipelines (`coreset.load_coreset`, learned
   offline on generated programs), -Oz twice, -Oz spelt out pass by pass (`OZ_SPELT`,
   so refinement can delete or replace passes inside -Oz), "-Oz, then a few passes",
   and random pipelines (these still pay at 200 compilations: with 4 instead of 12, and
   4 instead of 8 -Oz-prefixed ones, 30.5% instead of 31.1% on 10 training programs).
2. Then each proposal is either a refinement step or a genetic child:
   - Refinement walks the single-edit neighbourhood of the best pipelines: every single
     deletion and every deletion of two neighbouring passes first (the cheapest wins),
     then sampled replacements and insertions. A new best pipeline is refined at once;
     when the neighbourhood of the best is spent, the next population member with a
     distinct value is refined (a beam over the top of the population).
   - A genetic child comes from tournament selection, splice crossover and one of
     several edits. Next to evolution's edits there are two that move several passes as a
     unit, because pass pairs often only pay together (`sroa` then `early-cse`,
     `jump-threading` then `correlated-propagation`): "transplant" inserts a run of
     passes from another population member, "synergy" inserts a known pair or triple
     (`SYNERGY`). Edits are drawn in proportion to how often they produced a child
     better than its parent (adaptive operator selection), so the search learns what
     pays on each program.
3. When the best has not improved for `patience` proposals, the population restarts from
   its best few members and newcomers (heavily edited elites, -Oz-prefixed and random
   pipelines), so a long budget (`--budget 60s` is thousands of compilations) keeps
   buying new ground.

The optimizer never learns its budget (compilations or seconds), so it is good at any
moment: the seeds alone are the coreset optimizer's answer, in its first 12 proposals.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from optsmith.errors import OptionError, OptsmithError
from optsmith.llvm.passes import parse_pipeline
from optsmith.search.coreset import load_coreset
from optsmith.search.evolution import (
    OZ,
    Memo,
    crossover,
    oz_prefixed,
    random_pipeline,
    trim,
)
from optsmith.search.protocol import Optimizer, Pipeline

_INSTCOMBINE = "instcombine<no-verify-fixpoint>"
_INSTCOMBINE_1 = "instcombine<no-verify-fixpoint;max-iterations=1>"

_SCFG_MID = "simplifycfg<switch-to-lookup;keep-loops;hoist-common-insts;sink-common-insts>"
_SCFG_LATE = (
    "simplifycfg<forward-switch-cond;switch-range-to-icmp;switch-to-lookup;no-keep-loops;"
    "hoist-common-insts;sink-common-insts>"
)

# clang's -Oz pipeline spelt in the pass space (`opt -passes=default<Oz>
# -print-pipeline-passes`, LLVM 22): passes without effect on C (coroutines, OpenMP,
# remarks, verifiers) left out, option spellings mapped to the space's nearest, and the
# inliner's CGSCC walk flattened into `inline, function-attrs`, then the function
# simplification passes it interleaves. On generated programs it lands within about 1% of
# `default<Oz>`; as a seed it lets deletion and replacement work inside -Oz (drop its
# loop rotation or unrolling, say), which the single `default<Oz>` action never allows.
OZ_SPELT: Pipeline = (
    # early cleanup and interprocedural constant propagation
    "inferattrs", "lower-expect", "simplifycfg", "sroa<modify-cfg>", "early-cse",
    "ipsccp", "called-value-propagation", "globalopt",
    "mem2reg", _INSTCOMBINE_1, "simplifycfg", "always-inline",
    # the inliner and the function simplification pipeline
    "inline", "function-attrs",
    "sroa<modify-cfg>", "early-cse<memssa>", "jump-threading", "correlated-propagation",
    "simplifycfg", _INSTCOMBINE_1, "aggressive-instcombine", "tailcallelim", "simplifycfg",
    "reassociate", "constraint-elimination",
    "loop-instsimplify", "loop-simplifycfg", "licm<no-allowspeculation>",
    "loop-rotate<no-header-duplication>", "licm", "simple-loop-unswitch",
    "simplifycfg", _INSTCOMBINE_1, "loop-idiom", "indvars", "loop-deletion", "loop-unroll-full",
    "sroa<modify-cfg>", "vector-combine", "mldst-motion", "gvn", "sccp", "bdce", _INSTCOMBINE_1,
    "jump-threading", "correlated-propagation", "adce", "memcpyopt", "dse", "licm",
    _SCFG_MID, _INSTCOMBINE_1,
    # module cleanup, then the optimization pipeline
    "deadargelim", "globalopt", "globaldce", "elim-avail-extern", "rpo-function-attrs",
    "drop-unnecessary-assumes", "float2int", "lower-constant-intrinsics",
    "loop-rotate<no-header-duplication>", "loop-deletion", "loop-distribute", "loop-vectorize",
    "drop-unnecessary-assumes", "infer-alignment", "loop-load-elim", _INSTCOMBINE_1,
    _SCFG_LATE, "vector-combine", _INSTCOMBINE_1, "loop-unroll<O2>", "sroa<preserve-cfg>",
    "infer-alignment", _INSTCOMBINE_1, "licm", "alignment-from-assumptions", "loop-sink",
    "instsimplify", "div-rem-pairs", "tailcallelim", "simplifycfg",
    "globaldce", "constmerge", "rel-lookup-table-converter",
)  # fmt: skip

# Pairs and triples that -Oz itself runs back to back (from `opt -passes=default<Oz>
# -print-pipeline-passes`): each pass cleans up after or enables the next, so inserting
# one alone often costs instructions that the pair as a whole wins back.
SYNERGY: tuple[Pipeline, ...] = (
    ("sroa<modify-cfg>", "early-cse<memssa>"),
    ("mem2reg", _INSTCOMBINE_1, "simplifycfg"),
    ("jump-threading", "correlated-propagation"),
    ("simplifycfg", _INSTCOMBINE_1),
    (_INSTCOMBINE, "simplifycfg"),
    ("gvn", "sccp", "bdce"),
    ("adce", "memcpyopt", "dse"),
    ("inline", "function-attrs"),
    ("ipsccp", "globalopt"),
    ("deadargelim", "globalopt", "globaldce"),
    ("loop-idiom", "indvars", "loop-deletion"),
    ("licm<no-allowspeculation>", "loop-rotate<no-header-duplication>"),
    ("loop-instsimplify", "loop-simplifycfg"),
    ("reassociate", "constraint-elimination"),
    ("mergefunc", "globaldce"),
    ("gvn-sink", "simplifycfg"),
    ("float2int", "lower-constant-intrinsics"),
    (_INSTCOMBINE_1, "aggressive-instcombine"),
)

# Edits a genetic child may get (see `apply_edit`).
EDITS: tuple[str, ...] = (
    "insert",
    "delete",
    "replace",
    "swap",
    "move",
    "duplicate",
    "transplant",
    "synergy",
)


def coreset_seeds(space: Sequence[str]) -> list[Pipeline]:
    """The shipped coreset's pipelines whose passes are all in `space` (none when no
    coreset is installed: the search then starts from -Oz and random pipelines)."""
    try:
        texts = load_coreset()["pipelines"]
    except OptsmithError:
        return []
    allowed = set(space)
    out: list[Pipeline] = []
    for text in texts:
        pipeline = tuple(parse_pipeline(text))
        if pipeline and set(pipeline) <= allowed:
            out.append(pipeline)
    return out


def deletions(rng: random.Random, pipeline: Pipeline) -> list[Pipeline]:
    """Every pipeline one deletion away, then every one a deleted neighbour pair away,
    each kind in random order (a budget that ends mid-way has sampled the whole length)."""
    n = len(pipeline)
    singles = [pipeline[:i] + pipeline[i + 1 :] for i in range(n)]
    pairs = [pipeline[:i] + pipeline[i + 2 :] for i in range(n - 1)]
    rng.shuffle(singles)
    rng.shuffle(pairs)
    return [p for p in singles + pairs if p]


class Hybrid(Optimizer):
    """Coreset-seeded steady-state GA with adaptive edits, refinement of the best, restarts.

    `seeds` replaces the shipped coreset as the learned seeds (None: the coreset);
    `first` are asked before them (a model's proposals, say), so the search builds on
    their measured values like on any seed's.
    """

    name = "hybrid"

    def __init__(
        self,
        *,
        space: Sequence[str],
        seed: int = 0,
        seeds: Sequence[Pipeline] | None = None,
        first: Sequence[Pipeline] = (),
        population: int = 32,
        oz_seeds: int = 8,
        random_seeds: int = 12,
        tournament: int = 3,
        crossover_rate: float = 0.3,
        refine_share: float = 0.5,
        refine_edits: int = 24,
        mean_edits: float = 1.5,
        max_same: int = 3,
        patience: int = 200,
        keep: int = 4,
        max_length: int = 100,
    ) -> None:
        super().__init__(space=space, seed=seed)
        if population < 2 or tournament < 1 or patience < 1 or keep < 1 or max_same < 1:
            raise OptionError(
                f"need population >= 2 and tournament, patience, keep, max_same >= 1; got "
                f"{population}, {tournament}, {patience}, {keep}, {max_same}"
            )
        if not 0.0 <= refine_share <= 1.0:
            raise OptionError(f"refine_share must be in [0, 1], got {refine_share}")
        allowed = set(self.space)
        learned = coreset_seeds(self.space) if seeds is None else list(seeds)
        if not all(set(s) <= allowed for s in learned):
            raise OptionError("a seed pipeline holds a pass outside the search space")
        # `first` (a model's proposals, say) go before the learned seeds; each once. They
        # may hold passes outside the space: measured as given, edited with the space's.
        self.seed_pipelines = list(dict.fromkeys(tuple(s) for s in [*first, *learned] if s))
        self.synergy = [g for g in SYNERGY if set(g) <= allowed]
        self.population_size = population
        self.oz_seeds = oz_seeds
        self.lead = OZ  # the action "-Oz-prefixed" seeds start with; set by `start`
        self.random_seeds = random_seeds
        self.tournament = tournament
        self.crossover_rate = crossover_rate
        self.refine_share = refine_share
        self.refine_edits = refine_edits
        self.mean_edits = mean_edits
        self.max_same = max_same
        self.patience = patience
        self.keep = keep
        self.max_length = max_length
        # -Oz twice (its second run still finds work), and -Oz spelt out to be edited
        self.oz_variants = [p for p in ((OZ, OZ), OZ_SPELT) if set(p) <= allowed]
        self.memo = Memo()
        # (value, length, pipeline), best first; length breaks ties towards shorter ones
        self.population: list[tuple[float, int, Pipeline]] = []
        self.queue: list[Pipeline] = []  # seeds and restart newcomers, asked first
        self.refine: list[Pipeline] = []  # neighbours of `refining`, asked in order
        self.refining: Pipeline | None = None
        self.refined: set[Pipeline] = set()  # pipelines whose neighbourhood was queued
        self.best: tuple[float, int, Pipeline] | None = None
        self.since_best = 0
        self.restarts = 0
        # edit -> [children better than their parent, children told]
        self.credit: dict[str, list[int]] = {e: [1, 2] for e in EDITS}
        self.parents: dict[Pipeline, tuple[str, float]] = {}  # pending child -> (edit, value)

    # ---- the protocol ------------------------------------------------------------

    def start(
        self, baseline_value: float, unoptimized_value: float, *, baseline_action: str = OZ
    ) -> None:
        super().start(baseline_value, unoptimized_value, baseline_action=baseline_action)
        self.memo.record((), unoptimized_value)
        if baseline_action in self.space:
            self.memo.record((baseline_action,), baseline_value)
            self._admit((baseline_action,), baseline_value)
            self.best = (baseline_value, 1, (baseline_action,))
        self.queue = list(self.seed_pipelines)
        # "the baseline, then a few passes": -Oz for size, clang's -O3 for speed
        self.lead = baseline_action if baseline_action in self.space else OZ
        if self.lead not in self.space:
            self.oz_seeds = 0
        if self.lead == OZ:
            self.queue += self.oz_variants
        self.queue += [
            oz_prefixed(self.rng, self.space, first=self.lead) for _ in range(self.oz_seeds)
        ]
        self.queue += [random_pipeline(self.rng, self.space) for _ in range(self.random_seeds)]

    def ask(self) -> Pipeline:
        while self.queue:
            candidate = trim(self.rng, self.queue.pop(0), self.max_length)
            if candidate and candidate not in self.memo:
                return self.memo.propose(candidate)
        if self.rng.random() < self.refine_share:
            step = self._next_refinement()
            if step is not None:
                return self.memo.propose(step)
        return self.memo.propose(self.memo.fresh(self._child, self._newcomer))

    def tell(self, pipeline: Pipeline, value: float | None) -> None:
        self.memo.record(pipeline, value)
        self.since_best += 1
        origin = self.parents.pop(pipeline, None)
        if origin is not None:
            edit, parent_value = origin
            self.credit[edit][1] += 1
            if value is not None and value < parent_value:
                self.credit[edit][0] += 1
        if value is not None:
            self._admit(pipeline, value)
            entry = (value, len(pipeline), pipeline)
            if self.best is None or entry < self.best:
                if self.best is None or value < self.best[0]:
                    self.since_best = 0
                self.best = entry
                self._refine(pipeline)  # a new best is refined before anything else
        if self.since_best >= self.patience:
            self._restart()

    # ---- population --------------------------------------------------------------

    def _admit(self, pipeline: Pipeline, value: float) -> None:
        """Adds a member, at most `max_same` per value (equal counts after different
        pipelines are usually the same module, and a population of copies stops
        exploring): a newcomer replaces a longer member of its value, else is dropped."""
        same = [m for m in self.population if m[0] == value]
        entry = (value, len(pipeline), pipeline)
        if len(same) >= self.max_same:
            worst = max(same)
            if entry >= worst:
                return
            self.population.remove(worst)
        self.population.append(entry)
        self.population.sort()
        del self.population[self.population_size :]

    def _select(self) -> Pipeline:
        k = min(self.tournament, len(self.population))
        return min(self.rng.sample(self.population, k))[2]

    def _newcomer(self) -> Pipeline:
        if self.oz_seeds and self.rng.random() < 0.25:
            return oz_prefixed(self.rng, self.space, first=self.lead)
        return random_pipeline(self.rng, self.space)

    def _restart(self) -> None:
        """Keep the best `keep` members; queue heavily edited elites and newcomers."""
        self.restarts += 1
        self.since_best = 0
        elites = [m[2] for m in self.population[: self.keep]]
        del self.population[self.keep :]
        newcomers: list[Pipeline] = []
        for i in range(self.population_size // 2):
            if elites and i % 2 == 0:
                child = self.rng.choice(elites)
                for _ in range(4):
                    child = self._edit(child, self.rng.choice(EDITS))
                newcomers.append(child)
            else:
                newcomers.append(self._newcomer())
        self.queue.extend(newcomers)

    # ---- refinement --------------------------------------------------------------

    def _refine(self, pipeline: Pipeline) -> None:
        """Queue the neighbourhood of `pipeline`: deletions, then sampled edits."""
        if pipeline in self.refined:
            return
        self.refined.add(pipeline)
        self.refining = pipeline
        edits = [self._edit(pipeline, self._pick_edit()) for _ in range(self.refine_edits)]
        self.refine = deletions(self.rng, pipeline) + edits

    def _next_refinement(self) -> Pipeline | None:
        for _ in range(3):
            while self.refine:
                candidate = trim(self.rng, self.refine.pop(0), self.max_length)
                if candidate and candidate not in self.memo:
                    return candidate
            # the neighbourhood is spent: refine the best member not refined yet
            target = next((m[2] for m in self.population if m[2] not in self.refined), None)
            if target is None:
                return None
            self._refine(target)
        return None

    # ---- genetic children --------------------------------------------------------

    def _pick_edit(self) -> str:
        weights = [self.credit[e][0] / self.credit[e][1] for e in EDITS]
        return self.rng.choices(EDITS, weights=weights)[0]

    def _child(self) -> Pipeline:
        if not self.population:
            return self._newcomer()
        parent = self._select()
        parent_value = min(m[0] for m in self.population if m[2] == parent)
        if len(self.population) > 1 and self.rng.random() < self.crossover_rate:
            parent = trim(self.rng, crossover(self.rng, parent, self._select()), self.max_length)
            if self.rng.random() < 0.5:
                return parent
        edit = self._pick_edit()
        child = self._edit(parent, edit)
        stop = 1.0 / max(1.0, self.mean_edits)
        while self.rng.random() > stop:
            child = self._edit(child, self._pick_edit())
        child = trim(self.rng, child, self.max_length)
        if child not in self.memo:
            self.parents[child] = (edit, parent_value)
        return child

    def _draw(self) -> str:
        return self.rng.choice(self.space)

    def _edit(self, pipeline: Pipeline, edit: str) -> Pipeline:
        """One edit of `pipeline`; every pass of the result is from the space."""
        p = list(pipeline)
        if not p or (edit in ("delete", "swap", "move") and len(p) < 2):
            edit = "insert"
        at = self.rng.randint(0, len(p))
        if edit == "insert":
            p.insert(at, self._draw())
        elif edit == "delete":
            del p[self.rng.randrange(len(p))]
        elif edit == "replace":
            p[self.rng.randrange(len(p))] = self._draw()
        elif edit == "swap":  # neighbours: order between adjacent passes matters most
            i = self.rng.randrange(len(p) - 1)
            p[i], p[i + 1] = p[i + 1], p[i]
        elif edit == "move":
            item = p.pop(self.rng.randrange(len(p)))
            p.insert(self.rng.randint(0, len(p)), item)
        elif edit == "duplicate":
            i = self.rng.randrange(len(p))
            p[at:at] = p[i : i + self.rng.randint(1, 4)]
        elif edit == "transplant":
            donor = self.rng.choice(self.population)[2] if self.population else ()
            if donor:
                i = self.rng.randrange(len(donor))
                p[at:at] = donor[i : i + self.rng.randint(2, 5)]
            else:
                p.insert(at, self._draw())
        else:  # synergy
            if self.synergy:
                p[at:at] = self.rng.choice(self.synergy)
            else:
                p.insert(at, self._draw())
        return tuple(p)
