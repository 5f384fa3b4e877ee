"""A real OpenAI-compatible HTTP server on loopback whose "model" is a Python function.

Used where a test must know the answer (an oracle that answers exactly what opt-22 would,
a model that names a miscompiling pipeline) or inject faults (503s, broken JSON, a hang).
The real small model (llama.cpp + SmolLM2) is exercised in tests/llm/test_local_model.py.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Answer = Callable[[str], str]


class ScriptedModel:
    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.faults: list[int | str] = []  # popped per POST: an HTTP status, "garbage", "hang"
        self.requests: list[dict[str, Any]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()


def _handler(model: ScriptedModel) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path.rstrip("/").endswith("/v1/models"):
                self._send(200, json.dumps({"data": [{"id": "scripted"}]}).encode())
            else:
                self._send(404, b"{}")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length))
            with model.lock:
                model.requests.append(body)
                fault = model.faults.pop(0) if model.faults else None
                model.in_flight += 1
                model.max_in_flight = max(model.max_in_flight, model.in_flight)
            try:
                if fault == "hang":
                    time.sleep(3)
                if isinstance(fault, int):
                    self._send(fault, b'{"error": "injected"}')
                    return
                if fault == "garbage":
                    self._send(200, b"<html>not json")
                    return
                time.sleep(0.05)
                if "messages" in body:
                    text = model.answer(body["messages"][-1]["content"])
                    choice: dict[str, Any] = {"message": {"role": "assistant", "content": text}}
                else:
                    text = model.answer(body["prompt"])
                    choice = {"text": text}
                usage = {"prompt_tokens": 7, "completion_tokens": 3}
                self._send(200, json.dumps({"choices": [choice], "usage": usage}).encode())
            finally:
                with model.lock:
                    model.in_flight -= 1

    return Handler


@contextmanager
def serve(answer: Answer) -> Iterator[tuple[str, ScriptedModel]]:
    model = ScriptedModel(answer)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(model))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", model
    finally:
        server.shutdown()
        server.server_close()
