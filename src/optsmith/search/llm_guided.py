"""LLM-guided search: the model proposes pipelines for the program, search refines them.

The model reads the program's IR in LLM Compiler's flag-tuning prompt and answers with n
samples; every answer that parses into a valid LLVM 22 pipeline is measured first (the
model's pass@n), then the rest of the budget goes to an ordinary optimizer. The driver
keeps the best of everything and validates it as for any search, so a model that answers
garbage costs its samples and nothing else, and a model that miscompiles is caught.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from optsmith.llm import prompts
from optsmith.llm.backend import Backend, GenerationParams
from optsmith.llm.parsers import parse_pass_list
from optsmith.search.evaluator import Problem
from optsmith.search.protocol import OZ, Optimizer, Pipeline
from optsmith.search.registry import default_space, make_optimizer

OptimizerForProblem = Callable[[Problem], Optimizer]


class ProposalsFirst(Optimizer):
    """Asks `proposals` in order, then hands over to `then` for the rest of the budget."""

    name = "llm"

    def __init__(self, *, space: Sequence[str], seed: int = 0,
                 proposals: Sequence[Pipeline], then: Optimizer) -> None:
        super().__init__(space=space, seed=seed)
        self.queue = list(dict.fromkeys(tuple(p) for p in proposals if p))
        self.proposed = set(self.queue)
        self.then = then
        self.model_values: dict[Pipeline, float | None] = {}

    def start(
        self, baseline_value: float, unoptimized_value: float, *, baseline_action: str = OZ
    ) -> None:
        super().start(baseline_value, unoptimized_value, baseline_action=baseline_action)
        self.then.start(baseline_value, unoptimized_value, baseline_action=baseline_action)

    def ask(self) -> Pipeline | None:
        if self.queue:
            return self.queue.pop(0)
        return self.then.ask()

    def tell(self, pipeline: Pipeline, value: float | None) -> None:
        if pipeline in self.proposed and pipeline not in self.model_values:
            self.model_values[pipeline] = value
            return
        self.then.tell(pipeline, value)


def model_proposals(backend: Backend, ir: str, params: GenerationParams) -> list[Pipeline]:
    """The valid pipelines among the model's answers to the flag-tuning prompt."""
    (generation,) = backend.generate([prompts.flag_tuning(ir)], params)
    found = []
    for text in generation.texts:
        parsed = parse_pass_list(text)
        if parsed.ok:
            found.append(parsed.passes)
    return found


def llm_guided(backend: Backend, params: GenerationParams, *, then: str = "annealing",
               seed: int = 0) -> OptimizerForProblem:
    """A factory `run_suite` calls per program: ask the model, then search with `then`."""
    make_optimizer(then)  # fail on a misspelt name before the model is asked anything

    def build(problem: Problem) -> Optimizer:
        proposals = model_proposals(backend, problem.ir, params)
        return ProposalsFirst(space=default_space(), seed=seed, proposals=proposals,
                              then=make_optimizer(then, seed=seed))

    return build
