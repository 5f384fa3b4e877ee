"""One flat error tree, so callers can catch `CompoptError` and show its message as is."""


class CompoptError(Exception):
    """Base of every error compopt raises on purpose; the message is meant for a user."""


class ToolchainError(CompoptError):
    """A required tool (clang-22, opt-22, libLLVM 22, gcc, ...) is missing or unusable."""


class CompileError(CompoptError):
    """A C program did not compile; the message carries the compiler's own diagnostics."""


class IRParseError(CompoptError):
    """LLVM IR (text or bitcode) did not parse; the message carries the parser's line."""


class PipelineError(CompoptError):
    """A pass pipeline is malformed or names a pass that does not exist."""


class WorkerCrash(CompoptError):
    """An engine worker died or hung while serving a request (LLVM abort, segfault, kill)."""
