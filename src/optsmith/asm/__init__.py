"""The assembly optimization task (SuperCoder's), judged in the sandbox.

A model (or the flag search in `optsmith.asm.flags`) rewrites `gcc -O3 -S` assembly; each
candidate is assembled, run on every test in the sandbox, compared byte for byte, and only
then timed against the baseline. See `evaluate` for the procedure and `metrics` and
`rewards` for the figures.

    from optsmith.asm import EvalSettings, FlagGenerator, builtin_problems, evaluate

    evaluation = evaluate(builtin_problems(["nbody", "crc32"]), FlagGenerator())
    print(evaluation.summary.pass_rate, evaluation.summary.geomean_speedup)

`FlagGenerator()` tries -march=native configs (labelled `native`) but no fast-math;
`FlagGenerator(portable=True)` only portable ones; `allow_fast_math=True` adds -Ofast
(labelled `fast_math`).
"""

from optsmith.asm.build import assemble, baseline_asm
from optsmith.asm.candidates import Candidate, CandidateSource, DirectoryCandidates
from optsmith.asm.evaluate import (
    BASELINE,
    CandidateResult,
    EvalSettings,
    Evaluation,
    ProblemResult,
    evaluate,
    evaluate_problem,
)
from optsmith.asm.flag_traits import FlagMode
from optsmith.asm.flags import DEFAULT_CONFIGS, FlagConfig, FlagGenerator
from optsmith.asm.judge import Judgement, JudgeSettings, Status, judge
from optsmith.asm.loading import load_problems
from optsmith.asm.metrics import Summary, summarize
from optsmith.asm.problems import (
    AsmTest,
    Problem,
    builtin_names,
    builtin_problems,
    load_problem_dir,
    split_tests,
)
from optsmith.asm.rewards import correctness_guided_reward, rewards_for, speedup_only_reward
from optsmith.asm.supercoder import load_supercoder

__all__ = [
    "BASELINE",
    "DEFAULT_CONFIGS",
    "AsmTest",
    "Candidate",
    "CandidateResult",
    "CandidateSource",
    "DirectoryCandidates",
    "EvalSettings",
    "Evaluation",
    "FlagConfig",
    "FlagGenerator",
    "FlagMode",
    "JudgeSettings",
    "Judgement",
    "Problem",
    "ProblemResult",
    "Status",
    "Summary",
    "assemble",
    "baseline_asm",
    "builtin_names",
    "builtin_problems",
    "correctness_guided_reward",
    "evaluate",
    "evaluate_problem",
    "judge",
    "load_problem_dir",
    "load_problems",
    "load_supercoder",
    "rewards_for",
    "speedup_only_reward",
    "split_tests",
    "summarize",
]
