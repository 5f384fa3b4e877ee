"""Language-model backends, the LLM Compiler prompt formats and tolerant answer parsers.

`open_backend(spec)` picks a backend from what the user points at: an http(s) URL is an
OpenAI-compatible server, a `.gguf` file runs through llama.cpp, a directory holds
transformers weights. The project never downloads weights.
"""

from optsmith.llm.backend import Backend, Generation, GenerationParams
from optsmith.llm.resolve import open_backend

__all__ = ["Backend", "Generation", "GenerationParams", "open_backend"]
