"""One flat error tree, so callers can catch `OptsmithError` and show its message as is.

Every error a user can cause (a bad file, an option out of range, a missing tool, a model
server that is down) is one of these classes, defined here and nowhere else, so the bottom
layer names them all and any layer may raise them. A plain `ValueError`/`AssertionError`
left in the code marks a programming error inside optsmith, not a user's mistake.
"""


class OptsmithError(Exception):
    """Base of every error optsmith raises on purpose; the message is meant for a user."""


class OptionError(OptsmithError, ValueError):
    """An option or setting has a value outside its range (a search's parameters, a
    model's sampling settings, a judge's timeouts, ...); the message names the option.

    Also a `ValueError`, the exception Python code expects from a rejected argument value.
    """


class ToolchainError(OptsmithError):
    """A required tool (clang-22, opt-22, libLLVM 22, gcc, ...) is missing or unusable."""


class CompileError(OptsmithError):
    """A C program did not compile; the message carries the compiler's own diagnostics."""


class IRParseError(OptsmithError):
    """LLVM IR (text or bitcode) did not parse; the message carries the parser's line."""


class ReferenceRunError(OptsmithError):
    """The -O0 reference build of a program crashed, timed out or misbehaved on a test:
    such a program has no trustworthy expected output, so nothing can be judged against it."""


class BaselineError(OptsmithError):
    """The baseline pipeline (-Oz, -O3: the yardstick of a search) failed on a program, so
    no result on that program can be compared with it."""


class PipelineError(OptsmithError):
    """A pass pipeline is malformed or names a pass that does not exist."""


class WorkerCrash(OptsmithError):
    """An engine worker died or hung while serving a request (LLVM abort, segfault, kill)."""


class ModelError(OptsmithError):
    """A model backend could not answer (server down, bad weights path, HTTP error)."""



class ModelServerFailing(ModelError):
    """The model server failed so many requests in a row that the run stops."""
