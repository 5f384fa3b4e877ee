"""Flag modes: fast-math only when asked for, --portable never targets this CPU, and the
labels (`target`, `fast_math`) agree with what gcc and clang-22 say the flags do."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from optsmith.asm import DEFAULT_CONFIGS, FlagConfig, FlagGenerator, FlagMode, load_problem_dir
from optsmith.asm.flag_traits import cpu_specific_flags, unsafe_math_flags
from optsmith.asm.flags import build_config, config_by_name
from optsmith.errors import OptionError
from optsmith.toolchain import find_toolchain

CPU_FLAGS = set(Path("/proc/cpuinfo").read_text().split())
# predefined macros that say value-unsafe math is on (gcc defines all, clang the first two)
UNSAFE_MACROS = ("__FAST_MATH__", "__FINITE_MATH_ONLY__ 1", "__ASSOCIATIVE_MATH__",
                 "__RECIPROCAL_MATH__", "__NO_SIGNED_ZEROS__")
# what -march=native changes: ISA extensions and tuning (gcc: __tune_*__, __<cpu>__)
# the floating-point options of gcc's and clang's manuals, listed here independently of the
# code under test (both safe and unsafe ones: the compilers' macros decide)
FP_OPTIONS = ("-Ofast", "-ffast-math", "-funsafe-math-optimizations", "-ffinite-math-only",
              "-fassociative-math", "-freciprocal-math", "-fno-signed-zeros", "-fno-math-errno",
              "-fno-trapping-math", "-fcx-limited-range", "-fno-honor-nans",
              "-fno-honor-infinities", "-fapprox-func", "-ffp-model=fast",
              "-ffp-model=aggressive", "-ffp-model=precise", "-ffp-contract=fast",
              "-fexcess-precision=fast")
ISA_MACRO = re.compile(r"#define (__(AVX|SSE3|SSSE3|SSE4|FMA|BMI|POPCNT|LZCNT|F16C|MOVBE|AES"
                       r"|PCLMUL|SHA|ADX|tune_)\w*)")


def _macros(compiler: str, flags: tuple[str, ...]) -> str | None:
    """`cc flags -dM -E` of an empty file; None when the compiler refuses the flags."""
    cc = str(find_toolchain().clang) if compiler == "clang" else "gcc"
    proc = subprocess.run([cc, *flags, "-dM", "-E", "-x", "c", "/dev/null"],
                          capture_output=True, text=True)
    return proc.stdout if proc.returncode == 0 else None


@pytest.mark.parametrize("compiler", ["gcc", "clang"])
def test_labels_agree_with_what_the_compilers_define(compiler: str) -> None:
    plain = _macros(compiler, ("-O3",))
    assert plain is not None
    plain_isa = set(ISA_MACRO.findall(plain))
    candidates = [("-O3", flag) for flag in FP_OPTIONS]
    candidates += [("-O3", "-fno-signed-zeros", "-fno-trapping-math", "-fassociative-math")]
    candidates += [c.flags for c in DEFAULT_CONFIGS if c.compiler == compiler]
    candidates += [("-O3", "-fno-math-errno", "-fno-trapping-math", "-funroll-loops"),
                   ("-O3", "-ffast-math"), ("-O3", "-mtune=native")]
    checked = 0
    for flags in candidates:
        defined = _macros(compiler, flags)
        if defined is None:  # e.g. clang's -fno-honor-nans is not gcc's
            continue
        checked += 1
        says_unsafe = any(f"#define {m}" in defined for m in UNSAFE_MACROS)
        if says_unsafe:  # conservative: whatever the compiler calls unsafe is labelled
            assert unsafe_math_flags(flags), flags
        if flags in {c.flags for c in DEFAULT_CONFIGS}:  # and the defaults exactly so
            assert bool(unsafe_math_flags(flags)) == says_unsafe, flags
        changes_target = set(ISA_MACRO.findall(defined)) != plain_isa
        if changes_target:
            assert cpu_specific_flags(flags), flags
        if flags in {c.flags for c in DEFAULT_CONFIGS}:
            assert bool(cpu_specific_flags(flags)) == changes_target, flags
    assert checked >= 10
    native = _macros(compiler, ("-O3", "-march=native"))
    assert native is not None and set(ISA_MACRO.findall(native)) != plain_isa


def test_modes_pick_configs_and_refuse_what_they_exclude() -> None:
    default = FlagGenerator()
    assert not any(c.fast_math for c in default.configs)
    assert any(c.target == "native" for c in default.configs)
    assert "gcc-ofast-native" not in {c.name for c in default.configs}
    portable = FlagGenerator(portable=True)
    assert portable.configs and all(c.portable and not c.fast_math for c in portable.configs)
    assert all("native" not in c.command for c in portable.configs)
    allowed = FlagGenerator(allow_fast_math=True)
    assert {c.name for c in allowed.configs} == {c.name for c in DEFAULT_CONFIGS}
    assert allowed.configs[-1].fast_math  # tried last: identical assembly keeps a safe name
    assert "portable" in portable.label and "fast-math" in allowed.label
    with pytest.raises(OptionError, match="gcc-ofast-native uses value-unsafe math .*-Ofast"
                                          ".*--allow-fast-math"):
        FlagGenerator(config_by_name(["clang", "gcc-ofast-native"]))
    with pytest.raises(OptionError, match=r"gcc-native-nofma is CPU-specific \(-march=native\)"):
        FlagGenerator(config_by_name(["gcc-native-nofma"]), portable=True)
    with pytest.raises(OptionError, match="--portable excludes fast-math"):
        FlagMode(portable=True, allow_fast_math=True)
    own = FlagConfig("mine", "clang", ("-O2", "-ffp-model=fast", "-mavx2"))
    assert own.fast_math and own.target == "native"
    assert FlagConfig("tuned", "gcc", ("-O2", "-mtune=haswell")).portable


@pytest.mark.skipif("avx" not in CPU_FLAGS, reason="this CPU has no AVX: native = portable")
def test_portable_candidates_never_target_this_cpu(problems_root: Path, tmp_path: Path) -> None:
    problem = load_problem_dir(problems_root / "fsum")
    vex = re.compile(r"%[yz]mm|\tv(mov|add|mul|cvt|xor|fmadd)")
    native = build_config(problem, config_by_name(["gcc-native-nofma"])[0],
                          tmp_path / "native", training=[0])
    assert vex.search(native)  # the check below sees -march=native when it is there
    generator = FlagGenerator(portable=True)
    found = generator.candidates(problem, tmp_path / "portable", training=[0])
    assert {c.name for c in found} == {c.name for c in generator.configs}
    for cand in found:
        assert cand.asm is not None, cand.error
        assert cand.target == "portable" and cand.fast_math is False
        assert not vex.search(cand.asm), cand.name
