"""Running programs safely and measuring them: sandboxed runs, timings, instruction counts."""

from compopt.measure.runtime import Timing, count_instructions, time_interleaved, time_runs
from compopt.measure.sandbox import Limits, SandboxResult, run_sandboxed

__all__ = [
    "Limits",
    "SandboxResult",
    "Timing",
    "count_instructions",
    "run_sandboxed",
    "time_interleaved",
    "time_runs",
]
