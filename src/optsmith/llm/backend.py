"""The one interface every model backend implements: prompts in, texts out.

Kept deliberately small (n samples, temperature, max tokens, stop strings) so that a
hosted API, a local llama.cpp file and a transformers checkpoint are interchangeable in
every task and in the data-set builder.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from optsmith.errors import OptionError


@dataclass(frozen=True, kw_only=True)
class GenerationParams:
    """Sampling settings shared by all backends; validated at once."""

    n: int = 1
    temperature: float = 0.0
    max_tokens: int = 512
    stop: tuple[str, ...] = ()
    seed: int | None = None

    def __post_init__(self) -> None:
        if self.n < 1:
            raise OptionError(f"n must be >= 1, got {self.n!r}")
        if not 0.0 <= self.temperature <= 5.0:
            raise OptionError(f"temperature must be in [0, 5], got {self.temperature!r}")
        if self.max_tokens < 1:
            raise OptionError(f"max_tokens must be >= 1, got {self.max_tokens!r}")


@dataclass(frozen=True)
class Generation:
    """The n answers to one prompt, with what the backend reported about them."""

    texts: list[str]
    seconds: float
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    errors: list[str] = field(default_factory=list)


@runtime_checkable
class Backend(Protocol):
    """A model: `generate` answers each prompt with `params.n` texts, in prompt order.

    A prompt the model could not answer (timeout after retries, a server error) yields a
    Generation with no texts and the reason in `errors`, so one bad request costs one
    row of an evaluation, never the run. `ModelError` is raised only when the backend as
    a whole is unusable (server down at the start, weights missing).
    """

    name: str

    def generate(self, prompts: Sequence[str], params: GenerationParams) -> list[Generation]: ...

    def close(self) -> None: ...


@runtime_checkable
class ChatBackend(Protocol):
    """A model that holds a conversation offering tools (the agent's model): `chat` gives
    one assistant message (OpenAI chat format: `content`, perhaps `tool_calls`) and the
    token usage. Every backend has one: the HTTP one asks the server (`tools=`), the local
    ones render the model's chat template themselves (`llm.tool_prompt`)."""

    name: str

    def chat(
        self, messages: list[dict[str, Any]], *, tools: list[dict[str, Any]],
        params: GenerationParams,
    ) -> tuple[dict[str, Any], dict[str, Any]]: ...

    def close(self) -> None: ...


def sample_n(
    n: int,
    sample: Callable[[int], tuple[str, Mapping[str, Any]]],
    failures: tuple[type[Exception], ...],
    label: str = "",
) -> Generation:
    """Draw `n` samples of one prompt, one call each (`sample(index)` -> text, usage).

    A sample that raises one of `failures` becomes an entry of `errors` (prefixed with
    `label`), so a model that fails on one prompt costs that prompt's row only.
    """
    started = time.perf_counter()
    texts: list[str] = []
    errors: list[str] = []
    prompt_tokens = completion_tokens = 0
    for index in range(n):
        try:
            text, usage = sample(index)
        except failures as exc:
            errors.append(f"{label}{exc}")
            continue
        texts.append(text)
        prompt_tokens = int(usage.get("prompt_tokens") or prompt_tokens)
        completion_tokens += int(usage.get("completion_tokens") or 0)
    return Generation(
        texts=texts,
        seconds=time.perf_counter() - started,
        prompt_tokens=prompt_tokens or None,
        completion_tokens=completion_tokens or None,
        errors=errors,
    )
