"""Gymnasium environment for LLVM 22 phase ordering: `gymnasium.make("optsmith/llvm-v0")`.

Importing this package registers the environment id. Example::

    import gymnasium as gym
    import optsmith.env  # noqa: F401  (registers optsmith/llvm-v0)

    env = gym.make("optsmith/llvm-v0", benchmark="crc32", observation="Autophase",
                   reward="instcount-oz")
    obs, info = env.reset(seed=0)
    obs, reward, terminated, truncated, info = env.step(env.action_space.sample())
    print(env.unwrapped.pipeline)   # replay with: opt-22 -passes='<pipeline>' input.ll

For speed, `reward="runtime-o3"` (objective `runtime`: clang -O3 IR, the speed actions,
`clang-O3` among them) rewards the drop in instructions the build executes on the
benchmark's tests, over the drop clang-22 -O3 achieves; each step links the build and runs
its tests under callgrind (about 1-2 s; `info["measure_seconds"]`).
"""

from __future__ import annotations

import gymnasium

from optsmith.env.llvm_env import (
    ENV_ID,
    EnvClosedError,
    InvalidActionError,
    LlvmEnv,
    ValidationResult,
    resolve_benchmark,
)
from optsmith.env.rewards import REWARDS, References, SpeedReferences
from optsmith.env.spaces import DEFAULT_PROBES, INSTCOUNT_NAMES, OBSERVATION_NAMES
from optsmith.llvm.actions import COMPOSITE_ACTIONS, action_names, actions_for


def register() -> None:
    """Register `optsmith/llvm-v0` with Gymnasium (done on import; safe to call again)."""
    if ENV_ID not in gymnasium.registry:
        gymnasium.register(id=ENV_ID, entry_point="optsmith.env.llvm_env:LlvmEnv")


register()

__all__ = [
    "COMPOSITE_ACTIONS",
    "DEFAULT_PROBES",
    "ENV_ID",
    "EnvClosedError",
    "INSTCOUNT_NAMES",
    "InvalidActionError",
    "OBSERVATION_NAMES",
    "REWARDS",
    "LlvmEnv",
    "References",
    "SpeedReferences",
    "ValidationResult",
    "action_names",
    "actions_for",
    "register",
    "resolve_benchmark",
]
