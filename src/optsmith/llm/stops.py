"""Stop strings applied after generation, for backends that cannot stop on them natively."""

from __future__ import annotations

from collections.abc import Sequence


def cut_at_stop(text: str, stop: Sequence[str]) -> str:
    """`text` up to the first occurrence of any stop string (stop strings removed)."""
    end = len(text)
    for marker in stop:
        if marker:
            found = text.find(marker)
            if found != -1:
                end = min(end, found)
    return text[:end]
