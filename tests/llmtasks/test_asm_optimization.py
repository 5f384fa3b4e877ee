"""SuperCoder's task over HTTP: the model's assembly judged by the assembly harness."""

from __future__ import annotations

from pathlib import Path

import pytest

from asm_samples import SUM_C, write_problem
from optsmith.asm.evaluate import EvalSettings
from optsmith.asm.problems import load_problem_dir
from optsmith.llm.backend import GenerationParams
from optsmith.llm.openai_http import HttpSettings, ModelServerFailing, OpenAIHttpBackend
from optsmith.llmtasks.asm_optimization import run_asm_optimization
from scripted_model import serve

QUICK = EvalSettings(repeats=1, select_repeats=1, warmup=0)


def _baseline_from_prompt(prompt: str) -> str:
    body = prompt.split("Assembly Code:\n\n```assembly\n", 1)[1].split("\n```", 1)[0]
    return f"```assembly\n{body}\n```"


def test_model_assembly_is_judged_and_garbage_fails(tmp_path: Path) -> None:
    problem = load_problem_dir(write_problem(tmp_path, "sum", SUM_C, ["1 2 3\n", "5\n", "7 8\n"]))
    answers = [
        lambda p: _baseline_from_prompt(p),  # sample 0: gcc -O3's own assembly: correct
        # assembles and exits 0, prints nothing: wrong output
        lambda p: "```asm\n\t.text\n\t.globl main\nmain:\n\txorl %eax, %eax\n\tret\n```",
        lambda p: "Sorry, I can't help with assembly.",  # no code at all
    ]
    pending = list(answers)

    def answer(prompt: str) -> str:
        return pending.pop(0)(prompt)

    with serve(answer) as (url, _):
        backend = OpenAIHttpBackend(url, settings=HttpSettings(timeout_s=30, retries=0,
                                                                concurrency=1))
        report = run_asm_optimization(backend, [problem], GenerationParams(n=3),
                                      settings=QUICK)
    row = report.rows[0]
    assert row["passed"] is True and row["correct_samples"] == 1
    statuses = sorted(c["status"] for c in row["candidates"])
    assert statuses == ["compile_error", "correct", "wrong_output"]
    assert row["speedup"] is not None and row["speedup"] > 0
    assert report.summary["pass_rate"] == 1.0


def test_a_server_that_keeps_failing_stops_the_run(tmp_path: Path) -> None:
    problems = [
        load_problem_dir(write_problem(tmp_path, f"sum{i}", SUM_C, ["1 2\n", "3\n"]))
        for i in range(4)
    ]
    settings = HttpSettings(timeout_s=30, retries=0, concurrency=1, max_consecutive_failures=2)
    finished: list[int] = []
    with serve(lambda p: "never") as (url, model):
        model.faults = [503] * 10
        backend = OpenAIHttpBackend(url, settings=settings)
        with pytest.raises(ModelServerFailing, match="failed 2 requests in a row"):
            run_asm_optimization(backend, problems, GenerationParams(), settings=QUICK,
                                 advance=lambda: finished.append(1))
    assert len(model.requests) == 2 and len(finished) == 2  # problems 3 and 4: not started
