"""`optsmith/llvm-v0`: phase ordering on LLVM 22 as a Gymnasium environment.

An episode starts from a benchmark's unoptimized IR; each action applies one pass (or a
whole standard pipeline) to the program held by an engine worker, and the step returns
the chosen observation and the drop in the chosen cost. The state is the list of passes
applied so far, and `env.pipeline` renders it as the `opt-22 -passes=` string that
reproduces it with stock LLVM (`reset(options={"pipeline": ...})` restores it).

libLLVM never runs in the caller's process (LLVM aborts the process on some pass orders).
When the worker dies during a step, the step returns `info["error"]` with a zero reward,
the program is restored to its state before the step by replaying the recorded steps into
a fresh worker, and the episode goes on; only when that replay fails too does the step
come back truncated, and the next step asks for a `reset`. The program lives in an
`optsmith.llvm.session.Session`, which does that replay.

The `runtime` rewards (objective `runtime`: clang-22 -O3 IR, the speed action space with
`clang-O3`, clang's own -O3 pipeline, as an action) cost far more per step than the others:
the step's program is rebuilt, linked and run on every test of the benchmark under
callgrind in the sandbox (`optsmith.env.runtime`), about 1-2 s a step on a built-in
program against ~2 ms for an instruction count; each step reports its cost in
`info["measure_seconds"]`. A step whose build fails a test (a wrong output, a crash, no
link) is a failed step like an engine failure: `info["error"]` says why, the reward is
zero and the program goes back to its state before the step. A benchmark without tests or
`main` is refused before any work.

Bad actions are refused, not coerced: `step(1.5)` or `step(True)` is not action 1 (an
agent that passes those has a bug worth hearing about); integers, numpy integer scalars
(what `action_space.sample()` returns) and 0-d integer arrays are actions.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from optsmith.env.rewards import (
    DEFAULT_REWARD,
    References,
    RewardSpec,
    SpeedReferences,
    get_reward,
)
from optsmith.env.runtime import RuntimeCost, measure_state, speed_references
from optsmith.env.spaces import (
    DEFAULT_PROBES,
    ObservationSpec,
    build_specs,
    canonical_name,
)
from optsmith.errors import OptsmithError
from optsmith.llvm.actions import actions_for
from optsmith.llvm.passes import parse_pipeline, render_pipeline
from optsmith.llvm.pool import DEFAULT_TIMEOUT_S
from optsmith.llvm.protocol import EngineReply
from optsmith.llvm.session import Session, SharedWorker
from optsmith.measure.objectives import Objective, get_objective
from optsmith.measure.speed import can_measure_speed
from optsmith.measure.validation import NOT_TESTABLE, can_validate, validate_object
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.builtin_suite import SUITE, builtin_benchmark, builtin_names
from optsmith.programs.frontend import IRMode, c_to_ir

ENV_ID = "optsmith/llvm-v0"
_REFERENCES: dict[tuple[str, str], References] = {}  # (module key, reloc) -> counts
RUNTIME_OBJECTIVE = "runtime"


class InvalidActionError(OptsmithError, gym.error.InvalidAction):
    """`step` got something that is not an action; caught as either parent."""


class EnvClosedError(OptsmithError, gym.error.ClosedEnvironmentError):
    """The environment was closed: its worker is gone, so it takes no more calls."""


@dataclass(frozen=True)
class ValidationResult:
    """The verdict of `LlvmEnv.validate`.

    `passed` is None when the benchmark cannot be validated (no tests or no `main`);
    `reproduced` says whether the rendered pipeline, run from scratch, rebuilt a program
    with the environment's instruction count (it should: the state is the pipeline).
    """

    passed: bool | None
    detail: str
    reproduced: bool | None = None


def resolve_benchmark(benchmark: Benchmark | str) -> Benchmark:
    """A `Benchmark`, a built-in name ("crc32"), a "builtin/crc32" URI, or a program file."""
    if isinstance(benchmark, Benchmark):
        return benchmark
    text = str(benchmark)
    if text.startswith(f"{SUITE}/"):
        return builtin_benchmark(text[len(SUITE) + 1 :])
    path = Path(text)
    if path.suffix in (".c", ".ll", ".bc") and path.is_file():
        from optsmith.measure.reference import record_reference_outputs
        from optsmith.programs.loaders import load_path

        loaded = load_path(path, record=record_reference_outputs)
        if len(loaded) == 1:
            return loaded[0]
    return builtin_benchmark(text)


@functools.lru_cache(maxsize=64)
def compile_benchmark(benchmark: Benchmark, ir_mode: IRMode) -> str:
    """The benchmark's input IR, compiled once per process (clang costs ~0.1 s a file)."""
    return c_to_ir(benchmark, ir_mode)


class ObservationView:
    """`env.observation["Autophase"]`: any observation space of the current state, on demand."""

    def __init__(self, env: LlvmEnv) -> None:
        self._env = env

    def __getitem__(self, name: str) -> Any:
        return self._env._observe(self._env._specs[canonical_name(name)])

    @property
    def spaces(self) -> dict[str, spaces.Space[Any]]:
        """Every observation space by name (Ir2Vec's raises on use without a vocabulary)."""
        return {name: spec.space for name, spec in self._env._specs.items()}


class LlvmEnv(gym.Env[Any, Any]):
    """Phase ordering for one benchmark at a time; see the module docstring.

    Keyword arguments: `benchmark` (a `Benchmark`, built-in name or "builtin/NAME"; None
    draws a built-in program at every reset, with the reset's seed), `objective`
    ("ir-instcount", "text-size" or "runtime": which input IR, relocation model and action
    space; None: "runtime" for the runtime rewards, else "ir-instcount"), `observation`
    (Ir, InstCount, Autophase, Ir2Vec, BehaviorSpectrum), `reward` (instcount,
    instcount-oz, text-size, runtime, runtime-o3; default from the objective),
    `ir2vec_vocab` and `ir2vec_kind` for Ir2Vec, `probes` for BehaviorSpectrum,
    `timeout_s` per worker request, and `render_mode` ("ansi" gives a one-line summary).

    The runtime rewards run the build on the benchmark's tests at every step (about 1-2 s a
    step on a built-in program; `info["measure_seconds"]` has each step's), so they need
    the `runtime` objective and a benchmark with tests and `main`.
    """

    metadata = {"render_modes": ["ansi"]}

    def __init__(
        self,
        benchmark: Benchmark | str | None = None,
        *,
        objective: str | None = None,
        observation: str = "InstCount",
        reward: str | None = None,
        ir2vec_vocab: str | os.PathLike[str] | None = None,
        ir2vec_kind: str = "symbolic",
        probes: Sequence[str] = DEFAULT_PROBES,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        render_mode: str | None = None,
        _worker: SharedWorker | None = None,
    ) -> None:
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise OptsmithError(f"unknown render_mode '{render_mode}'; use 'ansi' or None")
        self.render_mode = render_mode
        if objective is None:
            executes = reward is not None and get_reward(reward).executes
            objective = RUNTIME_OBJECTIVE if executes else "ir-instcount"
        self.objective: Objective = get_objective(objective)
        self.reward_spec: RewardSpec = get_reward(reward or DEFAULT_REWARD[objective])
        if self.reward_spec.executes and objective != RUNTIME_OBJECTIVE:
            raise OptsmithError(
                f"the {self.reward_spec.name} reward needs objective='{RUNTIME_OBJECTIVE}' "
                f"(clang -O3 IR and the speed actions), not '{objective}'"
            )
        self._options = {
            "objective": objective,
            "observation": observation,
            "reward": self.reward_spec.name,
            "ir2vec_vocab": ir2vec_vocab,
            "ir2vec_kind": ir2vec_kind,
            "probes": tuple(probes),
            "timeout_s": timeout_s,
            "render_mode": render_mode,
        }
        self._specs = build_specs(
            ir2vec_vocab=ir2vec_vocab,
            ir2vec_kind=ir2vec_kind,
            probes=probes,
        )
        self.observation_space_name = canonical_name(observation)
        self._spec: ObservationSpec = self._specs[self.observation_space_name]
        self._spec.check_available()
        self.observation_space = self._spec.space
        self.action_names: list[str] = actions_for(objective)
        self.action_space: spaces.Discrete = spaces.Discrete(len(self.action_names))
        self.observation = ObservationView(self)
        self._fixed: Benchmark | None = (
            resolve_benchmark(benchmark) if benchmark is not None else None
        )
        if self._fixed is not None:
            self._check_runnable(self._fixed)
        self._worker = (_worker or SharedWorker(timeout_s=timeout_s)).acquire()
        self._session: Session | None = None
        self._benchmark: Benchmark | None = None
        self._passes: list[str] = []
        self._cost = 0.0
        self._instcount = 0
        self._last_obs: Any = None
        self._broken: str | None = None
        self._closed = False

    # ---- the state ---------------------------------------------------------------------

    @property
    def benchmark(self) -> Benchmark:
        """The program of the current episode."""
        if self._benchmark is None:
            raise OptsmithError("call reset() first: no benchmark is loaded")
        return self._benchmark

    @property
    def passes(self) -> list[str]:
        """The passes applied since reset, in order (the state)."""
        return list(self._passes)

    @property
    def pipeline(self) -> str:
        """The state as the pipeline string `opt-22 -passes=` replays."""
        return render_pipeline(self._passes)

    state = pipeline

    @property
    def instcount(self) -> int:
        """IR instructions of the current program."""
        return self._instcount

    @property
    def cost(self) -> float:
        """The reward's cost of the current program (IR instructions, .text bytes, or
        instructions executed on the tests for the runtime rewards)."""
        return self._cost

    @property
    def references(self) -> References:
        """Instruction counts after `default<O0>` and `default<Oz>` (cached per program)."""
        session = self._require_session()
        key = (session.key, self.objective.reloc)
        if key not in _REFERENCES:
            counts = []
            for pipeline in ("default<O0>", "default<Oz>"):
                reply = session.evaluate(pipeline, ["instcount"])
                if not reply.ok:
                    raise OptsmithError(
                        f"{pipeline} failed on {self.benchmark.uri}: {reply.why()}"
                    )
                counts.append(reply.expect_instcount())
            _REFERENCES[key] = References(*counts)
        return _REFERENCES[key]

    @property
    def speed_references(self) -> SpeedReferences:
        """Instructions the tests execute unoptimized and after clang-22 -O3's pipeline
        (the `runtime-o3` norm; kept per process, measured by running both builds)."""
        session = self._require_session()
        return speed_references(
            session, self.benchmark, self.objective.baseline_for(self.benchmark)
        )

    # ---- Gymnasium API -----------------------------------------------------------------

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[Any, dict[str, Any]]:
        """Start an episode; options: "benchmark" (switches it), "pipeline" (restores it)."""
        self._check_open()
        super().reset(seed=seed)
        options = dict(options or {})
        unknown = set(options) - {"benchmark", "pipeline"}
        if unknown:
            raise OptsmithError(
                f"unknown reset option(s) {sorted(unknown)}: use benchmark, pipeline"
            )
        if options.get("benchmark") is not None:
            chosen = resolve_benchmark(options["benchmark"])
            self._check_runnable(chosen)
            self._fixed = chosen
        bench = self._fixed or builtin_benchmark(
            builtin_names()[int(self.np_random.integers(len(builtin_names())))]
        )
        self._check_runnable(bench)
        ir = compile_benchmark(bench, self.objective.ir_mode)
        if self._session is not None:
            self._session.close()
            self._session = None
        self._benchmark, self._passes, self._broken = bench, [], None
        self._session = Session(
            self._worker.acquire(),
            key=f"{bench.content_hash}:{self.objective.ir_mode}",
            ir=ir,
            name=bench.name,
            reloc=self.objective.reloc,
        )
        reply = self._session.open(self._want(self._spec), self._spec.features)
        if not reply.ok:
            raise OptsmithError(f"cannot load {bench.uri}: {reply.why()}")
        text = options.get("pipeline")
        if text:
            passes = parse_pipeline(str(text))
            reply = self._session.apply(
                render_pipeline(passes), self._want(self._spec), self._spec.features
            )
            if not reply.ok:
                raise OptsmithError(f"pipeline '{text}' failed on {bench.uri}: {reply.why()}")
            self._passes = passes
        if self.reward_spec.normalized_by_oz:
            _ = self.references  # measured now, so that steps cost the same every time
        info: dict[str, Any] = {"benchmark": bench.uri}
        if self.reward_spec.executes:
            started = time.perf_counter()
            if self.reward_spec.normalized_by_o3:
                _ = self.speed_references
            start = f"pipeline '{text}'" if text else "the unoptimized program"
            cost = measure_state(self._session, bench).expect(
                f"cannot start {bench.uri} from {start}"
            )
            info["measure_seconds"] = time.perf_counter() - started
        else:
            cost = self.reward_spec.cost(reply)
        obs = self._take(reply, cost)
        return obs, {**info, "instcount": self._instcount}

    def step(self, action: Any) -> tuple[Any, float, bool, bool, dict[str, Any]]:
        """Apply action `action` (an index into `action_names`; a string is a pipeline)."""
        self._check_open()
        if isinstance(action, str):
            return self.apply_pipeline(action)
        name = self.action_names[self._action_index(action)]
        return self._apply([name], name)

    def apply_pipeline(
        self, pipeline: str | Sequence[str]
    ) -> tuple[Any, float, bool, bool, dict[str, Any]]:
        """Apply a whole pipeline (text or pass list) as one step; same return as `step`."""
        passes = parse_pipeline(pipeline) if isinstance(pipeline, str) else list(pipeline)
        return self._apply(passes, pipeline if isinstance(pipeline, str) else ",".join(passes))

    def render(self) -> str | None:
        if self.render_mode != "ansi":
            return None
        uri = self._benchmark.uri if self._benchmark else "(not reset)"
        return f"{uri}: {self._instcount} instructions after {len(self._passes)} passes"

    def close(self) -> None:
        """Release the worker (the last environment sharing it stops it). Idempotent."""
        if self._closed:
            return
        self._closed = True
        if self._session is not None:
            self._session.close()
            self._session = None
        self._worker.release()

    def __del__(self) -> None:  # pragma: no cover - GC timing
        with contextlib.suppress(Exception):
            self.close()

    # ---- beyond Gymnasium --------------------------------------------------------------

    def fork(self) -> LlvmEnv:
        """An independent environment at the same state, sharing this one's worker."""
        session = self._require_session()
        twin = LlvmEnv(self._fixed, **self._options, _worker=self._worker)  # type: ignore[arg-type]
        twin._session = session.fork()
        twin._benchmark = self._benchmark
        twin._passes = list(self._passes)
        twin._cost, twin._instcount = self._cost, self._instcount
        twin._last_obs = copy.deepcopy(self._last_obs)
        twin._np_random = copy.deepcopy(self._np_random)
        twin._np_random_seed = self._np_random_seed
        twin.spec = self.spec
        return twin

    def validate(self) -> ValidationResult:
        """Rebuild the current state from its pipeline, link it and run the benchmark's tests.

        The same path as the search's validation: the worker runs the rendered pipeline on
        the input IR and emits the object, which is linked with clang and run against the
        benchmark's expected outputs in the sandbox.
        """
        session = self._require_session()
        bench = self.benchmark
        if not can_validate(bench):
            return ValidationResult(None, NOT_TESTABLE)
        reply = session.evaluate(self.pipeline, ["object", "instcount"])
        if not reply.ok:
            return ValidationResult(False, f"rebuild failed: {reply.why()}", reproduced=False)
        rebuilt = reply.expect_instcount()
        reproduced = rebuilt == self._instcount
        passed, detail = validate_object(reply.expect_object(), bench)
        if not reproduced:
            detail += (
                f"; note: the pipeline rebuilt {rebuilt} instructions, "
                f"the environment holds {self._instcount}"
            )
        return ValidationResult(passed, detail, reproduced)

    # ---- internals ---------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise EnvClosedError("the environment is closed; make a new one")

    def _action_index(self, action: Any) -> int:
        """The action's index, or InvalidActionError quoting what came instead."""
        last = len(self.action_names) - 1
        usage = f"an action is an index 0..{last} into env.action_names, or a pipeline string"
        if action is None:
            raise InvalidActionError(f"step(None): {usage}")
        integral = isinstance(action, int | np.integer) or (
            isinstance(action, np.ndarray)
            and action.shape == ()
            and np.issubdtype(action.dtype, np.integer)
        )
        if not integral or isinstance(action, bool):
            raise InvalidActionError(f"action {action!r} ({type(action).__name__}): {usage}")
        index = int(action)
        if not 0 <= index < len(self.action_names):
            raise InvalidActionError(f"action {action!r} is outside 0..{last}")
        return index

    def _require_session(self) -> Session:
        self._check_open()
        if self._session is None:
            raise OptsmithError("call reset() first")
        return self._session

    def _want(self, spec: ObservationSpec) -> list[str]:
        return sorted({*spec.want, *self.reward_spec.want, "instcount"})

    def _check_runnable(self, bench: Benchmark) -> None:
        """The runtime rewards run `bench` on its tests: refuse one without tests or main."""
        if self.reward_spec.executes:
            why = can_measure_speed(bench)
            if why is not None:
                raise OptsmithError(f"the {self.reward_spec.name} reward cannot be used: {why}")

    def _take(self, reply: EngineReply, cost: float) -> Any:
        """Record the cost and count of a successful reply; decode the main observation."""
        self._cost = cost
        self._instcount = reply.expect_instcount()
        obs = self._spec.decode(reply)
        self._last_obs = obs
        return copy.copy(obs)

    def _apply(
        self, passes: list[str], label: str
    ) -> tuple[Any, float, bool, bool, dict[str, Any]]:
        session = self._require_session()
        if self._broken is not None:
            raise OptsmithError(f"the episode was lost ({self._broken}); call reset()")
        text = render_pipeline(passes)  # PipelineError names an unknown pass at once
        reply = session.apply(text, self._want(self._spec), self._spec.features)
        if not reply.ok:
            restored = bool(reply.restored) if reply.lost_worker else None
            return self._failed(label, reply.why(), restored)
        extra: dict[str, Any] = {}
        if self.reward_spec.executes:
            measured = measure_state(session, self.benchmark)
            extra["measure_seconds"] = measured.seconds
            if measured.instructions is None:
                return self._refuse(session, label, measured)
            cost = measured.instructions
        else:
            cost = self.reward_spec.cost(reply)
        self._passes.extend(passes)
        previous = self._cost
        obs = self._take(reply, cost)
        reward = (previous - self._cost) / self._norm()
        info = {"action": label, "instcount": self._instcount, **extra}
        return obs, float(reward), False, False, info

    def _norm(self) -> float:
        if self.reward_spec.normalized_by_oz:
            return self.references.oz_norm
        if self.reward_spec.normalized_by_o3:
            return self.speed_references.o3_norm
        return 1.0

    def _refuse(
        self, session: Session, label: str, measured: RuntimeCost
    ) -> tuple[Any, float, bool, bool, dict[str, Any]]:
        """A step the engine ran but whose build has no runtime figure (it fails a test):
        taken back, so the program is the one before the step, as after an engine failure."""
        restored = session.undo()
        result = self._failed(label, str(measured.error), restored)
        result[4]["measure_seconds"] = measured.seconds
        return result

    def _failed(
        self, label: str, error: str, restored: bool | None
    ) -> tuple[Any, float, bool, bool, dict[str, Any]]:
        """A failed step: zero reward, the state before it, and `info["error"]`; when the
        state could not be rebuilt the episode is lost (truncated; `reset` to go on).
        `restored` is None when the program was never touched."""
        info: dict[str, Any] = {"action": label, "instcount": self._instcount, "error": error}
        truncated = False
        if restored is not None:
            info["restored"] = restored
            if not restored:
                self._broken = error
                truncated = True
        return copy.copy(self._last_obs), 0.0, False, truncated, info

    def _observe(self, spec: ObservationSpec) -> Any:
        spec.check_available()
        reply = self._require_session().observe(spec.want, spec.features)
        if not reply.ok:
            raise OptsmithError(f"{spec.name} observation failed: {reply.why()}")
        return spec.decode(reply)


__all__ = [
    "ENV_ID",
    "EnvClosedError",
    "InvalidActionError",
    "LlvmEnv",
    "ObservationView",
    "ValidationResult",
    "resolve_benchmark",
]
