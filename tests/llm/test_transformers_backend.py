"""The transformers backend on a real (tiny, randomly initialised) causal LM that the test
builds and saves: the same `from_pretrained(local_files_only=True)` path a user's weights
directory takes, without downloading anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from optsmith.errors import ModelError
from optsmith.llm.backend import GenerationParams
from optsmith.llm.resolve import open_backend
from optsmith.llm.transformers_backend import TransformersBackend
from optsmith.llmtasks.runner import make_task, run_task
from optsmith.llvm.pool import EnginePool
from optsmith.search.evaluator import Evaluator
from sample_programs import make_tiny_benchmark


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
