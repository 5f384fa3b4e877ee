"""What the training tests share: a known-good flag-tuning answer, and a tiny, randomly
initialised Llama and a byte-level BPE tokenizer, built and saved by
the test (as tests/llm/test_transformers_backend.py does): the same weights-directory path
a user's model takes, without downloading anything, and fast enough for `make test`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from optsmith.llm import prompts

# measured: on the loop program (sample_programs) this pipeline gives 201 .text bytes where
# clang -Oz gives 243 (+17.3%), and the program still prints its expected line
GOOD = " Run passes `gvn-sink,default<Os>,lower-switch` to reduce instruction count"

SAMPLE_TEXT = [
    "define i32 @main() { entry: %x = alloca i32, align 4 ret i32 0 }",
    " Run passes `sroa,instcombine<no-verify-fixpoint>,simplifycfg,gvn,default<Oz>` to reduce "
    "instruction count from 10 to 5 and binary size from 100 bytes to 50 bytes:",
]


def make_tiny_llama(directory: Path, corpus: Iterable[str] = (), *, vocab: int = 400) -> Path:
    """Save a 1-layer Llama (hidden 32) and a tokenizer trained on `corpus` to `directory`."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.BPE(unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab, special_tokens=["<unk>", "<s>", "</s>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    text = [*SAMPLE_TEXT, prompts.FLAG_TUNING, *corpus]
    tokenizer.train_from_iterator(text * 4, trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="<unk>",
                                   bos_token="<s>", eos_token="</s>", pad_token="</s>")
    fast.save_pretrained(directory)
    torch.manual_seed(0)
    config = LlamaConfig(vocab_size=len(fast), hidden_size=32, intermediate_size=64,
                         num_hidden_layers=1, num_attention_heads=2, num_key_value_heads=2,
                         max_position_embeddings=8192, bos_token_id=1, eos_token_id=2,
                         pad_token_id=2)
    LlamaForCausalLM(config).save_pretrained(directory)
    return directory
