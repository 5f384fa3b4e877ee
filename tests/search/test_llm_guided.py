"""Model-seeded search: the model's pipelines are measured first and seed the search; answers
that do not parse cost no compilation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from optsmith.cli import app
from optsmith.llm.backend import GenerationParams
from optsmith.llm.openai_http import HttpSettings, OpenAIHttpBackend
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.programs.builtin_suite import builtin_benchmark
from optsmith.search.budget import Budget
from optsmith.search.coreset import load_coreset
from optsmith.search.driver import run_search
from optsmith.search.evaluator import Evaluator
from optsmith.search.llm_guided import llm_guided
from optsmith.search.registry import make_optimizer
from optsmith.store import Store
from sample_programs import LOOP_C, make_loop_benchmark, make_tiny_benchmark
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
    with serve(lambda p: f"Run passes `{GOOD}`") as (url, model):
        out = CliRunner().invoke(app, [
            "optimize", str(source), "--optimizer", "llm-mcts", "--model", url,
            "--llm-samples", "1", "--budget", "4", "--store", str(tmp_path / "s.sqlite"),
            "--json", "-",
        ])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["optimizer"] == "llm-mcts" and len(model.requests) == 1
    stray = CliRunner().invoke(app, ["optimize", str(source), "--model", url])
    assert stray.exit_code == 2 and "llm or llm-mcts only" in stray.output


def _coreset_model(body: dict[str, Any]) -> str:
    """A good model: sample i (its request's seed) names the i-th pipeline of the coreset."""
    return f"Run passes `{CORESET[body['seed'] % SAMPLES]}` for a smaller binary."


CORESET = load_coreset()["pipelines"]
SAMPLES = 4  # one first batch of the driver with two workers


def test_a_good_model_seeds_the_search(pool: EnginePool) -> None:
    """Its best proposal is reached in the first batch; the seeded search ends no worse."""
    evaluator = Evaluator(pool)
    budget = Budget(compilations=40)
    with serve(by_body=_coreset_model) as (url, model):
        backend = OpenAIHttpBackend(url, settings=SETTINGS)
        for bench in (make_loop_benchmark(), make_tiny_benchmark(), builtin_benchmark("crc32")):
            problem = evaluator.prepare(bench, get_objective("ir-instcount"))
            for base in ("hybrid", "evolution", "mcts"):
                seeded = llm_guided(backend, GenerationParams(n=SAMPLES, seed=0), base=base)
                optimizer = seeded(problem)
                result = run_search(problem, optimizer, budget, evaluator)
                plain = run_search(problem, make_optimizer(base), budget, evaluator)
                values = [v for v in optimizer.model_values.values() if v is not None]
                assert len(optimizer.model_values) == SAMPLES and values
                assert result.history[SAMPLES - 1] <= min(values) < result.baseline
                assert result.best_value <= plain.best_value, (bench.name, base)
                assert result.optimizer == {"hybrid": "llm", "mcts": "llm-mcts"}.get(
                    base, f"llm-{base}")
    assert len(model.requests) == 3 * 3 * SAMPLES


@pytest.mark.parametrize("base", ["hybrid", "evolution", "mcts"])
def test_a_useless_model_costs_no_compilation(pool: EnginePool, base: str) -> None:
    """Answers that do not parse are never measured: the search is the plain one, exactly."""
    evaluator = Evaluator(pool)
    problem = evaluator.prepare(make_loop_benchmark(), get_objective("ir-instcount"))
    budget = Budget(compilations=16)
    with serve(lambda p: "As an AI model, I cannot optimize code.") as (url, _):
        backend = OpenAIHttpBackend(url, settings=SETTINGS)
        optimizer = llm_guided(backend, GenerationParams(n=3), base=base, seed=5)(problem)
        result = run_search(problem, optimizer, budget, evaluator)
    plain = run_search(problem, make_optimizer(base, seed=5), budget, evaluator)
    assert optimizer.answers is not None and len(optimizer.answers.invalid) == 3
    assert optimizer.model_values == {} and result.compilations == 16
    assert result.history == plain.history and result.best_pipeline == plain.best_pipeline
