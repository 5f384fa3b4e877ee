"""llama.cpp backend: a local GGUF file run in-process through llama-cpp-python.

The import is lazy so that optsmith works without the (compiled) package; the error
says how to install it. llama.cpp's context is not thread-safe, so prompts are answered
one after another; a prompt longer than the context window fails that row only.
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

    def close(self) -> None:
        closer = getattr(self._llm, "close", None)
        if closer is not None:
            closer()
