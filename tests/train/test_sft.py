"""`optsmith train sft` end to end on a tiny Llama the test builds: the output directory
is a weights directory that the transformers backend opens and `llm eval`'s scoring runs
on (its answers are noise; the path is what is tested)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from optsmith.cli import app
from optsmith.llm.backend import GenerationParams
from optsmith.llm.transformers_backend import TransformersBackend
from optsmith.llmtasks.runner import make_task, run_task
from optsmith.llvm.pool import EnginePool
from optsmith.search.evaluator import Evaluator
from optsmith.train.logs import TRAIN_LOG
from optsmith.train.sft import SftSettings, run_sft
from sample_programs import make_tiny_benchmark


def _steps(out: Path) -> list[dict[str, float]]:
    lines = [json.loads(line) for line in (out / TRAIN_LOG).read_text().splitlines()]
    return [line for line in lines if "loss" in line]


def test_sft_writes_a_model_that_llm_eval_scores(function_dataset: Path, tiny_model: Path,
                                                 train_pool: EnginePool, tmp_path: Path) -> None:
    out = tmp_path / "sft"
    summary = run_sft(function_dataset, str(tiny_model), out,
                      SftSettings(max_steps=3, batch_size=2, learning_rate=1e-3))
    assert summary["steps"] == 3 and summary["rows"] == 5
    # rows longer than 2048 tokens are left out and counted, never cut
    assert summary["examples"] >= 2 and summary["examples"] + summary["too_long"] == 5
    assert (out / "config.json").is_file() and (out / "model.safetensors").is_file()
    assert (out / "tokenizer.json").is_file()
    steps = _steps(out)
    assert [s["step"] for s in steps] == [1, 2, 3]
    assert all(s["loss"] > 0 for s in steps)
    assert steps[-1]["loss"] < steps[0]["loss"]  # lr 1e-3 on a few rows: the loss goes down

    task = make_task("flag-tuning", Evaluator(train_pool), unit="function")
    report = run_task(task, TransformersBackend(out), [make_tiny_benchmark()],
                      GenerationParams(max_tokens=8))
    assert [r["name"] for r in report.rows] == ["tiny:main", "tiny:square"]
    for row in report.rows:
        assert row["answered"] and row["answers"]
        assert row["reduction_backup"] >= 0.0  # a garbage answer falls back to -Oz
    assert report.summary["scored"] == 2


def test_cli_sft_with_lora_merges_and_resumes(function_dataset: Path, tiny_model: Path,
                                              tmp_path: Path) -> None:
    out = tmp_path / "lora"
    runner = CliRunner()
    common = ["train", "sft", "--data", str(function_dataset), "--model", str(tiny_model),
              "--out", str(out), "--lora", "--batch-size", "2", "--answer", "passes",
              "--save-steps", "2"]
    first = runner.invoke(app, [*common, "--max-steps", "2", "--json", "-"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["steps"] == 2
    # merged: a plain model directory, no adapter files
    assert (out / "model.safetensors").is_file() and not (out / "adapter_config.json").exists()
    TransformersBackend(out)  # loads as is

    again = runner.invoke(app, [*common, "--max-steps", "4", "--resume", "--json", "-"])
    assert again.exit_code == 0, again.output
    payload = json.loads(again.stdout)
    assert payload["steps"] == 4 and payload["resumed_from"].endswith("checkpoint-2")
    assert [s["step"] for s in _steps(out)] == [1, 2, 3, 4]  # the log continues


def test_cli_sft_errors_are_one_line(tmp_path: Path, tiny_model: Path) -> None:
    runner = CliRunner()
    empty = runner.invoke(app, ["train", "sft", "--data", str(tmp_path), "--model",
                                str(tiny_model), "--out", str(tmp_path / "o")])
    assert empty.exit_code == 2 and "no train.jsonl" in empty.output
    (tmp_path / "train.jsonl").write_text(json.dumps({"prompt": "p", "answer": "a"}) + "\n")
    bad_model = runner.invoke(app, ["train", "sft", "--data", str(tmp_path), "--model",
                                    str(tmp_path / "nothing"), "--out", str(tmp_path / "o")])
    assert bad_model.exit_code == 2 and "cannot train from" in bad_model.output
    no_ckpt = runner.invoke(app, ["train", "sft", "--data", str(tmp_path), "--model",
                                  str(tiny_model), "--out", str(tmp_path / "o2"), "--resume"])
    assert no_ckpt.exit_code == 2 and "no checkpoint" in no_ckpt.output
