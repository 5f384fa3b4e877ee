"""The agent's compiler tools: real measurements of one program, every compilation counted.

A `Workbench` holds a prepared program (`search.evaluator.Problem`) and the evaluator of a
session, and answers the tools a model may call:

- `read_features`: the input's InstCount totals, opcode counts and Autophase vector (one
  engine request that runs no pass: an analysis, not a compilation);
- `try_pipeline(pipeline)`: the pipeline is parsed strictly (`llvm.passes.parse_pipeline`,
  then every name checked by `render_pipeline`: a typo gets the nearest real names and
  costs nothing), run once in an engine worker (one compilation, against the budget),
  and answered with its IR instruction count and .text bytes beside -Oz's, and with its
  tests' verdict where the program has tests (the object measured is the one tested);
- `describe_pass(name)`: the pass table's entry (`llvm.passes`);
- `show_best`: the best measured pipeline so far and the budget left;
- `finish`: ends the session (optionally trying one last pipeline).

Answers are JSON objects; a failure is `{"error": ...}`, never an exception, so a model
that calls a tool wrongly is told why and may try again. Why one request per try, not the
evaluator's objective-only one: the model should see both figures (IR count is not bytes)
and the test verdict of the very object that was measured, for one compilation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from optsmith.errors import OptsmithError, PipelineError
from optsmith.llvm.features import AUTOPHASE_NAMES, INSTCOUNT_NAMES
from optsmith.llvm.passes import opt_passes, pass_info, pass_kind, render_pipeline
from optsmith.llvm.passes import parse_pipeline as parse_pipeline_text
from optsmith.llvm.protocol import EngineReply, EvalRequest
from optsmith.measure.validation import NOT_TESTABLE, can_validate, validate_object
from optsmith.search.evaluator import Evaluator, Problem
from optsmith.store import Measurement

MAX_PIPELINE_CHARS = 20_000  # a pipeline longer than this is not a pipeline
MAX_PASSES = 200


@dataclass(frozen=True)
class Trial:
    """One measured pipeline: both figures, the objective's value and the tests' verdict."""

    pipeline: str  # as rendered for opt-22 -passes=
    value: float | None  # the objective's figure; None when the pipeline failed
    instcount: int | None
    text_bytes: int | None
    validated: bool | None  # None: the program has no tests (or the pipeline failed)
    detail: str  # the tests' verdict, or why the pipeline failed
    compilation: int  # its number in the budget (0 for the free -Oz reference)

    @property
    def ok(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class ToolAnswer:
    """What a tool call returns to the model (`content`, JSON text) and to the loop.

    `malformed`: the call itself was wrong (unknown tool, arguments that are not a JSON
    object, a missing argument); `ok` False without it: the tool said no (a pass name
    that does not exist, the budget spent, a pipeline LLVM rejected)."""

    content: str
    ok: bool
    finish: bool = False
    malformed: bool = False


def _arg(arguments: Mapping[str, Any], name: str, tool: str) -> str:
    value = arguments.get(name)
    if not isinstance(value, str) or not value.strip():
        raise _BadCall(f"{tool} needs the argument '{name}' (a non-empty string)")
    return value.strip()


class _BadCall(OptsmithError):
    """A tool call the model got wrong: its message goes back to the model."""


def _schema(
    tool: str, description: str, required: Mapping[str, str] | None = None,
    optional: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """An OpenAI `tools=` entry whose arguments are strings, `required` or `optional`."""
    params = {**(required or {}), **(optional or {})}
    properties = {key: {"type": "string", "description": text} for key, text in params.items()}
    return {
        "type": "function",
        "function": {
            "name": tool,
            "description": description,
            "parameters": {
                "type": "object", "properties": properties, "required": list(required or {}),
            },
        },
    }


TOOL_SPECS: list[dict[str, Any]] = [
    _schema(
        "read_features",
        "Features of the input program: instruction, block and function counts, counts per "
        "opcode, and the 56 Autophase features. Costs no compilation.",
    ),
    _schema(
        "try_pipeline",
        "Compile the program with an LLVM 22 pass pipeline and measure it: IR instruction "
        "count and .text bytes, beside -Oz's, and whether the program still passes its "
        "tests. Costs one compilation of the budget (a pipeline tried before is free).",
        {"pipeline": "opt-22 -passes= text, or pass names separated by commas, e.g. "
         "'sroa<modify-cfg>,instcombine<no-verify-fixpoint>,simplifycfg,default<Oz>'"},
    ),
    _schema(
        "describe_pass",
        "What one pass does and which IR unit it runs on.",
        {"name": "the pass name, e.g. 'gvn' or 'loop-rotate'"},
    ),
    _schema(
        "show_best",
        "The best pipeline measured so far, its figures, and the compilations left.",
    ),
    _schema(
        "finish",
        "End the session. The best pipeline that passed its tests is the answer (never "
        "worse than -Oz).",
        optional={"pipeline": "one last pipeline to try before finishing"},
    ),
]
TOOL_NAMES = tuple(spec["function"]["name"] for spec in TOOL_SPECS)


class Workbench:
    """The tools over one program; counts every engine request it makes, by purpose."""

    def __init__(self, problem: Problem, evaluator: Evaluator, *, max_compilations: int) -> None:
        if isinstance(max_compilations, bool) or max_compilations < 1:
            raise OptsmithError(f"max compilations must be at least 1, got {max_compilations!r}")
        self.problem = problem
        self.evaluator = evaluator
        self.max_compilations = max_compilations
        self.compilations = 0  # try_pipeline measurements: the budget's unit
        self.requests = {"reference": 0, "features": 0, "trials": 0, "validation": 0}
        self.trials: list[Trial] = []
        self.history: list[float] = []  # best value after each compilation
        self.testable = can_validate(problem.benchmark)
        self._known: dict[str, Trial] = {}
        self._features: dict[str, Any] | None = None
        self.unoptimized = self._reference("")
        self.baseline_text = problem.objective.baseline_for(problem.benchmark)
        self.baseline = self._reference(self.baseline_text)
        self._known[self.baseline_text] = self.baseline
        self._tools: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
            "read_features": lambda _: self.read_features(),
            "try_pipeline": lambda a: self.try_pipeline(_arg(a, "pipeline", "try_pipeline")),
            "describe_pass": lambda a: self.describe_pass(_arg(a, "name", "describe_pass")),
            "show_best": lambda _: self.show_best(),
            "finish": self._finish,
        }

    # -- the engine ----------------------------------------------------------------------
    def _request(self, text: str, want: tuple[str, ...], purpose: str) -> EngineReply:
        problem = self.problem
        request = EvalRequest(
            key=problem.key, ir=problem.ir, pipeline=text, want=want,
            name=problem.benchmark.name, reloc=problem.objective.reloc,
        )
        self.requests[purpose] += 1
        (attempts,) = self.evaluator.measure([request])
        return attempts.reply

    def _reference(self, text: str) -> Trial:
        """The unoptimized input or the baseline, measured as a trial is (free: setup)."""
        reply = self._request(text, ("instcount", "sizes"), "reference")
        if not reply.ok:
            raise OptsmithError(
                f"{self.problem.benchmark.name}: reference pipeline '{text}' failed: "
                f"{reply.why()}"
            )
        return Trial(text, self.problem.objective.value(reply), reply.expect_instcount(),
                     reply.expect_text_size(), None, "reference", 0)

    @property
    def left(self) -> int:
        return self.max_compilations - self.compilations

    @property
    def exhausted(self) -> bool:
        return self.left <= 0

    # -- the tools -----------------------------------------------------------------------
    def call(self, name: str, arguments: str | Mapping[str, Any] | None) -> ToolAnswer:
        """Run tool `name` on its JSON arguments; any mistake is an error answer."""
        tool = self._tools.get(name)
        try:
            if tool is None:
                raise _BadCall(f"unknown tool {name!r}; the tools are: {', '.join(TOOL_NAMES)}")
            result = tool(_parse_arguments(arguments))
        except _BadCall as exc:
            return ToolAnswer(json.dumps({"error": str(exc)}), ok=False, malformed=True)
        except PipelineError as exc:
            return ToolAnswer(json.dumps({"error": str(exc)}), ok=False)
        return ToolAnswer(json.dumps(result), ok="error" not in result, finish=name == "finish")

    def read_features(self) -> dict[str, Any]:
        if self._features is None:
            reply = self._request("", ("instcount_vector", "autophase"), "features")
            if not reply.ok:
                return {"error": f"the engine could not read the program: {reply.why()}"}
            counts = dict(zip(INSTCOUNT_NAMES, reply.expect("instcount_vector"), strict=True))
            self._features = {
                "instructions": counts.pop("TotalInsts"),
                "blocks": counts.pop("TotalBlocks"),
                "functions": counts.pop("TotalFuncs"),
                "opcodes": {
                    k.removeprefix("Num").removesuffix("Inst"): v for k, v in counts.items() if v
                },
                "autophase": dict(zip(AUTOPHASE_NAMES, reply.expect("autophase"), strict=True)),
            }
        return self._features

    def parse(self, text: str) -> str:
        """The pipeline text opt-22 gets, or `PipelineError` (why, with near names)."""
        if len(text) > MAX_PIPELINE_CHARS:
            raise PipelineError(f"a pipeline of {len(text)} characters is too long")
        passes = parse_pipeline_text(text.strip().strip("'\"`"))
        if not passes:
            raise PipelineError("the pipeline is empty")
        if len(passes) > MAX_PASSES:
            raise PipelineError(f"{len(passes)} passes, more than {MAX_PASSES}")
        return render_pipeline(passes)

    def try_pipeline(self, text: str) -> dict[str, Any]:
        rendered = self.parse(text)
        known = self._known.get(rendered)
        if known is not None:
            return {**self._report(known), "repeat": "measured before: no compilation spent"}
        if self.exhausted:
            return {"error": f"the budget is spent ({self.max_compilations} compilations); "
                             "call finish"}
        trial = self._measure(rendered)
        self._known[rendered] = trial
        self.trials.append(trial)
        values = [t.value for t in self.trials if t.value is not None]
        self.history.append(min([self.baseline.value or 0.0, *values]))
        return self._report(trial)

    def _measure(self, text: str) -> Trial:
        self.compilations += 1
        want = ("instcount", "sizes", *(("object",) if self.testable else ()))
        reply = self._request(text, want, "trials")
        if not reply.ok:
            return Trial(text, None, None, None, None, reply.why(), self.compilations)
        value = self.problem.objective.value(reply)
        self._remember(text, value)
        validated: bool | None = None
        detail = NOT_TESTABLE
        if self.testable:
            validated, detail = validate_object(reply.expect_object(), self.problem.benchmark)
            self._remember_validation(text, validated, detail)
        return Trial(text, value, reply.expect_instcount(), reply.expect_text_size(),
                     validated, detail, self.compilations)

    def _remember(self, text: str, value: float) -> None:
        """The measurement goes to the session's store, as a search's would."""
        store, problem = self.evaluator.store, self.problem
        if store is not None:
            store.put(problem.benchmark.content_hash, text, problem.objective.store_name,
                      self.evaluator.toolchain, Measurement(value=value, ok=True, error=None))

    def _remember_validation(self, text: str, passed: bool, detail: str) -> None:
        store, problem = self.evaluator.store, self.problem
        if store is not None:
            store.put_validation(problem.benchmark.content_hash, text, problem.objective.store_name,
                                 self.evaluator.toolchain, passed, detail)

    def _report(self, trial: Trial) -> dict[str, Any]:
        """A trial as the model sees it: figures beside -Oz's, verdict, budget left."""
        if not trial.ok:
            return {"error": f"the pipeline failed in LLVM: {trial.detail}",
                    "compilations_left": self.left}
        base = self.baseline
        out: dict[str, Any] = {
            "objective": self.problem.objective.name,
            "value": trial.value,
            "oz_value": base.value,
            "ir_instructions": trial.instcount,
            "oz_ir_instructions": base.instcount,
            "text_bytes": trial.text_bytes,
            "oz_text_bytes": base.text_bytes,
            "beats_oz": (trial.value or 0.0) < (base.value or 0.0),
            "reduction_vs_oz_percent": round(100 * (1 - (trial.value or 0) / base.value), 2)
            if base.value else 0.0,
            "tests": self._verdict(trial),
            "compilations_left": self.left,
        }
        return out

    def _verdict(self, trial: Trial) -> str:
        if trial is self.baseline:
            return "the -Oz reference (not tested here)"
        if trial.validated is None:
            return "the program has no tests"
        if trial.validated:
            return "passed"
        lines = trial.detail.strip().splitlines()
        return "FAILED: " + (lines[0][:300] if lines else "no detail")

    def describe_pass(self, name: str) -> dict[str, Any]:
        try:
            info = pass_info(name)
        except PipelineError:
            if name.split("<", 1)[0] not in opt_passes():
                raise
            return {"name": name, "runs_on": pass_kind(name),
                    "description": "not in optsmith's pass table; opt-22 accepts it"}
        return {"name": info.name, "runs_on": info.kind, "description": info.description}

    def best(self) -> Trial | None:
        """The best trial better than -Oz whose tests did not fail (fewest passes on a tie)."""
        good = [t for t in self.trials if t.ok and t.validated is not False
                and (t.value or 0.0) < (self.baseline.value or 0.0)]
        return min(good, key=lambda t: (t.value, len(t.pipeline)), default=None)

    def show_best(self) -> dict[str, Any]:
        best = self.best()
        return {
            "best_pipeline": best.pipeline if best else self.baseline_text,
            **(self._report(best) if best else {"note": "nothing beats -Oz yet",
                                                "oz_value": self.baseline.value}),
            "tried": len(self.trials),
            "compilations_used": self.compilations,
            "compilations_left": self.left,
        }

    def _finish(self, arguments: Mapping[str, Any]) -> dict[str, Any]:
        last = arguments.get("pipeline")
        tried: dict[str, Any] | None = None
        if isinstance(last, str) and last.strip():
            try:
                tried = self.try_pipeline(last)
            except PipelineError as exc:
                tried = {"error": str(exc)}
        answer = self.show_best()
        return {**answer, "finished": True, **({"last_try": tried} if tried else {})}

    def trials_as_dicts(self) -> list[dict[str, Any]]:
        return [asdict(t) for t in self.trials]


def _parse_arguments(arguments: str | Mapping[str, Any] | None) -> Mapping[str, Any]:
    """A tool call's arguments (JSON object text, as the API sends them) as a mapping."""
    if arguments is None or (isinstance(arguments, str) and not arguments.strip()):
        return {}
    if isinstance(arguments, Mapping):
        return arguments
    try:
        parsed = json.loads(arguments)
    except ValueError as exc:
        raise _BadCall(f"the arguments are not JSON ({exc}): {arguments[:200]!r}") from None
    if not isinstance(parsed, dict):
        raise _BadCall(f"the arguments must be a JSON object, got {arguments[:200]!r}")
    return parsed
