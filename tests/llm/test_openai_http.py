"""The HTTP backend against a real local HTTP server: retries, errors, concurrency, chat."""

from __future__ import annotations

import pytest

from optsmith.errors import ModelError, OptionError
from optsmith.llm.backend import GenerationParams
from optsmith.llm.local_server import free_port
from optsmith.llm.openai_http import HttpSettings, OpenAIHttpBackend
from scripted_model import serve

FAST = HttpSettings(timeout_s=10, retries=3, backoff_s=0.01, concurrency=3)


def test_answers_in_prompt_order_with_n_samples() -> None:
    with serve(lambda prompt: prompt.upper()) as (url, model):
        backend = OpenAIHttpBackend(url, settings=FAST)
        assert backend.model == "scripted"
        out = backend.generate(["a", "b", "c", "d"], GenerationParams(n=2, seed=5))
        backend.close()
    assert [g.texts for g in out] == [["A", "A"], ["B", "B"], ["C", "C"], ["D", "D"]]
    assert all(g.completion_tokens == 6 for g in out)
    seeds = sorted(r["seed"] for r in model.requests)
    assert seeds == [5] * 4 + [6] * 4  # one seed per sample index
    assert model.max_in_flight <= 3


def test_transient_failures_are_retried() -> None:
    with serve(lambda prompt: "ok") as (url, model):
        model.faults = [503, "garbage", 429]
        backend = OpenAIHttpBackend(url, settings=FAST)
        out = backend.generate(["x"], GenerationParams())
    assert out[0].texts == ["ok"] and not out[0].errors
    assert len(model.requests) == 4


def test_a_request_that_keeps_failing_costs_one_row() -> None:
    with serve(lambda prompt: "ok") as (url, model):
        model.faults = [500, 500, 500, 500]
        one_at_a_time = HttpSettings(timeout_s=10, retries=3, backoff_s=0.01, concurrency=1)
        backend = OpenAIHttpBackend(url, settings=one_at_a_time)
        out = backend.generate(["x", "y"], GenerationParams())
    failed = [g for g in out if not g.texts]
    assert len(failed) == 1 and "gave up after 4 tries" in failed[0].errors[0]
    assert out[1].texts == ["ok"]


def test_client_errors_are_not_retried() -> None:
    with serve(lambda prompt: "ok") as (url, model):
        model.faults = [400]
        backend = OpenAIHttpBackend(url, settings=FAST)
        out = backend.generate(["x"], GenerationParams())
    assert "HTTP 400" in out[0].errors[0]
    assert len(model.requests) == 1


def test_a_timeout_is_retried_then_reported() -> None:
    with serve(lambda prompt: "late") as (url, model):
        model.faults = ["hang", "hang"]
        settings = HttpSettings(timeout_s=0.5, retries=1, backoff_s=0.01)
        out = OpenAIHttpBackend(url, settings=settings).generate(["x"], GenerationParams())
    assert not out[0].texts and "gave up" in out[0].errors[0]


def test_chat_api_sends_messages() -> None:
    with serve(lambda content: f"[{content}]") as (url, model):
        backend = OpenAIHttpBackend(url, api="chat", settings=FAST)
        out = backend.generate(["[INST] hi [/INST]"], GenerationParams(stop=("\n",)))
    assert out[0].texts == ["[hi]"]
    assert model.requests[0]["messages"][0]["content"] == "hi"
    assert model.requests[0]["stop"] == ["\n"]


def test_a_server_that_is_down_is_a_clear_error_at_once() -> None:
    port = free_port()
    with pytest.raises(ModelError, match="cannot reach the model server.*is it running"):
        OpenAIHttpBackend(f"http://127.0.0.1:{port}", settings=FAST)


def test_bad_settings_are_refused() -> None:
    with pytest.raises(OptionError):
        GenerationParams(n=0)
    with pytest.raises(OptionError):
        HttpSettings(concurrency=0)
