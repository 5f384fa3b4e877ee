"""Pass-list minimization: drop every pass whose removal does not make the result worse.

Random and evolutionary searches return long pipelines full of passes that do nothing
for this program. A label for a data set (or a pipeline a person reads) should carry only
the passes that matter, as LLM Compiler's training labels did. One sweep from the end
(later passes depend on earlier ones less often) costs at most one compilation per pass,
answered from the store when measured before.
"""

from __future__ import annotations

from optsmith.llvm.passes import parse_pipeline
from optsmith.search.evaluator import Evaluator, Problem, render


def minimize_pipeline(evaluator: Evaluator, problem: Problem, text: str) -> tuple[str, float]:
    """The shortest pipeline found by one-at-a-time removal whose value is <= `text`'s."""
    passes = parse_pipeline(text)
    (start,) = evaluator.evaluate_texts(problem, [text])
    if start.value is None:
        return text, float("nan")
    best = start.value
    index = len(passes) - 1
    while index >= 0 and len(passes) > 1:
        trial = passes[:index] + passes[index + 1 :]
        (outcome,) = evaluator.evaluate_pipelines(problem, [tuple(trial)])
        if outcome.value is not None and outcome.value <= best:
            passes, best = trial, outcome.value
        index -= 1
    return render(tuple(passes)), best
