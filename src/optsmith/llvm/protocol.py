"""The engine protocol, typed: what callers ask an engine worker and what it answers.

Callers build a request (`EvalRequest`, or a `Session*` request for the stateful modules
of the Gymnasium environment) and get an `EngineReply` back from `WorkerHandle`,
`EnginePool` or the Ray executor. Only this module knows the wire form, the plain dicts
the worker process reads and writes (`optsmith.llvm.worker`, framed by
`optsmith.llvm.framing`): `message()` turns a request into one, `EngineReply.from_wire`
reads one back. So a field is named in two places, here and in the worker, and nowhere
above `llvm/`.

Failures are replies, not exceptions: an LLVM abort or a hang costs one request, and the
reply's `kind` says what happened (see `EngineReply`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from optsmith.errors import OptsmithError

WANTS = frozenset(
    {
        "instcount",
        "counts",
        "opcodes",
        "sizes",
        "object",
        "ir",
        "instcount_vector",
        "autophase",
        "ir2vec",
        "spectrum",
    }
)
"""Measurements a request may ask for. `instcount` and `counts` both fill `instcount`,
`blocks` and `functions`; the others fill the reply field of the same name."""

RELOCS = ("default", "pic", "pic-o3")
"""Target machines for the passes: "default" (what stock opt-22 uses), "pic" (clang) or
"pic-o3" (clang -O3: its code generation level, which also emits the objects)."""

WORKER_LOST = frozenset({"crash", "timeout"})
"""Failure kinds after which the worker process is gone, with every module it held."""

INCONCLUSIVE = frozenset({"timeout", "lost"})
"""Failure kinds that say nothing certain about the pipeline (a hang may be load, a lost
Ray actor a lost node): worth retrying later, never worth remembering."""

SETTLED_KINDS = frozenset({"parse", "pipeline", "request"})
"""Failure kinds the engine reports about the input itself, from a live worker (the IR
does not parse, LLVM rejects the pipeline text, the request is malformed): any worker
answers the same, so the failure is the answer."""

EXTERNAL_SIGNALS = ("SIGKILL", "SIGTERM", "SIGINT", "SIGHUP")
"""Signals LLVM never raises itself: a worker they end was stopped from outside (a user,
a supervisor, the kernel's OOM killer under load), which says nothing about the pipeline.
LLVM's own deaths are SIGSEGV/SIGBUS/SIGILL/SIGFPE (a bug it hits) or SIGABRT and exit
status 1 (`report_fatal_error`, a failed assertion or verifier check)."""

NOT_STARTED = "engine worker failed to start"
"""How a crash reply begins when the worker died before it could serve the request."""

Verdict = Literal["settled", "llvm-crash", "transient"]
"""What a reply says about its input, for whoever remembers results (`EngineReply.verdict`).

- "settled": a success, or a failure of a kind in `SETTLED_KINDS`: the answer for the
  input; remember it.
- "llvm-crash": LLVM killed the worker (a fatal error, an assertion, a segfault). Usually
  the pipeline's fault, but a crash can also come from the worker's history (a context
  grown over thousands of modules) or the machine, so it counts as the input's answer
  only when it reproduces in a fresh worker.
- "transient": the worker was killed from outside (`EXTERNAL_SIGNALS`), did not start,
  hung (a timeout may be load), or a Ray actor was lost or raised: nothing certain about
  the input; retry, never remember.
"""


def _killed_from_outside(error: str) -> bool:
    """Whether a crash's reason (`llvm.pool._crash_reason`) names an outside signal."""
    return any(f"killed by {name}" in error for name in EXTERNAL_SIGNALS)


def failure_verdict(kind: str | None, error: str | None) -> Verdict:
    """The verdict (see `Verdict`) on a failure of `kind` with reason `error`.

    This is the one place that decides which failures may be remembered; it reads kind
    and text only, so it judges the failure rows of a store written by any version too
    (`verdict_of_why`)."""
    if kind in SETTLED_KINDS:
        return "settled"
    text = error or ""
    if kind == "crash" and not text.startswith(NOT_STARTED) and not _killed_from_outside(text):
        return "llvm-crash"
    return "transient"


def verdict_of_why(why: str) -> Verdict:
    """The verdict on a failure given as `EngineReply.why()` wrote it ("kind: error")."""
    kind, _, error = why.partition(": ")
    return failure_verdict(kind, error)


@dataclass(frozen=True)
class ObjectSizes:
    """Section sizes of an emitted object file, in bytes (families: .text*, .data*, ...)."""

    text: int
    data: int
    bss: int
    rodata: int
    total: int


@dataclass(frozen=True)
class FeatureParams:
    """Parameters of the observation measurements: `probes` (pipeline texts) for
    `spectrum`, a vocabulary file and kind for `ir2vec`."""

    probes: tuple[str, ...] = ()
    ir2vec_vocab: str | None = None
    ir2vec_kind: str = "symbolic"

    def __post_init__(self) -> None:
        object.__setattr__(self, "probes", tuple(self.probes))

    def wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.probes:
            out["probes"] = list(self.probes)
        if self.ir2vec_vocab is not None:
            out["ir2vec_vocab"] = self.ir2vec_vocab
            out["ir2vec_kind"] = self.ir2vec_kind
        return out


NO_FEATURES = FeatureParams()


def _checked_want(want: Sequence[str]) -> tuple[str, ...]:
    """`want` as a tuple; an unknown measurement is named before any work is sent."""
    if isinstance(want, str):  # ("instcount") is a string, not a tuple: a classic slip
        want = (want,)
    unknown = sorted(set(want) - WANTS)
    if unknown:
        raise OptsmithError(f"unknown measurement(s) {unknown}; known: {sorted(WANTS)}")
    return tuple(want)


def _checked_reloc(reloc: str) -> str:
    if reloc not in RELOCS:
        raise OptsmithError(f"unknown relocation model {reloc!r}; use one of {RELOCS}")
    return reloc


class Request(Protocol):
    """Anything a `WorkerHandle` can send: it knows its own wire form."""

    def message(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class EvalRequest:
    """Evaluate `pipeline` on the module `ir` (cached in workers under `key`).

    `ir` None means the receiver already holds module `key`: a worker (or a Ray actor)
    that does not answers `need_ir`, and the sender sends the request again with it.
    """

    key: str
    ir: str | None
    pipeline: str
    want: tuple[str, ...] = ("instcount",)
    name: str = "module"
    reloc: str = "default"  # target machine for the passes: "default" (= opt-22), "pic", "pic-o3"
    features: FeatureParams = NO_FEATURES

    def __post_init__(self) -> None:
        object.__setattr__(self, "want", _checked_want(self.want))
        _checked_reloc(self.reloc)

    def without_ir(self) -> EvalRequest:
        """The same request for a receiver known to hold the module (saves sending it)."""
        return EvalRequest(
            self.key, None, self.pipeline, self.want, self.name, self.reloc, self.features
        )

    def with_ir(self, ir: str) -> EvalRequest:
        return EvalRequest(
            self.key, ir, self.pipeline, self.want, self.name, self.reloc, self.features
        )

    def message(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "op": "evaluate",
            "key": self.key,
            "name": self.name,
            "pipeline": self.pipeline,
            "want": list(self.want),
            "reloc": self.reloc,
            **self.features.wire(),
        }
        if self.ir is not None:
            out["ir"] = self.ir
        return out


@dataclass(frozen=True)
class SessionOpen:
    """Start session `session` at a copy of module `key` (parsed from `ir` if new) and
    measure `want` on it."""

    session: str
    key: str
    ir: str
    name: str = "module"
    want: tuple[str, ...] = ()
    features: FeatureParams = NO_FEATURES
    reloc: str = "default"  # for the `spectrum` probes

    def __post_init__(self) -> None:
        object.__setattr__(self, "want", _checked_want(self.want))
        _checked_reloc(self.reloc)

    def message(self) -> dict[str, Any]:
        return {
            "op": "session_open",
            "session": self.session,
            "key": self.key,
            "ir": self.ir,
            "name": self.name,
            "want": list(self.want),
            "reloc": self.reloc,
            **self.features.wire(),
        }


@dataclass(frozen=True)
class SessionApply:
    """Run `pipeline` on the session's module (none: only measure) and measure `want`."""

    session: str
    pipeline: str = ""
    want: tuple[str, ...] = ()
    features: FeatureParams = NO_FEATURES
    reloc: str = "default"

    def __post_init__(self) -> None:
        object.__setattr__(self, "want", _checked_want(self.want))
        _checked_reloc(self.reloc)

    def message(self) -> dict[str, Any]:
        return {
            "op": "session_apply",
            "session": self.session,
            "pipeline": self.pipeline,
            "want": list(self.want),
            "reloc": self.reloc,
            **self.features.wire(),
        }


@dataclass(frozen=True)
class SessionReplay:
    """Open the session and apply each of `pipelines` in turn, in one request: how a
    session a worker lost is rebuilt exactly as it was built, chunk by chunk."""

    session: str
    key: str
    ir: str
    name: str = "module"
    pipelines: tuple[str, ...] = ()
    want: tuple[str, ...] = ()
    features: FeatureParams = NO_FEATURES
    reloc: str = "default"

    def __post_init__(self) -> None:
        object.__setattr__(self, "pipelines", tuple(self.pipelines))
        object.__setattr__(self, "want", _checked_want(self.want))
        _checked_reloc(self.reloc)

    def message(self) -> dict[str, Any]:
        return {
            "op": "session_replay",
            "session": self.session,
            "key": self.key,
            "ir": self.ir,
            "name": self.name,
            "pipelines": list(self.pipelines),
            "want": list(self.want),
            "reloc": self.reloc,
            **self.features.wire(),
        }


@dataclass(frozen=True)
class SessionFork:
    """Copy session `session` to `new_session` in the same worker."""

    session: str
    new_session: str

    def message(self) -> dict[str, Any]:
        return {"op": "session_fork", "session": self.session, "new_session": self.new_session}


@dataclass(frozen=True)
class SessionClose:
    """Drop the session's module from the worker."""

    session: str

    def message(self) -> dict[str, Any]:
        return {"op": "session_close", "session": self.session}


_IGNORED_WIRE_KEYS = frozenset({"pid", "ready"})  # the worker's hello and ping


@dataclass(frozen=True)
class EngineReply:
    """One answer of the engine: `ok`, or a failure `kind` and its `error` text.

    Kinds: "crash" (the worker died: LLVM abort, segfault, kill), "timeout" (no answer in
    time; the worker was killed), "parse" (the IR does not parse), "pipeline" (LLVM
    rejected the pipeline; the module is untouched), "request" (a malformed request, e.g.
    an unknown session), and from the Ray executor "lost" (the actor or its node died) and
    "error" (the actor raised). A measurement is None unless the request asked for it
    (`want`); the `expect_*` accessors say so clearly instead of failing on None.
    """

    ok: bool
    kind: str | None = None
    error: str | None = None
    seconds: float = 0.0
    need_ir: bool = False  # the worker does not hold the module and no IR came with it
    restored: bool | None = None  # set by `llvm.session.Session` after a lost worker
    instcount: int | None = None
    blocks: int | None = None
    functions: int | None = None
    opcodes: Mapping[str, int] | None = None
    sizes: ObjectSizes | None = None
    object: bytes | None = None
    ir: str | None = None
    instcount_vector: tuple[int, ...] | None = None
    autophase: tuple[int, ...] | None = None
    ir2vec: tuple[float, ...] | None = None
    spectrum: tuple[tuple[int, ...], ...] | None = None

    @classmethod
    def failed(cls, kind: str, error: str) -> EngineReply:
        """A failure made on this side of the pipe (crash, timeout, lost actor)."""
        return cls(ok=False, kind=kind, error=error)

    @classmethod
    def from_wire(cls, message: Mapping[str, Any]) -> EngineReply:
        """Read the worker's reply dict; a key this class does not know is a bug."""
        unknown = set(message) - _WIRE_FIELDS - _IGNORED_WIRE_KEYS
        if unknown:
            raise OptsmithError(f"engine reply has unknown field(s) {sorted(unknown)}")
        sizes = message.get("sizes")
        spectrum = message.get("spectrum")

        def vector(name: str) -> tuple[Any, ...] | None:
            value = message.get(name)
            return tuple(value) if value is not None else None

        return cls(
            ok=bool(message.get("ok")),
            kind=message.get("kind"),
            error=message.get("error"),
            seconds=float(message.get("seconds", 0.0)),
            need_ir=bool(message.get("need_ir", False)),
            instcount=message.get("instcount"),
            blocks=message.get("blocks"),
            functions=message.get("functions"),
            opcodes=message.get("opcodes"),
            sizes=ObjectSizes(**sizes) if sizes is not None else None,
            object=message.get("object"),
            ir=message.get("ir"),
            instcount_vector=vector("instcount_vector"),
            autophase=vector("autophase"),
            ir2vec=vector("ir2vec"),
            spectrum=tuple(tuple(row) for row in spectrum) if spectrum is not None else None,
        )

    def why(self) -> str:
        """The one-line failure text, "kind: error" ("ok" for a success)."""
        if self.ok:
            return "ok"
        if self.need_ir and self.kind is None:
            return "need_ir: the worker does not hold the module"
        return f"{self.kind or 'failed'}: {self.error or 'no detail'}"

    @property
    def lost_worker(self) -> bool:
        """The worker died or was killed: every module and session it held is gone."""
        return not self.ok and self.kind in WORKER_LOST

    @property
    def verdict(self) -> Verdict:
        """What this reply says about its input: "settled" for every success (see
        `Verdict`, `failure_verdict`)."""
        return "settled" if self.ok else failure_verdict(self.kind, self.error)

    @property
    def inconclusive(self) -> bool:
        """A failure that says nothing certain about the pipeline (see `INCONCLUSIVE`)."""
        return not self.ok and self.kind in INCONCLUSIVE

    def _expect(self, value: Any, name: str) -> Any:
        if value is None:
            state = "asked for it in `want`" if self.ok else f"it failed: {self.why()}"
            raise OptsmithError(f"the engine reply carries no {name} ({state}?)")
        return value

    def expect(self, name: str) -> Any:
        """Field `name`, or an OptsmithError saying it was not measured."""
        if name not in _WIRE_FIELDS:
            raise OptsmithError(f"engine replies have no field {name!r}")
        return self._expect(getattr(self, name), name)

    def expect_instcount(self) -> int:
        return int(self._expect(self.instcount, "instcount"))

    def expect_sizes(self) -> ObjectSizes:
        sizes: ObjectSizes = self._expect(self.sizes, "sizes")
        return sizes

    def expect_text_size(self) -> int:
        """Bytes of the object's .text sections."""
        return self.expect_sizes().text

    def expect_object(self) -> bytes:
        obj: bytes = self._expect(self.object, "object")
        return obj

    def expect_ir(self) -> str:
        ir: str = self._expect(self.ir, "ir")
        return ir


_WIRE_FIELDS = frozenset(EngineReply.__dataclass_fields__) - {"restored"}

__all__ = [
    "EXTERNAL_SIGNALS",
    "INCONCLUSIVE",
    "NOT_STARTED",
    "NO_FEATURES",
    "RELOCS",
    "SETTLED_KINDS",
    "WANTS",
    "WORKER_LOST",
    "Verdict",
    "EngineReply",
    "EvalRequest",
    "FeatureParams",
    "ObjectSizes",
    "Request",
    "SessionApply",
    "SessionClose",
    "SessionFork",
    "SessionOpen",
    "SessionReplay",
    "failure_verdict",
    "verdict_of_why",
]
