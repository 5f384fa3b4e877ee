"""Flag-tuning rows in the LLM Compiler format, labelled by our validated search results.

For each program: search (`run_suite`, resumable from the store) for the smallest object
under the `text-size` objective; keep the result only when its pipeline was rebuilt and
passed the program's tests (a program that cannot be validated gives no row); drop the
passes that do nothing (`search.minimize`, re-validated); write the
prompt (`[INST] Tell me how to optimize this LLVM-IR for object file size ...`) and the
answer (pass list, instruction counts and sizes before and after, the optimized IR).

With `unit="function"` each defined function of the program (`programs.units`,
llvm-extract) becomes a row of its own, for models whose context holds a function but not
a program (a Csmith program's IR is 40-300k characters, its functions 1-90k): the prompt
is the function's module, the label is the program's validated pipeline and the counts
are measured on that module. A function on which the label is worse than -Oz gives no row
(the label would teach a loss), nor does one whose IR an earlier row already holds (the
Csmith runtime's `safe_*` helpers recur in every program).
"""

from __future__ import annotations

import hashlib
import re
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
from optsmith.programs.units import CodeUnit, Unit, check_unit, split_units
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


def _unit_counts(evaluator: Evaluator, key: str, unit: CodeUnit, pipeline: str,
                 want: tuple[str, ...]) -> tuple[dict[str, int], str]:
    """Instruction count and .text bytes of one function's module after `pipeline`
    (and the optimized IR when `want` asks for it); raises OptsmithError when it fails."""
    reply = evaluator.pool.evaluate(
        EvalRequest(key, unit.ir, pipeline, want, unit.name, OBJECTIVE.reloc))
    if not reply.ok:
        raise OptsmithError(f"{unit.name}: {pipeline or 'no passes'} failed: {reply.why()}")
    counts = {"instcount": reply.expect_instcount(), "text": reply.expect_text_size()}
    return counts, reply.expect_ir() if "ir" in want else ""


_MODULE_NAME = re.compile(r"^(?:; ModuleID = |source_filename = ).*$", re.M)


def unit_id(unit: CodeUnit) -> str:
    """A function row's id: the hash of its IR less the module's name lines, so the same
    function met again in another program is the same row."""
    text = _MODULE_NAME.sub("", unit.ir)
    return f"{FORMAT}:fn:{hashlib.sha256(text.encode()).hexdigest()[:24]}"


def make_unit_row(evaluator: Evaluator, problem: Problem, unit: CodeUnit, pipeline: str,
                  suite: str) -> dict[str, Any] | None:
    """The row of one function of `problem` labelled with the program's validated
    `pipeline`; None when that pipeline is worse than -Oz on this function."""
    key = f"{problem.key}:{unit.function}"
    sizes = ("instcount", "sizes")
    before, _ = _unit_counts(evaluator, key, unit, "", sizes)
    oz, _ = _unit_counts(evaluator, key, unit, OBJECTIVE.baseline_pipeline, sizes)
    after, opt_ir = _unit_counts(evaluator, key, unit, pipeline, (*sizes, "ir"))
    if after["text"] > oz["text"]:
        return None
    passes = _answer_passes(pipeline)
    answer = prompts.FLAG_TUNING_ANSWER.format(
        passes=passes, ir_count=before["instcount"], opt_count=after["instcount"],
        bin_size=before["text"], opt_bin_size=after["text"], opt_ir=opt_ir,
    )
    return {
        "id": unit_id(unit),
        "format": FORMAT,
        "unit": "function",
        "function": unit.function,
        "program": problem.benchmark.name,
        "program_hash": problem.benchmark.content_hash,
        "suite": suite,
        "prompt": prompts.flag_tuning(unit.ir),
        "answer": answer,
        "pipeline": pipeline,
        "passes": passes,
        "instcount": before["instcount"],
        "opt_instcount": after["instcount"],
        "text_size": before["text"],
        "opt_text_size": after["text"],
        "oz_text_size": oz["text"],
        "reduction_vs_oz": 1.0 - after["text"] / oz["text"] if oz["text"] else 0.0,
        "validated": True,  # the pipeline passed the whole program's tests
        "toolchain": evaluator.toolchain,
    }


def _add_unit_rows(evaluator: Evaluator, problem: Problem, pipeline: str, suite: str,
                   writer: DatasetWriter, counts: dict[str, int]) -> int:
    """One row per function of the program that the label does not make worse than -Oz."""
    added = 0
    for unit in split_units(problem.benchmark.name, problem.ir, "function"):
        if writer.has(unit_id(unit)):
            counts["unit_duplicates"] += 1
            continue
        try:
            row = make_unit_row(evaluator, problem, unit, pipeline, suite)
        except OptsmithError:
            counts["unit_failures"] += 1
            continue
        if row is None:
            counts["units_worse_than_oz"] += 1
            continue
        writer.add(row)
        added += 1
    return added


def _done(writer: DatasetWriter, benchmark: Benchmark, unit: Unit) -> bool:
    if unit == "module":
        return writer.has(f"{FORMAT}:{benchmark.content_hash}")
    return any(row.get("program_hash") == benchmark.content_hash for row in writer.rows)


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
    unit: Unit = "module",
    note: Note | None = None,
) -> dict[str, int]:
    """Search each program not yet in `writer` and add a row per validated result (per
    function of it with `unit="function"`)."""
    unit = check_unit(unit)
    counts = {"rows": 0, "resumed": 0, "unvalidated": 0, "failed": 0}
    if unit == "function":
        counts.update(unit_duplicates=0, unit_failures=0, units_worse_than_oz=0)
    for benchmark in benchmarks:
        if _done(writer, benchmark, unit):
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
            if unit == "module":
                writer.add(make_row(evaluator, problem, label, suite))
                added = 1
            else:
                added = _add_unit_rows(evaluator, problem, label, suite, writer, counts)
        except OptsmithError as exc:
            counts["failed"] += 1
            if note:
                note(f"{benchmark.name}: {exc}")
            continue
        counts["rows"] += added
        if note:
            rows = f" ({added} function rows)" if unit == "function" else ""
            note(f"{benchmark.name}: {result.reduction:+.1%} vs -Oz{rows}")
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


__all__ = ["FORMAT", "build_llm_compiler", "check_row", "make_row", "make_unit_row"]
