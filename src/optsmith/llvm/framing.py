"""Framing for the parent <-> engine worker pipe: a 4-byte length, then a pickle.

Pickle is safe here because both ends are optsmith's own code on the same machine. What
travels in the frames (plain dicts, the wire form) is defined by `optsmith.llvm.protocol`.
"""

from __future__ import annotations

import os
import pickle
import struct
from typing import Any

_HEADER = struct.Struct("!I")


def send(fd: int, message: Any) -> None:
    """Write one whole frame (os.write may take it in pieces)."""
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    data = _HEADER.pack(len(payload)) + payload
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _read_exact(fd: int, size: int) -> bytes:
    chunks = []
    remaining = size
    while remaining:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            raise EOFError("peer closed the pipe")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def recv(fd: int) -> Any:
    """Read one whole frame; EOFError when the peer is gone."""
    (size,) = _HEADER.unpack(_read_exact(fd, _HEADER.size))
    return pickle.loads(_read_exact(fd, size))
