"""A real OpenAI-compatible HTTP server on loopback whose "model" is a Python function.

Used where a test must know the answer (an oracle that answers exactly what opt-22 would,
a model that names a miscompiling pipeline) or inject faults (503s, broken JSON, a hang, a
reply of the wrong shape, a truncated body, a server that trickles its answer byte by byte).
The real small model (llama.cpp + SmolLM2) is exercised in tests/llm/test_local_model.py.
"""

from __future__ import annotations

import itertools
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Answer = Callable[[str], str]
BodyAnswer = Callable[[dict[str, Any]], str]  # the answer text, from the whole request body
ChatReply = Callable[[dict[str, Any]], dict[str, Any]]  # a chat request -> assistant message


@dataclass(frozen=True)
class Raw:
    """A reply sent verbatim: any status, content type and body.

    `length` is the Content-Length to announce (a larger one than the body makes a
    truncated reply: the connection closes early); `drip_s` sends the body one byte at a
    time with that pause between bytes (a server that trickles, never quite stalling).
    """

    body: bytes
    status: int = 200
    content_type: str = "application/json"
    length: int | None = None
    drip_s: float = 0.0
    headers: tuple[tuple[str, str], ...] = ()

    @staticmethod
    def json(value: Any, status: int = 200) -> Raw:
        return Raw(json.dumps(value).encode(), status)


# an HTTP status, "garbage", "hang", "ok" (no fault this time), or a verbatim reply
Fault = int | str | Raw


class ScriptedModel:
    def __init__(
        self, answer: Answer, by_body: BodyAnswer | None = None, chat: ChatReply | None = None
    ) -> None:
        self.answer = answer
        self.by_body = by_body
        self.chat = chat
        self.faults: list[Fault] = []  # popped per POST
        self.models_reply: Raw | None = None  # what GET /v1/models answers, if not the default
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []  # each POST's request headers, names lowercase
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()


def _handler(model: ScriptedModel) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes) -> None:
            self._raw(Raw(body, status))

        def _raw(self, reply: Raw) -> None:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            length = len(reply.body) if reply.length is None else reply.length
            self.send_header("Content-Length", str(length))
            for name, value in reply.headers:
                self.send_header(name, value)
            self.end_headers()
            try:
                if reply.drip_s <= 0:
                    self.wfile.write(reply.body)
                    return
                for i in range(len(reply.body)):
                    self.wfile.write(reply.body[i : i + 1])
                    self.wfile.flush()
                    time.sleep(reply.drip_s)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up on us, as it should
            finally:
                self.close_connection = True

        def do_GET(self) -> None:
            if self.path.rstrip("/").endswith("/v1/models"):
                default = Raw.json({"data": [{"id": "scripted"}]})
                self._raw(model.models_reply or default)
            else:
                self._send(404, b"{}")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length))
            with model.lock:
                model.requests.append(body)
                model.headers.append({k.lower(): v for k, v in self.headers.items()})
                fault = model.faults.pop(0) if model.faults else None
                model.in_flight += 1
                model.max_in_flight = max(model.max_in_flight, model.in_flight)
            try:
                reply = self._reply(body, fault)
            finally:
                # counted out before the reply goes: once the client has it, it may send more
                with model.lock:
                    model.in_flight -= 1
            self._raw(reply)

        def _reply(self, body: dict[str, Any], fault: Fault | None) -> Raw:
            if fault == "hang":
                time.sleep(3)
            if isinstance(fault, int):
                return Raw(b'{"error": "injected"}', fault)
            if fault == "garbage":
                return Raw(b"<html>not json")
            if isinstance(fault, Raw):
                return fault
            time.sleep(0.05)
            choice: dict[str, Any]
            if "messages" in body and model.chat is not None:
                choice = {"message": model.chat(body)}
            elif "messages" in body:
                text = (model.by_body(body) if model.by_body is not None
                        else model.answer(body["messages"][-1]["content"]))
                choice = {"message": {"role": "assistant", "content": text}}
            else:
                text = (model.by_body(body) if model.by_body is not None
                        else model.answer(body["prompt"]))
                choice = {"text": text}
            usage = {"prompt_tokens": 7, "completion_tokens": 3}
            return Raw.json({"choices": [choice], "usage": usage})

    return Handler


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # a bug in a test's model: show it
        # else a client that hung up mid-reply: that is a test's point, not a traceback


_CALL_IDS = itertools.count(1)


def tool_call(name: str, arguments: Any, call_id: str | None = None) -> dict[str, Any]:
    """One entry of `message.tool_calls`; `arguments` a dict (sent as JSON text) or raw text
    (sent verbatim: a malformed call)."""
    text = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return {
        "id": call_id or f"call_{next(_CALL_IDS)}",
        "type": "function",
        "function": {"name": name, "arguments": text},
    }


class ToolScript:
    """A chat model that plays a fixed script: the i-th chat request gets the i-th message.

    A step is a list of tool calls (`tool_call`) or a plain answer (a string). When the
    script runs out, the model answers "done" in plain text.
    """

    def __init__(self, steps: list[list[dict[str, Any]] | str]) -> None:
        self.steps = list(steps)
        self.bodies: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    def __call__(self, body: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            self.bodies.append(body)
            step = self.steps.pop(0) if self.steps else "done"
        if isinstance(step, str):
            return {"role": "assistant", "content": step}
        return {"role": "assistant", "content": None, "tool_calls": step}


@contextmanager
def serve(
    answer: Answer = lambda prompt: "",
    *,
    by_body: BodyAnswer | None = None,
    chat: ChatReply | None = None,
) -> Iterator[tuple[str, ScriptedModel]]:
    model = ScriptedModel(answer, by_body, chat)
    server = _QuietServer(("127.0.0.1", 0), _handler(model))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", model
    finally:
        server.shutdown()
        server.server_close()
