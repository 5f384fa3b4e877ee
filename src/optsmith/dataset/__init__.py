"""Fine-tuning data sets from optsmith's own validated autotuning results.

`build_llm_compiler` turns search results into flag-tuning rows in the LLM Compiler
prompt/answer format; `build_supercoder` turns the assembly task's flag search into
SuperCoder prompt/answer rows. Rows are appended to JSONL as they are made (so an
interrupted build resumes where it stopped) and the finished set is also written as
Parquet; both load with Hugging Face `datasets`. `check_rows` re-derives each row.
"""

from optsmith.dataset.writer import DatasetWriter

__all__ = ["DatasetWriter"]
