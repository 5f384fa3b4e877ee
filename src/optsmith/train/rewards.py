"""Reward functions for GRPO, with TRL's signature: `reward(prompts, completions, **kwargs)`.

Nothing here judges anything itself: each reward hands a completion to the library's own
task and reads the verdict.

**Flag tuning** (`FlagTuningReward`). The answer is parsed by the flag-tuning task's parser
(`llm.parsers.parse_pass_list`), the pipeline is run on the engine pool on the prompt's
module (`FlagTuning.measure`), and the .text size is compared with -Oz's on the same
module. With `s` the model's size and `z` -Oz's::

    no pass list in the answer / LLVM rejects it      r = -1   (INVALID_REWARD)
    smaller than -Oz, and the program passes its tests r = 1 - s/z        in (0, 1)
    no smaller than -Oz                               r = z/s - 1        in (-1, 0]
    smaller than -Oz, but the tests fail (miscompile)  r = -1   (MISCOMPILE_REWARD)

so a valid answer always beats an invalid one, and a loss is measured the other way round
(1 - s/z would reach -2 for an answer three times -Oz's size, below the invalid penalty).
Only an answer that beats -Oz is rebuilt and run against the whole program's tests (the
expensive step; a function unit's pipeline is validated on its whole program, as the task
scores it); a program that cannot be tested is rewarded by size with the reason saying so.

**Assembly** (`AsmReward`). The completions of one prompt are the candidates of one
problem for `optsmith.asm.evaluate` (the judge in the sandbox, then timing against gcc -O3),
turned into candidates exactly as a model's answers are for `llm eval`
(`ModelCandidates`); the reward is the candidate's `correctness_guided` reward
(`optsmith.asm.rewards`): -1 compile error, -0.5 runtime failure, partial credit, then the
speedup.

Every reward is written to the rollout log with its prompt id, completion and reason.
Measurements are memoized per (prompt, pipeline): GRPO samples the same answer often.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from optsmith.asm.evaluate import EvalSettings, evaluate_problem
from optsmith.asm.problems import Problem as AsmProblem
from optsmith.errors import OptsmithError
from optsmith.llm.backend import Generation, GenerationParams
from optsmith.llm.parsers import parse_pass_list
from optsmith.llmtasks.asm_candidates import ModelCandidates
from optsmith.llmtasks.flag_tuning import OBJECTIVE, FlagTuning
from optsmith.train.logs import JsonlWriter

INVALID_REWARD = -1.0
MISCOMPILE_REWARD = -1.0
# the first word of a flag-tuning rollout's reason, for whoever reads the log back
INVALID = "invalid"
MISCOMPILE = "miscompile"
MAX_LOGGED_CHARS = 4000


def size_reward(size: float, oz_size: float) -> float:
    """1 - s/z when smaller than -Oz, z/s - 1 otherwise: in (-1, 1), 0 at -Oz's size."""
    if size <= 0 or oz_size <= 0:
        return 0.0
    return 1.0 - size / oz_size if size < oz_size else oz_size / size - 1.0


def completion_text(completion: Any) -> str:
    """TRL passes plain text, or a list of chat messages for conversational data."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, list) and completion and isinstance(completion[-1], dict):
        return str(completion[-1].get("content", ""))
    return str(completion)


class _Logged:
    """Shared by the rewards: the TRL name and the rollout log."""

    __name__ = "reward"

    def __init__(self, log: JsonlWriter | None) -> None:
        self.log = log

    def _record(self, step: int | None, prompt_id: str, completion: str, reward: float | None,
                reason: str, **extra: Any) -> None:
        if self.log is not None:
            self.log.write({"step": step, "prompt_id": prompt_id, "reward": reward,
                            "reason": reason, "completion": completion[:MAX_LOGGED_CHARS],
                            **extra})


def _step(kwargs: Mapping[str, Any]) -> int | None:
    state = kwargs.get("trainer_state")
    return getattr(state, "global_step", None)


class FlagTuningReward(_Logged):
    """The flag-tuning reward over the inputs `task` prepared (by `TaskInput.name`)."""

    __name__ = "flag_tuning_reward"

    def __init__(self, task: FlagTuning, log: JsonlWriter | None = None) -> None:
        super().__init__(log)
        self.task = task
        self._oz: dict[str, float] = {}
        self._seen: dict[tuple[str, str], tuple[float | None, str, dict[str, Any]]] = {}

    def __call__(self, prompts: Sequence[Any], completions: Sequence[Any], *,
                 name: Sequence[str], **kwargs: Any) -> list[float | None]:
        rewards: list[float | None] = []
        for prompt_id, completion in zip(name, completions, strict=True):
            text = completion_text(completion)
            reward, reason, extra = self.score(prompt_id, text)
            self._record(_step(kwargs), prompt_id, text, reward, reason, **extra)
            rewards.append(reward)
        return rewards

    def oz_size(self, prompt_id: str) -> float:
        if prompt_id not in self._oz:
            measured, error = self.task.measure(prompt_id, OBJECTIVE.baseline_pipeline)
            if measured is None:
                raise OptsmithError(f"{prompt_id}: -Oz failed: {error}")
            self._oz[prompt_id] = float(measured["size"])
        return self._oz[prompt_id]

    def score(self, prompt_id: str, answer: str) -> tuple[float | None, str, dict[str, Any]]:
        """(reward, reason, details) for one answer to input `prompt_id`; None (TRL's
        "unscorable": no advantage either way) when -Oz itself fails on the input."""
        parsed = parse_pass_list(answer)
        if parsed.text is None:
            return INVALID_REWARD, f"{INVALID}: {parsed.error}", {}
        key = (prompt_id, parsed.text)
        if key not in self._seen:
            self._seen[key] = self._judge(prompt_id, parsed.text)
        return self._seen[key]

    def _judge(self, prompt_id: str, pipeline: str) -> tuple[float | None, str, dict[str, Any]]:
        measured, error = self.task.measure(prompt_id, pipeline)
        extra: dict[str, Any] = {"pipeline": pipeline}
        if measured is None:
            return INVALID_REWARD, f"{INVALID}: the engine failed: {error}", extra
        try:
            oz = self.oz_size(prompt_id)
        except OptsmithError as exc:
            return None, f"unscorable: {exc}", extra
        size = float(measured["size"])
        extra.update(size=size, size_oz=oz)
        reward = size_reward(size, oz)
        if size >= oz:
            return reward, f"no smaller than -Oz ({size:.0f} vs {oz:.0f} bytes)", extra
        passed, detail = self.task.evaluator.validate(self.task.problem(prompt_id), pipeline)
        extra["validated"] = passed
        if passed is False:
            return MISCOMPILE_REWARD, f"{MISCOMPILE}: {detail}", extra
        tested = "tests passed" if passed else f"not testable: {detail}"
        return reward, f"{1 - size / oz:+.1%} vs -Oz ({tested})", extra


class _Answers:
    """A backend that 'answers' with given texts: how a batch of GRPO completions becomes
    candidates through the same `ModelCandidates` code a real model's answers go through."""

    name = "policy"

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)

    def generate(self, prompts: Sequence[str], params: GenerationParams) -> list[Generation]:
        return [Generation(list(self.texts), 0.0) for _ in prompts]

    def close(self) -> None:
        pass


class AsmReward(_Logged):
    """The assembly task's correctness-guided reward for problems keyed by name."""

    __name__ = "asm_reward"

    def __init__(self, problems: Mapping[str, AsmProblem], *,
                 settings: EvalSettings | None = None, log: JsonlWriter | None = None) -> None:
        super().__init__(log)
        self.problems = dict(problems)
        self.settings = settings or EvalSettings(repeats=3, select_repeats=2)

    def __call__(self, prompts: Sequence[Any], completions: Sequence[Any], *,
                 name: Sequence[str], **kwargs: Any) -> list[float | None]:
        texts = [completion_text(c) for c in completions]
        groups: dict[str, list[int]] = {}
        for index, prompt_id in enumerate(name):
            groups.setdefault(prompt_id, []).append(index)
        rewards: list[float | None] = [None] * len(texts)
        for prompt_id, indices in groups.items():
            scored = self.score(prompt_id, [texts[i] for i in indices])
            for i, (reward, reason) in zip(indices, scored, strict=True):
                rewards[i] = reward
                self._record(_step(kwargs), prompt_id, texts[i], reward, reason)
        return rewards

    def score(self, prompt_id: str, answers: Sequence[str]) -> list[tuple[float | None, str]]:
        """(reward, reason) per answer; None (unscorable) when the problem itself fails."""
        problem = self.problems[prompt_id]
        source = ModelCandidates(_Answers(answers), GenerationParams(n=len(answers)))
        try:
            result = evaluate_problem(problem, source, self.settings)
        except OptsmithError as exc:
            return [(None, f"problem failed: {exc}")] * len(answers)
        by_name = {c.name: c for c in result.candidates}
        scored: list[tuple[float | None, str]] = []
        for index in range(len(answers)):
            cand = by_name.get(f"sample{index}")
            if cand is None:
                scored.append((None, "not judged"))
                continue
            reason = f"{cand.status.value}: {cand.detail}"
            scored.append((cand.rewards.get("correctness_guided"), reason))
        return scored


def asm_prompt(problem: AsmProblem) -> str:
    """SuperCoder's prompt for `problem`, built as `llm eval` builds it."""
    source = ModelCandidates(_Answers([]), GenerationParams())
    with tempfile.TemporaryDirectory(prefix="optsmith-train-asm-") as tmp:
        return source.prompt_for(problem, Path(tmp))
