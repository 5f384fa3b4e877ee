"""The tool-calling loop: a chat model drives the compiler tools of a `Workbench`.

Each turn sends the conversation and the tool schemas (`tools=` of the OpenAI chat API)
and gets one assistant message. Its `tool_calls` are run in order and answered with
`role: tool` messages; a call the model got wrong (unknown tool, arguments that are not a
JSON object, a missing argument, no function at all) is answered with an error the model
can read, never a traceback. Every reply is a turn, whatever it holds, so a model that
only makes malformed calls still runs out of turns.

The loop stops when the budget of compilations is spent, at a `finish` call, at a plain
answer (a pipeline in it is tried, budget permitting: small models often answer instead of
calling), after `max_turns` replies, or when the model server fails for good. The answer
is then chosen as `optsmith optimize` chooses: best first among the trials whose tests
did not fail, else -Oz (validated), so it is never worse than -Oz; every compilation is
counted in the result, and so is every other engine request (published agents hide a
hundred compilations in one tool call; we count them).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from optsmith.agent.tools import TOOL_NAMES, TOOL_SPECS, Workbench
from optsmith.errors import ModelError, OptsmithError
from optsmith.llm.backend import GenerationParams
from optsmith.llm.parsers import parse_pass_list
from optsmith.llvm.actions import action_names
from optsmith.measure.validation import NOT_TESTABLE
from optsmith.search.driver import SearchResult
from optsmith.search.evaluator import Evaluator, Problem

TRANSCRIPT_CHARS = 2000  # of each message and tool answer kept in the result
_TAGGED_CALL = re.compile(r"<tool_call>\s*(\{.*?\})\s*</tool_call>", re.S)


class ChatModel(Protocol):
    """A chat model that can be offered tools (`llm.backend.ChatBackend`: a server over
    HTTP, or a local GGUF file or transformers directory, `llm.resolve.open_chat_model`)."""

    name: str

    def chat(
        self, messages: list[dict[str, Any]], *, tools: list[dict[str, Any]],
        params: GenerationParams,
    ) -> tuple[dict[str, Any], dict[str, Any]]: ...


@dataclass(frozen=True, kw_only=True)
class AgentSettings:
    """Limits of one agent session, checked at once."""

    max_compilations: int
    max_turns: int = 20
    temperature: float = 0.0
    max_tokens: int = 1024
    seed: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.max_compilations, bool) or self.max_compilations < 1:
            raise OptsmithError(
                f"max compilations must be at least 1, got {self.max_compilations!r}"
            )
        if isinstance(self.max_turns, bool) or self.max_turns < 1:
            raise OptsmithError(f"max turns must be at least 1, got {self.max_turns!r}")
        if isinstance(self.max_tokens, bool) or self.max_tokens < 1:
            raise OptsmithError(f"max tokens must be at least 1, got {self.max_tokens!r}")

    def params(self) -> GenerationParams:
        return GenerationParams(
            temperature=self.temperature, max_tokens=self.max_tokens, seed=self.seed
        )


@dataclass
class AgentResult:
    """The validated answer (`search`, as `optimize` reports it) and how it was reached."""

    search: SearchResult
    model: str
    stop_reason: str
    turns: int
    tool_calls: int
    malformed_calls: int
    tool_errors: int
    engine_requests: dict[str, int]
    unoptimized: dict[str, Any]
    oz: dict[str, Any]
    trials: list[dict[str, Any]] = field(default_factory=list)
    transcript: list[dict[str, Any]] = field(default_factory=list)
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def compilations(self) -> int:
        return self.search.compilations

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["search"] = self.search.to_dict()
        return data


def system_prompt(problem: Problem, workbench: Workbench, settings: AgentSettings) -> str:
    objective = problem.objective
    return (
        "You optimize a program with LLVM 22 pass pipelines, using tools that compile and "
        "measure it for real.\n"
        f"Goal: make {objective.description} ({objective.name}) smaller than -Oz gives "
        f"({workbench.baseline.value:g} {objective.unit}), and keep the program correct: "
        "its tests must pass.\n"
        f"Budget: {settings.max_compilations} compilations (each try_pipeline of a new "
        f"pipeline costs one) and at most {settings.max_turns} replies. Call one or more "
        "tools per reply; call finish when you are done.\n"
        "A pipeline is pass names separated by commas (opt-22 -passes syntax). default<Oz> "
        "is the whole -Oz pipeline and may be part of one, e.g. "
        "'default<Oz>,instcombine<no-verify-fixpoint>,simplifycfg'.\n"
        f"Passes: {', '.join(action_names())}"
    )


def task_prompt(problem: Problem, workbench: Workbench) -> str:
    raw, oz = workbench.unoptimized, workbench.baseline
    return (
        f"Program '{problem.benchmark.name}': unoptimized it has {raw.instcount} IR "
        f"instructions and {raw.text_bytes} bytes of .text; -Oz gives {oz.instcount} "
        f"instructions and {oz.text_bytes} bytes. Find a pipeline that beats -Oz on "
        f"{problem.objective.name}."
    )


def _content_calls(content: str) -> list[dict[str, Any]]:
    """Tool calls written into the text (`<tool_call>{...}</tool_call>`, as chat templates
    of small models do) when the server did not parse them into `tool_calls`."""
    calls = []
    for i, match in enumerate(_TAGGED_CALL.finditer(content)):
        try:
            body = json.loads(match.group(1))
        except ValueError:
            body = {"name": "?", "arguments": match.group(1)}
        if isinstance(body, dict):
            arguments = body.get("arguments", body.get("parameters", {}))
            calls.append({"id": f"text_call_{i}", "type": "function",
                          "function": {"name": str(body.get("name", "?")),
                                       "arguments": arguments}})
    return calls


def _normalize(raw_calls: Sequence[Any], turn: int) -> list[dict[str, Any]]:
    """Tool calls as the API expects them back: an id, a type, a name, arguments text.

    A call with no function (or not an object at all) keeps an empty name: the workbench
    answers it as an unknown tool, under an id of our own when it brought none."""
    calls = []
    for i, raw in enumerate(raw_calls):
        call: dict[str, Any] = raw if isinstance(raw, dict) else {}
        found = call.get("function")
        function: dict[str, Any] = found if isinstance(found, dict) else {}
        arguments = function.get("arguments")
        if not (arguments is None or isinstance(arguments, str)):
            arguments = json.dumps(arguments)
        calls.append({
            "id": str(call.get("id") or f"call_{turn}_{i}"),
            "type": "function",
            "function": {"name": str(function.get("name") or ""), "arguments": arguments},
        })
    return calls


def _clip(text: str | None) -> str:
    text = text or ""
    return text if len(text) <= TRANSCRIPT_CHARS else text[:TRANSCRIPT_CHARS] + "…"


class _Run:
    """One conversation's state; `run_agent` is its public face."""

    def __init__(self, problem: Problem, workbench: Workbench, model: ChatModel,
                 settings: AgentSettings) -> None:
        self.problem, self.bench, self.model, self.settings = problem, workbench, model, settings
        self.messages: list[dict[str, Any]] = [
            {"role": "system", "content": system_prompt(problem, workbench, settings)},
            {"role": "user", "content": task_prompt(problem, workbench)},
        ]
        self.turns = self.calls = self.malformed = self.errors = 0
        self.prompt_tokens = self.completion_tokens = 0
        self.transcript: list[dict[str, Any]] = []

    def loop(self) -> str:
        """Talk until a stop; the reason."""
        params = self.settings.params()
        while True:
            if self.bench.exhausted:
                return "budget"
            if self.turns >= self.settings.max_turns:
                return "turns"
            try:
                message, usage = self.model.chat(self.messages, tools=TOOL_SPECS, params=params)
            except ModelError as exc:
                return f"model error: {str(exc).splitlines()[0][:300]}"
            self.turns += 1
            self.prompt_tokens += int(usage.get("prompt_tokens") or 0)
            self.completion_tokens += int(usage.get("completion_tokens") or 0)
            content = message.get("content")
            content = content if isinstance(content, str) else None
            raw_calls = message.get("tool_calls")
            if not isinstance(raw_calls, list):
                raw_calls = _content_calls(content or "") if raw_calls is None else [raw_calls]
            calls = _normalize(raw_calls, self.turns)
            entry: dict[str, Any] = {"turn": self.turns, "content": _clip(content), "calls": []}
            self.transcript.append(entry)
            if not calls:
                self.messages.append({"role": "assistant", "content": content or ""})
                entry["answer_try"] = self._plain_answer(content or "")
                return "answer"
            self.messages.append({"role": "assistant", "content": content, "tool_calls": calls})
            finished = False
            for call in calls:
                function = call["function"]
                answer = self.bench.call(function["name"], function["arguments"])
                self.calls += 1
                self.malformed += answer.malformed
                self.errors += not answer.ok
                finished = finished or answer.finish
                self.messages.append(
                    {"role": "tool", "tool_call_id": call["id"], "content": answer.content}
                )
                entry["calls"].append({"name": function["name"],
                                       "arguments": _clip(function["arguments"]),
                                       "answer": _clip(answer.content)})
            if finished:
                return "finish"

    def _plain_answer(self, content: str) -> dict[str, Any] | None:
        """A pipeline in a plain answer is tried (budget permitting), as a last call."""
        parsed = parse_pass_list(content)
        if not parsed.ok or parsed.text is None:
            return None
        answer = self.bench.call("try_pipeline", {"pipeline": parsed.text})
        return {"pipeline": parsed.text, "answer": _clip(answer.content)}


def _final(problem: Problem, evaluator: Evaluator, bench: Workbench, settings: AgentSettings,
           model: str, wall_s: float) -> SearchResult:
    """The answer as `optimize` reports it: best passing trial below -Oz, else -Oz."""
    baseline = bench.baseline.value or 0.0
    best = bench.best()
    rejected = [
        {"pipeline": t.pipeline, "value": t.value, "why": t.detail}
        for t in sorted(bench.trials, key=lambda t: (t.value or 0.0, len(t.pipeline)))
        if t.ok and t.validated is False and (t.value or 0.0) < baseline
    ]
    if best is not None:
        chosen, value = best.pipeline, float(best.value or baseline)
        validated, detail = best.validated, best.detail
    else:
        chosen, value = bench.baseline_text, baseline
        if bench.testable:
            bench.requests["validation"] += 1
            validated, detail = evaluator.validate(problem, bench.baseline_text)
        else:
            validated, detail = None, NOT_TESTABLE
    return SearchResult(
        benchmark=problem.benchmark.name,
        bench_hash=problem.benchmark.content_hash,
        objective=problem.objective.name,
        optimizer=f"agent[{model}]",
        seed=settings.seed,
        budget=f"{settings.max_compilations} compilations",
        unoptimized=bench.unoptimized.value or 0.0,
        baseline=baseline,
        best_value=value,
        best_pipeline=chosen,
        compilations=bench.compilations,
        fresh_compilations=bench.compilations,
        failures=sum(not t.ok for t in bench.trials),
        wall_s=wall_s,
        validated=validated,
        validation_detail=detail,
        rejected=rejected,
        history=list(bench.history),
    )


def run_agent(
    problem: Problem, evaluator: Evaluator, model: ChatModel, settings: AgentSettings
) -> AgentResult:
    """Let `model` optimize `problem` with the tools, within `settings`; validated answer."""
    started = time.monotonic()
    bench = Workbench(problem, evaluator, max_compilations=settings.max_compilations)
    run = _Run(problem, bench, model, settings)
    reason = run.loop()
    search = _final(problem, evaluator, bench, settings, model.name,
                    time.monotonic() - started)

    def figures(trial: Any) -> dict[str, Any]:
        return {"pipeline": trial.pipeline, "value": trial.value,
                "ir_instructions": trial.instcount, "text_bytes": trial.text_bytes}

    return AgentResult(
        search=search,
        model=model.name,
        stop_reason=reason,
        turns=run.turns,
        tool_calls=run.calls,
        malformed_calls=run.malformed,
        tool_errors=run.errors,
        engine_requests=dict(bench.requests),
        unoptimized=figures(bench.unoptimized),
        oz={**figures(bench.baseline), "pipeline": problem.objective.baseline},  # its name
        trials=bench.trials_as_dicts(),
        transcript=run.transcript,
        prompt_tokens=run.prompt_tokens,
        completion_tokens=run.completion_tokens,
    )


__all__ = ["TOOL_NAMES", "AgentResult", "AgentSettings", "ChatModel", "run_agent"]
