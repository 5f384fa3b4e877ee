"""LLM-guided search: the model's pipelines are measured first; garbage costs nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from optsmith.cli import app
from optsmith.llm.backend import GenerationParams
from optsmith.llm.openai_http import HttpSettings, OpenAIHttpBackend
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.search.budget import Budget
from optsmith.search.driver import run_search
from optsmith.search.evaluator import Evaluator
from optsmith.search.llm_guided import llm_guided
from optsmith.store import Store
from sample_programs import LOOP_C, make_loop_benchmark
from scripted_model import serve

GOOD = "sroa,instcombine<no-verify-fixpoint>,simplifycfg,gvn,loop-rotate,licm,adce"
SETTINGS = HttpSettings(timeout_s=30, retries=0)


def test_model_pipelines_come_first_and_count(pool: EnginePool, tmp_path: Path) -> None:
    evaluator = Evaluator(pool, Store(tmp_path / "s.sqlite"))
    problem = evaluator.prepare(make_loop_benchmark(), get_objective("ir-instcount"))
    with serve(lambda p: f"Run passes `{GOOD}`") as (url, model):
        factory = llm_guided(OpenAIHttpBackend(url, settings=SETTINGS),
                             GenerationParams(n=2), base="random")
        optimizer = factory(problem)
        result = run_search(problem, optimizer, Budget(compilations=4), evaluator)
    assert len(model.requests) == 2  # n samples of the flag-tuning prompt
    assert "Tell me how to optimize this LLVM-IR" in model.requests[0]["prompt"]
    assert list(optimizer.model_values) == [tuple(GOOD.split(","))]  # deduplicated
    assert optimizer.model_values[tuple(GOOD.split(","))] is not None
    assert result.best_value <= min(optimizer.model_values.values())  # type: ignore[type-var]
    assert result.validated is not False


def test_garbage_answers_leave_an_ordinary_search(pool: EnginePool, tmp_path: Path) -> None:
    evaluator = Evaluator(pool, Store(tmp_path / "s.sqlite"))
    problem = evaluator.prepare(make_loop_benchmark(), get_objective("ir-instcount"))
    with serve(lambda p: "As an AI model, I love compilers!") as (url, _):
        optimizer = llm_guided(OpenAIHttpBackend(url, settings=SETTINGS),
                               GenerationParams(n=3), base="random")(problem)
        result = run_search(problem, optimizer, Budget(compilations=12), evaluator)
    assert optimizer.model_values == {} and result.compilations == 12
    assert result.best_value <= result.baseline and result.validated is True


def test_cli_optimize_with_a_model(tmp_path: Path) -> None:
    source = tmp_path / "loop.c"
    source.write_text(LOOP_C)
    (tmp_path / "loop.args").write_text("100\n")
    with serve(lambda p: f"Run passes `{GOOD}`") as (url, model):
        out = CliRunner().invoke(app, [
            "optimize", str(source), "--optimizer", "llm", "--model", url, "--llm-samples",
            "2", "--budget", "6", "--store", str(tmp_path / "s.sqlite"), "--json", "-",
        ])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.stdout)
    assert payload["optimizer"] == "llm" and payload["validated"] is True
    assert len(model.requests) == 2
    missing = CliRunner().invoke(app, ["optimize", str(source), "--optimizer", "llm"])
    assert missing.exit_code == 2 and "needs --model" in missing.output
