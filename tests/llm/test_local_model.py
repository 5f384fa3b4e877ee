"""Every task end to end against a real language model over real HTTP.

SmolLM2-135M answers compiler questions badly, which is the point: the harness must turn
whatever it says into rows, scores and reasons, never into a crash.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from asm_samples import SUM_C, write_problem
from optsmith.agent.tools import TOOL_SPECS
from optsmith.asm.evaluate import EvalSettings
from optsmith.asm.problems import load_problem_dir
from optsmith.errors import ModelError
from optsmith.llm.backend import GenerationParams
from optsmith.llm.llama_cpp_backend import LlamaCppBackend
from optsmith.llm.local_server import bundled_model
from optsmith.llm.openai_http import HttpSettings, OpenAIHttpBackend
from optsmith.llm.resolve import open_backend, open_chat_model
from optsmith.llmtasks.asm_optimization import run_asm_optimization
from optsmith.llmtasks.runner import make_task, run_task
from optsmith.llvm.pool import EnginePool
from optsmith.search.evaluator import Evaluator
from optsmith.store import Store
from sample_programs import make_tiny_benchmark

PARAMS = GenerationParams(max_tokens=96, temperature=0.0, seed=0)
SETTINGS = HttpSettings(timeout_s=240, retries=1, concurrency=2)


def test_the_real_model_answers_over_http(local_model_url: str) -> None:
    backend = open_backend(local_model_url, settings=SETTINGS)
    assert isinstance(backend, OpenAIHttpBackend)
    out = backend.generate(["[INST] Name one LLVM pass. [/INST]", "int main() {"],
                           GenerationParams(max_tokens=24, n=2, temperature=0.7, seed=3))
    backend.close()
    assert len(out) == 2 and all(len(g.texts) == 2 and not g.errors for g in out)
    assert any(text.strip() for g in out for text in g.texts)  # it does say something


@pytest.mark.parametrize("task_name", ["flag-tuning", "emulation", "emulation-asm",
                                       "disassembly"])
def test_llvm_tasks_end_to_end(
    local_model_url: str, pool: EnginePool, tmp_path: Path, task_name: str
) -> None:
    evaluator = Evaluator(pool, Store(tmp_path / "s.sqlite"))
    task = make_task(task_name, evaluator, max_prompt_chars=9_000)
    backend = OpenAIHttpBackend(local_model_url, settings=SETTINGS)
    report = run_task(task, backend, [make_tiny_benchmark()], PARAMS)
    (row,) = report.rows
    assert not row.get("skipped"), row.get("skipped")
    assert row["answered"] is True and row["answers"] and row["prompt_chars"] > 100
    assert report.summary["scored"] == 1
    for key, value in report.summary.items():
        if key.endswith(("rate", "bleu")) and value is not None:
            assert 0.0 <= value <= 1.0, (key, value)
    if task_name == "flag-tuning":
        # whatever it said, the backup never does worse than -Oz
        assert row["reduction_backup"] >= 0.0 and row["valid"] in (0, 1)
        assert row["valid"] == 1 or row["error"]


def test_asm_optimization_end_to_end(local_model_url: str, tmp_path: Path) -> None:
    problem = load_problem_dir(write_problem(tmp_path, "sum", SUM_C, ["1 2 3\n", "4\n"]))
    backend = OpenAIHttpBackend(local_model_url, settings=SETTINGS)
    report = run_asm_optimization(backend, [problem], GenerationParams(max_tokens=160),
                                  settings=EvalSettings(repeats=1, select_repeats=1, warmup=0))
    (row,) = report.rows
    assert row["answers"] and len(row["candidates"]) == 1
    # a wrong answer is a failure with a reason, never a speedup
    assert row["passed"] is (row["correct_samples"] == 1)
    assert row["speedup"] is None or row["passed"]


def test_llama_cpp_in_process_backend() -> None:
    backend = LlamaCppBackend(bundled_model(), n_ctx=256, threads=2)
    short, too_long = backend.generate(
        ["[INST] Say hello. [/INST]", "word " * 2000], GenerationParams(max_tokens=16)
    )
    backend.close()
    assert short.texts and not short.errors
    assert not too_long.texts and "llama.cpp" in too_long.errors[0]


def test_llama_cpp_chat_tells_smollm2_the_tools() -> None:
    """SmolLM2's template has no place for tools: they go into the system message, so the
    same conversation is longer with them; a tool-call turn with null content renders."""
    backend = open_chat_model(str(bundled_model()), n_ctx=2048)
    assert isinstance(backend, LlamaCppBackend)
    messages = [{"role": "system", "content": "Optimize."}, {"role": "user", "content": "Go."},
                {"role": "assistant", "content": None, "tool_calls": []},
                {"role": "tool", "tool_call_id": "a", "content": "{}"}]
    params = GenerationParams(max_tokens=4, temperature=0.0, seed=0)
    message, with_tools = backend.chat(messages, tools=TOOL_SPECS, params=params)
    _, without = backend.chat(messages, tools=[], params=params)
    assert message["role"] == "assistant" and isinstance(message["content"], str)
    assert with_tools["prompt_tokens"] > without["prompt_tokens"] + 200
    with pytest.raises(ModelError, match="llama.cpp"):
        backend.chat([{"role": "user", "content": "word " * 3000}], tools=TOOL_SPECS,
                      params=params)
    backend.close()
