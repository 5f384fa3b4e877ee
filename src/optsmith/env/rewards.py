"""Rewards of the LLVM environment: the drop in a cost from one step to the next.

Every reward is `(previous cost - new cost) / norm`, so the rewards of an episode sum to
the total improvement since `reset`, divided by the norm:

- `instcount`: IR instructions (CompilerGym's IrInstructionCount); norm 1.
- `instcount-oz`: the same, divided by `max(IC_O0 - IC_Oz, 1)`, the reduction that
  `-Oz` achieves on the benchmark (CompilerGym's IrInstructionCountOz), so an episode
  that matches -Oz earns 1.0 and figures compare with CompilerGym's leaderboard. IC_O0 is
  the count after `default<O0>` on the input, IC_Oz after `default<Oz>` (with the
  objective's relocation model), as CompilerGym measures them. CompilerGym starts its
  first reward from IC_O0; optsmith starts from the count at `reset`, which equals IC_O0
  on clang's -O0 IR and stays right after `reset(options={"pipeline": ...})`.
- `text-size`: bytes of the object's .text section; norm 1 (emits an object per step).
"""

from __future__ import annotations

from dataclasses import dataclass

from optsmith.errors import OptsmithError
from optsmith.llvm.protocol import EngineReply


@dataclass(frozen=True)
class RewardSpec:
    """A reward: the cost it reads from an engine reply and whether -Oz normalizes it."""

    name: str
    want: tuple[str, ...]
    normalized_by_oz: bool
    description: str

    def cost(self, reply: EngineReply) -> float:
        """This reward's cost in an engine reply that measured `want`."""
        if "sizes" in self.want:
            return float(reply.expect_text_size())
        return float(reply.expect_instcount())


REWARDS: dict[str, RewardSpec] = {
    "instcount": RewardSpec("instcount", ("instcount",), False, "drop in IR instruction count"),
    "instcount-oz": RewardSpec(
        "instcount-oz",
        ("instcount",),
        True,
        "drop in IR instruction count / (IC_O0 - IC_Oz), CompilerGym's IrInstructionCountOz",
    ),
    "text-size": RewardSpec("text-size", ("sizes",), False, "drop in object .text bytes"),
}

DEFAULT_REWARD = {"ir-instcount": "instcount", "text-size": "text-size"}


def get_reward(name: str) -> RewardSpec:
    try:
        return REWARDS[name]
    except KeyError:
        raise OptsmithError(
            f"unknown reward '{name}'; choose one of: {', '.join(REWARDS)}"
        ) from None


@dataclass(frozen=True)
class References:
    """Instruction counts of the benchmark after `default<O0>` and `default<Oz>`."""

    instcount_o0: int
    instcount_oz: int

    @property
    def oz_norm(self) -> float:
        """CompilerGym's normalizer: the -Oz reduction, at least 1."""
        return float(max(self.instcount_o0 - self.instcount_oz, 1))


__all__ = ["DEFAULT_REWARD", "REWARDS", "References", "RewardSpec", "get_reward"]
