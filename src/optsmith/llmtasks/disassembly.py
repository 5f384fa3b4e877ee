"""Disassembly: the model lifts x86-64 assembly back to LLVM IR.

The input assembly is `llc-22` of the program's `-Oz` IR. Scores, as in the LLM
Compiler paper: the answer parses as IR; its round trip (answer -> `llc-22` -> assembly)
equals the input exactly after normalization; BLEU of the round-trip assembly against
the input (and of the answer IR against the true IR, for reference), by sacrebleu.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from optsmith.llm import prompts
from optsmith.llm.parsers import extract_code
from optsmith.llm.similarity import bleu, bleu_name, normalize_asm, normalize_ir, require_sacrebleu
from optsmith.llmtasks.base import (
    DEFAULT_MAX_PROMPT_CHARS,
    TaskInput,
    headline,
    summarize_rows,
    too_long,
)
from optsmith.llmtasks.code_checks import best_sample
from optsmith.llmtasks.llvm_tools import check_ir, llc_asm, opt_text
from optsmith.llmtasks.units import Unit, program_units
from optsmith.programs.benchmark import Benchmark


class Disassembly:
    name = "disassembly"
    columns = [
        ("name", "program"),
        ("parses", "parses"),
        ("round_trip_exact", "round trip exact"),
        ("round_trip_bleu", "round trip BLEU"),
        ("ir_bleu", "IR BLEU"),
    ]

    def __init__(
        self, *, unit: Unit = "module", max_prompt_chars: int = DEFAULT_MAX_PROMPT_CHARS
    ) -> None:
        require_sacrebleu()  # before any work, not when the first answer is scored
        self.unit: Unit = unit
        self.max_prompt_chars = max_prompt_chars

    def prepare(self, benchmark: Benchmark) -> list[TaskInput]:
        units = program_units(benchmark, "size", self.unit)
        if isinstance(units, str):
            return [TaskInput(benchmark.name, "", skipped=units)]
        return [self._input(unit.name, unit.ir) for unit in units]

    def _input(self, name: str, ir: str) -> TaskInput:
        optimized = opt_text(ir, "default<Oz>")
        asm = llc_asm(optimized.output) if optimized.output is not None else optimized
        if optimized.output is None or asm.output is None:
            return TaskInput(name, "", skipped=f"reference build failed: {asm.error}")
        prompt = prompts.disassembly(asm.output)
        return TaskInput(name, prompt, {"asm": asm.output, "ir": optimized.output},
                         too_long(prompt, self.max_prompt_chars))

    @staticmethod
    def _judge(answer: str, asm: str, true_ir: str) -> dict[str, Any]:
        code = extract_code(answer, kind="ir")
        if code is None:
            return {"parses": False, "round_trip_exact": False, "round_trip_bleu": 0.0,
                    "ir_bleu": 0.0, "error": "no IR in the answer"}
        result: dict[str, Any] = {"ir_bleu": bleu(normalize_ir(code), normalize_ir(true_ir))}
        error = check_ir(code)
        result["parses"] = error is None
        result["error"] = error
        trip = llc_asm(code) if error is None else None
        if trip is None or trip.output is None:
            result.update(round_trip_exact=False, round_trip_bleu=0.0)
            if trip is not None:
                result["error"] = f"llc-22: {trip.error}"
            return result
        mine, theirs = normalize_asm(trip.output), normalize_asm(asm)
        result.update(round_trip_exact=mine == theirs, round_trip_bleu=bleu(mine, theirs))
        return result

    def score(self, item: TaskInput, answers: Sequence[str]) -> dict[str, Any]:
        samples = [self._judge(a, item.reference["asm"], item.reference["ir"]) for a in answers]
        best = best_sample(samples, "round_trip_exact", "parses", "round_trip_bleu")
        row = headline(best, ("parses", "round_trip_exact"), ("round_trip_bleu", "ir_bleu"))
        return {**row, "samples": samples}

    def summarize(self, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
        summary = summarize_rows(
            rows,
            rates={"parse_rate": "parses", "round_trip_exact_rate": "round_trip_exact"},
            means={"mean_round_trip_bleu": "round_trip_bleu", "mean_ir_bleu": "ir_bleu"},
        )
        return {**summary, "bleu_metric": bleu_name()}
