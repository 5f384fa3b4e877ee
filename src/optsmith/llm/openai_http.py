"""OpenAI-compatible HTTP backend: vLLM, llama.cpp's server, Ollama, hosted APIs.

Only the standard library is used (urllib), so the client works wherever optsmith does.
Each sample is its own request (servers disagree on `n`), sent through a bounded thread
pool; transient failures (connection reset, 429, 5xx, timeouts) are retried with
exponential back-off; a server that is down when the backend opens is a clear
`ModelError` at once rather than a run full of failed rows.
"""

from __future__ import annotations

import json
import os
import random
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Literal

from optsmith.errors import ModelError, OptionError
from optsmith.llm.backend import Generation, GenerationParams, sample_n

Api = Literal["completions", "chat"]
_RETRY_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})
_INST_OPEN, _INST_CLOSE = "[INST]", "[/INST]"


class _Transient(Exception):
    """A failure worth retrying."""


@dataclass(frozen=True, kw_only=True)
class HttpSettings:
    timeout_s: float = 300.0
    retries: int = 3
    backoff_s: float = 1.0
    concurrency: int = 4

    def __post_init__(self) -> None:
        if self.timeout_s <= 0 or self.retries < 0 or self.backoff_s < 0 or self.concurrency < 1:
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


def chat_message(prompt: str) -> str:
    """A raw [INST] ... [/INST] prompt as the content of one chat message.

    Chat servers wrap the message in the model's own template, so the Llama-2 style
    instruction tags of the LLM Compiler prompts are removed rather than doubled.
    """
    text = prompt.strip()
    if text.startswith(_INST_OPEN) and text.endswith(_INST_CLOSE):
        text = text[len(_INST_OPEN) : -len(_INST_CLOSE)].strip()
    return text


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
        self.model = model or self._first_model()
        # llama.cpp's server names a model by its file path: show the file name only
        self.name = f"{self.model.rsplit('/', 1)[-1]}@{self.base}"
        self._pool = ThreadPoolExecutor(self.settings.concurrency, thread_name_prefix="llm-http")

    # -- transport ---------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return headers

    def _call(self, method: str, path: str, body: dict[str, Any] | None) -> dict[str, Any]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base + path, data=data, headers=self._headers(), method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=self.settings.timeout_s) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            detail = _error_message(exc.read())
            if exc.code in _RETRY_STATUS:
                raise _Transient(f"HTTP {exc.code}: {detail}") from exc
            raise ModelError(f"{self.base}{path}: HTTP {exc.code}: {detail}") from exc
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise _Transient(f"{type(exc).__name__}: {reason}") from exc
        try:
            parsed: dict[str, Any] = json.loads(raw)
        except ValueError as exc:
            raise _Transient(f"answer is not JSON: {raw[:200]!r}") from exc
        return parsed

    def _call_with_retries(self, method: str, path: str, body: dict[str, Any] | None) -> Any:
        delay = self.settings.backoff_s
        for attempt in range(self.settings.retries + 1):
            try:
                return self._call(method, path, body)
            except _Transient as exc:
                if attempt == self.settings.retries:
                    raise ModelError(
                        f"{self.base}{path}: gave up after {attempt + 1} tries: {exc}"
                    ) from exc
                time.sleep(delay * (1.0 + random.random() * 0.25))
                delay *= 2
        raise AssertionError("unreachable")

    def _first_model(self) -> str:
        """The server's first model; also proves the server is up before any work starts."""
        try:
            listing = self._call("GET", "/models", None)
        except _Transient as exc:
            raise ModelError(
                f"cannot reach the model server at {self.base} ({exc}); is it running?"
            ) from exc
        models = listing.get("data") or []
        if not models or "id" not in models[0]:
            raise ModelError(f"{self.base}/models lists no model; pass the model name")
        return str(models[0]["id"])

    # -- one sample --------------------------------------------------------------------
    def _sample(
        self, prompt: str, params: GenerationParams, index: int
    ) -> tuple[str, dict[str, Any]]:
        body: dict[str, Any] = {
            "model": self.model,
            "max_tokens": params.max_tokens,
            "temperature": params.temperature,
        }
        if params.stop:
            body["stop"] = list(params.stop)
        if params.seed is not None:
            body["seed"] = params.seed + index
        if self.api == "chat":
            body["messages"] = [{"role": "user", "content": chat_message(prompt)}]
            path = "/chat/completions"
        else:
            body["prompt"] = prompt
            path = "/completions"
        answer = self._call_with_retries("POST", path, body)
        choices = answer.get("choices") if isinstance(answer, dict) else None
        if not choices:
            raise ModelError(f"{self.base}{path}: answer has no choices: {str(answer)[:200]}")
        choice = choices[0]
        text = (
            (choice.get("message") or {}).get("content")
            if self.api == "chat"
            else choice.get("text")
        )
        return str(text or ""), answer.get("usage") or {}

    def _one_prompt(self, prompt: str, params: GenerationParams) -> Generation:
        return sample_n(params.n, lambda i: self._sample(prompt, params, i), (ModelError,))

    def generate(self, prompts: Sequence[str], params: GenerationParams) -> list[Generation]:
        return list(self._pool.map(lambda p: self._one_prompt(p, params), prompts))

    def close(self) -> None:
        self._pool.shutdown(wait=True)
