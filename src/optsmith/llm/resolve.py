"""Pick a backend from what the user points at: URL, GGUF file, or weights directory."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from optsmith.errors import ModelError
from optsmith.llm.backend import Backend, ChatBackend
from optsmith.llm.openai_http import Api, HttpSettings, OpenAIHttpBackend

if TYPE_CHECKING:
    from optsmith.llm.llama_cpp_backend import LlamaCppBackend
    from optsmith.llm.transformers_backend import TransformersBackend


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
    return _open_local(spec, n_ctx)


def open_chat_model(
    spec: str, *, model_name: str | None = None, settings: HttpSettings | None = None,
    n_ctx: int = 8192,
) -> ChatBackend:
    """A model that can be offered tools (the agent's): an http(s) URL of a chat server
    that takes `tools=`, or a local `.gguf` file / transformers directory run in-process
    with its own chat template (`llm.tool_prompt`)."""
    if spec.startswith(("http://", "https://")):
        return OpenAIHttpBackend(spec, model=model_name, api="chat", settings=settings)
    return _open_local(spec, n_ctx)


def _open_local(spec: str, n_ctx: int) -> LlamaCppBackend | TransformersBackend:
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
