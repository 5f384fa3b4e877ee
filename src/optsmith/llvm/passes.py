"""The pass space the search draws from, and the textual pipelines opt and libLLVM accept.

A search proposes flat lists of pass names; LLVM's new pass manager only accepts a nested
pipeline in which every pass sits inside the adaptor of its IR unit (`function(...)`,
`function(loop(...))`, `cgscc(...)`). `render_pipeline` does that nesting once, here, so
the search never has to know which pass runs on which unit, and `parse_pipeline` undoes it
so a stored result can be edited and re-rendered.

`clang-Oz` is a name of ours, not LLVM's: it renders to the pipeline clang-22 -Oz runs
(`optsmith.llvm.clang_pipeline`), and `parse_pipeline` folds that text back into the name.

Every entry of `PASS_SPACE` is checked by the test suite to run on real clang -O0 IR with
the pinned LLVM 22: names that parse but abort opt would waste search budget or, worse,
kill an in-process engine.
"""

from __future__ import annotations

import difflib
import functools
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from optsmith.errors import CompileError, PipelineError
from optsmith.llvm.clang_pipeline import CLANG_PIPELINES, clang_pipeline
from optsmith.toolchain import find_toolchain

PassKind = Literal["module", "cgscc", "function", "loop", "loop-mssa"]


@dataclass(frozen=True)
class PassInfo:
    """One pass: its exact opt spelling, the adaptor it needs, and what it is for."""

    name: str
    kind: PassKind
    description: str


def _m(name: str, description: str) -> PassInfo:
    return PassInfo(name, "module", description)


def _c(name: str, description: str) -> PassInfo:
    return PassInfo(name, "cgscc", description)


def _f(name: str, description: str) -> PassInfo:
    return PassInfo(name, "function", description)


def _l(name: str, description: str) -> PassInfo:
    return PassInfo(name, "loop", description)


def _lm(name: str, description: str) -> PassInfo:
    return PassInfo(name, "loop-mssa", description)


# Left out on purpose: `attributor` and `attributor-cgscc` (experimental in LLVM, off in
# every default pipeline): `attributor,default<Oz>` miscompiles the built-in huffman.c
# (wrong checksum under stock opt-22 + clang-22; found by validation, reduced by
# dropping passes one at a time). Plain `instcombine` (verifies its fixpoint and can abort
# LLVM), and
# `unify-loop-exits`, which segfaults opt-22 (22.1.8) on a loop that exits through a
# `switch`, a shape loop-simplifycfg/loop-unroll-full routinely leave behind:
#   define i32 @main() {
#     br label %l
#   l:
#     switch i1 false, label %l [ i1 true, label %x ]
#   x:
#     ret i32 0
#   }
# (it only prepares GPU structurization and never shrinks code anyway).
_SCFG_LATE = (
    "simplifycfg<forward-switch-cond;switch-range-to-icmp;switch-to-lookup;no-keep-loops;"
    "hoist-common-insts;sink-common-insts>"
)

PASS_SPACE: tuple[PassInfo, ...] = (
    # ---- module passes (interprocedural) ----
    _m("always-inline", "inline only always_inline callees (cheap, mandatory inlining)"),
    _m("attributor-light", "cheaper Attributor run restricted to common attributes"),
    _m("called-value-propagation", "annotate indirect calls with their possible callees"),
    _m("canonicalize-aliases", "give aliases canonical private targets"),
    _m("constmerge", "merge duplicate constant globals"),
    _m("deadargelim", "remove dead function arguments and return values"),
    _m("elim-avail-extern", "drop available_externally bodies no longer needed"),
    _m("globaldce", "delete unreachable globals and functions"),
    _m("globalopt", "optimize globals: constant-fold, shrink, localize, delete"),
    _m("hotcoldsplit", "outline cold regions (e.g. paths to unreachable) into functions"),
    _m("inferattrs", "infer attributes of known library functions"),
    _m("inliner-wrapper", "the standard inliner with its mandatory-inline prepass"),
    _m("ipsccp", "interprocedural sparse conditional constant propagation + func-spec"),
    _m("ipsccp<no-func-spec>", "interprocedural SCCP without function specialization"),
    _m("iroutliner", "outline similar IR regions into shared functions (size)"),
    _m("mergefunc", "merge functions with identical bodies"),
    _m("module-inline", "module-level inliner (whole-module inline ordering)"),
    _m("partial-inliner", "inline the early-exit prefix of callees"),
    _m("rel-lookup-table-converter", "turn pointer lookup tables into relative offsets"),
    _m("rpo-function-attrs", "top-down function attribute inference (norecurse)"),
    _m("strip-dead-prototypes", "delete unused function declarations"),
    # ---- CGSCC passes (bottom-up over the call graph) ----
    _c("argpromotion", "promote by-pointer arguments to by-value scalars"),
    _c("attributor-light-cgscc", "light Attributor per call-graph SCC"),
    _c("function-attrs", "infer readnone/readonly/nounwind/norecurse/... bottom-up"),
    _c("inline", "the cost-model inliner"),
    _c("inline<only-mandatory>", "inline only always_inline call sites, per SCC"),
    # ---- function passes ----
    _f("adce", "aggressive dead code elimination (assumes dead until proven live)"),
    _f("aggressive-instcombine", "expensive instcombine patterns (popcount, trunc, ...)"),
    _f("alignment-from-assumptions", "use alignment assumptions to raise load/store align"),
    _f("bdce", "bit-tracking dead code elimination"),
    _f("break-crit-edges", "split critical CFG edges"),
    _f("callsite-splitting", "split call sites whose arguments are constant on a path"),
    _f("consthoist", "hoist expensive constants to share materialization"),
    _f("constraint-elimination", "drop conditions implied by dominating constraints"),
    _f("correlated-propagation", "value-range based simplification (LVI)"),
    _f("dce", "dead code elimination"),
    _f("dfa-jump-threading", "thread jumps through switch-based state machines"),
    _f("div-rem-pairs", "rewrite div/rem pairs to share the division"),
    _f("drop-unnecessary-assumes", "delete llvm.assume calls that carry no information"),
    _f("dse", "dead store elimination"),
    _f("early-cse", "fast dominator-tree common subexpression elimination"),
    _f("early-cse<memssa>", "early CSE that also removes redundant loads via MemorySSA"),
    _f("fix-irreducible", "convert irreducible control flow into natural loops"),
    _f("flatten-cfg", "flatten nested ifs into selects"),
    _f("float2int", "demote floating point arithmetic to integer where exact"),
    _f("guard-widening", "widen guards/widenable branches (no-op without guards)"),
    _f("gvn", "global value numbering with partial redundancy elimination"),
    _f("gvn<no-pre>", "GVN without partial redundancy elimination (never grows code)"),
    _f("gvn<no-load-pre>", "GVN with scalar PRE but without load PRE"),
    _f("gvn-hoist", "hoist equal expressions from both sides of a branch"),
    _f("gvn-sink", "sink equal expressions into a common successor"),
    _f("newgvn", "NewGVN: complete value numbering over SSA"),
    _f("infer-alignment", "infer and raise load/store alignment"),
    _f("instcombine<no-verify-fixpoint>", "peephole combining to a (non-verified) fixpoint"),
    _f("instcombine<no-verify-fixpoint;max-iterations=1>", "one cheap instcombine sweep"),
    _f("instsimplify", "simplify instructions without creating new ones"),
    _f("irce", "inductive range check elimination"),
    _f("jump-table-to-switch", "turn calls through constant jump tables into switches"),
    _f("jump-threading", "thread branches whose outcome is known on a predecessor"),
    _f("lcssa", "put loops into loop-closed SSA form"),
    _f("libcalls-shrinkwrap", "guard libm calls so errno handling is only on error paths"),
    _f("load-store-vectorizer", "merge adjacent loads/stores into vector accesses"),
    _f("loop-data-prefetch", "insert software prefetches in loops"),
    _f("loop-distribute", "split a loop so parts of it become vectorizable"),
    _f("loop-fusion", "fuse adjacent loops with equal trip counts"),
    _f("loop-load-elim", "forward stored values to loads in later iterations"),
    _f("loop-simplify", "canonicalize loops: preheader, single backedge, dedicated exits"),
    _f("loop-sink", "sink loop-invariant code back into cold loop blocks"),
    _f("loop-unroll<O1>", "loop unrolling with -O1 thresholds"),
    _f("loop-unroll<O2>", "loop unrolling with -O2 thresholds (partial and runtime)"),
    _f("loop-unroll<O3>", "loop unrolling with -O3 thresholds"),
    _f("loop-unroll<O2;no-runtime;no-partial>", "unroll only loops it can fully unroll/peel"),
    _f("loop-vectorize", "vectorize inner loops"),
    _f("loop-versioning", "version loops on memory-overlap checks"),
    _f("lower-constant-intrinsics", "fold is.constant/objectsize intrinsics"),
    _f("lower-expect", "turn llvm.expect into branch weights"),
    _f("lower-switch", "rewrite switches as branch trees"),
    _f("mem2reg", "promote allocas to SSA registers"),
    _f("memcpyopt", "optimize memcpy/memset: forward, merge, eliminate"),
    _f("mergeicmps", "merge chains of integer comparisons into memcmp"),
    _f("mergereturn", "unify function exits into one return block"),
    _f("mldst-motion", "merge loads/stores hoistable or sinkable across diamonds"),
    _f("nary-reassociate", "reassociate n-ary add/mul to reuse computed values"),
    _f("partially-inline-libcalls", "inline fast paths of libm calls such as sqrt"),
    _f("reassociate", "reassociate commutative expressions for better constant folding"),
    _f("reg2mem", "demote SSA registers to stack slots (reverse of mem2reg)"),
    _f("sccp", "sparse conditional constant propagation"),
    _f("separate-const-offset-from-gep", "split constant offsets out of GEP indices"),
    _f("simplifycfg", "CFG cleanup with default options"),
    _f(_SCFG_LATE, "late-pipeline simplifycfg: lookup tables, hoist/sink, may break loops"),
    _f(
        "simplifycfg<switch-to-lookup;keep-loops;hoist-common-insts;sink-common-insts>",
        "simplifycfg with lookup tables and hoist/sink but keeping loop structure",
    ),
    _f("simplifycfg<switch-range-to-icmp;no-speculate-blocks>", "simplifycfg, no speculation"),
    _f("sink", "sink instructions into the successor that uses them"),
    _f("slp-vectorizer", "vectorize straight-line code"),
    _f("slsr", "straight-line strength reduction"),
    _f("speculative-execution", "hoist cheap instructions from conditional blocks"),
    _f("sroa<modify-cfg>", "scalar replacement of aggregates, may change the CFG"),
    _f("sroa<preserve-cfg>", "scalar replacement of aggregates keeping the CFG"),
    _f("tailcallelim", "turn self tail calls into loops"),
    _f("unreachableblockelim", "delete unreachable basic blocks"),
    _f("vector-combine", "scalar/vector instruction combining"),
    # ---- loop passes (loop nests included: they run in the same adaptor) ----
    _l("indvars", "canonicalize induction variables, compute exit values"),
    _l("loop-bound-split", "split a loop on a bound condition"),
    _l("loop-deletion", "delete loops that compute nothing used"),
    _l("loop-flatten", "flatten doubly nested loops into one"),
    _l("loop-idiom", "recognize memset/memcpy loops and replace them with calls"),
    _l("loop-interchange", "interchange loop nests for locality"),
    _l("loop-predication", "hoist guards out of loops (no-op without guards)"),
    _l("loop-reduce", "loop strength reduction"),
    _l("loop-rotate", "rotate loops into do-while form (duplicating headers)"),
    _l("loop-rotate<no-header-duplication>", "loop rotation without header duplication"),
    _l("loop-unroll-and-jam", "unroll outer loop and fuse the inner copies"),
    _l("loop-unroll-full", "fully unroll loops with small constant trip counts"),
    _l("loop-versioning-licm", "version loops so aliasing loads can be hoisted"),
    # ---- loop passes that need (or keep up to date) MemorySSA ----
    _lm("licm", "loop invariant code motion (hoist/sink) with speculation"),
    _lm("licm<no-allowspeculation>", "LICM without speculating instructions"),
    _lm("lnicm", "loop-nest invariant code motion (hoist only to the outermost loop)"),
    _lm("loop-instsimplify", "instsimplify restricted to loops"),
    _lm("loop-simplifycfg", "CFG cleanup restricted to loops"),
    _lm("simple-loop-unswitch", "trivial loop unswitching"),
    _lm("simple-loop-unswitch<nontrivial>", "loop unswitching including non-trivial cases"),
)

# Parameterized passes for speed (`--objective runtime`), beside the size-oriented space:
# the new pass manager exposes unroll thresholds and vectorizer forcing as pass options,
# so a search can choose them per program. It exposes no inlining threshold (that is a
# global `-inline-threshold` option, not a pass parameter), so none is offered.
SPEED_PASSES: tuple[PassInfo, ...] = (
    _f("loop-unroll<O3;full-unroll-max=64>", "-O3 unrolling, full unrolling up to 64 copies"),
    _f("loop-unroll<O3;full-unroll-max=512>", "-O3 unrolling, full unrolling up to 512 copies"),
    _f("loop-unroll<O3;runtime;upperbound>", "-O3 unrolling, runtime and upper-bound too"),
    _f("loop-unroll<O3;peeling;full-unroll-max=256>", "-O3 unrolling with peeling, up to 256"),
    _f(
        "loop-vectorize<no-interleave-forced-only;no-vectorize-forced-only>",
        "vectorize and interleave every loop the cost model likes",
    ),
    _f(
        "loop-vectorize<interleave-forced-only;no-vectorize-forced-only>",
        "vectorize without interleaving (smaller loop bodies)",
    ),
)

STANDARD_PIPELINES: tuple[str, ...] = (
    "default<O0>",
    "default<O1>",
    "default<O2>",
    "default<O3>",
    "default<Os>",
    "default<Oz>",
)

_PASS_INDEX: dict[str, PassInfo] = {p.name: p for p in (*PASS_SPACE, *SPEED_PASSES)}
_PASS_INDEX.update(
    {
        name: PassInfo(name, "module", f"opt's standard {name[8:-1]} pipeline")
        for name in STANDARD_PIPELINES
    }
)
_PASS_INDEX.update(
    {
        name: PassInfo(name, "module", f"the pipeline clang-22 {flag} runs (printed by clang)")
        for name, flag in CLANG_PIPELINES.items()
    }
)

# `opt --print-passes` section headers, mapped to our kinds. LoopNest passes run in the
# same `loop(...)` adaptor as loop passes.
_SECTIONS: dict[str, PassKind] = {
    "Module passes": "module",
    "CGSCC passes": "cgscc",
    "Function passes": "function",
    "LoopNest passes": "loop",
    "Loop passes": "loop",
}
# Nested adaptors `parse_pipeline` flattens; the pass manager adds them back on render.
_ADAPTORS = frozenset({"module", "cgscc", "function", "loop", "loop-mssa", "devirt"})


def _base(name: str) -> str:
    """`instcombine<max-iterations=2>` -> `instcombine`: opt prints options, not values."""
    return name.split("<", 1)[0].strip()


@functools.lru_cache(maxsize=1)
def opt_passes() -> dict[str, PassKind]:
    """Base name -> kind for every pass opt-22 knows, from its `--print-passes` listing.

    The first section wins for names listed twice (`guard-widening` is a function and a
    loop pass; `verify`/`print` exist at every level): that is the outermost adaptor,
    which is the one opt itself picks for a bare name.
    """
    opt = find_toolchain().opt
    try:
        proc = subprocess.run(
            [str(opt), "--print-passes"], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PipelineError(f"cannot list passes with {opt}: {exc}") from exc
    kinds: dict[str, PassKind] = {}
    section: PassKind | None = None
    for line in proc.stdout.splitlines():
        if not line.startswith(" "):
            header = line.strip().rstrip(":").removesuffix(" with params")
            section = _SECTIONS.get(header)
            continue
        name = line.strip()
        if section is not None and name:
            kinds.setdefault(_base(name), section)
    return kinds


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def near_names(name: str, limit: int = 5) -> list[str]:
    """Known names closest to `name`: the space's spellings first, then opt's base names.

    Base names are compared too, so `instcombin` finds `instcombine<no-verify-fixpoint>`
    (the spelling to use) and not only opt's bare `instcombine`.
    """
    query, query_base = name.strip(), _base(name)
    # (best of full/base similarity, from the space, full-name similarity): bigger first
    scored: dict[str, tuple[float, int, float]] = {}
    for known in _PASS_INDEX:
        full = _similarity(query, known)
        scored[known] = (max(full, _similarity(query_base, _base(known))), 1, full)
    for known in opt_passes():
        if known not in scored:
            full = _similarity(query_base, known)
            scored[known] = (full, 0, full)
    ranked = sorted(
        (n for n, score in scored.items() if score[0] >= 0.6),
        key=lambda n: (tuple(-x for x in scored[n]), n),
    )
    return ranked[:limit]


def _unknown(name: str) -> PipelineError:
    near = near_names(name)
    hint = f"; did you mean: {', '.join(near)}?" if near else ""
    return PipelineError(f"unknown pass '{name}'{hint}")


def pass_info(name: str) -> PassInfo:
    """The `PassInfo` of a name from `PASS_SPACE` or `STANDARD_PIPELINES`.

    Raises `PipelineError` with the nearest known names (ours and opt's), because a typo in
    a pass list otherwise surfaces as an opaque opt failure far away from its cause.
    """
    info = _PASS_INDEX.get(name.strip())
    if info is None:
        raise _unknown(name)
    return info


def pass_kind(name: str) -> PassKind:
    """The adaptor a pass needs: from `PASS_SPACE`, else from opt's own listing.

    Passes outside the space keep working, so hand-written pipelines can use anything
    opt-22 accepts; unknown names raise `PipelineError` with suggestions.
    """
    name = name.strip()
    info = _PASS_INDEX.get(name)
    if info is not None:
        return info.kind
    kind = opt_passes().get(_base(name))
    if kind is None or not name or name.count("<") != name.count(">") or "(" in name:
        raise _unknown(name)
    # A bare licm/lnicm from outside the table (e.g. `licm<allowspeculation>`) still needs
    # MemorySSA: opt aborts with "LICM requires MemorySSA" in a plain loop adaptor.
    if _base(name) in {"licm", "lnicm"}:
        return "loop-mssa"
    return kind


def render_pipeline(passes: Sequence[str]) -> str:
    """The module-level pipeline text for a flat pass list, nested as opt requires.

    Consecutive passes that share an adaptor share one group; loop groups nest inside an
    open `function(...)` group, so `[instcombine, licm, gvn]` stays one function pass
    manager (one walk over each function, as in clang's own pipelines). `loop(...)` and
    `loop-mssa(...)` are never merged: a loop-mssa manager aborts when one of its passes
    does not preserve MemorySSA.
    """
    parts: list[str] = []  # finished top-level items
    func: list[str] = []  # items of the open function(...) group
    loop_kind: PassKind | None = None
    loop: list[str] = []  # passes of the open loop(...) / loop-mssa(...) group
    cgscc: list[str] = []

    def close_loop() -> None:
        nonlocal loop_kind
        if loop:
            func.append(f"{loop_kind}({','.join(loop)})")
            loop.clear()
        loop_kind = None

    def close_func() -> None:
        close_loop()
        if func:
            parts.append(f"function({','.join(func)})")
            func.clear()

    def close_cgscc() -> None:
        if cgscc:
            parts.append(f"cgscc({','.join(cgscc)})")
            cgscc.clear()

    for raw in passes:
        name = raw.strip()
        kind = pass_kind(name)
        if kind in ("loop", "loop-mssa"):
            close_cgscc()
            if loop_kind != kind:
                close_loop()
                loop_kind = kind
            loop.append(name)
        elif kind == "function":
            close_cgscc()
            close_loop()
            func.append(name)
        elif kind == "cgscc":
            close_func()
            cgscc.append(name)
        else:
            close_func()
            close_cgscc()
            parts.append(_expand(name))
    close_func()
    close_cgscc()
    return ",".join(parts)


def _expand(name: str) -> str:
    """A module-level item as pipeline text: `clang-Oz` becomes clang's pipeline."""
    if name not in CLANG_PIPELINES:
        return name
    try:
        return clang_pipeline(name)
    except CompileError as exc:
        raise PipelineError(f"cannot expand '{name}': {exc}") from None


def _fold_clang_pipelines(text: str, items: list[str]) -> list[str]:
    """Replace each run of top-level items that spells a clang pipeline with its name.

    Only text with a `devirt<` wrapper is checked (clang's pipelines have one, rendered
    flat lists never do), so ordinary parsing never starts clang.
    """
    if "devirt<" not in text:
        return items
    for name in CLANG_PIPELINES:
        try:
            expansion = _split_top(clang_pipeline(name))
        except CompileError:
            continue
        folded: list[str] = []
        i = 0
        while i < len(items):
            if items[i : i + len(expansion)] == expansion:
                folded.append(name)
                i += len(expansion)
            else:
                folded.append(items[i])
                i += 1
        items = folded
    return items


def _split_top(text: str) -> list[str]:
    """Split on commas that are outside every <...> and (...)."""
    items: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "<(":
            depth += 1
        elif ch in ">)":
            depth -= 1
            if depth < 0:
                raise PipelineError(f"unbalanced '{ch}' at offset {i} in pipeline '{text}'")
        elif ch == "," and depth == 0:
            items.append(text[start:i])
            start = i + 1
    if depth != 0:
        raise PipelineError(f"unbalanced brackets in pipeline '{text}'")
    items.append(text[start:])
    return [item.strip() for item in items if item.strip()]


def parse_pipeline(text: str) -> list[str]:
    """The flat pass list of a pipeline: adaptors stripped, in execution order.

    Inverse of `render_pipeline`; also accepts a plain comma list. Nested pipelines other
    than plain adaptors (`repeat<3>(...)`) have no flat equivalent and are rejected. clang's
    own pipeline, where it appears whole at the top level, comes back as its name
    (`clang-Oz`): flattened, it would lose its `devirt<4>` and `eager-inv` wrappers.
    """
    out: list[str] = []
    for item in _fold_clang_pipelines(text, _split_top(text)):
        if item.endswith(")") and "(" in item:
            head, inner = item.split("(", 1)
            if _base(head) not in _ADAPTORS:
                raise PipelineError(
                    f"cannot flatten nested pipeline '{item}': only adaptors "
                    f"({', '.join(sorted(_ADAPTORS))}) are supported"
                )
            out.extend(parse_pipeline(inner[:-1]))
        elif "(" in item or ")" in item:
            raise PipelineError(f"malformed pipeline element '{item}'")
        else:
            out.append(item)
    return out


__all__ = [
    "PASS_SPACE",
    "STANDARD_PIPELINES",
    "PassInfo",
    "PassKind",
    "opt_passes",
    "parse_pipeline",
    "pass_info",
    "pass_kind",
    "render_pipeline",
]
