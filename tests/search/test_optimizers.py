"""Every registered optimizer: protocol, determinism, a real search; and their operators."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterator

import pytest

from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark
from optsmith.search.annealing import Annealing
from optsmith.search.beam import Beam, top_distinct
from optsmith.search.budget import Budget
from optsmith.search.driver import run_search
from optsmith.search.evaluator import Evaluator
from optsmith.search.evolution import (
    OZ,
    Evolution,
    Memo,
    crossover,
    mutate,
    mutate_once,
    random_pipeline,
    trim,
)
from optsmith.search.greedy import Greedy, best_extension
from optsmith.search.mcts import MCTS, Node, ucb1_select
from optsmith.search.protocol import Optimizer, Pipeline
from optsmith.search.registry import OPTIMIZERS, default_space, make_optimizer
from optsmith.store import Store

SPACE = default_space()
NEW = ("greedy", "evolution", "annealing", "beam", "mcts", "hybrid")


def synthetic(pipeline: Pipeline) -> float | None:
    """A cheap, rugged stand-in for an instruction count: pass pairs help or hurt."""
    if "reg2mem" in pipeline and len(pipeline) > 30:
        return None  # pretend this one crashes LLVM
    value = 1000.0
    for i, name in enumerate(pipeline):
        pair = f"{pipeline[i - 1] if i else ''}>{name}"
        value -= int(hashlib.md5(pair.encode()).hexdigest()[:4], 16) % 9 - 4
    return value + 0.5 * len(pipeline)


def drive(
    optimizer: Optimizer,
    steps: int,
    value: Callable[[Pipeline], float | None] = synthetic,
    batch: int = 4,
) -> list[Pipeline]:
    """What run_search does with an optimizer, without compiling anything."""
    optimizer.start(990.0, 1000.0)
    asked: list[Pipeline] = []
    while len(asked) < steps:
        pipelines = []
        for _ in range(min(batch, steps - len(asked))):
            proposal = optimizer.ask()
            if proposal is None:
                break
            pipelines.append(proposal)
        if not pipelines:
            break
        asked.extend(pipelines)
        for p in pipelines:
            optimizer.tell(p, value(p))
    return asked


def test_all_optimizers_are_registered() -> None:
    assert {"random", *NEW} <= set(OPTIMIZERS)


@pytest.mark.parametrize("name", NEW)
def test_deterministic_given_seed_and_values(name: str) -> None:
    first = drive(make_optimizer(name, seed=7), 300)
    assert first == drive(make_optimizer(name, seed=7), 300)
    assert len(first) == 300  # none runs dry this early
    assert first != drive(make_optimizer(name, seed=8), 300)


@pytest.mark.parametrize("name", NEW)
def test_protocol_names_from_space_and_no_repeats(name: str) -> None:
    space = set(SPACE)
    asked = drive(make_optimizer(name, seed=1), 400)
    assert all(isinstance(p, tuple) and p and set(p) <= space for p in asked)
    assert len(set(asked)) == len(asked)  # the memo keeps budget off repeats
    assert (OZ,) not in asked  # the baseline's value is given, not measured again


@pytest.mark.parametrize("name", NEW)
def test_ask_may_wait_for_tells_but_never_stalls(name: str) -> None:
    """With a batch larger than a round, asks return None until values are told."""
    asked = drive(make_optimizer(name, seed=3), 500, batch=200)
    assert len(asked) == 500


@pytest.mark.parametrize("name", NEW)
def test_optimizers_improve_on_synthetic_landscape(name: str) -> None:
    asked = drive(make_optimizer(name, seed=0), 600)
    best = min(v for p in asked if (v := synthetic(p)) is not None)
    assert best < 990.0


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store(tmp_path_factory.mktemp("opt") / "store.sqlite")
    yield store
    store.close()


@pytest.mark.parametrize("name", NEW)
def test_real_search_is_validated_and_no_worse_than_oz(
    name: str, pool: EnginePool, shared_store: Store, loop_benchmark: Benchmark
) -> None:
    evaluator = Evaluator(pool, shared_store)
    problem = evaluator.prepare(loop_benchmark, get_objective("ir-instcount"))
    result = run_search(problem, make_optimizer(name, seed=0), Budget(compilations=40), evaluator)
    assert result.optimizer == name
    assert result.compilations == 40
    assert result.best_value <= result.baseline < result.unoptimized
    assert result.validated is True, result.validation_detail


# ---- operators ---------------------------------------------------------------------


def test_mutation_keeps_names_in_the_space_and_changes_something() -> None:
    rng = random.Random(0)
    space = set(SPACE)
    parent = random_pipeline(rng, SPACE, 1, 20)
    for _ in range(500):
        child = mutate(rng, parent, SPACE, max_length=25)
        assert child and set(child) <= space and len(child) <= 25
        parent = child
    assert mutate_once(rng, (), SPACE) != ()  # an empty pipeline can only grow


def test_trim_caps_length() -> None:
    rng = random.Random(1)
    assert len(trim(rng, tuple(SPACE[:50]), 10)) == 10


def _splices(child: Pipeline, a: Pipeline, b: Pipeline) -> bool:
    """child == a[:i] + b[j:k] + a[m:] for some cut points with i <= m and j < k."""
    return any(
        child == a[:i] + b[j:k] + a[m:]
        for i in range(len(a) + 1)
        if child[:i] == a[:i]
        for m in range(i, len(a) + 1)
        for j in range(len(b))
        for k in range(j + 1, len(b) + 1)
    )


def test_crossover_children_combine_their_parents() -> None:
    rng = random.Random(2)
    a = tuple(f"a{i}" for i in range(8))
    b = tuple(f"b{i}" for i in range(8))
    mixed = 0
    for _ in range(300):
        child = crossover(rng, a, b)
        assert child and _splices(child, a, b), child
        mixed += any(x in a for x in child) and any(x in b for x in child)
    assert mixed > 100


def test_memo_refuses_repeats() -> None:
    memo = Memo()
    memo.propose(("dce",))
    assert ("dce",) in memo and memo.outstanding == 1
    memo.record(("dce",), 3.0)
    assert memo.outstanding == 0 and memo.values[("dce",)] == 3.0
    assert memo.fresh(lambda: ("dce",), lambda: ("adce",)) == ("adce",)


def test_evolution_keeps_the_best_population() -> None:
    evo = Evolution(space=SPACE, seed=0, population=3, initial=2)
    evo.start(100.0, 200.0)
    for value, p in [(90.0, ("dce",)), (80.0, ("adce",)), (120.0, ("sink",))]:
        evo.tell(p, value)
    assert [p for _, _, p in evo.population] == [("adce",), ("dce",), (OZ,)]
    evo.tell(("gvn",), None)  # a failure never enters the population
    assert ("gvn",) not in [p for _, _, p in evo.population]


def test_annealing_accepts_improvements_and_rarely_big_losses() -> None:
    sa = Annealing(space=SPACE, seed=0, initial_temperature=0.01)
    sa.start(1000.0, 2000.0)
    assert sa._accept(-5.0)
    assert sum(sa._accept(300.0) for _ in range(1000)) == 0  # 30% worse at T = 1%
    assert 0 < sum(sa._accept(5.0) for _ in range(1000)) < 1000


def test_mcts_ucb1_selects_an_unvisited_child_first() -> None:
    node = Node([])
    for action, visits, reward in [("a", 10, 1.2), ("b", 0, 0.0), ("c", 5, 0.9)]:
        child = Node([])
        child.visits, child.total, child.best = visits, visits * reward, reward
        node.children[action] = child
    node.visits = 15
    assert ucb1_select(node, 0.3, 0.5) == "b"
    node.children["b"].pending = 1  # in flight: counted as visited
    node.children["b"].visits = 0
    assert ucb1_select(node, 0.0, 0.0) == "a"  # no exploration: the best mean
    assert ucb1_select(node, 100.0, 0.0) == "b"  # much exploration: the least visited


def test_mcts_reward_is_compilergym_score() -> None:
    mcts = MCTS(space=SPACE, seed=0)
    mcts.start(100.0, 300.0)
    assert mcts.reward(100.0) == pytest.approx(1.0)
    assert mcts.reward(50.0) == pytest.approx(1.25)
    assert mcts.reward(None) == 0.0


def test_greedy_picks_the_best_extension() -> None:
    assert best_extension(10.0, {("a",): 9.0, ("b",): 7.0, ("c",): None}) == (("b",), 7.0)
    assert best_extension(5.0, {("a",): 9.0, ("b",): 5.0}) is None  # no strict gain

    def value(p: Pipeline) -> float:  # "gvn" is the best first pass, "dce" the best second
        return 100.0 - 10 * (p[:1] == ("gvn",)) - 5 * (p[1:2] == ("dce",)) + len(p)

    greedy = Greedy(space=SPACE, seed=0)
    singles = len(SPACE) - 1  # -Oz alone is known from the baseline
    asked = drive(greedy, singles + len(SPACE) + 1, value=value, batch=8)
    assert sorted(asked[:singles]) == sorted((p,) for p in SPACE if p != OZ)
    assert all(p[:1] == ("gvn",) and len(p) == 2 for p in asked[singles:-1])
    assert greedy.prefix == ("gvn", "dce")  # the third round grows the best pair


def test_beam_keeps_distinct_values() -> None:
    scored = [(5.0, ("a",)), (5.0, ("b",)), (4.0, ("c",)), (6.0, ("d",))]
    assert top_distinct(scored, 2) == [(4.0, ("c",)), (5.0, ("a",))]
    beam = Beam(space=SPACE, seed=0, width=2, branch=3, probes=4)
    drive(beam, 40)
    assert len(beam.beam) <= 2


# ---- seeds and priors (a model's proposals, `search.llm_guided`): asked first, once, and
# nothing else changes ------------------------------------------------------------------
SEED_A: Pipeline = ("sroa<modify-cfg>", "gvn", "simplifycfg")
SEED_B: Pipeline = ("mem2reg", "instcombine<no-verify-fixpoint>")
OUTSIDE: Pipeline = ("loop-unroll<O3;no-runtime>", "dce")  # a pass outside the space


@pytest.mark.parametrize("make", [
    lambda **kw: Evolution(space=SPACE, seed=3, **kw),
    lambda **kw: MCTS(space=SPACE, seed=3, **kw),
])
def test_no_seeds_is_the_plain_search_draw_for_draw(make: Callable[..., Optimizer]) -> None:
    key = "seeds" if make().name == "evolution" else "priors"
    assert drive(make(**{key: ()}), 200) == drive(make(), 200)


def test_evolution_asks_seeds_first_in_place_of_random_members() -> None:
    seeded = Evolution(space=SPACE, seed=1, initial=6, seeds=[SEED_A, (OZ,), SEED_A, SEED_B, ()])
    asked = drive(seeded, 40)
    assert asked[:2] == [SEED_A, SEED_B]  # -Oz is known, duplicates and empty pipelines dropped
    assert len(set(asked)) == 40
    plain = drive(Evolution(space=SPACE, seed=1, initial=6), 40)
    # two seeds took the place of two random members: the random draws start the same
    assert asked[2:6] == plain[:4]
    assert all(seeded.memo.values[p] == synthetic(p) for p in (SEED_A, SEED_B))


def test_evolution_breeds_from_a_good_seed() -> None:
    def value(pipeline: Pipeline) -> float | None:
        return 500.0 if pipeline == SEED_A else synthetic(pipeline)

    def kin(asked: list[Pipeline]) -> int:
        """Children (after the initial population) holding at least two of SEED_A's passes."""
        return sum(len(set(SEED_A) & set(c)) >= 2 for c in asked[8:])

    seeded = Evolution(space=SPACE, seed=2, initial=8, seeds=[SEED_A])
    asked = drive(seeded, 60, value)
    assert seeded.population[0][2] == SEED_A  # the best member: a parent from the first child
    plain = drive(Evolution(space=SPACE, seed=2, initial=8), 60, value)
    assert kin(asked) > 2 * kin(plain) and kin(asked) >= 10


def test_mcts_expands_the_priors_first() -> None:
    second: Pipeline = ("loop-rotate", "licm", "gvn")

    def value(pipeline: Pipeline) -> float | None:
        return 900.0 if pipeline == SEED_A else 999.0

    mcts = MCTS(space=SPACE, seed=0, priors=[SEED_A, second, OUTSIDE, SEED_A])
    asked = drive(mcts, 40, value)
    assert asked[:3] == [SEED_A, second, OUTSIDE]  # measured first, once
    node = mcts.root  # the best prior is grafted: its prefixes are nodes of the tree
    for action in SEED_A:
        node = node.children[action]
    assert node.visits >= 1
    # at a node whose prefix starts priors, their next passes are expanded first
    fresh = MCTS(space=SPACE, seed=0, priors=[SEED_A, second, second, OUTSIDE])
    first = [fresh._expand(fresh.root, ()) for _ in range(3)]
    assert first[:2] == ["loop-rotate", "sroa<modify-cfg>"]  # most frequent first
    assert first[2] not in ("loop-unroll<O3;no-runtime>", "dce")  # outside the space: never
    below = Node(fresh._untried())
    assert fresh._expand(below, ("loop-rotate",)) == "licm"
    assert fresh._expand(below, ("loop-rotate",)) != "licm"  # a prior's pass, once
    plain = MCTS(space=SPACE, seed=0)  # no priors: all unseen, the shuffled order decides
    expected = plain.root.untried[0]
    assert plain._expand(plain.root, ()) == expected


def test_mcts_rollouts_keep_a_priors_tail() -> None:
    prior: Pipeline = ("sroa<modify-cfg>", "gvn", "simplifycfg", "adce", "dce", "sccp")
    mcts = MCTS(space=SPACE, seed=4, priors=[prior], prior_rollout=1.0)
    follows = mcts._rollout(prior[:2])  # along the prior: its tail, edited once
    assert follows[:2] == prior[:2] and follows != prior
    assert len(set(follows[2:]) & set(prior[2:])) >= 2
    edited = mcts._rollout((*prior[:2], "licm"))  # an edit of its third pass keeps the rest
    assert edited[:3] == (*prior[:2], "licm")
    assert len(set(edited[3:]) & set(prior[3:])) >= 2
    plain = MCTS(space=SPACE, seed=4, prior_rollout=1.0)
    assert not set(plain._rollout(prior[:2])[2:]) >= set(prior[3:])  # no priors: random
