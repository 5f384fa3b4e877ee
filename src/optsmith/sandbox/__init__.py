"""Containment of one run of an untrusted or freshly optimized program (the bottom layer).

Everything that executes a program optsmith did not write itself goes through
`run_sandboxed`; see `optsmith.sandbox.runner` for how a run is contained.
"""

from optsmith.sandbox.model import Limits, SandboxResult
from optsmith.sandbox.runner import run_sandboxed, set_unsafe_no_sandbox

__all__ = ["Limits", "SandboxResult", "run_sandboxed", "set_unsafe_no_sandbox"]
