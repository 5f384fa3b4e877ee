"""Observation spaces: each computed by the worker, inside its declared gymnasium space."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import gymnasium as gym
import numpy as np
import pytest

from optsmith.env import DEFAULT_PROBES, ENV_ID, INSTCOUNT_NAMES, LlvmEnv, spaces
from optsmith.env.spaces import canonical_name
from optsmith.errors import OptsmithError
from optsmith.llvm import features
from optsmith.toolchain import find_toolchain

TOTAL_INSTS = 51  # index of TotalInsts in the Autophase vector
ALLOCAS = 27  # NumAllocaInst


@pytest.fixture(scope="module")
def env() -> Iterator[LlvmEnv]:
    e = LlvmEnv("crc32")
    e.reset()
    yield e
    e.close()


def test_every_space_holds_its_observation(env: LlvmEnv) -> None:
    env.reset()
    env.step(env.action_names.index("mem2reg"))
    spaces = env.observation.spaces
    for name in ("Ir", "InstCount", "Autophase", "BehaviorSpectrum"):
        assert spaces[name].contains(env.observation[name]), name
    ir = env.observation["ir"]
    counts = env.observation["InstCount"]
    assert ir.startswith("; ModuleID") and "define" in ir
    assert ir.count(" = alloca ") == counts[INSTCOUNT_NAMES.index("NumAllocaInst")]
    assert counts.shape == (len(INSTCOUNT_NAMES),) and counts.dtype == np.int64
    assert counts[0] == env.instcount == counts[3:].sum()
    autophase = env.observation["Autophase"]
    assert autophase.shape == (56,) and autophase[TOTAL_INSTS] == env.instcount


def test_names_are_forgiving_but_checked() -> None:
    assert canonical_name("behavior-spectrum") == canonical_name("spectrum") == "BehaviorSpectrum"
    assert canonical_name("inst_count") == "InstCount"
    with pytest.raises(OptsmithError, match="Ir2Vec"):
        canonical_name("word2vec")


def test_behavior_spectrum_is_the_probes_feature_deltas(env: LlvmEnv) -> None:
    env.reset()
    spectrum = env.observation["BehaviorSpectrum"]
    assert spectrum.shape == (len(DEFAULT_PROBES), 56) and spectrum.dtype == np.float32
    assert np.array_equal(spectrum, env.observation["BehaviorSpectrum"])  # deterministic
    oz_row = spectrum[DEFAULT_PROBES.index("default<Oz>")]
    assert oz_row[TOTAL_INSTS] == env.references.instcount_oz - env.instcount
    assert spectrum[DEFAULT_PROBES.index("mem2reg")][ALLOCAS] < 0
    env.step(env.action_names.index("mem2reg"))
    after = env.observation["BehaviorSpectrum"]
    assert after[DEFAULT_PROBES.index("mem2reg")][ALLOCAS] == 0  # nothing left to promote


def test_behavior_spectrum_as_the_step_observation() -> None:
    e = gym.make(ENV_ID, benchmark="crc32", observation="BehaviorSpectrum", probes=["gvn", "dse"])
    try:
        obs, _ = e.reset(seed=0)
        assert obs.shape == (2, 56) and e.observation_space.contains(obs)
        obs, *_ = e.step(0)
        assert e.observation_space.contains(obs)
    finally:
        e.close()


def test_ir2vec_without_vocabulary_says_how_to_get_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """An install that lacks the packaged vocabulary (none given either) says what to do."""
    monkeypatch.delenv("OPTSMITH_IR2VEC_VOCAB", raising=False)
    monkeypatch.setattr(spaces, "packaged_vocabulary", lambda: None)
    with pytest.raises(OptsmithError, match="ir2vec_vocab=PATH"):
        LlvmEnv("crc32", observation="Ir2Vec")
    e = LlvmEnv("crc32")
    try:
        e.reset()
        with pytest.raises(OptsmithError, match="vocabulary"):
            e.observation["Ir2Vec"]
    finally:
        e.close()


def test_ir2vec_works_out_of_the_box(monkeypatch: pytest.MonkeyPatch) -> None:
    """LLVM's 75-D seed vocabulary ships with optsmith: no ir2vec_vocab needed."""
    if features.ir2vec_tool() is None:
        pytest.skip("llvm-ir2vec is not installed")
    monkeypatch.delenv("OPTSMITH_IR2VEC_VOCAB", raising=False)
    vocab = spaces.packaged_vocabulary()
    assert vocab is not None and vocab == features.default_ir2vec_vocab()
    e = LlvmEnv("crc32", observation="Ir2Vec")
    try:
        obs, _ = e.reset()
        assert obs.shape == (75,) and obs.dtype == np.float32 and e.observation_space.contains(obs)
        assert np.count_nonzero(obs) > 60 and float(np.abs(obs).sum()) > 1.0
        assert np.array_equal(obs, e.observation["Ir2Vec"])  # deterministic
        after, *_ = e.step(e.action_names.index("mem2reg"))
        assert not np.array_equal(after, obs)  # the program changed, so did its vector
    finally:
        e.close()
    again = LlvmEnv("crc32", observation="Ir2Vec")
    try:
        assert np.array_equal(again.reset()[0], obs)  # the same in a fresh environment
    finally:
        again.close()


def _vocab(path: Path) -> Path:
    tool = find_toolchain().prefix / "bin" / "llvm-ir2vec"
    if not tool.is_file():
        pytest.skip("llvm-ir2vec is not installed")
    lines = subprocess.run(
        [str(tool), "entities", "--mode=llvm"], capture_output=True, text=True, check=True
    ).stdout.splitlines()[1:]
    vocab: dict[str, dict[str, list[float]]] = {"Opcodes": {}, "Types": {}, "Arguments": {}}
    for line in lines:
        name, index = line.split("\t")
        section = (
            "Types"
            if name.endswith("Ty")
            else "Arguments"
            if name in ("Function", "Pointer", "Constant", "Variable") or "CMP_" in name
            else "Opcodes"
        )
        vocab[section][name] = [float(index) / 100, 1.0, -0.5]
    path.write_text(json.dumps(vocab))
    return path


def test_ir2vec_with_a_vocabulary(tmp_path: Path) -> None:
    e = LlvmEnv("crc32", observation="Ir2Vec", ir2vec_vocab=_vocab(tmp_path / "vocab.json"))
    try:
        obs, _ = e.reset()
        assert obs.shape == (3,) and obs.dtype == np.float32 and e.observation_space.contains(obs)
        assert obs[1] > 0 and obs[2] < 0
        after, *_ = e.step(e.action_names.index("mem2reg"))
        assert after[1] < obs[1]  # fewer instructions, smaller sums
        assert np.array_equal(after, e.observation["Ir2Vec"])
    finally:
        e.close()
    (tmp_path / "bad.json").write_text('{"Opcodes": {}}')
    with pytest.raises(OptsmithError, match="Types"):
        LlvmEnv("crc32", observation="Ir2Vec", ir2vec_vocab=tmp_path / "bad.json")
