"""Function-level data set rows and how SFT reads them (no model training here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from optsmith.dataset.checks import check_dataset
from optsmith.errors import OptionError, OptsmithError
from optsmith.llm.parsers import parse_pass_list
from optsmith.llvm.pool import EnginePool
from optsmith.search.evaluator import Evaluator
from optsmith.train.data import completion_of, load_rows, sft_examples


def test_function_rows_are_one_per_function_and_hold(function_dataset: Path,
                                                     train_pool: EnginePool) -> None:
    rows = load_rows(function_dataset)
    # tiny: main, square; loop: main, feed, mix (a label never worse than -Oz on these)
    assert sorted(r["function"] for r in rows) == ["feed", "main", "main", "mix", "square"]
    for row in rows:
        assert row["unit"] == "function" and row["validated"] is True
        assert row["opt_text_size"] <= row["oz_text_size"]  # never worse than -Oz
        assert "define" in row["prompt"] and f"@{row['function']}(" in row["prompt"]
        assert parse_pass_list(row["answer"]).ok
    # every row re-derives from its own text (the label on the prompt's module)
    assert set(check_dataset(function_dataset, Evaluator(train_pool)).values()) == {None}


def test_passes_answers_drop_the_ir_and_long_rows_are_counted(function_dataset: Path,
                                                              tiny_model: Path) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model, local_files_only=True)
    rows = load_rows(function_dataset)
    short = completion_of(rows[0], "passes")
    assert short.startswith(" Run passes `") and short.endswith("bytes:")
    assert "<code>" not in short and "<code>" in completion_of(rows[0], "full")
    fits = sft_examples(rows, tokenizer, 100_000, "passes")
    assert len(fits.rows) == len(rows) and fits.too_long == 0
    cut = sft_examples(rows, tokenizer, 64, "passes")  # no prompt fits in 64 tokens
    assert cut.rows == [] and cut.too_long == len(rows) and cut.too_long_modules == 0
    module = [{**rows[0], "unit": "module"}]
    note = sft_examples(module, tokenizer, 64, "full").skipped_note(64)
    assert note is not None and "--unit function" in note


def test_a_directory_without_rows_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OptsmithError, match="no train.jsonl"):
        load_rows(tmp_path)
    (tmp_path / "train.jsonl").write_text(json.dumps({"id": "x"}) + "\n")
    with pytest.raises(OptsmithError, match="no rows with a prompt"):
        load_rows(tmp_path)


def test_settings_are_checked_at_once() -> None:
    from optsmith.train.grpo import GrpoSettings
    from optsmith.train.sft import SftSettings

    with pytest.raises(OptionError, match="max_steps"):
        SftSettings(max_steps=0)
    with pytest.raises(OptionError, match="answer form"):
        SftSettings(answer="ir")  # type: ignore[arg-type]
    with pytest.raises(OptionError, match="num_generations"):
        GrpoSettings(num_generations=1)


def test_dataset_build_unit_option_is_checked(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from optsmith.cli import app

    runner = CliRunner()
    wrong = runner.invoke(app, ["dataset", "build", "--format", "supercoder", "--unit",
                                "function", "--out", str(tmp_path / "o")])
    assert wrong.exit_code == 2 and "--unit function is for --format llm-compiler" in wrong.output
    typo = runner.invoke(app, ["dataset", "build", "--unit", "functions", "--out",
                               str(tmp_path / "o")])
    assert typo.exit_code == 2 and "unknown unit 'functions'" in typo.output
