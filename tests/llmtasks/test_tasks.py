"""Each task scored end to end over HTTP against scripted models whose answers we know:
an oracle (must score perfectly), garbage (must score zero and not crash), and a model
that names a pipeline LLVM 22 miscompiles (must be caught by the program's tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from optsmith.llm.backend import GenerationParams
from optsmith.llm.openai_http import HttpSettings, ModelServerFailing, OpenAIHttpBackend
from optsmith.llmtasks.llvm_tools import llc_asm, opt_text
from optsmith.llmtasks.runner import make_task, run_task
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.search.budget import Budget
from optsmith.search.driver import run_search
from optsmith.search.evaluator import Evaluator
from optsmith.search.random_search import RandomSearch
from optsmith.search.registry import default_space
from optsmith.store import Store
from sample_programs import make_loop_benchmark, make_tiny_benchmark
from scripted_model import serve

SETTINGS = HttpSettings(timeout_s=60, retries=1, backoff_s=0.01, concurrency=2)
GARBAGE = "I'm sorry, as an AI I cannot optimize. ```\n<code>\n%%% not ir"


def _code(prompt: str) -> str:
    return prompt.split("<code>", 1)[1].split("</code>", 1)[0]


def _run(task_name: str, answer, evaluator: Evaluator, benchmarks, samples: int = 1,  # type: ignore[no-untyped-def]
         unit: str = "module"):
    task = make_task(task_name, evaluator, unit=unit, max_prompt_chars=400_000)  # type: ignore[arg-type]
    with serve(answer) as (url, _):
        backend = OpenAIHttpBackend(url, settings=SETTINGS)
        return run_task(task, backend, benchmarks, GenerationParams(n=samples))


def test_flag_tuning_scores_pipelines_and_reaches_the_autotuning_potential(
    pool: EnginePool, tmp_path: Path
) -> None:
    store = Store(tmp_path / "s.sqlite")
    evaluator = Evaluator(pool, store)
    bench = make_loop_benchmark()
    problem = evaluator.prepare(bench, get_objective("text-size"))
    searched = run_search(problem, RandomSearch(space=default_space(), seed=1),
                          Budget(compilations=40), evaluator)
    assert searched.validated is True and searched.best_value < searched.baseline
    best = searched.best_pipeline

    # a model that answers the autotuner's pipeline reaches 100% of the potential
    report = _run("flag-tuning", lambda p: f" Run passes `{best}` to reduce it:", evaluator,
                  [bench])
    row = report.rows[0]
    assert row["valid"] == 1 and row["validated"] is True
    assert row["size"] == searched.best_value and row["reduction"] > 0
    assert row["potential"] == pytest.approx(1.0)
    assert report.summary["autotune_potential_share"] == pytest.approx(1.0)

    # -Oz itself: zero reduction; garbage: no valid answer, the backup keeps -Oz
    oz = _run("flag-tuning", lambda p: "Run passes `default<Oz>`", evaluator, [bench]).rows[0]
    assert oz["reduction"] == 0.0 and oz["potential"] == 0.0
    bad = _run("flag-tuning", lambda p: GARBAGE, evaluator, [bench], samples=2)
    row = bad.rows[0]
    assert row["valid"] == 0 and row["reduction"] is None and row["reduction_backup"] == 0.0
    assert bad.summary["valid_answer_rate"] == 0.0
    assert len(row["samples"]) == 2 and all(s["error"] for s in row["samples"])


def test_flag_tuning_catches_an_answer_that_miscompiles(pool: EnginePool, tmp_path: Path) -> None:
    """`attributor,default<Oz>` miscompiles huffman.c with LLVM 22.1.8: a smaller object
    that prints the wrong checksum is a failure, and the -Oz backup takes over."""
    from optsmith.programs.builtin_suite import builtin_benchmark

    evaluator = Evaluator(pool, Store(tmp_path / "s.sqlite"))
    report = _run("flag-tuning", lambda p: "Run passes `attributor,default<Oz>`", evaluator,
                  [builtin_benchmark("huffman")])
    row = report.rows[0]
    assert row["valid"] == 1
    assert row["validated"] is False and "expected" in row["validation"]
    assert row["reduction"] is None and row["reduction_backup"] == 0.0
    assert report.summary["validated_failures"] == 1


def _emulate(prompt: str, target: str) -> str:
    passes = re.search(r"opt -p '([^']*)'", prompt)
    assert passes is not None
    out = opt_text(_code(prompt), passes.group(1)).output or ""
    if target == "asm":
        out = llc_asm(out).output or ""
    return f" <code>{out}</code>"


@pytest.mark.parametrize("target", ["ir", "asm"])
def test_emulation_oracle_matches_exactly_and_garbage_does_not(
    pool: EnginePool, target: str
) -> None:
    evaluator = Evaluator(pool, None)
    name = "emulation" if target == "ir" else "emulation-asm"
    benches = [make_tiny_benchmark(), make_loop_benchmark()]
    oracle = _run(name, lambda p: _emulate(p, target), evaluator, benches)
    assert [r["exact"] for r in oracle.rows] == [True, True]
    assert oracle.summary["exact_match_rate"] == 1.0
    assert oracle.summary["mean_bleu"] == pytest.approx(1.0)
    garbage = _run(name, lambda p: GARBAGE, evaluator, benches)
    assert garbage.summary["parse_rate"] == 0.0 and garbage.summary["exact_match_rate"] == 0.0
    assert all(r["error"] for r in garbage.rows)


def test_disassembly_round_trip(pool: EnginePool) -> None:
    evaluator = Evaluator(pool, None)
    task = make_task("disassembly", evaluator)
    bench = make_tiny_benchmark()
    (item,) = task.prepare(bench)
    truth = {item.reference["asm"]: item.reference["ir"]}
    oracle = _run("disassembly", lambda p: f"<code>{truth[_code(p)]}</code>", evaluator, [bench])
    row = oracle.rows[0]
    assert row["parses"] and row["round_trip_exact"] and row["round_trip_bleu"] == 1.0
    # IR that parses but is a different program: parses, no exact round trip
    other = "define i32 @main() {\n  ret i32 0\n}\n"
    wrong = _run("disassembly", lambda p: f"```llvm\n{other}```", evaluator, [bench]).rows[0]
    assert wrong["parses"] and not wrong["round_trip_exact"] and wrong["round_trip_bleu"] < 1.0
    garbage = _run("disassembly", lambda p: GARBAGE, evaluator, [bench]).rows[0]
    assert not garbage["parses"] and garbage["error"]


def test_a_prompt_over_the_limit_is_skipped_not_sent(pool: EnginePool) -> None:
    evaluator = Evaluator(pool, None)
    task = make_task("disassembly", evaluator, max_prompt_chars=50)
    with serve(lambda p: "x") as (url, model):
        report = run_task(task, OpenAIHttpBackend(url, settings=SETTINGS),
                          [make_tiny_benchmark()], GenerationParams())
    assert "characters > 50" in report.rows[0]["skipped"]
    assert model.requests == []
    assert report.summary["scored"] == 0


def test_a_server_that_keeps_failing_stops_the_run(pool: EnginePool) -> None:
    task = make_task("disassembly", Evaluator(pool, None), unit="function")
    benches = [make_loop_benchmark(), make_tiny_benchmark()]  # three functions or more
    settings = HttpSettings(timeout_s=10, retries=0, concurrency=1, max_consecutive_failures=2)
    with serve(lambda p: "x") as (url, model):
        model.faults = [503] * 10
        backend = OpenAIHttpBackend(url, settings=settings)
        with pytest.raises(ModelServerFailing, match="failed 2 requests in a row"):
            run_task(task, backend, benches, GenerationParams())
    assert len(model.requests) == 2  # the other prompts were never sent


def test_function_units_split_a_program_and_stay_exact(pool: EnginePool) -> None:
    from optsmith.llmtasks.units import defined_functions

    evaluator = Evaluator(pool, None)
    bench = make_loop_benchmark()
    task = make_task("emulation", evaluator, unit="function")
    items = task.prepare(bench)
    from optsmith.programs.frontend import c_to_ir

    functions = defined_functions(c_to_ir(bench, "instcount"))
    assert len(functions) >= 2
    assert [i.name for i in items] == [f"loop:{f}" for f in functions]
    for item in items:
        assert len(defined_functions(_code(item.prompt))) == 1  # one definition per prompt
    oracle = _run("emulation", lambda p: _emulate(p, "ir"), evaluator, [bench], unit="function")
    assert len(oracle.rows) == len(functions)
    assert oracle.summary["exact_match_rate"] == 1.0


def test_flag_tuning_on_function_units_validates_the_whole_program(
    pool: EnginePool, tmp_path: Path
) -> None:
    evaluator = Evaluator(pool, Store(tmp_path / "s.sqlite"))
    task = make_task("flag-tuning", evaluator, unit="function")
    with serve(lambda p: "Run passes `sroa,instcombine<no-verify-fixpoint>,simplifycfg`") as (
        url, _
    ):
        report = run_task(task, OpenAIHttpBackend(url, settings=SETTINGS),
                          [make_loop_benchmark()], GenerationParams())
    assert len(report.rows) >= 2 and all(":" in r["name"] for r in report.rows)
    for row in report.rows:
        assert row["valid"] == 1 and row["validated"] is True
        assert "potential" not in row  # a whole-program figure; not for function units
