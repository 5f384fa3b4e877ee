"""Running programs safely and measuring them: sandboxed runs, timings, instruction counts."""

from optsmith.measure.runtime import (
    Timing,
    callgrind_run,
    count_instructions,
    time_interleaved,
    time_runs,
)
from optsmith.sandbox import Limits, SandboxResult, run_sandboxed

__all__ = [
    "Limits",
    "SandboxResult",
    "Timing",
    "callgrind_run",
    "count_instructions",
    "run_sandboxed",
    "time_interleaved",
    "time_runs",
]
