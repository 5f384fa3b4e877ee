"""One flat error tree, so callers can catch `OptsmithError` and show its message as is."""


class OptsmithError(Exception):
    """Base of every error optsmith raises on purpose; the message is meant for a user."""


class ToolchainError(OptsmithError):
    """A required tool (clang-22, opt-22, libLLVM 22, gcc, ...) is missing or unusable."""


class CompileError(OptsmithError):
    """A C program did not compile; the message carries the compiler's own diagnostics."""


class IRParseError(OptsmithError):
    """LLVM IR (text or bitcode) did not parse; the message carries the parser's line."""


class PipelineError(OptsmithError):
    """A pass pipeline is malformed or names a pass that does not exist."""


class WorkerCrash(OptsmithError):
    """An engine worker died or hung while serving a request (LLVM abort, segfault, kill)."""
