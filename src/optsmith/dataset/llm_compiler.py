"""Flag-tuning rows in the LLM Compiler format, labelled by our validated search results.

For each program: search (`run_suite`, resumable from the store) for the smallest object
under the `text-size` objective; keep the result only when its pipeline was rebuilt and
passed the program's tests (a program that cannot be validated gives no row); drop the
passes that do nothing (`search.minimize`, re-validated); write the
prompt (`[INST] Tell me how to optimize this LLVM-IR for object file size ...`) and the
answer (pass list, instruction counts and sizes before and after, the optimized IR).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from optsmith.dataset.writer import DatasetWriter
from optsmith.errors import OptsmithError
from optsmith.llm import prompts
from optsmith.llm.parsers import parse_pass_list
from optsmith.llvm.passes import parse_pipeline
from optsmith.llvm.protocol import EvalRequest
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark
from optsmith.search.budget import Budget
from optsmith.search.evaluator import Evaluator, Problem
from optsmith.search.minimize import minimize_pipeline
from optsmith.search.suite_run import run_suite

OBJECTIVE = get_objective("text-size")
FORMAT = "llm-compiler"

Note = Callable[[str], None]


def _answer_passes(pipeline: str) -> str:
    """The pass list as the answer states it: the flat comma list of pass names."""
    return ",".join(parse_pipeline(pipeline))


def make_row(evaluator: Evaluator, problem: Problem, pipeline: str, suite: str) -> dict[str, Any]:
    benchmark = problem.benchmark
    _, _, before = evaluator.object_for(problem, "")
    _, opt_ir, after = evaluator.object_for(problem, pipeline)
    _, _, oz = evaluator.object_for(problem, OBJECTIVE.baseline_pipeline)
    passes = _answer_passes(pipeline)
    answer = prompts.FLAG_TUNING_ANSWER.format(
        passes=passes,
        ir_count=before["instcount"],
        opt_count=after["instcount"],
        bin_size=before["text"],
        opt_bin_size=after["text"],
        opt_ir=opt_ir,
    )
    return {
        "id": f"{FORMAT}:{benchmark.content_hash}",
        "format": FORMAT,
        "program": benchmark.name,
        "suite": suite,
        "prompt": prompts.flag_tuning(problem.ir),
        "answer": answer,
        "pipeline": pipeline,
        "passes": passes,
        "instcount": before["instcount"],
        "opt_instcount": after["instcount"],
        "text_size": before["text"],
        "opt_text_size": after["text"],
        "oz_text_size": oz["text"],
        "reduction_vs_oz": 1.0 - after["text"] / oz["text"] if oz["text"] else 0.0,
        "validated": True,
        "toolchain": evaluator.toolchain,
    }


def _minimal_label(evaluator: Evaluator, problem: Problem, pipeline: str) -> str:
    """The search's pipeline without the passes that do nothing here, if that still passes
    the tests (minimization can expose a miscompile the longer pipeline hid)."""
    if pipeline == OBJECTIVE.baseline_pipeline:
        return pipeline
    shorter, _ = minimize_pipeline(evaluator, problem, pipeline)
    if shorter != pipeline and evaluator.validate(problem, shorter)[0] is True:
        return shorter
    return pipeline


def build_llm_compiler(
    benchmarks: Sequence[Benchmark],
    evaluator: Evaluator,
    writer: DatasetWriter,
    *,
    suite: str,
    optimizer: str,
    budget: Budget,
    seed: int = 0,
    note: Note | None = None,
) -> dict[str, int]:
    """Search each program not yet in `writer` and add a row per validated result."""
    counts = {"rows": 0, "resumed": 0, "unvalidated": 0, "failed": 0}
    for benchmark in benchmarks:
        row_id = f"{FORMAT}:{benchmark.content_hash}"
        if writer.has(row_id):
            counts["resumed"] += 1
            if note:
                note(f"{benchmark.name}: already in the data set")
            continue
        results, failures = run_suite([benchmark], OBJECTIVE, optimizer, budget, evaluator,
                                      seed=seed)
        if failures or not results:
            counts["failed"] += 1
            if note:
                reason = failures[0].error if failures else "no result"
                note(f"{benchmark.name}: search failed: {reason}")
            continue
        result = results[0]
        if result.validated is not True:
            counts["unvalidated"] += 1
            if note:
                note(f"{benchmark.name}: not validated ({result.validation_detail}); no row")
            continue
        try:
            problem = evaluator.prepare(benchmark, OBJECTIVE)
            label = _minimal_label(evaluator, problem, result.best_pipeline)
            writer.add(make_row(evaluator, problem, label, suite))
        except OptsmithError as exc:
            counts["failed"] += 1
            if note:
                note(f"{benchmark.name}: {exc}")
            continue
        counts["rows"] += 1
        if note:
            note(f"{benchmark.name}: {result.reduction:+.1%} vs -Oz")
    return counts


def check_row(row: dict[str, Any], evaluator: Evaluator) -> str | None:
    """Re-derive a row from its own text: None when it holds, else what differs.

    The answer must parse back (with the parser the flag-tuning task uses) to the
    labelled pipeline, and that pipeline run on the prompt's IR must give the row's counts.
    """
    parsed = parse_pass_list(row["answer"])
    if parsed.text is None:
        return f"answer does not parse: {parsed.error}"
    if list(parsed.passes) != parse_pipeline(row["pipeline"]):
        return f"answer parses to {parsed.text!r}, label is {row['pipeline']!r}"
    ir = row["prompt"].split("<code>", 1)[1].rsplit("</code>", 1)[0]
    reply = evaluator.pool.evaluate(
        EvalRequest(f"check:{row['id']}", ir, parsed.text, ("instcount", "sizes"),
                    row["program"], OBJECTIVE.reloc)
    )
    if not reply.ok:
        return f"pipeline fails on the prompt's IR: {reply.why()}"
    got = (reply.expect_instcount(), reply.expect_text_size())
    want = (row["opt_instcount"], row["opt_text_size"])
    return None if got == want else f"re-measured (instcount, text) {got} != row {want}"


__all__ = ["FORMAT", "build_llm_compiler", "check_row", "make_row"]
