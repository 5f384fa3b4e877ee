"""Plots (matplotlib, headless): best-so-far against compilations, one line per optimizer."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from optsmith.search.driver import SearchResult


def mean_best_so_far(results: Sequence[SearchResult]) -> list[float]:
    """Geometric mean over programs of baseline/best-so-far after each compilation.

    A program whose search stopped early (a coreset, a finished greedy) holds its last
    value; values above 1 beat -Oz.
    """
    if not results:
        return []
    length = max(len(r.history) for r in results)
    curve = []
    for step in range(length):
        logs = []
        for r in results:
            if not r.history:
                continue
            best = r.history[min(step, len(r.history) - 1)]
            logs.append(math.log(r.baseline / best) if best > 0 else 0.0)
        curve.append(math.exp(sum(logs) / len(logs)) if logs else 1.0)
    return curve


def plot_best_so_far(
    curves: Mapping[str, Sequence[SearchResult]],
    out: Path,
    *,
    title: str = "",
    styles: Mapping[str, Mapping[str, Any]] | None = None,
) -> Path:
    """Write a PNG of each optimizer's mean best-so-far curve.

    `styles` gives a curve matplotlib line options (`linestyle`, `color`, ...) by name,
    so that curves which coincide (a search and its model-seeded twin with a useless
    model) stay visible."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    for name, results in curves.items():
        curve = mean_best_so_far(results)
        if curve:
            style = dict((styles or {}).get(name, {}))
            ax.plot(
                range(1, len(curve) + 1), [100 * (1 - 1 / c) for c in curve], label=name, **style
            )
    ax.axhline(0.0, color="grey", linewidth=0.8, linestyle="--")
    ax.set_xlabel("compilations per program")
    ax.set_ylabel("geomean reduction vs -Oz (%)")
    ax.set_xscale("log")
    ax.set_title(title or "best so far")
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
    return out
