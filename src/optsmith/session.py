"""The facade: one object owns the engine workers, the store and the evaluator.

Every entry point (the `optsmith` command, `optsmith.optimize`, the data set and LLM task
builders, the benchmarks) used to assemble pool + store + evaluator by hand, and each
forgot something different (closing the store, validating `--workers`). A `Session` does it
once:

    with optsmith.Session(workers=2, store="store.sqlite") as session:
        result = session.optimize("prog.c", objective="text-size", budget="60s")
        report = session.bench("builtin", optimizer="evolution", budget=1000)

The constructor validates at once and quotes the bad value; the engine workers (or the Ray
actors) start on first use; leaving the `with` block stops them and closes the store.
`optimize` and `bench` are what the `optsmith optimize` / `optsmith bench` commands run:
a resumable suite run (`search.suite_run.run_suite`) with best-first validation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from optsmith.errors import OptsmithError
from optsmith.llvm.pool import DEFAULT_TIMEOUT_S, EnginePool
from optsmith.measure.objectives import Objective, get_objective
from optsmith.measure.reference import record_reference_outputs
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.loaders import LoadFailure, LoadResult, load_path
from optsmith.programs.suites import load_suite
from optsmith.results import BenchReport, Result, results_by_program
from optsmith.search.budget import Budget
from optsmith.search.defaults import LLM_OPTIMIZERS
from optsmith.search.driver import SearchResult
from optsmith.search.evaluator import Evaluator, Problem
from optsmith.search.executor import Executor
from optsmith.search.outputs import write_outputs
from optsmith.search.protocol import Optimizer
from optsmith.search.registry import DEFAULT_OPTIMIZER, make_optimizer
from optsmith.search.suite_run import SuiteCallbacks, SuiteFailure, run_suite
from optsmith.store import Store
from optsmith.writable import check_dir_target

if TYPE_CHECKING:
    from optsmith.agent.loop import AgentResult
    from optsmith.llm.backend import Backend
    from optsmith.llm.openai_http import HttpSettings

EXECUTORS = ("local", "ray")
LLM_OPTIMIZER = "llm"  # the default search seeded by a model (see SearchSpec.model)

StoreArg = Path | str | None | Literal[False]
BudgetArg = int | str | Budget
SuiteArg = str | Path | Sequence[Benchmark] | LoadResult


@dataclass(frozen=True, kw_only=True)
class SearchSpec:
    """What one search is asked to do, checked before any program is compiled."""

    objective: Objective
    budget: Budget
    budget_text: str  # as the caller wrote it, for reports ("500", "60s")
    optimizer: str
    seed: int = 0
    # for optimizers "llm" / "llm-mcts" (`LLM_OPTIMIZERS`): a URL, .gguf file or weights dir
    model: str | None = None
    llm_samples: int = 8

    @classmethod
    def parse(
        cls,
        *,
        objective: str | Objective = "ir-instcount",
        budget: BudgetArg = 500,
        optimizer: str = DEFAULT_OPTIMIZER,
        seed: int = 0,
        model: str | None = None,
        llm_samples: int = 8,
    ) -> SearchSpec:
        """Resolve names; a misspelt one raises `OptsmithError` naming the choices."""
        resolved = objective if isinstance(objective, Objective) else get_objective(objective)
        parsed = budget if isinstance(budget, Budget) else Budget.parse(budget)
        if optimizer in LLM_OPTIMIZERS:
            if model is None:
                raise OptsmithError(
                    f"optimizer {optimizer!r} needs --model (model= in Python): a URL, .gguf "
                    "file or weights dir"
                )
            if llm_samples < 1:
                raise OptsmithError(f"llm samples must be at least 1, got {llm_samples!r}")
        else:
            make_optimizer(optimizer)
            if model is not None:
                raise OptsmithError(
                    f"--model {model!r} is for --optimizer {' or '.join(LLM_OPTIMIZERS)} only"
                )
        return cls(
            objective=resolved,
            budget=parsed,
            budget_text=str(budget),
            optimizer=optimizer,
            seed=seed,
            model=model,
            llm_samples=llm_samples,
        )


def load_program(program: Path | str, *, test_timeout_s: float | None = None) -> Benchmark:
    """One `.c`, `.ll` or `.bc` file as a benchmark (a C file's tests from its sidecars).

    `test_timeout_s` limits every run of a test (the -O0 reference included) instead of
    the limit derived from the reference's measured time."""
    path = Path(program)
    if path.is_dir():
        raise OptsmithError(
            f"{path} is a directory; optimize takes one .c/.ll/.bc file; "
            f"use `optsmith bench --suite {path}`"
        )
    if not path.exists():
        raise OptsmithError(f"{path}: no such file")
    (benchmark,) = load_path(path, record=record_reference_outputs, test_timeout_s=test_timeout_s)
    return benchmark


class Session:
    """Engine workers (local processes or Ray actors), a store and an evaluator, owned.

    `workers`: engine processes (default: one per CPU). `store`: SQLite file of every
    measurement (default `$OPTSMITH_STORE` or `~/.cache/optsmith/store.sqlite`; `False` for
    none: every measurement is made afresh, as a check must). `executor`: `"local"` or
    `"ray"` (`ray_address` to join a cluster). `timeout_s`: per evaluation.
    """

    def __init__(
        self,
        *,
        workers: int | None = None,
        store: StoreArg = None,
        executor: str = "local",
        ray_address: str | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        if workers is not None and (
            isinstance(workers, bool) or not isinstance(workers, int) or workers < 1
        ):
            raise OptsmithError(f"workers must be a whole number >= 1, got {workers!r}")
        if executor not in EXECUTORS:
            raise OptsmithError(f"unknown executor {executor!r}: choose local or ray")
        if ray_address is not None and executor != "ray":
            raise OptsmithError(
                f"a Ray address ({ray_address!r}) needs the Ray executor (--executor ray)"
            )
        if not timeout_s > 0:
            raise OptsmithError(f"timeout_s must be positive, got {timeout_s!r}")
        self.workers = workers
        self.executor = executor
        self.ray_address = ray_address
        self.timeout_s = timeout_s
        self.store: Store | None = None if store is False else Store(store)
        self._pool: Executor | None = None
        self._evaluator: Evaluator | None = None
        self._closed = False

    # ownership -------------------------------------------------------------------------
    @property
    def pool(self) -> Executor:
        """The executor, started on first use (Ray is imported only for executor='ray')."""
        if self._closed:
            raise OptsmithError("this optsmith Session is closed")
        if self._pool is None:
            if self.executor == "ray":
                from optsmith.search.ray_executor import RayExecutor

                self._pool = RayExecutor(
                    self.workers, address=self.ray_address, timeout_s=self.timeout_s
                )
            else:
                self._pool = EnginePool(self.workers, timeout_s=self.timeout_s)
        return self._pool

    @property
    def evaluator(self) -> Evaluator:
        """Measures pipelines through the store and the pool; one per session."""
        if self._evaluator is None:
            self._evaluator = Evaluator(self.pool, self.store)
        return self._evaluator

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Stop the workers and close the store; closing again is harmless."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._pool is not None:
                self._pool.close()
        finally:
            if self.store is not None:
                self.store.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        store = self.store.path if self.store is not None else None
        state = "closed" if self._closed else "open"
        return (
            f"Session(workers={self.workers!r}, store={str(store) if store else None!r}, "
            f"executor={self.executor!r}, {state})"
        )

    # what it does ----------------------------------------------------------------------
    def optimize(
        self,
        program: Path | str | Benchmark,
        *,
        objective: str | Objective = "ir-instcount",
        budget: BudgetArg = 500,
        optimizer: str = DEFAULT_OPTIMIZER,
        seed: int = 0,
        model: str | None = None,
        llm_samples: int = 8,
        test_timeout_s: float | None = None,
        callbacks: SuiteCallbacks | None = None,
    ) -> Result:
        """Search a pipeline for one program; the result is never worse than `-Oz`.

        `program` is a `.c` (tests from sidecar files), `.ll` or `.bc` file, or a
        `Benchmark`. `budget` is compilations (500) or time ("60s"). `test_timeout_s` overrides
        the per-test time limit (by default derived from the -O0 reference run's measured
        time, under a generous ceiling). A program that cannot
        be searched (does not compile, reference run crashes) raises `OptsmithError`."""
        spec = SearchSpec.parse(
            objective=objective, budget=budget, optimizer=optimizer, seed=seed, model=model,
            llm_samples=llm_samples,
        )
        if self._closed:
            raise OptsmithError("this optsmith Session is closed")
        benchmark = program if isinstance(program, Benchmark) else load_program(
            program, test_timeout_s=test_timeout_s
        )
        results, failures = self.run(spec, [benchmark], callbacks)
        if failures:
            raise OptsmithError(failures[0].error)
        return Result(results[0], benchmark, self)

    def bench(
        self,
        suite: SuiteArg = "builtin",
        *,
        objective: str | Objective = "ir-instcount",
        budget: BudgetArg = 200,
        optimizer: str = DEFAULT_OPTIMIZER,
        seed: int = 0,
        limit: int | None = None,
        model: str | None = None,
        llm_samples: int = 8,
        test_timeout_s: float | None = None,
        callbacks: SuiteCallbacks | None = None,
        label: str | None = None,
    ) -> BenchReport:
        """One optimizer over a suite, resumably (finished programs come from the store).

        `suite`: "builtin", "csmith", a directory or file of programs, a list of
        `Benchmark`s, or what `load` returned. Programs that fail to load or to search are
        the report's `failures`; the rest are searched. `label` names the suite in the
        report (default: its name or path)."""
        spec = SearchSpec.parse(
            objective=objective, budget=budget, optimizer=optimizer, seed=seed, model=model,
            llm_samples=llm_samples,
        )
        if self._closed:
            raise OptsmithError("this optsmith Session is closed")
        loaded = self.load(suite, limit=limit, test_timeout_s=test_timeout_s)
        load_failures = [SuiteFailure(f.path.stem, str(f.error)) for f in loaded.failures]
        results, failures = self.run(spec, loaded.benchmarks, callbacks)
        return BenchReport(
            suite=label or (str(suite) if isinstance(suite, str | Path) else "programs"),
            objective=spec.objective.name,
            optimizer=spec.optimizer,
            budget=spec.budget_text,
            seed=spec.seed,
            results=results_by_program(results, loaded.benchmarks, self),
            failures=load_failures + failures,
        )

    def agent(
        self,
        program: Path | str | Benchmark,
        *,
        model: str,
        max_compilations: int = 50,
        objective: str | Objective = "ir-instcount",
        max_turns: int = 20,
        temperature: float = 0.0,
        seed: int = 0,
        max_tokens: int = 1024,
        model_name: str | None = None,
        http: HttpSettings | None = None,
        test_timeout_s: float | None = None,
    ) -> AgentResult:
        """A chat model optimizes `program` with compiler tools on this session's workers
        (`optsmith.agent`); the answer is validated as `optimize`'s, every compilation
        counted against `max_compilations`. `model` is the URL of an OpenAI-compatible
        server that takes tools, or a local `.gguf` file or transformers weights directory
        run in-process with its own chat template (`llm.resolve.open_chat_model`)."""
        from optsmith.agent.loop import AgentSettings, run_agent
        from optsmith.llm.resolve import open_chat_model

        settings = AgentSettings(
            max_compilations=max_compilations, max_turns=max_turns, temperature=temperature,
            seed=seed, max_tokens=max_tokens,
        )
        resolved = objective if isinstance(objective, Objective) else get_objective(objective)
        if self._closed:
            raise OptsmithError("this optsmith Session is closed")
        chat = open_chat_model(model, model_name=model_name, settings=http)
        try:
            benchmark = program if isinstance(program, Benchmark) else load_program(
                program, test_timeout_s=test_timeout_s
            )
            problem = self.evaluator.prepare(benchmark, resolved)
            return run_agent(problem, self.evaluator, chat, settings)
        finally:
            chat.close()

    @staticmethod
    def load(
        suite: SuiteArg, *, limit: int | None = None, test_timeout_s: float | None = None
    ) -> LoadResult:
        """The programs of a suite (see `bench`); those that fail to load are listed."""
        if limit is not None and limit < 1:
            raise OptsmithError(f"limit must be at least 1, got {limit!r}")
        if isinstance(suite, LoadResult):
            return LoadResult(list(suite.benchmarks[:limit]), list(suite.failures))
        if isinstance(suite, str | Path):
            return load_suite(
                str(suite), record=record_reference_outputs, limit=limit,
                test_timeout_s=test_timeout_s,
            )
        return LoadResult(list(suite[:limit]), list[LoadFailure]())

    def run(
        self,
        spec: SearchSpec,
        benchmarks: Sequence[Benchmark],
        callbacks: SuiteCallbacks | None = None,
    ) -> tuple[list[SearchResult], list[SuiteFailure]]:
        """`run_suite` with this session's evaluator (and a model for the `llm` optimizers)."""
        with self._optimizer_factory(spec) as (name, factory):
            return run_suite(
                benchmarks,
                spec.objective,
                name,
                spec.budget,
                self.evaluator,
                seed=spec.seed,
                callbacks=callbacks,
                optimizer_factory=factory,
            )

    @contextmanager
    def _optimizer_factory(
        self, spec: SearchSpec
    ) -> Iterator[tuple[str, Callable[[Problem], Optimizer] | None]]:
        """(run name, per-program factory): the registry's optimizer, or a model's.

        The run name keys finished results in the store, so an LLM run is named for its
        model and sample count."""
        if spec.optimizer not in LLM_OPTIMIZERS or spec.model is None:
            yield spec.optimizer, None
            return
        from optsmith.llm.backend import GenerationParams
        from optsmith.llm.resolve import open_backend
        from optsmith.search.llm_guided import llm_guided

        with ExitStack() as stack:
            backend: Backend = open_backend(spec.model, n_ctx=8192)
            stack.callback(backend.close)
            params = GenerationParams(
                n=spec.llm_samples,
                temperature=0.8 if spec.llm_samples > 1 else 0.0,
                max_tokens=256,
                seed=spec.seed,
            )
            base = LLM_OPTIMIZERS[spec.optimizer]
            # the base is in the name: a stored run of another search is not this one
            name = f"{spec.optimizer}[{backend.name},n={spec.llm_samples},{base}]"
            yield name, llm_guided(backend, params, base=base, seed=spec.seed)

    def write_outputs(
        self, benchmark: Benchmark, result: SearchResult, out: Path
    ) -> dict[str, Path]:
        """`search.outputs.write_outputs` with this session's workers; after `close`, with
        a one-worker session opened for the purpose (so `optsmith.optimize(...).write()`
        works)."""
        check_dir_target(out, f"outputs {out}")
        if not self._closed:
            return write_outputs(benchmark, result, out, self.evaluator)
        with Session(workers=1, store=False) as session:
            return write_outputs(benchmark, result, out, session.evaluator)


def optimize(
    program: Path | str | Benchmark,
    *,
    objective: str | Objective = "ir-instcount",
    budget: BudgetArg = 500,
    optimizer: str = DEFAULT_OPTIMIZER,
    seed: int = 0,
    model: str | None = None,
    llm_samples: int = 8,
    test_timeout_s: float | None = None,
    workers: int | None = None,
    store: StoreArg = None,
    executor: str = "local",
    ray_address: str | None = None,
) -> Result:
    """`Session.optimize` in a session of its own (opened and closed for this call)."""
    with Session(workers=workers, store=store, executor=executor, ray_address=ray_address) as s:
        return s.optimize(
            program, objective=objective, budget=budget, optimizer=optimizer, seed=seed,
            model=model, llm_samples=llm_samples, test_timeout_s=test_timeout_s,
        )


def bench(
    suite: SuiteArg = "builtin",
    *,
    objective: str | Objective = "ir-instcount",
    budget: BudgetArg = 200,
    optimizer: str = DEFAULT_OPTIMIZER,
    seed: int = 0,
    limit: int | None = None,
    model: str | None = None,
    llm_samples: int = 8,
    test_timeout_s: float | None = None,
    workers: int | None = None,
    store: StoreArg = None,
    executor: str = "local",
    ray_address: str | None = None,
) -> BenchReport:
    """`Session.bench` in a session of its own (opened and closed for this call)."""
    with Session(workers=workers, store=store, executor=executor, ray_address=ray_address) as s:
        return s.bench(
            suite, objective=objective, budget=budget, optimizer=optimizer, seed=seed,
            limit=limit, model=model, llm_samples=llm_samples, test_timeout_s=test_timeout_s,
        )
