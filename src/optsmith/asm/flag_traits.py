"""What a compiler flag list costs the user: value-unsafe math, and a CPU-specific target.

The flag search reports a speedup as a property of the *assembly*; two kinds of flags make
that assembly less than a drop-in replacement for `gcc -O3`'s, and the search must say so:

* Value-unsafe floating point (`-Ofast`, `-ffast-math` and the options it is made of). The
  compiler may reassociate sums, replace `x/y` by `x*(1/y)`, assume no NaN/Inf and ignore the
  sign of zero: results change. A problem with few tests may not notice, so such configs are
  opt-in and labelled. Options that change no computed value (`-fno-math-errno`, which only
  stops libm setting `errno`; `-fno-trapping-math`, which only drops FP exceptions a C program
  does not observe without `fenv.h`) are not counted. FMA contraction (`-ffp-contract=fast`,
  gcc's default) is not fast-math either: it is the search's validation trap, see
  `optsmith.asm.flags`.
* A CPU-specific target (`-march=native`, `-mtune=native`, `-mcpu=native`, a named `-march`,
  or an ISA extension such as `-mavx2`): the assembly may use instructions other x86-64 CPUs
  lack (`-mtune=native` only schedules for this CPU, but its timing is this machine's alone).
  A config without any of these is *portable*: its assembly runs wherever `gcc -O3`'s does.

The classification is conservative: a flag that turns a feature on counts even when a later
one (`-fno-fast-math`, a later `-O3`) turns it off again. Over-labelling is safe; missing a
fast-math config is not. `tests/asm/test_flag_modes.py` checks it against the macros gcc and
clang-22 themselves predefine (`__FAST_MATH__`, `__FINITE_MATH_ONLY__`, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from optsmith.errors import OptionError

Target = Literal["portable", "native"]

UNSAFE_MATH_FLAGS = frozenset({
    "-Ofast",
    "-ffast-math",
    "-funsafe-math-optimizations",
    "-ffinite-math-only",
    "-fassociative-math",
    "-freciprocal-math",
    "-fno-signed-zeros",
    "-fcx-limited-range",
    "-fcx-fortran-rules",
    "-fapprox-func",  # clang: approximate libm calls
    "-fno-honor-nans",  # clang
    "-fno-honor-infinities",  # clang
    "-mdaz-ftz",  # flush denormals to zero at startup
})
# clang's -ffp-model=fast/aggressive, and denormal flushing other than IEEE's
_UNSAFE_MATH_RE = re.compile(r"-ffp-model=(fast|aggressive)$"
                             r"|-fdenormal-fp-math(-f32)?=(?!ieee$).+")

_NATIVE_RE = re.compile(r"-m[a-z0-9-]+=native$")
# a named CPU or ISA level: anything but the x86-64 baseline every x86-64 CPU runs
_NAMED_CPU_RE = re.compile(r"-m(arch|cpu)=(?!x86-64$).+")
# instruction-set extensions beyond x86-64's SSE2 baseline (the -mno-* forms only remove)
_ISA_EXTENSION_RE = re.compile(
    r"-m(avx|fma|sse3|ssse3|sse4|bmi|popcnt|lzcnt|abm|f16c|movbe|aes|pclmul|sha|adx|xop|tbm"
    r"|gfni|vaes|vpclmulqdq|cx16|amx|evex512)"
)


def unsafe_math_flags(flags: Iterable[str]) -> tuple[str, ...]:
    """The flags that turn on value-unsafe floating-point math (empty: the config is exact)."""
    return tuple(f for f in flags if f in UNSAFE_MATH_FLAGS or _UNSAFE_MATH_RE.match(f))


def cpu_specific_flags(flags: Iterable[str]) -> tuple[str, ...]:
    """The flags that tie the assembly (or its timing) to a CPU: `*=native`, a named CPU or
    ISA level, an ISA extension. Empty: the assembly runs on any x86-64, as gcc -O3's does."""
    return tuple(f for f in flags
                 if _NATIVE_RE.match(f) or _NAMED_CPU_RE.match(f) or _ISA_EXTENSION_RE.match(f))


def target_of(flags: Iterable[str]) -> Target:
    """`portable` when no flag is CPU-specific, else `native`."""
    return "native" if cpu_specific_flags(flags) else "portable"


@dataclass(frozen=True)
class FlagMode:
    """Which flag configs a search may try: the default tries native ones but no fast-math;
    `portable` leaves native ones out too; `allow_fast_math` lets value-unsafe math in.

    Portable and fast-math together are refused outright: a portable result is one a user
    can ship anywhere gcc -O3's runs, and fast-math results are not that.
    """

    portable: bool = False
    allow_fast_math: bool = False

    def __post_init__(self) -> None:
        if self.portable and self.allow_fast_math:
            raise OptionError("--portable excludes fast-math (value-unsafe math is not a "
                              "portable result): give --portable or --allow-fast-math, "
                              "not both")

    @property
    def label(self) -> str:
        """How figures from this mode are labelled: portable, native, native + fast-math."""
        if self.portable:
            return "portable"
        return "native + fast-math" if self.allow_fast_math else "native"

    def refusal(self, flags: Sequence[str]) -> str | None:
        """Why this mode does not try `flags` (None: it does), in words for an error line."""
        unsafe = unsafe_math_flags(flags)
        if self.portable and (cpu := cpu_specific_flags(flags)):
            return f"is CPU-specific ({' '.join(cpu)}), which --portable leaves out"
        if unsafe and self.portable:
            return f"uses value-unsafe math ({' '.join(unsafe)}), which --portable leaves out"
        if unsafe and not self.allow_fast_math:
            return (f"uses value-unsafe math ({' '.join(unsafe)}); it is tried only with "
                    f"--allow-fast-math (allow_fast_math=True)")
        return None


__all__ = ["UNSAFE_MATH_FLAGS", "FlagMode", "Target", "cpu_specific_flags", "target_of",
           "unsafe_math_flags"]
