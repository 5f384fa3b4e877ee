"""The assembly task's pass generator: a speed search over LLVM pipelines, as a `.s` file.

`optsmith asm eval --generator passes` puts pass search on the same scoreboard as the flag
generator and a model's answers: for each problem the `runtime` search (instructions
executed, callgrind, outputs checked; `optsmith.measure.speed`) runs on the problem's
*training* tests only, from clang's own -O3 pipeline, and its best validated pipeline is
turned into assembly by `llc-22` from the optimized IR, with the options the engine's code
generator uses (PIC, clang's default CPU). The judge then assembles, links, tests and times
that `.s` against `gcc -O3` like any candidate, on the held-out tests.

The candidate is portable (no `-march=native`) and exact (no fast-math): the pass space
holds no value-unsafe transformation and the target is clang's default CPU.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from optsmith.asm.candidates import Candidate
from optsmith.asm.problems import Problem
from optsmith.errors import OptsmithError
from optsmith.llvm.clang_pipeline import clang_target_cpu
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.programs.benchmark import Benchmark, TestCase, as_text
from optsmith.search.budget import Budget
from optsmith.search.defaults import DEFAULT_OPTIMIZER
from optsmith.search.driver import run_search
from optsmith.search.evaluator import Evaluator
from optsmith.search.registry import make_optimizer
from optsmith.store import Store
from optsmith.toolchain import find_toolchain

LLC_TIMEOUT_S = 120


def problem_benchmark(problem: Problem, training: Sequence[int]) -> Benchmark:
    """The problem as an optsmith benchmark whose tests are its training tests."""
    if problem.source is None:
        raise OptsmithError(
            f"{problem.name}: the pass generator needs C source, and this problem only has "
            "assembly"
        )
    tests = tuple(
        TestCase(stdin=as_text(problem.tests[i].stdin),
                 expected_stdout=as_text(problem.tests[i].expected))
        for i in training
    )
    return Benchmark(name=problem.name, source=problem.source, tests=tests,
                     ldflags=problem.ldflags, suite="asm")


def ir_to_asm(ir: str, workdir: Path) -> str:
    """`llc-22` on optimized IR, with the engine's code generation options for the runtime
    objective (PIC, clang's CPU, -O3's code generation level)."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "optimized.ll").write_text(ir)
    cpu = clang_target_cpu()
    cmd = [str(find_toolchain().llc), "-O3", "-relocation-model=pic", "-filetype=asm",
           *([f"-mcpu={cpu}"] if cpu else []), "optimized.ll", "-o", "prog.s"]
    proc = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True,
                          timeout=LLC_TIMEOUT_S)
    if proc.returncode != 0:
        raise OptsmithError(f"llc-22 failed: {proc.stderr.strip()[-600:]}")
    return (workdir / "prog.s").read_text()


class PassGenerator:
    """A `CandidateSource`: one candidate per problem, from a runtime pass search."""

    includes_baseline = True
    label = "pass search (runtime, portable)"

    def __init__(self, *, budget: str = "100", optimizer: str = DEFAULT_OPTIMIZER,
                 seed: int = 0, workers: int = 2, store: Path | None = None) -> None:
        self.budget = Budget.parse(budget)
        make_optimizer(optimizer)  # a misspelt name fails here, before any problem
        self.optimizer = optimizer
        self.seed = seed
        self.workers = workers
        self.store_path = store

    def candidates(self, problem: Problem, workdir: Path,
                   training: Sequence[int]) -> list[Candidate]:
        bench = problem_benchmark(problem, training)
        origin = f"optsmith runtime search ({self.optimizer}, budget {self.budget})"
        try:
            store = Store(self.store_path) if self.store_path is not None else None
            with EnginePool(self.workers) as pool:
                evaluator = Evaluator(pool, store)
                prepared = evaluator.prepare(bench, get_objective("runtime"))
                optimizer = make_optimizer(self.optimizer, seed=self.seed, objective="runtime")
                result = run_search(prepared, optimizer, self.budget, evaluator)
                if not result.validated:
                    raise OptsmithError(
                        f"no pipeline passed the training tests: {result.validation_detail}"
                    )
                _, ir, _ = evaluator.object_for(prepared, result.best_pipeline)
            if store is not None:
                store.close()
            asm = ir_to_asm(ir, workdir / "passes")
        except OptsmithError as exc:
            return [Candidate("passes", None, origin, error=str(exc), target="portable",
                              fast_math=False)]
        origin += f": {result.reduction:.2%} fewer instructions than clang -O3's pipeline"
        return [Candidate("passes", asm, origin, target="portable", fast_math=False)]


__all__ = ["PassGenerator", "ir_to_asm", "problem_benchmark"]
