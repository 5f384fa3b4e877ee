"""OpenAI-compatible HTTP backend: vLLM, llama.cpp's server, Ollama, hosted APIs.

Requests go through the official `openai` client (its async flavour, on an event loop
of the backend's own per `generate` call), because only a cancelled coroutine gives a
request a *total* deadline: an HTTP client's timeout bounds each socket read, so a
server that trickles one byte a second would hold a request for hours. Here a request
that has not finished when `timeout_s` is up is cancelled, its connection closed, and it
becomes an error of its row ("model server did not answer within N s"). Answers are not
streamed: the deadline needs no stream, and a whole reply carries the token counts on
every server.

Each sample is its own request (servers disagree on `n`), at most `concurrency` in
flight. Transient failures (connection refused or reset, 408/409/429/5xx, a deadline
missed, a body that is not JSON or was cut short) are retried with exponential back-off
by this module, not by the client, so that a broken body is retried too and tests can
shorten the back-off. A reply of the wrong shape is an error of its row, never a
traceback. A server that is down when the backend opens is a clear `ModelError` at
once; one that fails `max_consecutive_failures` requests in a row (after their retries)
stops the run with `ModelServerFailing` rather than filling hundreds of rows with the
same failure.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from optsmith.errors import ModelError, ModelServerFailing, OptionError
from optsmith.llm.backend import Generation, GenerationParams
from optsmith.llm.tool_prompt import template_messages

if TYPE_CHECKING:
    from openai import AsyncOpenAI

Api = Literal["completions", "chat"]
_RETRY_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})
# HTTP statuses that judge one request (too long for the context, a bad parameter), not
# the server: they are a row's error but do not count towards `max_consecutive_failures`
_REQUEST_STATUS = frozenset({400, 413, 422})
_INST_OPEN, _INST_CLOSE = "[INST]", "[/INST]"
PROBE_TIMEOUT_S = 30.0  # the model listing when the backend opens: up, or a clear error
MAX_RETRY_AFTER_S = 60.0  # a server's Retry-After is honoured up to this
# the client insists on a key; local servers (vLLM, llama.cpp, Ollama) started without one
# ignore the header, and vLLM's own examples send this word
NO_KEY = "EMPTY"
INSTALL_HINT = "pip install 'optsmith[llm]'"

T = TypeVar("T")


class _Transient(Exception):
    """A failure worth retrying."""

    def __init__(
        self, message: str, *, retry_after: float | None = None, answered: bool = True
    ) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.answered = answered  # False: nobody there (refused, no route, deadline)


class _RowError(Exception):
    """One request failed for good; `counts` says whether it blames the server."""

    def __init__(self, message: str, *, counts: bool = True) -> None:
        super().__init__(message)
        self.counts = counts


@dataclass(frozen=True, kw_only=True)
class HttpSettings:
    """`timeout_s` is the total wall time of one request (one try), whatever the server does.

    `tools_in_prompt`: a chat request writes the tools into the system message itself
    (`llm.tool_prompt`, Hermes format; calls are read back out of the text) instead of
    sending `tools=`, for a server whose chat template has no place for tools, which then
    drops them silently: `optsmith llm serve` with SmolLM2, like llama.cpp's server with
    most small models' templates."""

    timeout_s: float = 300.0
    retries: int = 3
    backoff_s: float = 1.0
    concurrency: int = 4
    max_consecutive_failures: int = 5
    tools_in_prompt: bool = False

    def __post_init__(self) -> None:
        if (self.timeout_s <= 0 or self.retries < 0 or self.backoff_s < 0
                or self.concurrency < 1 or self.max_consecutive_failures < 1):
            raise OptionError(f"invalid HTTP settings: {self!r}")


def _base_url(url: str) -> str:
    """Accept 'http://h:p', 'http://h:p/v1' or a full '/v1/completions' address."""
    url = url.rstrip("/")
    for suffix in ("/chat/completions", "/completions"):
        if url.endswith(suffix):
            url = url[: -len(suffix)]
    return url if url.endswith("/v1") else url + "/v1"


def _error_message(body: bytes) -> str:
    """The server's own message from an OpenAI-style error body, else the body's start."""
    try:
        error = json.loads(body).get("error")
        message = error.get("message") if isinstance(error, dict) else error
        if message:
            return str(message)[:500]
    except (ValueError, AttributeError):
        pass
    return body[:300].decode(errors="replace")


def _retry_after(headers: Any) -> float | None:
    try:
        value = float(headers.get("retry-after"))
    except (TypeError, ValueError):
        return None
    return min(max(value, 0.0), MAX_RETRY_AFTER_S)


def chat_message(prompt: str) -> str:
    """A raw [INST] ... [/INST] prompt as the content of one chat message.

    Chat servers wrap the message in the model's own template, so the Llama-2 style
    instruction tags of the LLM Compiler prompts are removed rather than doubled.
    """
    text = prompt.strip()
    if text.startswith(_INST_OPEN) and text.endswith(_INST_CLOSE):
        text = text[len(_INST_OPEN) : -len(_INST_CLOSE)].strip()
    return text


def _snippet(value: Any) -> str:
    return str(value)[:200]


def parse_models(raw: bytes) -> list[str]:
    """The model ids of a `/models` reply; [] for any other shape."""
    try:
        listing = json.loads(raw)
    except ValueError:
        return []
    data = listing.get("data") if isinstance(listing, dict) else None
    if not isinstance(data, list):
        return []
    return [str(m["id"]) for m in data if isinstance(m, dict) and isinstance(m.get("id"), str)]


def parse_answer(raw: bytes, api: Api) -> tuple[str, dict[str, Any]]:
    """The text and usage of a completion reply; `_RowError` for a reply of the wrong shape.

    Only what we use is checked (the first choice's text, or its message's content), so
    servers that leave out optional fields still work.
    """
    try:
        answer = json.loads(raw)
    except ValueError as exc:
        raise _Transient(f"reply is not JSON: {raw[:200]!r}") from exc
    choices = answer.get("choices") if isinstance(answer, dict) else None
    if not isinstance(choices, list) or not choices:
        raise _RowError(f"reply has no choices: {_snippet(answer)}")
    choice = choices[0]
    if not isinstance(choice, dict):
        raise _RowError(f"reply's choice is not an object: {_snippet(choice)}")
    if api == "chat":
        message = choice.get("message")
        text = message.get("content") if isinstance(message, dict) else None
        where = "choices[0].message.content"
    else:
        text = choice.get("text")
        where = "choices[0].text"
    if not isinstance(text, str):
        raise _RowError(f"reply has no text at {where}: {_snippet(choice)}")
    usage = answer.get("usage")
    return text, usage if isinstance(usage, dict) else {}


def parse_message(raw: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """The assistant message and usage of a chat reply (`choices[0].message`, whose
    `content` may be null when it holds `tool_calls`); `_RowError` for another shape."""
    try:
        answer = json.loads(raw)
    except ValueError as exc:
        raise _Transient(f"reply is not JSON: {raw[:200]!r}") from exc
    choices = answer.get("choices") if isinstance(answer, dict) else None
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise _RowError(f"reply has no choices: {_snippet(answer)}")
    message = choices[0].get("message")
    if not isinstance(message, dict):
        raise _RowError(f"reply has no message at choices[0].message: {_snippet(choices[0])}")
    usage = answer.get("usage")
    return message, usage if isinstance(usage, dict) else {}


def _tokens(usage: dict[str, Any], key: str) -> int:
    value = usage.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run `coroutine` on a fresh event loop, in a helper thread if this one has a loop.

    A fresh loop per call (and a fresh client on it) leaves nothing running between
    calls and works from a notebook, whose thread already runs a loop.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        in_a_loop = False
    else:
        in_a_loop = True
    if not in_a_loop:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(1, thread_name_prefix="llm-http") as helper:
        return helper.submit(asyncio.run, coroutine).result()


class OpenAIHttpBackend:
    """Talks to `url` (an OpenAI-compatible server) about model `model`."""

    def __init__(
        self,
        url: str,
        *,
        model: str | None = None,
        api: Api = "completions",
        api_key: str | None = None,
        settings: HttpSettings | None = None,
    ) -> None:
        if api not in ("completions", "chat"):
            raise OptionError(f"api must be 'completions' or 'chat', got {api!r}")
        self.base = _base_url(url)
        self.api: Api = api
        self.settings = settings or HttpSettings()
        self.api_key = api_key or os.environ.get("OPTSMITH_API_KEY") or os.environ.get(
            "OPENAI_API_KEY"
        )
        self._failures = 0  # requests failed in a row, in the order they finished
        self._last_failure = ""
        self._lock = threading.Lock()
        self.model = _run_async(self._probe(model))
        # llama.cpp's server names a model by its file path: show the file name only
        self.name = f"{self.model.rsplit('/', 1)[-1]}@{self.base}"

    # -- transport ---------------------------------------------------------------------
    def _client(self) -> AsyncOpenAI:
        try:
            from openai import AsyncOpenAI
        except ImportError as exc:
            raise ModelError(f"the openai package is not installed: {INSTALL_HINT}") from exc
        return AsyncOpenAI(
            base_url=self.base,
            api_key=self.api_key or NO_KEY,
            # a backstop only: `_once`'s deadline comes first, with the clearer message
            timeout=self.settings.timeout_s + 10.0,
            max_retries=0,  # ours retry broken bodies too, with our back-off
        )

    async def _once(self, request: Callable[[], Awaitable[Any]], timeout_s: float) -> bytes:
        """One request, over in `timeout_s` whatever the server does; the raw body."""
        import openai

        try:
            async with asyncio.timeout(timeout_s):
                response = await request()
                return bytes(await response.http_response.aread())
        except (TimeoutError, openai.APITimeoutError) as exc:
            raise _Transient(f"model server did not answer within {timeout_s:g} s",
                             answered=False) from exc
        except openai.APIStatusError as exc:
            detail = _error_message(exc.response.content)
            if exc.status_code in _RETRY_STATUS:
                raise _Transient(f"HTTP {exc.status_code}: {detail}",
                                 retry_after=_retry_after(exc.response.headers)) from exc
            raise _RowError(
                f"HTTP {exc.status_code}: {detail}", counts=exc.status_code not in _REQUEST_STATUS
            ) from exc
        except openai.APIConnectionError as exc:
            cause = exc.__cause__ or exc
            # httpx's (or httpx2's) ConnectError/ConnectTimeout: nobody answered at all; a
            # reset or a cut body came from a server that is there
            reached = type(cause).__name__ not in ("ConnectError", "ConnectTimeout")
            raise _Transient(f"{type(cause).__name__}: {cause}", answered=reached) from exc

    async def _probe(self, model: str | None) -> str:
        """The server's first model (or `model`); proves the server is up before any work.

        With a model name given, any HTTP answer will do: some servers have no listing.
        """
        failure = ""
        async with self._client() as client:
            try:
                raw = await self._once(client.models.with_raw_response.list,
                                       min(self.settings.timeout_s, PROBE_TIMEOUT_S))
            except _Transient as exc:
                if not exc.answered:
                    raise ModelError(
                        f"cannot reach the model server at {self.base} ({exc}); is it running?"
                    ) from exc
                failure = str(exc)
            except _RowError as exc:
                failure = str(exc)
        if model is not None:
            return model
        models = [] if failure else parse_models(raw)
        if not models:
            said = failure or f"{raw[:120]!r}"
            raise ModelError(f"{self.base}/models lists no model ({said}); pass the model name")
        return models[0]

    # -- one sample --------------------------------------------------------------------
    def _request(
        self, client: AsyncOpenAI, prompt: str, params: GenerationParams, index: int
    ) -> Callable[[], Awaitable[Any]]:
        extra: dict[str, Any] = {}
        if params.stop:
            extra["stop"] = list(params.stop)
        if params.seed is not None:
            extra["seed"] = params.seed + index
        if self.api == "chat":
            messages = [{"role": "user", "content": chat_message(prompt)}]
            return lambda: client.chat.completions.with_raw_response.create(
                model=self.model, messages=messages,  # type: ignore[arg-type]
                max_tokens=params.max_tokens, temperature=params.temperature, **extra,
            )
        return lambda: client.completions.with_raw_response.create(
            model=self.model, prompt=prompt, max_tokens=params.max_tokens,
            temperature=params.temperature, **extra,
        )

    async def _with_retries(
        self, request: Callable[[], Awaitable[Any]], gate: asyncio.Semaphore, spent: list[float],
        parse: Callable[[bytes], T], path: str | None = None,
    ) -> T:
        """The answer to `request` (its body read by `parse`), retried; `spent` gets its
        start and end (not the queue).

        The request keeps its place in `gate` while it backs off, so a struggling server
        sees no more than `concurrency` requests, retries included.
        """
        path = path or ("/chat/completions" if self.api == "chat" else "/completions")
        delay = self.settings.backoff_s
        async with gate:
            spent.append(time.perf_counter())
            try:
                for attempt in range(self.settings.retries + 1):
                    self._check_failing()
                    try:
                        raw = await self._once(request, self.settings.timeout_s)
                        return parse(raw)
                    except _Transient as exc:
                        if attempt == self.settings.retries:
                            raise _RowError(
                                f"{self.base}{path}: gave up after {attempt + 1} tries: {exc}"
                            ) from exc
                        pause = delay * (1.0 + random.random() * 0.25)
                        await asyncio.sleep(max(pause, exc.retry_after or 0.0))
                        delay *= 2
                    except _RowError as exc:
                        raise _RowError(f"{self.base}{path}: {exc}", counts=exc.counts) from exc
                raise AssertionError("unreachable")
            finally:
                spent.append(time.perf_counter())

    # -- the run of failures -----------------------------------------------------------
    def _record(self, failure: _RowError | None) -> None:
        with self._lock:
            if failure is None:
                self._failures = 0
            elif failure.counts:
                self._failures += 1
                self._last_failure = str(failure)

    def _check_failing(self) -> None:
        with self._lock:
            failures, last = self._failures, self._last_failure
        if failures >= self.settings.max_consecutive_failures:
            raise ModelServerFailing(
                f"the model server failed {failures} requests in a row, so the run stops "
                f"(last: {last.splitlines()[0][:300]})"
            )

    async def _sample(
        self, client: AsyncOpenAI, prompt: str, params: GenerationParams, index: int,
        gate: asyncio.Semaphore, spent: list[float],
    ) -> tuple[str, dict[str, Any]] | str:
        """The answer, or the reason there is none (this request's row error)."""
        request = self._request(client, prompt, params, index)
        try:
            result = await self._with_retries(
                request, gate, spent, lambda raw: parse_answer(raw, self.api)
            )
        except _RowError as exc:
            self._record(exc)
            return str(exc)
        except ModelServerFailing as exc:  # the run stops; `generate` raises it
            return str(exc)
        self._record(None)
        return result

    async def _one_prompt(
        self, client: AsyncOpenAI, prompt: str, params: GenerationParams, gate: asyncio.Semaphore
    ) -> Generation:
        spans: list[list[float]] = [[] for _ in range(params.n)]
        outcomes = await asyncio.gather(
            *(self._sample(client, prompt, params, i, gate, spans[i]) for i in range(params.n))
        )
        texts: list[str] = []
        errors: list[str] = []
        prompt_tokens = completion_tokens = 0
        for outcome in outcomes:
            if isinstance(outcome, str):
                errors.append(outcome)
                continue
            text, usage = outcome
            texts.append(text)
            prompt_tokens = _tokens(usage, "prompt_tokens") or prompt_tokens
            completion_tokens += _tokens(usage, "completion_tokens")
        times = [t for span in spans for t in span]
        return Generation(
            texts=texts,
            seconds=max(times) - min(times) if times else 0.0,
            prompt_tokens=prompt_tokens or None,
            completion_tokens=completion_tokens or None,
            errors=errors,
        )

    async def _generate(
        self, prompts: Sequence[str], params: GenerationParams
    ) -> list[Generation]:
        gate = asyncio.Semaphore(self.settings.concurrency)
        async with self._client() as client:
            return list(await asyncio.gather(
                *(self._one_prompt(client, p, params, gate) for p in prompts)
            ))

    def generate(self, prompts: Sequence[str], params: GenerationParams) -> list[Generation]:
        """Each prompt's `params.n` answers; raises `ModelServerFailing` once the server
        has failed `max_consecutive_failures` requests in a row."""
        self._check_failing()
        generations = _run_async(self._generate(prompts, params))
        self._check_failing()
        return generations

    # -- tool calling ------------------------------------------------------------------
    async def _chat(
        self, messages: list[dict[str, Any]], tools: list[dict[str, Any]],
        params: GenerationParams,
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        extra: dict[str, Any] = {"seed": params.seed} if params.seed is not None else {}
        if params.stop:
            extra["stop"] = list(params.stop)
        if self.settings.tools_in_prompt:
            messages = template_messages(messages, tools, takes_tools=False)
        else:
            extra["tools"] = tools
        async with self._client() as client:
            request = lambda: client.chat.completions.with_raw_response.create(  # noqa: E731
                model=self.model, messages=messages,  # type: ignore[arg-type]
                max_tokens=params.max_tokens, temperature=params.temperature, **extra,
            )
            return await self._with_retries(
                request, asyncio.Semaphore(1), [], parse=parse_message, path="/chat/completions"
            )

    def chat(
        self, messages: list[dict[str, Any]], *, tools: list[dict[str, Any]],
        params: GenerationParams,
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """One chat completion offering `tools`: (assistant message, usage).

        The message is `choices[0].message` as the server sent it (`content`, `tool_calls`),
        under the same total deadline, retries and back-off as `generate`. A request that
        fails for good raises `ModelError` with the server's reason (`ModelServerFailing`
        once `max_consecutive_failures` requests in a row did), so a caller that drives a
        conversation stops with a message, never a traceback.
        """
        self._check_failing()
        try:
            answer = _run_async(self._chat(messages, tools, params))
        except _RowError as exc:
            self._record(exc)
            raise ModelError(str(exc)) from None
        self._record(None)
        return answer

    def close(self) -> None:
        """Nothing stays open between calls: each `generate` closes its own connections."""
