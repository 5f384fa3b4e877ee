"""The LLM Compiler tasks (and SuperCoder's), scored end to end against any backend.

Each task turns programs into prompts with the verbatim formats of `optsmith.llm.prompts`,
asks a `Backend` for answers and scores every answer with the real toolchain: pipelines
are run and the best is validated by the program's tests, IR is parsed and compiled,
assembly is assembled and run in the sandbox. `run_task` drives any of them.
"""

from optsmith.llmtasks.base import TaskInput, TaskReport
from optsmith.llmtasks.runner import TASK_NAMES, make_task, run_task

__all__ = ["TASK_NAMES", "TaskInput", "TaskReport", "make_task", "run_task"]
