"""Training examples from an `optsmith dataset build` directory.

A data set row holds `prompt` and `answer` (LLM Compiler's flag-tuning format, or
SuperCoder's); supervised fine-tuning reads them as TRL's prompt/completion pairs, so the
loss is taken on the completion only. `answer="passes"` keeps the first sentence of a
flag-tuning answer (the pass list and the counts) and drops the optimized IR after it:
the part a flag-tuning evaluation reads, and a tenth of the tokens.

Rows that do not fit the context are left out and counted, never cut silently: TRL would
otherwise truncate the sequence, and a prompt longer than the context leaves no answer to
learn. Module-level prompts of real programs are 40-300k characters (10-100k tokens), so
the message for them points at `dataset build --unit function`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from optsmith.dataset.writer import JSONL_NAME, PARQUET_NAME, read_jsonl
from optsmith.errors import OptionError, OptsmithError

AnswerForm = Literal["full", "passes"]
ANSWER_FORMS = ("full", "passes")
_IR_START = "\n\n<code>"


def load_rows(directory: Path) -> list[dict[str, Any]]:
    """The rows of a `dataset build` output (train.jsonl, else train.parquet)."""
    path = Path(directory)
    if (path / JSONL_NAME).is_file():
        rows = list(read_jsonl(path / JSONL_NAME))
    elif (path / PARQUET_NAME).is_file():
        import pyarrow.parquet as pq

        rows = pq.read_table(path / PARQUET_NAME).to_pylist()
    else:
        raise OptsmithError(f"{path}: no {JSONL_NAME} or {PARQUET_NAME}; is this a "
                            "'optsmith dataset build' output?")
    usable = [r for r in rows if isinstance(r.get("prompt"), str)
              and isinstance(r.get("answer"), str)]
    if not usable:
        raise OptsmithError(f"{path}: no rows with a prompt and an answer")
    return usable


def check_answer_form(form: str) -> AnswerForm:
    if form not in ANSWER_FORMS:
        raise OptionError(f"unknown answer form {form!r}; choose one of: {', '.join(ANSWER_FORMS)}")
    return "passes" if form == "passes" else "full"


def completion_of(row: dict[str, Any], form: AnswerForm) -> str:
    """The text the model learns to write after the prompt."""
    answer: str = row["answer"]
    if form == "passes" and row.get("format") == "llm-compiler":
        return answer.split(_IR_START, 1)[0]
    return answer


@dataclass
class Examples:
    """Prompt/completion pairs that fit, and what was left out and why."""

    rows: list[dict[str, str]]
    too_long: int = 0
    too_long_modules: int = 0
    longest_kept: int = 0
    ids: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        return {"examples": len(self.rows), "too_long": self.too_long,
                "too_long_module_rows": self.too_long_modules,
                "longest_kept_tokens": self.longest_kept}

    def skipped_note(self, max_length: int) -> str | None:
        if not self.too_long:
            return None
        note = f"{self.too_long} row(s) longer than {max_length} tokens were left out"
        if self.too_long_modules:
            note += (f" ({self.too_long_modules} whole-program prompts: build the data set with "
                     "'optsmith dataset build --unit function' for small contexts)")
        return note


def sft_examples(rows: Sequence[dict[str, Any]], tokenizer: Any, max_length: int,
                 form: AnswerForm) -> Examples:
    """The rows whose prompt + completion (+ EOS) fit in `max_length` tokens."""
    kept = Examples([])
    for row in rows:
        prompt, completion = row["prompt"], completion_of(row, form)
        length = (len(tokenizer(prompt)["input_ids"])
                  + len(tokenizer(completion, add_special_tokens=False)["input_ids"]) + 1)
        if length > max_length:
            kept.too_long += 1
            kept.too_long_modules += row.get("unit", "module") == "module"
            continue
        kept.longest_kept = max(kept.longest_kept, length)
        kept.rows.append({"prompt": prompt, "completion": completion})
        kept.ids.append(str(row.get("id", len(kept.ids))))
    return kept
