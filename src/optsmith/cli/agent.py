"""`optsmith agent PROGRAM --model URL|FILE.gguf|DIR`: a chat model optimizes a program with
compiler tools.

A thin shell over `optsmith.Session.agent`: options and output paths are checked before
the model server is asked anything or the program compiled; the answer (validated as
`optimize`'s is), the counts that make it comparable (turns, tool calls, malformed calls,
compilations and every other engine request) and, with --json, the trials and the
transcript are written after.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from optsmith.cli.common import (
    JsonOpt,
    StoreOpt,
    TestTimeoutOpt,
    WorkersOpt,
    check_json_target,
    console,
    fail,
    open_session,
    quiet,
    write_json,
)
from optsmith.errors import OptsmithError


def agent(
    program: Annotated[Path, typer.Argument(help="a .c, .ll or .bc file")],
    model: Annotated[
        str,
        typer.Option(
            "--model", help="URL of an OpenAI-compatible chat server that takes tools= "
            "(vLLM, llama.cpp's server, `optsmith llm serve`, a hosted API), or a local "
            ".gguf file or transformers weights directory (run in-process, tools described "
            "in its chat template)"
        ),
    ],
    max_compilations: Annotated[
        int, typer.Option("--max-compilations", help="compilations the agent may spend")
    ] = 50,
    objective: Annotated[str, typer.Option(help="ir-instcount or text-size")] = "ir-instcount",
    max_turns: Annotated[int, typer.Option("--max-turns", help="model replies at most")] = 20,
    temperature: Annotated[float, typer.Option(help="0 = greedy")] = 0.0,
    max_tokens: Annotated[int, typer.Option("--max-tokens", help="tokens per reply")] = 1024,
    seed: Annotated[int, typer.Option(help="sampling seed sent to the server")] = 0,
    model_name: Annotated[
        str | None, typer.Option("--model-name", help="model id (default: the server's first)")
    ] = None,
    timeout: Annotated[float, typer.Option(help="seconds per model request, in total")] = 300.0,
    tools_in_prompt: Annotated[
        bool, typer.Option("--tools-in-prompt", help="URL: write the tools into the system "
                           "message (Hermes <tool_call> format) instead of sending tools=, for "
                           "a server whose chat template drops them (`optsmith llm serve` "
                           "with SmolLM2)")
    ] = False,
    store: StoreOpt = None,
    workers: WorkersOpt = 1,
    test_timeout: TestTimeoutOpt = None,
    json_out: JsonOpt = None,
) -> None:
    """Let a chat model optimize PROGRAM with tools that compile and measure it for real.

    Tools: read_features, try_pipeline (one compilation each), describe_pass, show_best,
    finish. The loop stops at the budget, a finish call or plain answer, or --max-turns;
    the answer is the best pipeline that passed the tests, never worse than -Oz."""
    from optsmith.agent.loop import AgentSettings
    from optsmith.llm.openai_http import HttpSettings
    from optsmith.measure.objectives import get_objective
    from optsmith.report.tables import results_table

    try:
        AgentSettings(max_compilations=max_compilations, max_turns=max_turns,
                      temperature=temperature, seed=seed, max_tokens=max_tokens)
        get_objective(objective)
        http = HttpSettings(timeout_s=timeout, tools_in_prompt=tools_in_prompt)
        check_json_target(json_out)
        with open_session(store=store, workers=workers) as session:
            result = session.agent(
                program, model=model, max_compilations=max_compilations, objective=objective,
                max_turns=max_turns, temperature=temperature, seed=seed, max_tokens=max_tokens,
                model_name=model_name, http=http, test_timeout_s=test_timeout,
            )
    except OptsmithError as exc:
        fail(exc)
    search = result.search
    if not quiet(json_out):
        console.print(results_table([search], title=f"{program.name}: {objective} (agent)"))
        console.print(
            f"best pipeline ({len(search.best_pipeline)} chars): {search.best_pipeline[:200]}"
            f"{'…' if len(search.best_pipeline) > 200 else ''}",
            highlight=False,
        )
        requests = ", ".join(f"{k} {v}" for k, v in result.engine_requests.items())
        console.print(
            f"stopped: {result.stop_reason}; {result.turns} turns, {result.tool_calls} tool "
            f"calls ({result.malformed_calls} malformed, {result.tool_errors} answered with an "
            f"error); {search.compilations} of {max_compilations} compilations "
            f"({search.failures} failed); engine requests: {requests}",
            highlight=False,
        )
        if search.validated is False:
            console.print(f"[red]validation failed:[/] {search.validation_detail[:300]}")
    if json_out is not None:
        write_json(json_out, result.to_dict())
    if search.validated is False:
        raise typer.Exit(code=1)
