"""Training recipes on optsmith's own tasks and data, with the field's tools (TRL, PEFT).

`run_sft` fine-tunes a base model (a transformers directory, a `.gguf` file, or the
packaged SmolLM2-135M) on an `optsmith dataset build` output; `run_grpo` trains it with
GRPO on rewards that are the library's own verdicts (`FlagTuningReward`: the engine, -Oz
and the program's tests; `AsmReward`: the assembly judge and timing). Both write a plain
transformers weights directory that `optsmith llm eval --model DIR` scores. torch,
transformers, trl, peft and datasets are imported only when a run starts
(`pip install 'optsmith[train]'`).
"""

from optsmith.train.grpo import GrpoSettings, asm_prompts, flag_tuning_prompts, run_grpo
from optsmith.train.models import BUNDLED, BaseModel, load_base, resolve_base
from optsmith.train.rewards import (
    INVALID_REWARD,
    MISCOMPILE_REWARD,
    AsmReward,
    FlagTuningReward,
    size_reward,
)
from optsmith.train.sft import SftSettings, run_sft

__all__ = [
    "BUNDLED",
    "INVALID_REWARD",
    "MISCOMPILE_REWARD",
    "AsmReward",
    "BaseModel",
    "FlagTuningReward",
    "GrpoSettings",
    "SftSettings",
    "asm_prompts",
    "flag_tuning_prompts",
    "load_base",
    "resolve_base",
    "run_grpo",
    "run_sft",
    "size_reward",
]
