"""transformers backend: a local weights directory (config.json + weights + tokenizer).

Loads with `local_files_only=True`: optsmith never downloads weights. Imports are lazy
(torch and transformers are large and optional); the error says how to install them.
`chat` answers a conversation that offers tools (the agent's `ChatModel`), rendered with
the model's own chat template (`llm.tool_prompt`): the calls are in the text it writes.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from optsmith.errors import ModelError
from optsmith.llm.backend import Generation, GenerationParams
from optsmith.llm.stops import cut_at_stop
from optsmith.llm.tool_prompt import template_messages, template_takes_tools

INSTALL_HINT = "pip install 'optsmith[transformers]' (torch + transformers)"


class TransformersBackend:
    """Runs the causal LM stored in `directory` on CPU (or `device`)."""

    def __init__(
        self, directory: str | Path, *, device: str = "cpu", max_input_tokens: int = 8192
    ) -> None:
        path = Path(directory)
        if not (path / "config.json").is_file():
            raise ModelError(f"{path} is not a transformers model directory (no config.json)")
        try:
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer
        except ImportError as exc:
            raise ModelError(f"transformers/torch are not installed: {INSTALL_HINT}") from exc
        try:
            self._tokenizer: Any = AutoTokenizer.from_pretrained(path, local_files_only=True)
            model = AutoModelForCausalLM.from_pretrained(path, local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelError(f"transformers could not load {path}: {exc}") from exc
        # .to() of a loaded model is typed for the str-less overload in some releases
        self._model: Any = cast(Any, model).to(device).eval()
        self._torch = torch
        self.device = device
        self.max_input_tokens = max_input_tokens
        self.name = path.name

    def _answer(self, prompt: str, params: GenerationParams, *, special: bool = True
                ) -> Generation:
        """`special`: add the tokenizer's special tokens (BOS); a rendered chat template
        already holds its own."""
        started = time.perf_counter()
        inputs = self._tokenizer(prompt, return_tensors="pt",
                                 add_special_tokens=special).to(self.device)
        prompt_tokens = int(inputs["input_ids"].shape[1])
        if prompt_tokens > self.max_input_tokens:
            return Generation(
                [],
                time.perf_counter() - started,
                prompt_tokens,
                errors=[f"prompt has {prompt_tokens} tokens > {self.max_input_tokens}"],
            )
        if params.seed is not None:
            self._torch.manual_seed(params.seed)
        sampling = params.temperature > 0
        with self._torch.no_grad():
            output = self._model.generate(
                **inputs,
                max_new_tokens=params.max_tokens,
                do_sample=sampling,
                temperature=params.temperature if sampling else None,
                top_p=None,
                top_k=None,
                num_return_sequences=params.n,
                pad_token_id=self._tokenizer.pad_token_id or self._tokenizer.eos_token_id,
            )
        new_tokens = output[:, prompt_tokens:]
        texts = [
            cut_at_stop(self._tokenizer.decode(row, skip_special_tokens=True), params.stop)
            for row in new_tokens
        ]
        return Generation(
            texts, time.perf_counter() - started, prompt_tokens, int(new_tokens.numel())
        )

    def generate(self, prompts: Sequence[str], params: GenerationParams) -> list[Generation]:
        return [self._answer(prompt, params) for prompt in prompts]

    def render_chat(self, messages: list[dict[str, Any]], tools: list[dict[str, Any]]) -> str:
        """The prompt text of a conversation offering `tools`, by the model's chat template
        (the tools in its system message when the template has no place for them)."""
        template = self._tokenizer.chat_template
        if not template:
            raise ModelError(f"{self.name} has no chat template: it cannot hold a conversation")
        takes = template_takes_tools(template)
        return str(self._tokenizer.apply_chat_template(
            template_messages(messages, tools, takes_tools=takes),
            tools=tools if takes else None, add_generation_prompt=True, tokenize=False,
        ))

    def chat(
        self, messages: list[dict[str, Any]], *, tools: list[dict[str, Any]],
        params: GenerationParams,
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """One assistant reply to `messages` offering `tools`: (message, usage).

        The message's `content` is the generated text (tool calls, if any, are written in
        it: the agent reads `<tool_call>` tags); a prompt over `max_input_tokens` is a
        `ModelError`, as a failing server's is."""
        generation = self._answer(self.render_chat(messages, tools), params, special=False)
        if generation.errors or not generation.texts:
            raise ModelError(f"{self.name}: {'; '.join(generation.errors) or 'no answer'}")
        usage = {"prompt_tokens": generation.prompt_tokens,
                 "completion_tokens": generation.completion_tokens}
        return {"role": "assistant", "content": generation.texts[0]}, usage

    def close(self) -> None:
        self._model = None
