"""Pick a backend from what the user points at: URL, GGUF file, or weights directory."""

from __future__ import annotations

from pathlib import Path

from optsmith.errors import ModelError
from optsmith.llm.backend import Backend
from optsmith.llm.openai_http import Api, HttpSettings, OpenAIHttpBackend


def open_backend(
    spec: str,
    *,
    model_name: str | None = None,
    api: Api = "completions",
    settings: HttpSettings | None = None,
    n_ctx: int = 4096,
) -> Backend:
    """`spec` is an http(s) URL, a `.gguf` file or a transformers directory."""
    if spec.startswith(("http://", "https://")):
        return OpenAIHttpBackend(spec, model=model_name, api=api, settings=settings)
    path = Path(spec).expanduser()
    if path.is_file() and path.suffix == ".gguf":
        from optsmith.llm.llama_cpp_backend import LlamaCppBackend

        return LlamaCppBackend(path, n_ctx=n_ctx)
    if path.is_dir():
        from optsmith.llm.transformers_backend import TransformersBackend

        return TransformersBackend(path)
    raise ModelError(
        f"don't know how to open model {spec!r}: give an http(s):// URL of an "
        "OpenAI-compatible server, a .gguf file, or a transformers weights directory"
    )
