"""Objectives: what is minimized, which IR it starts from, and its baseline pipeline.

`ir-instcount` starts from -O0 IR (optnone stripped) and is compared with
`default<Oz>` on that IR, as in CompilerGym. `text-size` starts from IR that carries
clang's -Oz attributes and is compared with the .text of `default<Oz>` on it, which
equals the .text of `clang-22 -Oz -c` (checked by a test) — a fair baseline.
"""

from __future__ import annotations

from dataclasses import dataclass

from optsmith.errors import OptionError, OptsmithError
from optsmith.llvm.protocol import EngineReply
from optsmith.programs.frontend import IRMode


@dataclass(frozen=True)
class Objective:
    name: str
    ir_mode: IRMode
    want: tuple[str, ...]
    baseline_pipeline: str
    unit: str
    description: str
    reloc: str  # target machine the passes see; see optsmith.llvm.module.Engine
    replay: str  # the stock command that reproduces a result

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
        baseline_pipeline="default<Oz>",
        unit="instructions",
        description="LLVM IR instructions in defined functions (CompilerGym's IrInstructionCount)",
        reloc="default",
        replay='opt-22 -passes="$(cat pipeline.txt)" input.ll -S -o replay.ll',
    ),
    "text-size": Objective(
        name="text-size",
        ir_mode="size",
        want=("instcount", "sizes"),
        baseline_pipeline="default<Oz>",
        unit="bytes",
        description=".text bytes of the object the engine emits for the host target",
        reloc="pic",
        replay='opt-22 -relocation-model=pic -passes="$(cat pipeline.txt)" input.ll -o - '
        "| llc-22 -relocation-model=pic -filetype=obj -o replay.o",
    ),
}


def get_objective(name: str) -> Objective:
    try:
        return OBJECTIVES[name]
    except KeyError:
        raise OptionError(
            f"unknown objective '{name}'; choose one of: {', '.join(OBJECTIVES)}"
        ) from None
