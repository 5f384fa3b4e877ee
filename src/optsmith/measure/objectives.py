"""Objectives: what is minimized, which IR it starts from, and its baseline pipeline.

`ir-instcount` starts from -O0 IR (optnone stripped) and is compared with opt's
`default<Oz>` on that IR, as in CompilerGym and the literature; clang's own -Oz pipeline
on the same IR is reported beside it. `text-size` starts from IR that carries clang's -Oz
attributes and is compared with clang's own -Oz pipeline (`clang-Oz`, printed by clang) on
it, whose .text equals that of `clang-22 -Oz -c` exactly (checked by a test on every
built-in program): the bytes a user gets. opt's `default<Oz>` is not that: it runs the
loop vectorizer, which clang's -Oz does not (whetstone: 1,963 against 1,897 bytes).
`runtime` starts from IR that carries clang's -O3 attributes and is compared with clang's
own -O3 pipeline on it; its figure is not the engine's but the instructions the linked
build executes on the program's tests (`optsmith.measure.speed`), so it needs tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from optsmith.errors import OptionError, OptsmithError
from optsmith.llvm.clang_pipeline import CLANG_O3, CLANG_OZ, CLANG_PIPELINES, clang_pipeline
from optsmith.llvm.protocol import EngineReply
from optsmith.programs.benchmark import Benchmark
from optsmith.programs.frontend import IRMode


@dataclass(frozen=True)
class Objective:
    name: str
    ir_mode: IRMode
    want: tuple[str, ...]
    baseline: str  # the action the headline is measured against: default<Oz> or clang-Oz
    unit: str
    description: str
    reloc: str  # target machine the passes see; see optsmith.llvm.module.Engine
    replay: str  # the stock command that reproduces a result (on x86_64: see Engine)
    executes: bool = False  # the figure comes from running the build (measure.speed)
    baseline_label: str = "-Oz"  # how tables name the baseline
    # the name its figures are stored under: a new one when the way it measures changes,
    # so no store hands back figures measured the old way
    stored_as: str = ""

    @property
    def store_name(self) -> str:
        return self.stored_as or self.name

    @property
    def baseline_pipeline(self) -> str:
        """The baseline as pipeline text (clang's, probed once per process, for clang-Oz)."""
        return action_pipeline(self.baseline)

    def baseline_for(self, benchmark: Benchmark) -> str:
        """The baseline pipeline for `benchmark`: clang's pipeline under its cflags, since
        flags such as -fno-unroll-loops change what `clang-22 -Oz -c` runs."""
        if self.baseline in CLANG_PIPELINES:
            return clang_pipeline(self.baseline, benchmark.cflags)
        return self.baseline

    def value(self, reply: EngineReply) -> float:
        """Pull this objective's figure out of an engine reply that measured `want`."""
        if self.name == "ir-instcount":
            return float(reply.expect_instcount())
        if self.name == "text-size":
            return float(reply.expect_text_size())
        raise OptsmithError(f"objective {self.name} is not measured by the engine")


OBJECTIVES: dict[str, Objective] = {
    "ir-instcount": Objective(
        name="ir-instcount",
        ir_mode="instcount",
        want=("instcount",),
        baseline="default<Oz>",
        unit="instructions",
        description="LLVM IR instructions in defined functions (CompilerGym's IrInstructionCount)",
        reloc="default",
        replay='opt-22 -passes="$(cat pipeline.txt)" input.ll -S -o replay.ll',
    ),
    "text-size": Objective(
        name="text-size",
        ir_mode="size",
        want=("instcount", "sizes"),
        baseline=CLANG_OZ,
        unit="bytes",
        description=".text bytes of the object the engine emits for the host target",
        reloc="pic",
        replay='opt-22 -relocation-model=pic -mcpu=x86-64 -passes="$(cat pipeline.txt)" '
        "input.ll -o - | llc-22 -relocation-model=pic -mcpu=x86-64 -filetype=obj -o replay.o",
    ),
    "runtime": Objective(
        name="runtime",
        ir_mode="speed",
        want=("object",),
        baseline=CLANG_O3,
        unit="instructions executed",
        description="instructions the build executes on the program's tests (callgrind), "
        "outputs checked",
        reloc="pic-o3",  # clang -O3's code generation level, as its objects are built
        stored_as="runtime/codegen-O3",  # figures before that were at -O2's level
        replay='opt-22 -relocation-model=pic -mcpu=x86-64 -passes="$(cat pipeline.txt)" '
        "input.ll -o - | llc-22 -O3 -relocation-model=pic -mcpu=x86-64 -filetype=obj "
        "-o replay.o && clang-22 replay.o -o replay",  # then the program's ldflags (-lm, ...)
        executes=True,
        baseline_label="-O3",
    ),
}


def action_pipeline(action: str) -> str:
    """A baseline action as pipeline text: `clang-Oz` expands, LLVM's names stay as they are."""
    return clang_pipeline(action) if action in CLANG_PIPELINES else action


def baseline_label(objective: str) -> str:
    """The baseline's name in tables for an objective's name ("-Oz", "-O3" for runtime)."""
    known = OBJECTIVES.get(objective)
    return known.baseline_label if known is not None else "-Oz"


def get_objective(name: str) -> Objective:
    try:
        return OBJECTIVES[name]
    except KeyError:
        raise OptionError(
            f"unknown objective '{name}'; choose one of: {', '.join(OBJECTIVES)}"
        ) from None
