"""Model-seeded search: the model proposes pipelines for the program, search starts from them.

The model reads the program's IR in LLM Compiler's flag-tuning prompt and answers with n
samples. Answers that do not parse into a valid LLVM 22 pipeline are dropped before any
compilation (a garbage answer costs its tokens, never budget); the valid ones seed the
search:

- `hybrid` (the default optimizer, `--optimizer llm`): they are asked before its learned
  seeds, so a good proposal is a parent from the start and refinement walks from it;
- `evolution`: they are asked first and take the place of random members of the initial
  population, so a good proposal is a parent from the first generation on;
- `mcts` (`--optimizer llm-mcts`): they are asked first, the best of them is grafted into
  the tree, and they bias which passes are expanded first below the prefixes they share
  (the Reasoning Compiler's idea: the model as the prior of the expansions);
- any other optimizer: they are measured first, then the optimizer runs as usual.

With no valid proposal the seeded search is the plain one, draw for draw. The driver keeps
the best of everything and validates it as for any search, so a model that miscompiles is
caught. `benchmarks/llm_seeded_search.py` measures what seeding buys per compilation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from optsmith.llm import prompts
from optsmith.llm.backend import Backend, GenerationParams
from optsmith.llm.parsers import parse_pass_list
from optsmith.search.defaults import LLM_OPTIMIZERS
from optsmith.search.evaluator import Problem
from optsmith.search.evolution import Evolution
from optsmith.search.hybrid import Hybrid
from optsmith.search.mcts import MCTS
from optsmith.search.protocol import OZ, Optimizer, Pipeline
from optsmith.search.registry import default_space, make_optimizer

OptimizerForProblem = Callable[[Problem], Optimizer]

# bases whose own search takes the proposals in (the others get them measured first)
NATIVE_BASES = ("hybrid", "evolution", "mcts")


@dataclass(frozen=True)
class ModelAnswers:
    """What the model said: the valid pipelines, in answer order, and why the rest failed."""

    proposals: list[Pipeline]
    invalid: list[str] = field(default_factory=list)  # one parse error per invalid answer
    errors: list[str] = field(default_factory=list)  # samples the backend could not get


def ask_model(backend: Backend, ir: str, params: GenerationParams) -> ModelAnswers:
    """The model's answers to the flag-tuning prompt, parsed (never measured)."""
    (generation,) = backend.generate([prompts.flag_tuning(ir)], params)
    proposals: list[Pipeline] = []
    invalid: list[str] = []
    for text in generation.texts:
        parsed = parse_pass_list(text)
        if parsed.ok:
            proposals.append(parsed.passes)
        else:
            invalid.append(parsed.error or "not a pipeline")
    return ModelAnswers(proposals, invalid, list(generation.errors))


def model_proposals(backend: Backend, ir: str, params: GenerationParams) -> list[Pipeline]:
    """The valid pipelines among the model's answers to the flag-tuning prompt."""
    return ask_model(backend, ir, params).proposals


def seeded_base(
    base: str, proposals: Sequence[Pipeline], *, seed: int = 0,
    space: Sequence[str] | None = None,
) -> Optimizer:
    """Optimizer `base` seeded with `proposals` where it takes seeds itself, else plain."""
    actions = list(space) if space is not None else default_space()
    if base == "hybrid":
        return Hybrid(space=actions, seed=seed, first=proposals)
    if base == "evolution":
        return Evolution(space=actions, seed=seed, seeds=proposals)
    if base == "mcts":
        return MCTS(space=actions, seed=seed, priors=proposals)
    return make_optimizer(base, seed=seed, space=actions)


class ModelSeeded(Optimizer):
    """`base` seeded with the model's proposals; records what each proposal measured.

    For a base in `NATIVE_BASES` the proposals are inside `base` already (see
    `seeded_base`); for any other, this asks them first and then hands over, without
    telling `base` about them (a base that never asked a pipeline need not know it).
    """

    def __init__(self, *, space: Sequence[str], seed: int = 0,
                 proposals: Sequence[Pipeline], base: Optimizer, native: bool,
                 name: str = "llm", answers: ModelAnswers | None = None) -> None:
        super().__init__(space=space, seed=seed)
        self.name = name
        self.base = base
        self.native = native
        self.proposed = list(dict.fromkeys(tuple(p) for p in proposals if p))
        self.queue = [] if native else list(self.proposed)
        self.answers = answers
        self.model_values: dict[Pipeline, float | None] = {}

    def start(
        self, baseline_value: float, unoptimized_value: float, *, baseline_action: str = OZ
    ) -> None:
        super().start(baseline_value, unoptimized_value, baseline_action=baseline_action)
        self.base.start(baseline_value, unoptimized_value, baseline_action=baseline_action)

    def ask(self) -> Pipeline | None:
        if self.queue:
            return self.queue.pop(0)
        return self.base.ask()

    def tell(self, pipeline: Pipeline, value: float | None) -> None:
        first = pipeline in self.proposed and pipeline not in self.model_values
        if first:
            self.model_values[pipeline] = value
            if not self.native:
                return
        self.base.tell(pipeline, value)


def seeded_name(base: str) -> str:
    """The optimizer's name in results: `llm` for the default search, `llm-mcts`, else
    `llm-<base>`."""
    return next((name for name, b in LLM_OPTIMIZERS.items() if b == base), f"llm-{base}")


def llm_guided(backend: Backend, params: GenerationParams, *,
               base: str = LLM_OPTIMIZERS["llm"], seed: int = 0) -> OptimizerForProblem:
    """A factory `run_suite` calls per program: ask the model, then search `base` from it."""
    make_optimizer(base)  # fail on a misspelt name before the model is asked anything

    def build(problem: Problem) -> Optimizer:
        answers = ask_model(backend, problem.ir, params)
        space = default_space(problem.objective.name)
        return ModelSeeded(
            space=space, seed=seed, proposals=answers.proposals,
            base=seeded_base(base, answers.proposals, seed=seed, space=space),
            native=base in NATIVE_BASES, name=seeded_name(base), answers=answers,
        )

    return build
