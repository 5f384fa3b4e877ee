"""Observation spaces of the LLVM environment, and how each is read from an engine reply.

Each observation is computed by the engine worker that holds the program
(`optsmith.llvm.features`), in the same request as the step, without files:

- `Ir`: the module as LLVM IR text (`gymnasium.spaces.Text`; LLVM prints IR in printable
  ASCII, escaping everything else).
- `InstCount`: int64 vector `[TotalInsts, TotalBlocks, TotalFuncs, Num<Op>Inst...]`, the
  opcodes in the order of `optsmith.llvm.capi.OPCODE_NAMES` (see `INSTCOUNT_NAMES`).
- `Autophase`: the 56 int64 features of Haj-Ali et al. (MLSys 2020), in CompilerGym's
  order, each defined in `optsmith.llvm.features.autophase`.
- `Ir2Vec`: float32 IR2Vec program vector (sum of function vectors) from LLVM 22's
  `llvm-ir2vec`, with LLVM's 75-dimension seed vocabulary, which optsmith ships
  (`ir2vec_vocab=PATH` or `OPTSMITH_IR2VEC_VOCAB` choose another).
- `BehaviorSpectrum`: float32 `(K, 56)` matrix; row k is the change of the Autophase
  features when probe pipeline k is applied to a copy of the current program (the
  quasi-dynamic "behavior spectrum" embedding of the PREP paper).
"""

from __future__ import annotations

import json
import os
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from gymnasium import spaces

from optsmith.errors import OptsmithError
from optsmith.llvm.capi import OPCODE_NAMES
from optsmith.llvm.features import default_ir2vec_vocab
from optsmith.llvm.passes import parse_pipeline, render_pipeline
from optsmith.llvm.protocol import NO_FEATURES, EngineReply, FeatureParams

IR_MAX_LENGTH = 1 << 28  # characters; far above any program the engine handles
IR_CHARSET = string.printable
AUTOPHASE_DIM = 56
INSTCOUNT_NAMES: tuple[str, ...] = (
    "TotalInsts",
    "TotalBlocks",
    "TotalFuncs",
    *(f"Num{name}Inst" for name in OPCODE_NAMES.values()),
)
"""Names of the InstCount vector's entries (the same as `optsmith.llvm.features`)."""

DEFAULT_PROBES: tuple[str, ...] = (
    "mem2reg",
    "sroa<modify-cfg>",
    "instcombine<no-verify-fixpoint>",
    "simplifycfg",
    "early-cse<memssa>",
    "gvn",
    "sccp",
    "dse",
    "licm",
    "loop-rotate",
    "inline",
    "default<Oz>",
)
"""The K=12 probes of `BehaviorSpectrum`: promotion to SSA, scalar clean-ups, redundancy
and dead-code elimination, loop shaping, inlining and the whole -Oz pipeline. Each is
from the tested pass space (none aborts LLVM on clang's -O0 IR) and all are cheap."""

IR2VEC_VOCAB_ENV = "OPTSMITH_IR2VEC_VOCAB"
IR2VEC_KINDS = ("symbolic", "flow-aware")
NO_VOCABULARY = (
    "the Ir2Vec observation needs an IR2Vec seed embedding vocabulary: LLVM 22's "
    "llvm-ir2vec refuses to embed without one (--ir2vec-vocab-path), and the one optsmith "
    "ships (optsmith/llvm/data/ir2vec_vocab_75d.json) is missing from this install. Pass "
    f"ir2vec_vocab=PATH to the environment (or set {IR2VEC_VOCAB_ENV}), PATH being a JSON "
    "file with 'Opcodes', 'Types' and 'Arguments' sections, e.g. "
    "llvm/lib/Analysis/models/seedEmbeddingVocab75D.json from the LLVM source tree"
)


def packaged_vocabulary() -> Path | None:
    """The seed vocabulary shipped with optsmith, or None if the install lacks it."""
    path = default_ir2vec_vocab()
    return path if path.is_file() else None


_CANONICAL = {
    "ir": "Ir",
    "instcount": "InstCount",
    "autophase": "Autophase",
    "ir2vec": "Ir2Vec",
    "behaviorspectrum": "BehaviorSpectrum",
    "spectrum": "BehaviorSpectrum",
}
OBSERVATION_NAMES: tuple[str, ...] = ("Ir", "InstCount", "Autophase", "Ir2Vec", "BehaviorSpectrum")


def canonical_name(name: str) -> str:
    """ "autophase", "Autophase" and "behavior-spectrum" style spellings -> the space name."""
    key = name.lower().replace("-", "").replace("_", "").replace(" ", "")
    try:
        return _CANONICAL[key]
    except KeyError:
        raise OptsmithError(
            f"unknown observation space '{name}'; choose one of: {', '.join(OBSERVATION_NAMES)}"
        ) from None


@dataclass(frozen=True)
class ObservationSpec:
    """One observation space: its gymnasium space, what the worker measures, and decoding."""

    name: str
    space: spaces.Space[Any]
    want: tuple[str, ...]
    decode: Callable[[EngineReply], Any]
    features: FeatureParams = NO_FEATURES
    unavailable: str | None = None  # why this space cannot be computed here

    def check_available(self) -> None:
        if self.unavailable is not None:
            raise OptsmithError(self.unavailable)


def _int_vector(key: str) -> Callable[[EngineReply], np.ndarray]:
    return lambda reply: np.asarray(reply.expect(key), dtype=np.int64)


def ir2vec_dimension(path: str | os.PathLike[str]) -> int:
    """The vector length of an IR2Vec vocabulary file; OptsmithError quoting what is wrong."""
    try:
        data = json.loads(Path(path).read_text())
    except (OSError, ValueError) as exc:
        raise OptsmithError(f"cannot read IR2Vec vocabulary '{path}': {exc}") from exc
    sections = ("Opcodes", "Types", "Arguments")
    if not isinstance(data, dict) or any(not isinstance(data.get(s), dict) for s in sections):
        raise OptsmithError(
            f"IR2Vec vocabulary '{path}' must be a JSON object with {', '.join(sections)} "
            "sections, each mapping entity names to vectors"
        )
    lengths = {len(vector) for s in sections for vector in data[s].values()}
    if len(lengths) != 1 or 0 in lengths:
        raise OptsmithError(
            f"IR2Vec vocabulary '{path}' mixes vector lengths {sorted(lengths)}; "
            "every vector must have the same, non-zero length"
        )
    return lengths.pop()


def render_probes(probes: Sequence[str]) -> tuple[str, ...]:
    """Pass names or pipelines -> the pipeline texts the worker runs (nested as opt wants)."""
    return tuple(render_pipeline(parse_pipeline(probe)) for probe in probes)


def build_specs(
    *,
    ir2vec_vocab: str | os.PathLike[str] | None,
    ir2vec_kind: str,
    probes: Sequence[str],
) -> dict[str, ObservationSpec]:
    """Every observation space of one environment, keyed by name (see module docstring).

    The probes of BehaviorSpectrum run with the relocation model of the request that
    measures them, the environment's objective's.
    """
    int_max = np.iinfo(np.int64).max
    ir2vec_unavailable: str | None = None
    dim = 1
    if ir2vec_kind not in IR2VEC_KINDS:
        raise OptsmithError(
            f"unknown ir2vec_kind '{ir2vec_kind}'; choose one of: {', '.join(IR2VEC_KINDS)}"
        )
    vocab = ir2vec_vocab or os.environ.get(IR2VEC_VOCAB_ENV) or packaged_vocabulary()
    if vocab is None:
        ir2vec_unavailable = NO_VOCABULARY
    else:
        dim = ir2vec_dimension(vocab)

    def decode_ir2vec(reply: EngineReply) -> np.ndarray:
        vector = reply.expect("ir2vec") or [0.0] * dim  # a module without functions embeds to 0
        return np.asarray(vector, dtype=np.float32)

    probe_texts = render_probes(probes)
    k = len(probe_texts)
    if k == 0:
        raise OptsmithError("BehaviorSpectrum needs at least one probe pipeline")

    def decode_spectrum(reply: EngineReply) -> np.ndarray:
        return np.asarray(reply.expect("spectrum"), dtype=np.float32).reshape(k, AUTOPHASE_DIM)

    return {
        "Ir": ObservationSpec(
            "Ir",
            spaces.Text(max_length=IR_MAX_LENGTH, min_length=0, charset=IR_CHARSET),
            ("ir",),
            lambda reply: reply.expect_ir(),
        ),
        "InstCount": ObservationSpec(
            "InstCount",
            spaces.Box(0, int_max, shape=(len(INSTCOUNT_NAMES),), dtype=np.int64),
            ("instcount_vector",),
            _int_vector("instcount_vector"),
        ),
        "Autophase": ObservationSpec(
            "Autophase",
            spaces.Box(0, int_max, shape=(AUTOPHASE_DIM,), dtype=np.int64),
            ("autophase",),
            _int_vector("autophase"),
        ),
        "Ir2Vec": ObservationSpec(
            "Ir2Vec",
            spaces.Box(-np.inf, np.inf, shape=(dim,), dtype=np.float32),
            ("ir2vec",),
            decode_ir2vec,
            features=FeatureParams(ir2vec_vocab=str(vocab), ir2vec_kind=ir2vec_kind)
            if vocab
            else NO_FEATURES,
            unavailable=ir2vec_unavailable,
        ),
        "BehaviorSpectrum": ObservationSpec(
            "BehaviorSpectrum",
            spaces.Box(-np.inf, np.inf, shape=(k, AUTOPHASE_DIM), dtype=np.float32),
            ("spectrum",),
            decode_spectrum,
            features=FeatureParams(probes=probe_texts),
        ),
    }


__all__ = [
    "DEFAULT_PROBES",
    "INSTCOUNT_NAMES",
    "IR2VEC_VOCAB_ENV",
    "OBSERVATION_NAMES",
    "ObservationSpec",
    "build_specs",
    "canonical_name",
    "ir2vec_dimension",
    "packaged_vocabulary",
    "render_probes",
]
