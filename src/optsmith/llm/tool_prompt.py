"""Chat messages with tools, made renderable by a local model's own chat template.

A server such as vLLM renders `tools=` with the model's chat template and parses the calls
back out of the text. A local model run in-process (`TransformersBackend.chat`,
`LlamaCppBackend.chat`) has to do the same itself, and many small models' templates have
no place for tools at all: SmolLM2-135M-Instruct's renders `message['content']` of every
message and nothing else, so a model served with it is never told that tools exist, and
an assistant turn whose content is null (a tool-call turn) breaks the rendering.

For such a template, `template_messages` writes the tools into the system message in the
Hermes format (the one Qwen's and Hermes' templates use: signatures inside `<tools>`,
calls as `<tool_call>{"name": ..., "arguments": ...}</tool_call>`, which the agent loop
reads back out of the text) and turns each tool answer into a user turn holding
`<tool_response>...</tool_response>`, as those templates do. A template that mentions
`tools` is given them itself and the messages only get their null contents filled.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

TOOLS_HEADER = (
    "# Tools\n\nYou may call one or more functions to assist with the user query.\n\n"
    "You are provided with function signatures within <tools></tools> XML tags:\n<tools>\n"
)
TOOLS_FOOTER = (
    "\n</tools>\n\nFor each function call, return a json object with function name and "
    "arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n"
    '{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call>'
)


def template_takes_tools(template: Any) -> bool:
    """Whether a chat template (text, or transformers' {name: text}) renders `tools`."""
    if isinstance(template, Mapping):
        return any(template_takes_tools(t) for t in template.values())
    return isinstance(template, str) and "tools" in template


def tools_text(tools: Sequence[Mapping[str, Any]]) -> str:
    """The tool signatures and the call format, as the system message's last part."""
    return TOOLS_HEADER + "\n".join(json.dumps(t) for t in tools) + TOOLS_FOOTER


def template_messages(
    messages: Sequence[Mapping[str, Any]], tools: Sequence[Mapping[str, Any]], *,
    takes_tools: bool,
) -> list[dict[str, Any]]:
    """`messages` (OpenAI chat format) as a template that does (not) take tools can render."""
    if takes_tools:
        return [{**m, "content": m.get("content") or ""} for m in messages]
    out: list[dict[str, Any]] = []
    for message in messages:
        role, content = str(message.get("role")), str(message.get("content") or "")
        if role == "tool":
            response = f"<tool_response>\n{content}\n</tool_response>"
            if out and out[-1].get("tool_responses"):
                out[-1]["content"] += "\n" + response
            else:
                out.append({"role": "user", "content": response, "tool_responses": True})
            continue
        # a tool-call turn keeps the text the model wrote (where a local model's calls are)
        out.append({"role": role, "content": content})
    if tools:
        if out and out[0]["role"] == "system":
            out[0]["content"] += "\n\n" + tools_text(tools)
        else:
            out.insert(0, {"role": "system", "content": tools_text(tools)})
    return [{"role": m["role"], "content": m["content"]} for m in out]
