"""Evaluate candidates for a set of problems against the `gcc -O3` baseline, honestly.

For each problem:

1. The baseline (`gcc -O3 -S`, or the data set's own assembly) is assembled and must pass
   every test; its per-test wall times set the candidates' deadlines.
2. Every candidate is judged on every test (`optsmith.asm.judge`). Identical assembly is judged
   once; assembly identical to the baseline *is* the baseline.
3. If there is a choice to make (several correct candidates, or the baseline may win as with
   the flag search), the correct ones are timed against the baseline on the *training*
   tests and the fastest is picked; with the baseline in the race, a candidate must beat it.
4. The winner is timed against the baseline *and against the baseline itself* on the
   held-out tests (all tests when there was no choice). That ratio, measured after the pick,
   is the reported speedup; baseline/baseline is the noise floor printed beside it.

A speedup is only ever reported for a candidate that passed every test. A problem without
one is a failure, counted as such by `optsmith.asm.metrics`.

Each candidate result, and each problem's winner, carries how the assembly was built when
its source says (`target`: portable/native; `fast_math`: value-unsafe math), so that a
figure bought with `-march=native` or `-ffast-math` is labelled as such in every table and
JSON record. The baseline is `gcc -O3`: portable, exact.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from optsmith.asm.build import baseline_asm
from optsmith.asm.candidates import Candidate, CandidateSource
from optsmith.asm.flag_traits import Target
from optsmith.asm.judge import Judgement, JudgeSettings, Status, asm_digest, judge
from optsmith.asm.metrics import Summary, summarize
from optsmith.asm.problems import Problem, split_tests
from optsmith.asm.rewards import correctness_guided_reward, speedup_only_reward
from optsmith.asm.timing import Clock, TimedSet, instruction_totals, time_binaries
from optsmith.errors import OptionError, OptsmithError
from optsmith.sandbox import Limits

BASELINE = "gcc -O3"
_SELF = "gcc -O3 (again)"
_WINNER = "winner"


@dataclass(frozen=True, kw_only=True)
class EvalSettings:
    """Timing and judging knobs. Defaults suit ~0.05-1 s tests on a small machine."""

    repeats: int = 5
    warmup: int = 1
    select_repeats: int = 3
    clock: Clock = "cpu"
    count_instructions: bool = False
    judge: JudgeSettings = field(default_factory=JudgeSettings)

    def __post_init__(self) -> None:
        for name in ("repeats", "select_repeats"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise OptionError(f"EvalSettings.{name} must be an integer >= 1, got {value!r}")
        if isinstance(self.warmup, bool) or not isinstance(self.warmup, int) or self.warmup < 0:
            raise OptionError(f"EvalSettings.warmup must be an integer >= 0, got {self.warmup!r}")
        if self.clock not in ("cpu", "wall"):
            raise OptionError(f"EvalSettings.clock must be 'cpu' or 'wall', got {self.clock!r}")


@dataclass
class CandidateResult:
    """One candidate of one problem: verdict, training-set speedup (if timed), rewards."""

    name: str
    origin: str
    status: Status
    tests_passed: int
    tests_total: int
    detail: str
    same_as: str | None = None
    training_speedup: float | None = None
    rewards: dict[str, float] = field(default_factory=dict)
    contained: bool = True  # its runs were sandboxed (False only under --unsafe-no-sandbox)
    target: Target | None = None  # portable / native, when its source says
    fast_math: bool | None = None  # built with value-unsafe math, when its source says

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "status": self.status.value}


@dataclass
class ProblemResult:
    """The outcome for one problem; `speedup` is set only when `passed`."""

    problem: str
    tests: int
    passed: bool
    winner: str | None
    winner_origin: str | None
    speedup: float | None
    baseline_s: float | None
    winner_s: float | None
    self_ratio: float | None
    report_tests: list[int]
    held_out: bool
    detail: str
    candidates: list[CandidateResult]
    instruction_speedup: float | None = None
    winner_asm: str | None = field(default=None, repr=False)
    winner_target: Target | None = None  # the baseline is portable; None: not known
    winner_fast_math: bool | None = None  # the baseline is exact; None: not known

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k not in ("candidates", "winner_asm")}
        data["candidates"] = [c.to_dict() for c in self.candidates]
        return data


@dataclass
class Evaluation:
    """Every problem's result, the problems that could not be evaluated, and the figures."""

    source: str
    settings: EvalSettings
    results: list[ProblemResult]
    errors: dict[str, str]

    @property
    def summary(self) -> Summary:
        return summarize(
            [r.speedup if r.passed else None for r in self.results],
            [r.self_ratio for r in self.results if r.self_ratio is not None],
            instruction_speedups=[r.instruction_speedup for r in self.results
                                  if r.passed and r.instruction_speedup is not None],
        )

    def winner_builds(self) -> dict[str, int]:
        """How the passed problems' winners were built: portable, native, not known, and how
        many of them used value-unsafe math."""
        passed = [r for r in self.results if r.passed]
        counts = {"portable": 0, "native": 0, "unknown": 0}
        for result in passed:
            counts[result.winner_target or "unknown"] += 1
        return {**counts, "fast_math": sum(1 for r in passed if r.winner_fast_math)}

    def candidate_counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Status}
        for result in self.results:
            for cand in result.candidates:
                counts[cand.status.value] += 1
        return {"total": sum(counts.values()), **counts}

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "baseline": "gcc -O3 -S, linked with gcc x.s -o bin -lm",
            "clock": self.settings.clock,
            "repeats": self.settings.repeats,
            "warmup": self.settings.warmup,
            "summary": self.summary.to_dict(),
            "candidates": self.candidate_counts(),
            "winners": self.winner_builds(),
            "contained": all(c.contained for r in self.results for c in r.candidates),
            "results": [r.to_dict() for r in self.results],
            "errors": self.errors,
        }


class Callbacks:
    """Progress hooks (the CLI's bar); every method is optional."""

    def problem_started(self, problem: Problem, index: int, total: int) -> None: ...

    def step(self, text: str) -> None: ...

    def problem_finished(self, result: ProblemResult | None) -> None: ...


def evaluate(
    problems: Sequence[Problem],
    source: CandidateSource,
    settings: EvalSettings = EvalSettings(),  # noqa: B008 - frozen, so a shared default is safe
    callbacks: Callbacks | None = None,
) -> Evaluation:
    """Evaluate `source`'s candidates on each problem; a broken problem is an error, not a crash."""
    hooks = callbacks or Callbacks()
    results: list[ProblemResult] = []
    errors: dict[str, str] = {}
    for index, problem in enumerate(problems):
        hooks.problem_started(problem, index, len(problems))
        try:
            result: ProblemResult | None = evaluate_problem(problem, source, settings, hooks)
        except OptsmithError as exc:
            errors[problem.name] = str(exc)
            result = None
        if result is not None:
            results.append(result)
        hooks.problem_finished(result)
    return Evaluation(source.label, settings, results, errors)


def evaluate_problem(problem: Problem, source: CandidateSource, settings: EvalSettings,
                     hooks: Callbacks | None = None) -> ProblemResult:
    hooks = hooks or Callbacks()
    with tempfile.TemporaryDirectory(prefix=f"optsmith-asm-{problem.name[:40]}-") as tmp:
        return _Run(problem, source, settings, hooks, Path(tmp)).run()


class _Run:
    """The steps of `evaluate_problem`, sharing the problem's scratch directory."""

    def __init__(self, problem: Problem, source: CandidateSource, settings: EvalSettings,
                 hooks: Callbacks, workdir: Path) -> None:
        self.problem, self.source, self.settings = problem, source, settings
        self.hooks, self.workdir = hooks, workdir
        self.training, self.held_out = split_tests(len(problem.tests))

    def run(self) -> ProblemResult:
        self.hooks.step("baseline")
        base_asm = self._baseline_asm()
        base = self._judge_baseline(base_asm)
        walls = {r.index: r.wall_s for r in base.runs}
        self.hooks.step("generating candidates")
        candidates = self.source.candidates(self.problem, self.workdir / "gen", self.training)
        results, correct, asm_of = self._judge_all(candidates, base, walls)
        if not correct and not self.source.includes_baseline:
            reason = "no candidate" if not candidates else "no candidate passed every test"
            return self._failed(results, reason)
        assert base.executable is not None
        race = dict(correct)
        if self.source.includes_baseline:
            race[BASELINE] = base.executable
        winner, report = self._select(race, base.executable, results, walls)
        if winner is None:
            return self._failed(results, "every correct candidate failed while being timed")
        return self._final(winner, race[winner], base.executable, report, results, walls,
                           asm_of.get(winner, base_asm))

    # ---- steps

    def _baseline_asm(self) -> str:
        if self.problem.baseline_asm is not None:
            return self.problem.baseline_asm
        assert self.problem.source is not None
        return baseline_asm(self.problem.source, self.workdir)

    def _judge_baseline(self, asm: str) -> Judgement:
        lenient = JudgeSettings(min_timeout_s=self.settings.judge.max_timeout_s,
                                max_timeout_s=self.settings.judge.max_timeout_s,
                                memory_bytes=max(self.settings.judge.memory_bytes, 2 << 30))
        verdict = judge(self.problem, asm, name=BASELINE, workdir=self.workdir / "bin",
                        settings=lenient)
        if not verdict.correct:
            raise OptsmithError(f"{self.problem.name}: the gcc -O3 baseline fails its own tests "
                               f"({verdict.detail}); check the expected outputs")
        return verdict

    def _judge_all(self, candidates: list[Candidate], base: Judgement, walls: dict[int, float]
                   ) -> tuple[list[CandidateResult], dict[str, Path], dict[str, str]]:
        results: list[CandidateResult] = []
        correct: dict[str, Path] = {}
        asm_of: dict[str, str] = {}
        seen: dict[str, tuple[str, Judgement]] = {base.asm_sha: (BASELINE, base)}
        for cand in candidates:
            if cand.name in (BASELINE, _SELF, _WINNER):  # reserved for the baseline's timings
                cand = replace(cand, name=f"{cand.name} (candidate)")
            self.hooks.step(f"judging {cand.name}")
            if cand.asm is None:
                results.append(CandidateResult(cand.name, cand.origin, Status.COMPILE_ERROR, 0,
                                               len(self.problem.tests), cand.error or "",
                                               target=cand.target, fast_math=cand.fast_math))
                continue
            digest = asm_digest(cand.asm)
            same_as = None
            if digest in seen:
                same_as, verdict = seen[digest]
                if same_as == BASELINE and not self.source.includes_baseline:
                    # the baseline handed back unchanged is a correct answer (worth ~1.0x)
                    assert verdict.executable is not None
                    correct[cand.name] = verdict.executable
                    asm_of[cand.name] = cand.asm
            else:
                verdict = judge(self.problem, cand.asm, name=cand.name,
                                workdir=self.workdir / "bin", settings=self.settings.judge,
                                baseline_walls=walls)
                seen[digest] = (cand.name, verdict)
                if verdict.correct and verdict.executable is not None:
                    correct[cand.name] = verdict.executable
                    asm_of[cand.name] = cand.asm
            results.append(CandidateResult(cand.name, cand.origin, verdict.status,
                                           verdict.tests_passed, verdict.tests_total,
                                           verdict.detail, same_as=same_as,
                                           contained=verdict.contained, target=cand.target,
                                           fast_math=cand.fast_math))
        return results, correct, asm_of

    def _select(self, race: dict[str, Path], base_exe: Path, results: list[CandidateResult],
                walls: dict[int, float]) -> tuple[str | None, list[int]]:
        """The winner and the tests its speedup will be reported on."""
        everything = list(range(len(self.problem.tests)))
        if len(race) == 1:
            return next(iter(race)), everything
        self.hooks.step(f"choosing among {len(race)} on training tests")
        contenders = {n: p for n, p in race.items() if n != BASELINE}
        timed = self._time({BASELINE: base_exe, **contenders}, self.training,
                           self.settings.select_repeats, walls)
        self._mark_dropped(results, timed.dropped)
        for cand in results:
            name = cand.name if cand.name in timed.totals else cand.same_as
            if name in timed.totals and name != BASELINE:
                cand.training_speedup = timed.speedups[name]
        alive = [n for n in contenders if n in timed.totals]
        if not alive and BASELINE not in race:
            return None, everything
        best = max(alive, key=lambda n: timed.speedups[n], default=BASELINE)
        if BASELINE in race and (best == BASELINE or timed.speedups[best] <= 1.0):
            best = BASELINE
        return best, self.held_out or everything

    def _final(self, winner: str, winner_exe: Path, base_exe: Path, report: list[int],
               results: list[CandidateResult], walls: dict[int, float],
               winner_asm: str) -> ProblemResult:
        self.hooks.step(f"timing {winner} against the baseline")
        timed = self._time({BASELINE: base_exe, _SELF: base_exe, _WINNER: winner_exe}, report,
                           self.settings.repeats, walls)
        if _WINNER in timed.dropped:
            self._mark_dropped(results, {winner: timed.dropped[_WINNER]})
            return self._failed(results, f"{winner}: {timed.dropped[_WINNER]}")
        speedup = timed.speedups[_WINNER]
        instr = None
        if self.settings.count_instructions:
            self.hooks.step("counting instructions")
            counts = instruction_totals(self.problem, {BASELINE: base_exe, _WINNER: winner_exe},
                                        report)
            instr = counts[BASELINE] / counts[_WINNER] if counts[_WINNER] else None
        chosen = next((c for c in results if c.name == winner), None)
        origin = chosen.origin if chosen is not None else "the baseline itself"
        target: Target | None = chosen.target if chosen is not None else "portable"
        fast_math = chosen.fast_math if chosen is not None else False
        for cand in results:
            measured = speedup if winner in (cand.name, cand.same_as) else cand.training_speedup
            cand.rewards = self._rewards(cand, measured)
        if winner != BASELINE:
            detail = f"{winner} passed all {len(self.problem.tests)} tests"
        elif any(c.status is Status.CORRECT for c in results):
            detail = "no candidate beat the baseline on the training tests; kept gcc -O3"
        else:
            detail = "no candidate passed every test; kept gcc -O3"
        return ProblemResult(
            problem=self.problem.name, tests=len(self.problem.tests), passed=True,
            winner=winner, winner_origin=origin,
            speedup=speedup, baseline_s=timed.totals[BASELINE], winner_s=timed.totals[_WINNER],
            self_ratio=timed.speedups[_SELF], report_tests=report,
            held_out=report == self.held_out and bool(self.held_out), detail=detail,
            candidates=results, instruction_speedup=instr, winner_asm=winner_asm,
            winner_target=target, winner_fast_math=fast_math)

    # ---- helpers

    def _failed(self, results: list[CandidateResult], reason: str) -> ProblemResult:
        for cand in results:
            cand.rewards = self._rewards(cand, cand.training_speedup)
        return ProblemResult(problem=self.problem.name, tests=len(self.problem.tests),
                             passed=False, winner=None,
                             winner_origin=None, speedup=None, baseline_s=None, winner_s=None,
                             self_ratio=None, report_tests=[], held_out=False, detail=reason,
                             candidates=results)

    def _time(self, binaries: dict[str, Path], tests: list[int], repeats: int,
              walls: dict[int, float]) -> TimedSet:
        """Paired timing against the baseline; only the baseline's own copies may not fail."""
        problem, judge_settings = self.problem, self.settings.judge

        def limits_for(i: int) -> Limits:
            return judge_settings.limits_for(problem.tests[i].expected, walls.get(i))

        return time_binaries(problem, binaries, tests, reference=BASELINE, repeats=repeats,
                             warmup=self.settings.warmup, clock=self.settings.clock,
                             limits_for=limits_for, keep=(_SELF,))

    @staticmethod
    def _mark_dropped(results: list[CandidateResult], dropped: dict[str, str]) -> None:
        """A candidate that passed its tests but then failed a timed run is not correct."""
        for cand in results:
            reason = dropped.get(cand.name) or dropped.get(cand.same_as or "")
            if reason is None:
                continue
            cand.detail = reason
            cand.tests_passed = cand.tests_total - 1
            cand.status = Status.PARTIAL if cand.tests_passed else Status.RUNTIME_ERROR

    @staticmethod
    def _rewards(cand: CandidateResult, speedup: float | None) -> dict[str, float]:
        return {
            "correctness_guided": correctness_guided_reward(cand.status, cand.tests_passed,
                                                            cand.tests_total, speedup),
            "speedup_only": speedup_only_reward(cand.status, speedup),
        }


__all__ = ["BASELINE", "Callbacks", "CandidateResult", "EvalSettings", "Evaluation",
           "ProblemResult", "evaluate", "evaluate_problem"]
