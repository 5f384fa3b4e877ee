"""A tool-calling agent: a chat model optimizes a program with real compiler tools.

`run_agent` drives an OpenAI-compatible chat model (offered `tools=`) over a `Workbench`
of measurements on one program: `read_features`, `try_pipeline`, `describe_pass`,
`show_best`, `finish`. Every compilation is counted against the budget and reported; the
answer is validated as `optsmith optimize`'s is (best first, never worse than -Oz).
`optsmith agent prog.c --model URL --max-compilations N` is the command.
"""

from __future__ import annotations

from optsmith.agent.loop import AgentResult, AgentSettings, ChatModel, run_agent
from optsmith.agent.tools import TOOL_NAMES, TOOL_SPECS, Trial, Workbench

__all__ = [
    "TOOL_NAMES",
    "TOOL_SPECS",
    "AgentResult",
    "AgentSettings",
    "ChatModel",
    "Trial",
    "Workbench",
    "run_agent",
]
