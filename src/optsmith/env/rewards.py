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
- `runtime`: instructions the linked build executes on the benchmark's tests, counted by
  callgrind in the sandbox with every output checked (`optsmith.measure.speed`, the
  `runtime` objective's figure); norm 1. It is not measured by the engine: every step
  rebuilds the object, links it and runs all tests under callgrind, about 1-2 s a step on
  a built-in program (`benchmarks/env_throughput.py --runtime-only`), against ~2 ms for
  the engine's rewards. A build that fails a test has no cost: the step fails.
- `runtime-o3`: the same, divided by `max(E_start - E_O3, 1)`, the drop that clang-22
  -O3's own pipeline achieves on the unoptimized program (E_start: the input as the
  `runtime` objective compiles it, no pass run; E_O3: after the `clang-O3` baseline), so
  an episode that matches clang -O3 earns 1.0, as `instcount-oz` does against -Oz.
"""

from __future__ import annotations

from dataclasses import dataclass

from optsmith.errors import OptsmithError
from optsmith.llvm.protocol import EngineReply


@dataclass(frozen=True)
class RewardSpec:
    """A reward: the cost it reads from an engine reply and what normalizes it.

    `executes` marks a cost the engine cannot give: the instructions the build executes on
    the benchmark's tests, measured by running it (`optsmith.env.runtime`), which needs
    the `runtime` objective (clang -O3 IR, the speed action space) and tests.
    """

    name: str
    want: tuple[str, ...]
    normalized_by_oz: bool
    description: str
    executes: bool = False
    normalized_by_o3: bool = False

    def cost(self, reply: EngineReply) -> float:
        """This reward's cost in an engine reply that measured `want`."""
        if self.executes:
            raise OptsmithError(f"the {self.name} reward is measured by running the build")
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
    "runtime": RewardSpec(
        "runtime",
        (),
        False,
        "drop in instructions executed on the tests (callgrind; a link and a run per step)",
        executes=True,
    ),
    "runtime-o3": RewardSpec(
        "runtime-o3",
        (),
        False,
        "drop in instructions executed / (E_start - E_O3), the drop clang-22 -O3 achieves",
        executes=True,
        normalized_by_o3=True,
    ),
}

DEFAULT_REWARD = {"ir-instcount": "instcount", "text-size": "text-size", "runtime": "runtime"}


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


@dataclass(frozen=True)
class SpeedReferences:
    """Instructions the benchmark's tests execute unoptimized and after clang-22 -O3."""

    executed_start: float
    executed_o3: float

    @property
    def o3_norm(self) -> float:
        """The `runtime-o3` normalizer: the drop clang -O3 achieves, at least 1."""
        return float(max(self.executed_start - self.executed_o3, 1.0))


__all__ = [
    "DEFAULT_REWARD",
    "REWARDS",
    "References",
    "RewardSpec",
    "SpeedReferences",
    "get_reward",
]
