"""The tool-calling agent against a scripted chat model: real measurements, exact counts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from optsmith.agent import AgentSettings, run_agent
from optsmith.cli import app
from optsmith.llm.openai_http import HttpSettings, OpenAIHttpBackend
from optsmith.llvm.passes import parse_pipeline, render_pipeline
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.search.coreset import load_coreset
from optsmith.search.evaluator import Evaluator, Problem
from optsmith.store import Store
from sample_programs import LOOP_C, make_loop_benchmark
from scripted_model import ToolScript, serve, tool_call

# pipelines of the shipped coreset: on loop.c 65, 76 and 65 IR instructions against -Oz's 84
GOOD, THIRD, OTHER = load_coreset()["pipelines"][:3]
SETTINGS = HttpSettings(timeout_s=30, retries=0)


@pytest.fixture()
def problem(pool: EnginePool, tmp_path: Path) -> tuple[Evaluator, Problem]:
    evaluator = Evaluator(pool, Store(tmp_path / "s.sqlite"))
    return evaluator, evaluator.prepare(make_loop_benchmark(), get_objective("ir-instcount"))


def _run(script: ToolScript, evaluator: Evaluator, problem: Problem, **limits: Any) -> Any:
    settings = AgentSettings(**{"max_compilations": 5, **limits})
    with serve(chat=script) as (url, _):
        model = OpenAIHttpBackend(url, api="chat", settings=SETTINGS)
        return run_agent(problem, evaluator, model, settings)


def _answers(script: ToolScript, turn: int) -> list[dict[str, Any]]:
    """The tool answers the model got back after its reply number `turn` (from 1)."""
    messages = script.bodies[turn]["messages"]
    return [json.loads(m["content"]) for m in messages if m["role"] == "tool"]


def test_tools_answer_real_measurements(problem: tuple[Evaluator, Problem]) -> None:
    evaluator, prob = problem
    script = ToolScript([
        [tool_call("read_features", {}), tool_call("describe_pass", {"name": "gvn"}),
         tool_call("try_pipeline", {"pipeline": GOOD})],
        [tool_call("try_pipeline", {"pipeline": GOOD}), tool_call("show_best", {})],
        [tool_call("finish", {})],
    ])
    result = _run(script, evaluator, prob)
    assert len(script.bodies) == 3 and result.turns == 3 and result.stop_reason == "finish"
    assert script.bodies[0]["tools"][0]["function"]["name"] == "read_features"
    features, describe, tried = _answers(script, 1)
    # the figures are the engine's: the same count the search's evaluator measures
    (plain,) = Evaluator(evaluator.pool).evaluate_pipelines(prob, [tuple(parse_pipeline(GOOD))])
    assert tried["ir_instructions"] == tried["value"] == plain.value
    assert tried["oz_ir_instructions"] == result.oz["ir_instructions"]
    assert tried["tests"] == "passed" and tried["text_bytes"] > 0
    assert features["instructions"] == result.unoptimized["ir_instructions"]
    assert len(features["autophase"]) == 56 and features["opcodes"]["Alloca"] > 0
    assert describe == {"name": "gvn", "runs_on": "function",
                        "description": describe["description"]} and describe["description"]
    repeat, best = _answers(script, 2)[-2:]
    assert "repeat" in repeat and repeat["compilations_left"] == 4
    assert best["best_pipeline"] == render_pipeline(parse_pipeline(GOOD))
    # one compilation, counted everywhere; the answer validated and never worse than -Oz
    assert result.compilations == 1 and len(result.search.history) == 1
    assert result.engine_requests == {"reference": 2, "features": 1, "trials": 1,
                                      "validation": 0}
    search = result.search
    assert search.best_value == plain.value <= search.baseline and search.validated is True
    assert evaluator.validate(prob, search.best_pipeline)[0] is True


def test_budget_is_enforced(problem: tuple[Evaluator, Problem]) -> None:
    evaluator, prob = problem
    script = ToolScript([[tool_call("try_pipeline", {"pipeline": p})
                          for p in (GOOD, OTHER, THIRD)], [tool_call("finish", {})]])
    result = _run(script, evaluator, prob, max_compilations=2)
    assert result.stop_reason == "budget" and len(script.bodies) == 1
    assert result.compilations == 2 == result.engine_requests["trials"]
    assert [t["pipeline"] for t in result.trials] == [
        render_pipeline(parse_pipeline(p)) for p in (GOOD, OTHER)
    ]
    assert result.tool_errors == 1 and result.malformed_calls == 0
    assert result.search.validated is True and result.search.best_value <= result.search.baseline


def test_malformed_calls_are_answered_not_raised(problem: tuple[Evaluator, Problem]) -> None:
    evaluator, prob = problem
    script = ToolScript([
        [tool_call("compile_everything", {}),
         tool_call("try_pipeline", "{not json"),
         tool_call("try_pipeline", {}),
         tool_call("try_pipeline", "[1, 2]"),
         {"id": "broken", "type": "function"},
         tool_call("describe_pass", {"name": "gvnn"}),
         tool_call("try_pipeline", {"pipeline": "sroa,notapass"})],
        "I am done.",
    ])
    result = _run(script, evaluator, prob)
    answers = _answers(script, 1)
    assert len(answers) == 7 and all("error" in a for a in answers)
    assert "unknown tool 'compile_everything'" in answers[0]["error"]
    assert "not JSON" in answers[1]["error"]
    assert "needs the argument 'pipeline'" in answers[2]["error"]
    assert "JSON object" in answers[3]["error"] and "unknown tool ''" in answers[4]["error"]
    assert "gvn" in answers[5]["error"] and "notapass" in answers[6]["error"]
    ids = [m["tool_call_id"] for m in script.bodies[1]["messages"] if m["role"] == "tool"]
    assert ids[4] == "broken" and len(set(ids)) == 7
    assert result.malformed_calls == 5 and result.tool_errors == 7 and result.turns == 2
    assert result.stop_reason == "answer" and result.compilations == 0
    search = result.search  # nothing tried: -Oz itself, validated
    assert search.best_pipeline == "default<Oz>" and search.best_value == search.baseline
    assert search.validated is True and result.engine_requests["validation"] == 1


def test_turns_are_limited_and_plain_answers_tried(problem: tuple[Evaluator, Problem]) -> None:
    evaluator, prob = problem
    script = ToolScript([[tool_call("show_best", {})]] * 5)
    result = _run(script, evaluator, prob, max_turns=3)
    assert result.turns == 3 == len(script.bodies) and result.stop_reason == "turns"
    script = ToolScript([f"Run passes `{GOOD}` to shrink it."])
    result = _run(script, evaluator, prob)
    assert result.stop_reason == "answer" and result.compilations == 1
    assert result.search.best_pipeline == render_pipeline(parse_pipeline(GOOD))


def test_calls_written_in_the_text_are_run(problem: tuple[Evaluator, Problem]) -> None:
    """How a local model calls (its chat template has no tools): Hermes' `<tool_call>` tags
    in the content, which the loop runs as calls; a broken one is answered as malformed."""
    evaluator, prob = problem
    call = json.dumps({"name": "try_pipeline", "arguments": {"pipeline": GOOD}})
    script = ToolScript([f"Trying it.\n<tool_call>\n{call}\n</tool_call>\n"
                         "<tool_call>{not json}</tool_call>",
                         '<tool_call>{"name": "finish", "parameters": {}}</tool_call>'])
    result = _run(script, evaluator, prob)
    assert result.turns == 2 and result.tool_calls == 3 and result.stop_reason == "finish"
    tried, broken = _answers(script, 1)
    assert tried["ir_instructions"] > 0 and tried["tests"] == "passed"
    assert "error" in broken and result.malformed_calls == 1
    assert result.compilations == 1
    assert result.search.best_pipeline == render_pipeline(parse_pipeline(GOOD))


def test_cli_agent(tmp_path: Path) -> None:
    source = tmp_path / "loop.c"
    source.write_text(LOOP_C)
    (tmp_path / "loop.args").write_text("100\n")
    script = ToolScript([[tool_call("try_pipeline", {"pipeline": GOOD})],
                         [tool_call("finish", {"pipeline": OTHER})]])
    with serve(chat=script) as (url, _):
        out = CliRunner().invoke(app, [
            "agent", str(source), "--model", url, "--max-compilations", "3",
            "--store", str(tmp_path / "s.sqlite"), "--json", "-",
        ])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.stdout)
    assert payload["search"]["compilations"] == 2 and payload["stop_reason"] == "finish"
    assert payload["search"]["validated"] is True and len(payload["trials"]) == 2
    assert payload["transcript"][1]["calls"][0]["name"] == "finish"
    for bad, why in ((["--model", "model.gguf"], "OpenAI-compatible"),
                     (["--model", url, "--max-compilations", "0"], "at least 1")):
        failed = CliRunner().invoke(app, ["agent", str(source), *bad])
        assert failed.exit_code == 2 and why in failed.output


def test_tools_in_prompt_reach_a_server_whose_template_drops_them(tmp_path: Path) -> None:
    """--tools-in-prompt: the request carries no tools=, its system message describes them
    in the Hermes format, tool answers come back as <tool_response> user turns, and the
    calls the model writes into its text are run and counted like parsed ones."""
    source = tmp_path / "loop.c"
    source.write_text(LOOP_C)
    written = json.dumps({"name": "try_pipeline", "arguments": {"pipeline": GOOD}})
    script = ToolScript([f"I will try one.\n<tool_call>\n{written}\n</tool_call>",
                         '<tool_call>{"name": "finish", "arguments": {}}</tool_call>'])
    with serve(chat=script) as (url, _):
        out = CliRunner().invoke(app, [
            "agent", str(source), "--model", url, "--max-compilations", "3",
            "--tools-in-prompt", "--store", str(tmp_path / "s.sqlite"), "--json", "-",
        ])
    assert out.exit_code == 0, out.output
    first, second = script.bodies
    assert "tools" not in first and "tools" not in second
    system = first["messages"][0]
    assert system["role"] == "system" and "<tools>" in system["content"]
    assert '"name": "try_pipeline"' in system["content"]
    roles = [m["role"] for m in second["messages"]]
    assert "tool" not in roles and roles[-1] == "user"
    response = second["messages"][-1]["content"]
    assert response.startswith("<tool_response>") and response.endswith("</tool_response>")
    tried = json.loads(response.removeprefix("<tool_response>").removesuffix("</tool_response>"))
    assert tried["tests"] == "passed" and tried["value"] < tried["oz_ir_instructions"]
    payload = json.loads(out.stdout)
    assert payload["search"]["compilations"] == 1 and payload["stop_reason"] == "finish"
    assert payload["search"]["best_pipeline"] == render_pipeline(parse_pipeline(GOOD))
    assert payload["search"]["validated"] is True
