"""Conversations with tools made renderable by templates that have no place for them."""

from __future__ import annotations

import json
from typing import Any

from optsmith.agent.tools import TOOL_NAMES, TOOL_SPECS
from optsmith.llm.tool_prompt import template_messages, template_takes_tools

CALL = '<tool_call>\n{"name": "try_pipeline", "arguments": {"pipeline": "sroa"}}\n</tool_call>'
CONVERSATION: list[dict[str, Any]] = [
    {"role": "system", "content": "You optimize programs."},
    {"role": "user", "content": "Beat -Oz."},
    {"role": "assistant", "content": CALL, "tool_calls": [
        {"id": "a", "type": "function",
         "function": {"name": "try_pipeline", "arguments": '{"pipeline": "sroa"}'}},
        {"id": "b", "type": "function", "function": {"name": "show_best", "arguments": "{}"}},
    ]},
    {"role": "tool", "tool_call_id": "a", "content": '{"ir_instructions": 70}'},
    {"role": "tool", "tool_call_id": "b", "content": '{"best_pipeline": "sroa"}'},
    {"role": "assistant", "content": None, "tool_calls": []},  # a server's tool-call turn
]


def test_which_templates_take_tools() -> None:
    assert template_takes_tools("{% if tools %}{{ tools | tojson }}{% endif %}")
    assert template_takes_tools({"default": "plain", "tool_use": "{{ tools }}"})
    assert not template_takes_tools("{{ message['content'] }}")
    assert not template_takes_tools(None)


def test_tools_go_into_the_system_message_and_answers_into_one_user_turn() -> None:
    out = template_messages(CONVERSATION, TOOL_SPECS, takes_tools=False)
    assert [m["role"] for m in out] == ["system", "user", "assistant", "user", "assistant"]
    assert all(set(m) == {"role", "content"} and isinstance(m["content"], str) for m in out)
    system = out[0]["content"]
    assert system.startswith("You optimize programs.") and "<tool_call>" in system
    listed = system.split("<tools>\n")[1].split("\n</tools>")[0].splitlines()
    assert [json.loads(line)["function"]["name"] for line in listed] == list(TOOL_NAMES)
    assert out[2]["content"] == CALL  # the model's own call text, where it will look for it
    responses = out[3]["content"]
    assert responses.count("<tool_response>") == 2 and '"ir_instructions": 70' in responses
    assert responses.index("70") < responses.index("best_pipeline")
    assert out[4]["content"] == ""


def test_a_conversation_without_system_message_gets_one() -> None:
    out = template_messages(CONVERSATION[1:2], TOOL_SPECS, takes_tools=False)
    assert [m["role"] for m in out] == ["system", "user"] and "<tools>" in out[0]["content"]


def test_a_template_that_takes_tools_gets_the_messages_as_they_are() -> None:
    out = template_messages(CONVERSATION, TOOL_SPECS, takes_tools=True)
    assert len(out) == len(CONVERSATION) and out[2]["tool_calls"] == CONVERSATION[2]["tool_calls"]
    assert out[3]["tool_call_id"] == "a" and out[5]["content"] == ""
    assert "<tools>" not in out[0]["content"]
