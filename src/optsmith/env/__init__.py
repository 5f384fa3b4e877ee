"""Gymnasium environment for LLVM 22 phase ordering: `gymnasium.make("optsmith/llvm-v0")`.

Importing this package registers the environment id. Example::

    import gymnasium as gym
    import optsmith.env  # noqa: F401  (registers optsmith/llvm-v0)

    env = gym.make("optsmith/llvm-v0", benchmark="crc32", observation="Autophase",
                   reward="instcount-oz")
    obs, info = env.reset(seed=0)
    obs, reward, terminated, truncated, info = env.step(env.action_space.sample())
    print(env.unwrapped.pipeline)   # replay with: opt-22 -passes='<pipeline>' input.ll
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
from optsmith.env.rewards import REWARDS, References
from optsmith.env.spaces import DEFAULT_PROBES, INSTCOUNT_NAMES, OBSERVATION_NAMES
from optsmith.llvm.actions import COMPOSITE_ACTIONS, action_names


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
    "ValidationResult",
    "action_names",
    "register",
    "resolve_benchmark",
]
