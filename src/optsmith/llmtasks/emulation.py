"""Compiler emulation: given IR and a pass list, the model writes opt-22's output.

The pass list for each program is drawn from the pass space with a seed taken from the
program's content hash, so a suite always asks the same questions. The reference is
stock `opt-22 -S -passes=...` (and `llc-22` of that for the assembly variant). Scores:
the answer parses, matches the reference exactly after normalization, BLEU similarity
(sacrebleu, see `optsmith.llm.similarity`); with n samples the best sample counts.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from optsmith.errors import OptionError
from optsmith.llm import prompts
from optsmith.llm.similarity import bleu_name, require_sacrebleu
from optsmith.llmtasks.base import (
    DEFAULT_MAX_PROMPT_CHARS,
    TaskInput,
    headline,
    summarize_rows,
    too_long,
)
from optsmith.llmtasks.code_checks import best_sample, judge_against
from optsmith.llmtasks.llvm_tools import llc_asm, opt_text
from optsmith.llmtasks.units import Unit, program_units
from optsmith.llvm.passes import PASS_SPACE, render_pipeline
from optsmith.llvm.protocol import EvalRequest
from optsmith.programs.benchmark import Benchmark
from optsmith.search.executor import Executor


def sample_passes(seed_text: str, low: int = 2, high: int = 6) -> list[str]:
    """A reproducible short pass list for one program."""
    rng = random.Random(seed_text)
    return [rng.choice(PASS_SPACE).name for _ in range(rng.randint(low, high))]


class Emulation:
    def __init__(
        self,
        pool: Executor,
        *,
        target: str = "ir",
        unit: Unit = "module",
        max_prompt_chars: int = DEFAULT_MAX_PROMPT_CHARS,
    ) -> None:
        if target not in ("ir", "asm"):
            raise OptionError(f"target must be 'ir' or 'asm', got {target!r}")
        require_sacrebleu()  # before any work, not when the first answer is scored
        self.pool = pool
        self.target = target
        self.name = "emulation" if target == "ir" else "emulation-asm"
        self.unit: Unit = unit
        self.max_prompt_chars = max_prompt_chars
        self.columns = [
            ("name", "program"),
            ("parses", "parses"),
            ("exact", "exact"),
            ("bleu", "BLEU"),
        ]

    def prepare(self, benchmark: Benchmark) -> list[TaskInput]:
        units = program_units(benchmark, "instcount", self.unit)
        if isinstance(units, str):
            return [TaskInput(benchmark.name, "", skipped=units)]
        passes = render_pipeline(sample_passes(benchmark.content_hash))
        return [self._input(benchmark, unit.name, unit.ir, passes) for unit in units]

    def _input(self, benchmark: Benchmark, name: str, ir: str, passes: str) -> TaskInput:
        reply = self.pool.evaluate(
            EvalRequest(f"{benchmark.content_hash}:instcount:{name}", ir, "",
                        ("instcount", "sizes"), name)
        )
        if not reply.ok:
            return TaskInput(name, "", skipped=f"input IR: {reply.why()}")
        reference = opt_text(ir, passes)
        if reference.output is None:
            return TaskInput(name, "", skipped=f"opt-22 failed: {reference.error}")
        expected = reference.output
        if self.target == "asm":
            asm = llc_asm(expected)
            if asm.output is None:
                return TaskInput(name, "", skipped=f"llc-22 failed: {asm.error}")
            expected = asm.output
        prompt = prompts.emulation(
            ir, passes, reply.expect_instcount(), reply.expect_text_size(), target=self.target
        )
        return TaskInput(name, prompt, {"passes": passes, "expected": expected},
                         too_long(prompt, self.max_prompt_chars))

    def score(self, item: TaskInput, answers: Sequence[str]) -> dict[str, Any]:
        expected = item.reference["expected"]
        samples = [judge_against(a, expected, self.target) for a in answers]
        best = best_sample(samples, "exact", "parses", "bleu")
        row = headline(best, ("parses", "exact"), ("bleu",))
        return {**row, "passes": item.reference["passes"], "samples": samples,
                "expected": expected}

    def summarize(self, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
        summary = summarize_rows(rows, rates={"parse_rate": "parses",
                                              "exact_match_rate": "exact"},
                                 means={"mean_bleu": "bleu"})
        return {**summary, "bleu_metric": bleu_name()}
