"""Flag tuning: the model names a pass list for object size; we run it and judge it.

Scored as in the LLM Compiler paper: the share of valid answers, object .text size and
IR instruction count against `-Oz`, with and without the "-Oz backup" (keep the better of
the model's pipeline and -Oz), and the share of the autotuning potential reached (our
best *validated* search result for the same program, from the store). With n samples the
best valid sample counts (pass@n). The chosen pipeline is rebuilt and run against the
program's tests; one that fails them is a failure, and the backup falls back to -Oz.

With `unit="function"` the model sees one function at a time (`llmtasks.units`) and its
pipeline is measured on that function's module; correctness is still proved on the whole
program, built with the same pipeline. The autotuning potential is a whole-program
figure, so it is reported for module units only.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import geometric_mean
from typing import Any

from optsmith.errors import OptsmithError
from optsmith.llm import prompts
from optsmith.llm.parsers import parse_pass_list
from optsmith.llmtasks.base import DEFAULT_MAX_PROMPT_CHARS, TaskInput, share, too_long
from optsmith.llmtasks.units import Unit, split_units
from optsmith.llvm.protocol import EvalRequest
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark
from optsmith.search.evaluator import Evaluator, Problem

OBJECTIVE = get_objective("text-size")


def _reduction(value: float | None, baseline: float) -> float | None:
    return None if value is None or not baseline else 1.0 - value / baseline


class FlagTuning:
    name = "flag-tuning"
    columns = [
        ("name", "program"),
        ("size_oz", "-Oz B"),
        ("size", "model B"),
        ("reduction", "vs -Oz"),
        ("reduction_backup", "+backup"),
        ("instcount_reduction", "IR vs -Oz"),
        ("validated", "tests"),
        ("potential", "autotune%"),
    ]

    def __init__(
        self,
        evaluator: Evaluator,
        *,
        unit: Unit = "module",
        max_prompt_chars: int = DEFAULT_MAX_PROMPT_CHARS,
    ) -> None:
        self.evaluator = evaluator
        self.unit: Unit = unit
        self.max_prompt_chars = max_prompt_chars
        self._inputs: dict[str, tuple[Problem, str, str]] = {}  # name -> problem, key, unit IR

    def prepare(self, benchmark: Benchmark) -> list[TaskInput]:
        try:
            problem = self.evaluator.prepare(benchmark, OBJECTIVE)
            units = split_units(benchmark.name, problem.ir, self.unit)
        except OptsmithError as exc:
            return [TaskInput(benchmark.name, "", skipped=f"cannot prepare: {exc}")]
        inputs = []
        for unit in units:
            key = problem.key if unit.function is None else f"{problem.key}:{unit.function}"
            self._inputs[unit.name] = (problem, key, unit.ir)
            prompt = prompts.flag_tuning(unit.ir)
            inputs.append(TaskInput(unit.name, prompt,
                                    skipped=too_long(prompt, self.max_prompt_chars)))
        return inputs

    def problem(self, name: str) -> Problem:
        """The whole program behind input `name` (a function unit's too): what validates."""
        return self._inputs[name][0]

    def measure(self, name: str, text: str) -> tuple[dict[str, Any] | None, str | None]:
        """`size` (.text bytes) and `instcount` of input `name` after pipeline `text`, or
        why the engine failed; shared by `score` and the RL rewards (`optsmith.train`)."""
        problem, key, ir = self._inputs[name]
        reply = self.evaluator.pool.evaluate(
            EvalRequest(key, ir, text, ("instcount", "sizes"), name, OBJECTIVE.reloc)
        )
        if not reply.ok:
            return None, reply.why()
        return {"size": reply.expect_text_size(), "instcount": reply.expect_instcount()}, None

    def _autotune(self, problem: Problem) -> tuple[str, float] | None:
        store = self.evaluator.store
        if store is None or self.unit != "module":
            return None
        return store.best_validated(
            problem.benchmark.content_hash, OBJECTIVE.name, self.evaluator.toolchain
        )

    def score(self, item: TaskInput, answers: Sequence[str]) -> dict[str, Any]:
        problem = self._inputs[item.name][0]
        oz, oz_error = self.measure(item.name, OBJECTIVE.baseline_pipeline)
        if oz is None:
            return {"error": f"-Oz failed: {oz_error}"}
        samples: list[dict[str, Any]] = []
        for answer in answers:
            parsed = parse_pass_list(answer)
            sample: dict[str, Any] = {"pipeline": parsed.text, "error": parsed.error}
            if parsed.text is not None:
                measured, error = self.measure(item.name, parsed.text)
                sample.update(measured or {"error": error})
            samples.append(sample)
        valid = [s for s in samples if "size" in s]
        row: dict[str, Any] = {
            "size_oz": oz["size"],
            "instcount_oz": oz["instcount"],
            "valid": len(valid),
            "valid_rate": len(valid) / len(samples) if samples else 0.0,
            "samples": samples,
            "error": next((s["error"] for s in samples if s.get("error")), None),
        }
        best = min(valid, key=lambda s: (s["size"], s["instcount"])) if valid else None
        validated: bool | None = None
        if best is not None:
            passed, detail = self.evaluator.validate(problem, best["pipeline"])
            validated = passed
            row.update(
                pipeline=best["pipeline"],
                size=best["size"],
                instcount=best["instcount"],
                validation=detail,
            )
            if passed is False:
                best = None  # a miscompiling answer is a failure, not a size
        row["validated"] = validated
        size = best["size"] if best else None
        row["reduction"] = _reduction(size, oz["size"])
        row["instcount_reduction"] = _reduction(best["instcount"] if best else None,
                                                oz["instcount"])
        backup = min(size, oz["size"]) if size is not None else oz["size"]
        row["size_backup"] = backup
        row["reduction_backup"] = _reduction(backup, oz["size"])
        auto = self._autotune(problem)
        if auto is not None:
            row["autotune_size"] = auto[1]
            row["autotune_pipeline"] = auto[0]
            gap = oz["size"] - auto[1]
            row["potential"] = (oz["size"] - backup) / gap if gap > 0 else None
        return row

    def summarize(self, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
        scored = [r for r in rows if not r.get("skipped") and "size_oz" in r]
        valid = [r for r in scored if r.get("reduction") is not None]
        summary: dict[str, Any] = {
            "inputs": len(rows),
            "scored": len(scored),
            "valid_answer_rate": share(scored, "valid"),
            "validated_failures": sum(1 for r in scored if r.get("validated") is False),
        }
        if valid:
            summary["geomean_reduction_valid_only"] = 1.0 - 1.0 / geometric_mean(
                [r["size_oz"] / r["size"] for r in valid]
            )
            summary["instcount_geomean_reduction_valid_only"] = 1.0 - 1.0 / geometric_mean(
                [r["instcount_oz"] / r["instcount"] for r in valid if r["instcount"]]
            )
        if scored:
            model = 1.0 - 1.0 / geometric_mean([r["size_oz"] / r["size_backup"] for r in scored])
            summary["geomean_reduction_with_backup"] = model
            tuned = [r for r in scored if "autotune_size" in r]
            if tuned and len(tuned) == len(scored):
                auto = 1.0 - 1.0 / geometric_mean(
                    [r["size_oz"] / min(r["autotune_size"], r["size_oz"]) for r in scored]
                )
                summary["autotune_geomean_reduction"] = auto
                summary["autotune_potential_share"] = model / auto if auto > 0 else None
            summary["autotune_known_for"] = len(tuned)
        return summary
