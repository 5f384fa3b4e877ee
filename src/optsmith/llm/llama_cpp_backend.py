"""llama.cpp backend: a local GGUF file run in-process through llama-cpp-python.

The import is lazy so that optsmith works without the (compiled) package; the error
says how to install it. llama.cpp's context is not thread-safe, so prompts are answered
one after another; a prompt longer than the context window fails that row only.
`chat` answers a conversation that offers tools (the agent's `ChatModel`) through
llama.cpp's own chat handler and the GGUF's chat template (`llm.tool_prompt`).
"""

from __future__ import annotations

import contextlib
import functools
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from optsmith.errors import ModelError
from optsmith.llm.backend import Generation, GenerationParams, sample_n
from optsmith.llm.stops import cut_at_stop
from optsmith.llm.tool_prompt import template_messages, template_takes_tools

INSTALL_HINT = "pip install 'optsmith[llama]' (builds llama-cpp-python from source)"


class LlamaCppBackend:
    """Runs the GGUF model at `path` with a context of `n_ctx` tokens."""

    def __init__(self, path: str | Path, *, n_ctx: int = 4096, threads: int | None = None) -> None:
        model_path = Path(path)
        if not model_path.is_file():
            raise ModelError(f"no GGUF model file at {model_path}")
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise ModelError(f"llama-cpp-python is not installed: {INSTALL_HINT}") from exc
        try:
            # llama.cpp prints its load log to stderr even with verbose=False on some builds
            with contextlib.redirect_stderr(io.StringIO()):
                self._llm: Any = Llama(
                    model_path=str(model_path), n_ctx=n_ctx, n_threads=threads, verbose=False
                )
        except (ValueError, RuntimeError) as exc:
            raise ModelError(f"llama.cpp could not load {model_path}: {exc}") from exc
        self.name = model_path.name
        self.n_ctx = n_ctx

    def _sample(self, prompt: str, params: GenerationParams, index: int) -> tuple[str, Any]:
        seed = (params.seed if params.seed is not None else 0) + index
        out = self._llm.create_completion(
            prompt,
            max_tokens=params.max_tokens,
            temperature=params.temperature,
            stop=list(params.stop) or None,
            seed=seed,
        )
        return cut_at_stop(out["choices"][0]["text"], params.stop), out.get("usage") or {}

    def generate(self, prompts: Sequence[str], params: GenerationParams) -> list[Generation]:
        # ValueError/RuntimeError: e.g. a prompt longer than the context window
        return [
            sample_n(params.n, functools.partial(self._sample, prompt, params),
                     (ValueError, RuntimeError), label="llama.cpp: ")
            for prompt in prompts
        ]

    def chat(
        self, messages: list[dict[str, Any]], *, tools: list[dict[str, Any]],
        params: GenerationParams,
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """One assistant reply to `messages` offering `tools`: (message, usage), the message
        as llama.cpp's chat completion gives it (calls, if any, written in `content`); a
        conversation over the context window is a `ModelError`."""
        metadata = getattr(self._llm, "metadata", None) or {}
        takes = template_takes_tools(metadata.get("tokenizer.chat_template"))
        try:
            out = self._llm.create_chat_completion(
                messages=template_messages(messages, tools, takes_tools=takes),
                tools=tools if takes else None,
                temperature=params.temperature,
                max_tokens=params.max_tokens,
                seed=params.seed if params.seed is not None else 0,
            )
        except (ValueError, RuntimeError) as exc:
            raise ModelError(f"llama.cpp: {exc}") from exc
        message = dict(out["choices"][0]["message"])
        return message, dict(out.get("usage") or {})

    def close(self) -> None:
        closer = getattr(self._llm, "close", None)
        if closer is not None:
            closer()
