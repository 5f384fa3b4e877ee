"""The HTTP backend against a real local HTTP server: retries, errors, concurrency, chat,
a total deadline, replies of every wrong shape, and a server that keeps failing."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

import pytest

from optsmith.errors import ModelError, OptionError
from optsmith.llm.backend import GenerationParams
from optsmith.llm.local_server import free_port
from optsmith.llm.openai_http import (
    Api,
    HttpSettings,
    ModelServerFailing,
    OpenAIHttpBackend,
    parse_answer,
)
from scripted_model import Raw, serve

FAST = HttpSettings(timeout_s=10, retries=3, backoff_s=0.01, concurrency=3)
ONE_BY_ONE = HttpSettings(timeout_s=10, retries=0, concurrency=1)  # faults hit the first prompt


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
    assert "HTTP 400: injected" in out[0].errors[0]  # the server's own message
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


def test_the_api_key_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPTSMITH_API_KEY", "sk-optsmith")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    with serve(lambda prompt: "ok") as (url, model):
        OpenAIHttpBackend(url, settings=FAST).generate(["x"], GenerationParams())
        monkeypatch.delenv("OPTSMITH_API_KEY")
        OpenAIHttpBackend(url, settings=FAST).generate(["x"], GenerationParams())
    assert [h["authorization"] for h in model.headers] == ["Bearer sk-optsmith", "Bearer sk-openai"]


def test_a_slow_drip_ends_at_the_deadline_as_a_row_error() -> None:
    """One byte a second never trips a per-read timeout; the 2 s total deadline still holds."""
    body = json.dumps({"choices": [{"text": "x" * 200}]}).encode()
    with serve(lambda prompt: "ok") as (url, model):
        model.faults = [Raw(body, drip_s=1.0)]
        backend = OpenAIHttpBackend(url, settings=HttpSettings(timeout_s=2, retries=0))
        started = time.perf_counter()
        out = backend.generate(["x"], GenerationParams())
        elapsed = time.perf_counter() - started
    assert 1.9 < elapsed < 3.5
    assert out[0].texts == []
    (error,) = out[0].errors
    assert "model server did not answer within 2 s" in error and "\n" not in error


def test_a_deadline_missed_once_is_retried() -> None:
    body = json.dumps({"choices": [{"text": "slow"}]}).encode()
    with serve(lambda prompt: "fast") as (url, model):
        model.faults = [Raw(body, drip_s=0.5)]
        settings = HttpSettings(timeout_s=1, retries=1, backoff_s=0.01)
        out = OpenAIHttpBackend(url, settings=settings).generate(["x"], GenerationParams())
    assert out[0].texts == ["fast"] and len(model.requests) == 2


_ANSWER = {"choices": [{"text": "ok"}]}
MALFORMED: list[tuple[str, Api, Raw, str]] = [
    ("choices-string", "completions", Raw.json({"choices": "oops"}), "no choices"),
    ("choices-empty", "completions", Raw.json({"choices": []}), "no choices"),
    ("no-choices", "completions", Raw.json({"id": "x"}), "no choices"),
    ("list", "completions", Raw.json([]), "no choices"),
    ("null", "completions", Raw.json(None), "no choices"),
    ("choice-not-object", "completions", Raw.json({"choices": ["ok"]}), "not an object"),
    ("choice-empty", "completions", Raw.json({"choices": [{}]}), "no text at choices[0].text"),
    ("text-number", "completions", Raw.json({"choices": [{"text": 5}]}), "no text"),
    ("message-null", "chat", Raw.json({"choices": [{"message": None}]}), "message.content"),
    ("content-null", "chat", Raw.json({"choices": [{"message": {"content": None}}]}),
     "message.content"),
    ("chat-text-only", "chat", Raw.json(_ANSWER), "message.content"),
    ("not-json", "completions", Raw(b"{choices: oops"), "reply is not JSON"),
    ("html-page", "completions",
     Raw(b"<html><body>Welcome to nginx!</body></html>", content_type="text/html"),
     "reply is not JSON"),
    ("truncated", "completions", Raw(json.dumps(_ANSWER).encode()[:12], length=400),
     "gave up after 1 tries"),
    ("empty-body", "completions", Raw(b""), "reply is not JSON"),
]


@pytest.mark.parametrize(("api", "reply", "expected"), [m[1:] for m in MALFORMED],
                         ids=[m[0] for m in MALFORMED])
def test_a_reply_of_the_wrong_shape_is_a_row_error(api: Api, reply: Raw, expected: str) -> None:
    with serve(lambda prompt: "fine") as (url, model):
        model.faults = [reply]
        backend = OpenAIHttpBackend(url, api=api, settings=ONE_BY_ONE)
        out = backend.generate(["x", "y"], GenerationParams())
    assert out[0].texts == [] and len(out[0].errors) == 1
    assert expected in out[0].errors[0] and "\n" not in out[0].errors[0]
    assert out[1].texts == ["fine"]  # the next request is answered as usual


@pytest.mark.parametrize("reply", [
    Raw.json([]), Raw.json({"data": "x"}), Raw.json({"data": []}), Raw.json({"data": [{}]}),
    Raw.json({"data": [{"id": 5}]}), Raw(b"<html>hi</html>", content_type="text/html"),
    Raw(b'{"data": [', length=300), Raw.json({"error": "nope"}, status=404),
], ids=["list", "data-string", "data-empty", "no-id", "id-number", "html", "truncated", "404"])
def test_a_model_listing_of_the_wrong_shape_asks_for_the_model_name(reply: Raw) -> None:
    with serve(lambda prompt: "ok") as (url, model):
        model.models_reply = reply
        with pytest.raises(ModelError, match="lists no model.*pass the model name") as caught:
            OpenAIHttpBackend(url, settings=FAST)
        assert "\n" not in str(caught.value)
        named = OpenAIHttpBackend(url, model="mine", settings=FAST)
        out = named.generate(["x"], GenerationParams())
    assert named.model == "mine" and out[0].texts == ["ok"]
    assert model.requests[0]["model"] == "mine"


def test_answers_are_read_only_where_they_are_expected() -> None:
    raw = json.dumps({"choices": [{"message": {"content": "hi"}}], "usage": "n/a"}).encode()
    assert parse_answer(raw, "chat") == ("hi", {})


def _failing(settings: HttpSettings, faults: list[Any], prompts: int) -> tuple[Any, Any]:
    with serve(lambda prompt: "ok") as (url, model):
        model.faults = list(faults)
        backend = OpenAIHttpBackend(url, settings=settings)
        try:
            return backend.generate([f"p{i}" for i in range(prompts)], GenerationParams()), model
        except ModelServerFailing as exc:
            return exc, model


def test_a_server_that_keeps_failing_stops_the_run() -> None:
    settings = HttpSettings(retries=1, backoff_s=0.01, concurrency=1, max_consecutive_failures=3)
    stopped, model = _failing(settings, [503] * 100, prompts=20)
    assert isinstance(stopped, ModelServerFailing) and isinstance(stopped, ModelError)
    message = str(stopped)
    assert "failed 3 requests in a row" in message and "HTTP 503: injected" in message
    assert "\n" not in message
    assert len(model.requests) == 3 * 2  # three requests, each tried twice; nothing more sent


def test_the_run_of_failures_must_be_unbroken() -> None:
    settings = HttpSettings(retries=0, concurrency=1, max_consecutive_failures=3)
    out, model = _failing(settings, [500, 500, "ok", 500, 500, "ok", 500, 500], prompts=9)
    assert not isinstance(out, ModelServerFailing)
    assert [bool(g.texts) for g in out] == [False, False, True] * 3


def test_requests_the_server_refuses_one_by_one_do_not_stop_the_run() -> None:
    """A 400 (prompt too long for the context, say) judges that request, not the server."""
    settings = HttpSettings(retries=0, concurrency=1, max_consecutive_failures=2)
    out, _ = _failing(settings, [400] * 4, prompts=5)
    assert not isinstance(out, ModelServerFailing)
    assert [bool(g.texts) for g in out] == [False] * 4 + [True]


def test_a_stopped_backend_refuses_further_work_at_once() -> None:
    with serve(lambda prompt: "ok") as (url, model):
        model.faults = [502, 502]
        settings = HttpSettings(retries=0, concurrency=1, max_consecutive_failures=2)
        backend = OpenAIHttpBackend(url, settings=settings)
        with pytest.raises(ModelServerFailing):
            backend.generate(["a", "b", "c"], GenerationParams())
        with pytest.raises(ModelServerFailing, match="2 requests in a row"):
            backend.generate(["d"], GenerationParams())
    assert len(model.requests) == 2


def test_retry_after_is_honoured() -> None:
    with serve(lambda prompt: "ok") as (url, model):
        model.faults = [Raw(b'{"error": "slow down"}', status=429, headers=(("Retry-After", "1"),))]
        settings = HttpSettings(retries=1, backoff_s=0.01)
        started = time.perf_counter()
        out = OpenAIHttpBackend(url, settings=settings).generate(["x"], GenerationParams())
    assert out[0].texts == ["ok"] and time.perf_counter() - started >= 1.0


def test_without_the_openai_package_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "openai", None)  # what `import openai` meets uninstalled
    missing = r"openai package is not installed.*optsmith\[llm\]"
    with serve(lambda prompt: "ok") as (url, _), pytest.raises(ModelError, match=missing):
        OpenAIHttpBackend(url, settings=FAST)


def test_a_caller_inside_an_event_loop_still_gets_answers() -> None:
    """A notebook's thread already runs a loop: the backend then runs its own beside it."""
    with serve(lambda prompt: prompt * 2) as (url, _):
        backend = OpenAIHttpBackend(url, settings=FAST)

        async def inside() -> list[str]:
            return backend.generate(["ab"], GenerationParams())[0].texts

        assert asyncio.run(inside()) == ["abab"]
