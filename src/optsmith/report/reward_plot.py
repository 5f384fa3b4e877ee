"""Plot (matplotlib, headless) of a GRPO run's reward curve (`train.curve.reward_curve`):
reward against step with its lowest-highest band, and below it the shares of valid answers
and of answers beating -Oz, so that "the mean rose" can be told apart from "fewer answers
were garbage"."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from optsmith.train.curve import StepRewards


def plot_reward_curve(curve: Sequence[StepRewards], out: Path, *, title: str = "") -> Path:
    """Write the PNG of `curve` to `out`."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    points = [p for p in curve if p.mean is not None]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 6), dpi=120, sharex=True,
                                      gridspec_kw={"height_ratios": [3, 2]})
    steps = [p.step for p in points]
    top.fill_between(steps, [p.low or 0.0 for p in points], [p.high or 0.0 for p in points],
                     alpha=0.2, label="lowest-highest answer")
    top.plot(steps, [p.mean for p in points], marker="o", markersize=3, label="mean reward")
    top.axhline(0.0, color="grey", linewidth=0.8, linestyle="--")
    top.set_ylabel("reward (0 = -Oz's size, -1 invalid)")
    top.set_ylim(-1.05, 1.05)
    top.set_title(title or "GRPO reward curve", fontsize=10)
    top.grid(True, alpha=0.3)
    top.legend(loc="best", fontsize=8)
    bottom.plot([p.step for p in curve], [100 * p.valid_share for p in curve], marker="o",
                markersize=3, label="valid answers")
    bottom.plot([p.step for p in curve], [100 * p.beats_oz_share for p in curve], marker="s",
                markersize=3, label="beating -Oz")
    bottom.set_ylabel("% of the step's answers")
    bottom.set_ylim(-3, 103)
    bottom.set_xlabel("optimizer step")
    bottom.grid(True, alpha=0.3)
    bottom.legend(loc="best", fontsize=8)
    bottom.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
    return out
