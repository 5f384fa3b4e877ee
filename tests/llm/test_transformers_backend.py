"""The transformers backend on a real (tiny, randomly initialised) causal LM that the test
builds and saves: the same `from_pretrained(local_files_only=True)` path a user's weights
directory takes, without downloading anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from optsmith.agent import AgentSettings, run_agent
from optsmith.agent.tools import TOOL_SPECS
from optsmith.cli import app
from optsmith.errors import ModelError
from optsmith.llm.backend import GenerationParams
from optsmith.llm.resolve import open_backend, open_chat_model
from optsmith.llm.transformers_backend import TransformersBackend
from optsmith.llmtasks.runner import make_task, run_task
from optsmith.llvm.pool import EnginePool
from optsmith.measure.objectives import get_objective
from optsmith.search.evaluator import Evaluator
from sample_programs import LOOP_C, make_loop_benchmark, make_tiny_benchmark

# SmolLM2-135M-Instruct's chat template, verbatim: it renders each message's content and
# nothing else (no tools, no tool calls)
SMOLLM2_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging "
    "Face<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + "
    "message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}"
    "{{ '<|im_start|>assistant\n' }}{% endif %}"
)
# a template that renders the tools itself, as Qwen's and Hermes' do
TOOLS_TEMPLATE = (
    "{% if tools %}TOOLS:{% for t in tools %}{{ t['function']['name'] }};{% endfor %}{% endif %}"
    "{% for message in messages %}[{{ message['role'] }}]{{ message['content'] }}{% endfor %}"
)


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    directory = tmp_path_factory.mktemp("tiny-llama")
    tokenizer = Tokenizer(models.BPE(unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel()
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=300, special_tokens=["<unk>", "<s>", "</s>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tokenizer.train_from_iterator(["define i32 @f() { ret i32 0 }", "Run passes sroa,gvn"] * 8,
                                  trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="<unk>",
                                   bos_token="<s>", eos_token="</s>")
    fast.chat_template = SMOLLM2_TEMPLATE
    fast.save_pretrained(directory)
    torch.manual_seed(0)
    config = LlamaConfig(vocab_size=fast.vocab_size, hidden_size=32, intermediate_size=64,
                         num_hidden_layers=1, num_attention_heads=2, num_key_value_heads=2,
                         max_position_embeddings=4096, bos_token_id=1, eos_token_id=2)
    LlamaForCausalLM(config).save_pretrained(directory)
    return directory


def test_generates_n_samples_per_prompt(tiny_model_dir: Path) -> None:
    backend = open_backend(str(tiny_model_dir))
    assert isinstance(backend, TransformersBackend)
    out = backend.generate(["Run passes", "define"],
                           GenerationParams(n=3, max_tokens=6, temperature=0.9, seed=2))
    assert [len(g.texts) for g in out] == [3, 3]
    assert all(g.completion_tokens == 18 for g in out)


def test_a_prompt_over_the_input_limit_is_one_failed_row(tiny_model_dir: Path) -> None:
    backend = TransformersBackend(tiny_model_dir, max_input_tokens=50)
    (out,) = backend.generate(["define " * 200], GenerationParams(max_tokens=4))
    assert not out.texts and "tokens > 50" in out.errors[0]


def test_a_task_runs_end_to_end_on_it(tiny_model_dir: Path, pool: EnginePool) -> None:
    task = make_task("flag-tuning", Evaluator(pool, None), max_prompt_chars=100_000)
    report = run_task(task, TransformersBackend(tiny_model_dir), [make_tiny_benchmark()],
                      GenerationParams(max_tokens=12))
    (row,) = report.rows
    assert row["answered"] and row["answers"]
    assert row["valid"] == 1 or row["error"]  # noise is rarely a pipeline; either way, a row
    assert row["reduction_backup"] >= 0.0


def test_a_directory_without_weights_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no config.json"):
        TransformersBackend(tmp_path)
    with pytest.raises(ModelError, match="don't know how to open model"):
        open_backend(str(tmp_path / "missing.bin"))


CONVERSATION = [{"role": "system", "content": "Optimize."}, {"role": "user", "content": "Go."},
                {"role": "assistant", "content": None, "tool_calls": [{
                    "id": "a", "type": "function",
                    "function": {"name": "show_best", "arguments": "{}"}}]},
                {"role": "tool", "tool_call_id": "a", "content": '{"best_pipeline": null}'}]


def test_a_chat_template_without_tools_is_told_them(tiny_model_dir: Path) -> None:
    backend = TransformersBackend(tiny_model_dir)
    prompt = backend.render_chat(CONVERSATION, TOOL_SPECS)
    assert prompt.startswith("<|im_start|>system\nOptimize.") and "<tools>" in prompt
    assert '"name": "try_pipeline"' in prompt and "None" not in prompt
    assert '<|im_start|>user\n<tool_response>\n{"best_pipeline": null}' in prompt
    assert prompt.endswith("<|im_start|>assistant\n")
    backend._tokenizer.chat_template = TOOLS_TEMPLATE
    prompt = backend.render_chat(CONVERSATION, TOOL_SPECS)
    assert prompt.startswith("TOOLS:read_features;try_pipeline;") and "<tools>" not in prompt
    assert "[tool]" in prompt
    backend._tokenizer.chat_template = None
    with pytest.raises(ModelError, match="no chat template"):
        backend.render_chat(CONVERSATION, TOOL_SPECS)


def test_chat_answers_with_text_and_counts_tokens(tiny_model_dir: Path) -> None:
    backend = open_chat_model(str(tiny_model_dir))
    assert isinstance(backend, TransformersBackend)
    message, usage = backend.chat(CONVERSATION, tools=TOOL_SPECS,
                                  params=GenerationParams(max_tokens=5))
    assert message["role"] == "assistant" and isinstance(message["content"], str)
    assert usage["completion_tokens"] == 5 and usage["prompt_tokens"] > 100  # tools included
    small = TransformersBackend(tiny_model_dir, max_input_tokens=50)
    with pytest.raises(ModelError, match="tokens > 50"):
        small.chat(CONVERSATION, tools=TOOL_SPECS, params=GenerationParams(max_tokens=5))


def test_the_agent_runs_on_a_local_directory(tiny_model_dir: Path, pool: EnginePool) -> None:
    """Noise from a random model is an answer with no tool call: -Oz, validated, counted."""
    evaluator = Evaluator(pool, None)
    problem = evaluator.prepare(make_loop_benchmark(), get_objective("ir-instcount"))
    result = run_agent(problem, evaluator, open_chat_model(str(tiny_model_dir)),
                       AgentSettings(max_compilations=2, max_turns=2, max_tokens=6))
    assert result.turns >= 1 and result.transcript[0]["turn"] == 1
    assert result.tool_calls == sum(len(t["calls"]) for t in result.transcript)
    assert result.compilations <= 2 and result.search.validated is True
    assert result.search.best_value <= result.search.baseline
    assert 0 < result.completion_tokens <= 6 * result.turns


def test_cli_agent_takes_a_weights_directory(tiny_model_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "loop.c"
    source.write_text(LOOP_C)
    (tmp_path / "loop.args").write_text("100\n")
    out = CliRunner().invoke(app, [
        "agent", str(source), "--model", str(tiny_model_dir), "--max-compilations", "2",
        "--max-turns", "1", "--max-tokens", "4", "--store", str(tmp_path / "s.sqlite"),
        "--json", "-"])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.stdout)
    assert payload["model"] == tiny_model_dir.name and payload["turns"] == 1
    assert payload["search"]["validated"] is True
    missing = CliRunner().invoke(app, ["agent", str(source), "--model",
                                       str(tmp_path / "none.gguf")])
    assert missing.exit_code == 2 and "don't know how to open model" in missing.output
