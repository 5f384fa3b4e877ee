"""Candidates without a model: gcc and clang-22 with flags beyond `-O3`, PGO and LTO.

Each `FlagConfig` compiles the problem's C to assembly; the evaluation then judges every
resulting `.s` like any other candidate, so a flag that changes the output is rejected the
same way a model's mistake is. What a config costs beyond that is a property of its flags
(`optsmith.asm.flag_traits`), shown on every candidate and winner:

* `target`: `portable` (runs wherever gcc -O3's assembly runs) or `native` (`-march=native`
  and the like: only on CPUs with this machine's features). Native configs are tried by
  default; `FlagMode(portable=True)` (`--portable`) leaves them out.
* `fast_math`: value-unsafe floating point (`-Ofast`, `-ffast-math`, ...). Never tried unless
  `allow_fast_math=True` (`--allow-fast-math`): with few tests per problem, a changed result
  can go unnoticed, so passing the tests is not enough to trust it. Portable mode refuses it.

The FMA trap stays in the default list on purpose: `-march=native` lets gcc (whose default
is `-ffp-contract=fast`) and clang (`=on`) fuse `a*b+c` into FMA instructions, which round
once instead of twice, so floating-point output changes. The `*-nofma` configs add
`-ffp-contract=off` and keep every result bit-exact; the plain ones show that validation,
not hope, keeps changed results out of the figures.

Profile-guided builds (`pgo=True`) are trained on the problem's *training* tests only (see
`optsmith.asm.problems.split_tests`); the reported speedup is timed on the held-out ones.
The instrumented binary is compiler output from the problem's own source, but it still runs
in the sandbox: a problem's C comes from a user's directory or a data set too. The profile
gets out of the sandbox through its stdout: a shell runs the training inputs with the
program's own output sent to /dev/null, then `cat`s the profile file. gcc writes its .gcda
under an absolute path, so GCOV_PREFIX=. and GCOV_PREFIX_STRIP (the build directory's depth)
put it in the sandbox's working directory; clang's goes where LLVM_PROFILE_FILE says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from optsmith.asm.build import clang_path, compile_to_asm, run_compiler
from optsmith.asm.busy import retry_when_busy
from optsmith.asm.candidates import Candidate
from optsmith.asm.flag_traits import (
    FlagMode,
    Target,
    cpu_specific_flags,
    target_of,
    unsafe_math_flags,
)
from optsmith.asm.problems import Problem
from optsmith.errors import CompileError, OptionError, OptsmithError
from optsmith.measure.pgo import llvm_profdata, run_training
from optsmith.programs.benchmark import as_bytes, as_text
from optsmith.sandbox import Limits
from optsmith.toolchain import LLVM_MAJOR, require_gcc

TRAINING_LIMITS = Limits(wall_s=300.0, memory_bytes=2 << 30, max_processes=8,
                         output_bytes=64 << 20)
NOFMA = "-ffp-contract=off"


@dataclass(frozen=True)
class FlagConfig:
    """One way to compile: compiler, flags, and whether to train a profile or link-time optimize."""

    name: str
    compiler: Literal["gcc", "clang"]
    flags: tuple[str, ...]
    pgo: bool = False
    lto: bool = False

    def __post_init__(self) -> None:
        if self.compiler not in ("gcc", "clang"):
            raise OptionError(
                f"FlagConfig.compiler must be 'gcc' or 'clang', got {self.compiler!r}"
            )
        if self.lto and (self.compiler != "gcc" or self.pgo):
            raise OptionError(f"{self.name}: LTO assembly is taken from gcc's LTRANS output; "
                              f"it is supported for gcc without PGO only")

    @property
    def target(self) -> Target:
        """`portable` (runs wherever gcc -O3's assembly runs) or `native` (CPU-specific)."""
        return target_of(self.flags)

    @property
    def portable(self) -> bool:
        return not cpu_specific_flags(self.flags)

    @property
    def fast_math(self) -> bool:
        """Whether a flag turns on value-unsafe floating-point math (-Ofast, -ffast-math...)."""
        return bool(unsafe_math_flags(self.flags))

    def describe(self) -> dict[str, object]:
        """The config as a JSON record: name, command, target, fast_math."""
        return {"name": self.name, "command": self.command, "target": self.target,
                "fast_math": self.fast_math}

    @property
    def command(self) -> str:
        """How to reproduce it, in words a compiler user reads."""
        cc = "gcc" if self.compiler == "gcc" else f"clang-{LLVM_MAJOR}"
        extra = (" + PGO (training tests)" if self.pgo else "") + (" -flto" if self.lto else "")
        return f"{cc} {' '.join(self.flags)}{extra}"


DEFAULT_CONFIGS: tuple[FlagConfig, ...] = (
    FlagConfig("gcc-native", "gcc", ("-O3", "-march=native")),  # FMA trap on float code
    FlagConfig("gcc-native-nofma", "gcc", ("-O3", "-march=native", NOFMA)),
    FlagConfig("gcc-unroll", "gcc", ("-O3", "-funroll-loops")),
    FlagConfig("gcc-native-unroll", "gcc", ("-O3", "-march=native", NOFMA, "-funroll-loops")),
    FlagConfig("gcc-pgo", "gcc", ("-O3",), pgo=True),
    FlagConfig("gcc-native-pgo", "gcc", ("-O3", "-march=native", NOFMA), pgo=True),
    FlagConfig("gcc-lto", "gcc", ("-O3",), lto=True),
    FlagConfig("gcc-ofast-native", "gcc", ("-Ofast", "-march=native")),  # fast-math trap
    FlagConfig("clang", "clang", ("-O3",)),
    FlagConfig("clang-native", "clang", ("-O3", "-march=native")),  # FMA trap on float code
    FlagConfig("clang-native-nofma", "clang", ("-O3", "-march=native", NOFMA)),
    FlagConfig("clang-pgo", "clang", ("-O3",), pgo=True),
    FlagConfig("clang-native-pgo", "clang", ("-O3", "-march=native", NOFMA), pgo=True),
)


def config_by_name(names: Sequence[str]) -> tuple[FlagConfig, ...]:
    """The default configs called `names`, in that order; an unknown name is an error."""
    known = {c.name: c for c in DEFAULT_CONFIGS}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise OptsmithError(f"unknown flag config(s) {', '.join(unknown)}; "
                           f"available: {', '.join(known)}")
    return tuple(known[n] for n in names)


def mode_configs(mode: FlagMode, configs: Sequence[FlagConfig] = DEFAULT_CONFIGS
                 ) -> tuple[FlagConfig, ...]:
    """The configs of `configs` that `mode` tries (the others are left out, silently)."""
    return tuple(c for c in configs if mode.refusal(c.flags) is None)


class FlagGenerator:
    """A `CandidateSource`: one candidate per config; the baseline may win (nothing beat it).

    Without `configs`, the default list as `mode` allows it (native configs unless
    `portable`; fast-math ones only with `allow_fast_math`). A config given explicitly that
    the mode refuses is an error, not a silent drop. Configs are tried safest first
    (portable, then native; exact math, then fast-math), so that when two configs produce
    the same assembly, the candidate that stands for it is the one with the fewest strings
    attached.
    """

    includes_baseline = True

    def __init__(self, configs: Sequence[FlagConfig] | None = None, *,
                 portable: bool = False, allow_fast_math: bool = False) -> None:
        self.mode = FlagMode(portable=portable, allow_fast_math=allow_fast_math)
        if configs is None:
            configs = mode_configs(self.mode)
        refused = [f"{c.name} {why}" for c in configs
                   if (why := self.mode.refusal(c.flags)) is not None]
        if refused:
            raise OptionError(f"flag config {'; '.join(refused)}")
        if not configs:
            raise OptsmithError("the flag generator needs at least one config")
        self.configs = tuple(sorted(configs, key=lambda c: (c.fast_math, not c.portable)))
        self.label = f"flag search ({self.mode.label})"

    def candidates(self, problem: Problem, workdir: Path,
                   training: Sequence[int]) -> list[Candidate]:
        if problem.source is None:
            raise OptsmithError(f"{problem.name}: the flag generator needs C source, and this "
                               f"problem only has assembly")
        result = []
        for config in self.configs:
            try:
                asm = build_config(problem, config, workdir / config.name, training)
            except CompileError as exc:
                result.append(Candidate(config.name, None, config.command, error=str(exc),
                                        target=config.target, fast_math=config.fast_math))
                continue
            result.append(Candidate(config.name, asm, config.command, target=config.target,
                                    fast_math=config.fast_math))
        return result


def build_config(problem: Problem, config: FlagConfig, workdir: Path,
                 training: Sequence[int]) -> str:
    """The assembly one config produces for `problem` (training a profile first if asked)."""
    assert problem.source is not None
    workdir.mkdir(parents=True, exist_ok=True)
    compiler = require_gcc() if config.compiler == "gcc" else clang_path()
    if config.lto:
        return _gcc_lto(problem.source, config, workdir)
    if not config.pgo:
        return compile_to_asm(problem.source, workdir, compiler=compiler, flags=config.flags)
    (workdir / "prog.c").write_bytes(as_bytes(problem.source))
    inputs = {f"in.{i}": problem.tests[i].stdin for i in training}
    if config.compiler == "gcc":
        return _gcc_pgo(config, compiler, workdir, inputs, problem.ldflags)
    return _clang_pgo(config, compiler, workdir, inputs, problem.ldflags)


def _gcc_lto(source: str, config: FlagConfig, workdir: Path) -> str:
    """gcc -flto keeps GIMPLE in the .s; the real code is in the LTRANS unit's assembly."""
    (workdir / "prog.c").write_bytes(as_bytes(source))
    run_compiler([str(require_gcc()), *config.flags, "-flto", "-flto-partition=one",
                  "-save-temps", "prog.c", "-o", "prog", "-lm"], workdir)
    units = sorted(workdir.glob("prog.ltrans*.ltrans.s"))
    if len(units) != 1:
        raise CompileError(f"expected one LTRANS assembly file from gcc -flto, found "
                           f"{[u.name for u in units]}")
    return units[0].read_text()


def _gcc_pgo(config: FlagConfig, gcc: Path, workdir: Path, inputs: dict[str, bytes],
             ldflags: Sequence[str]) -> str:
    run_compiler([str(gcc), *config.flags, "-fprofile-generate", "-fprofile-update=single",
                  "-c", "prog.c", "-o", "prog.o"], workdir)
    run_compiler([str(gcc), "-fprofile-generate", "prog.o", "-o", "instrumented", *ldflags],
                 workdir)
    depth = len(workdir.resolve().parts) - 1  # components of the absolute .gcda directory
    profile = _train(workdir / "instrumented", inputs, "prog.gcda",
                     {"GCOV_PREFIX": ".", "GCOV_PREFIX_STRIP": str(depth)})
    (workdir / "prog.gcda").write_bytes(profile)
    return compile_to_asm(as_text((workdir / "prog.c").read_bytes()), workdir, compiler=gcc,
                          flags=(*config.flags, "-fprofile-use", "-fprofile-correction",
                                 "-Werror=missing-profile"))


def _clang_pgo(config: FlagConfig, clang: Path, workdir: Path, inputs: dict[str, bytes],
               ldflags: Sequence[str]) -> str:
    run_compiler([str(clang), *config.flags, "-fprofile-generate", "prog.c", "-o",
                  "instrumented", *ldflags], workdir)
    raw = _train(workdir / "instrumented", inputs, "prog-*.profraw",
                 {"LLVM_PROFILE_FILE": "prog-%m.profraw"})
    (workdir / "prog.profraw").write_bytes(raw)
    run_compiler([str(llvm_profdata()), "merge", "-o", "prog.profdata", "prog.profraw"], workdir)
    return compile_to_asm(as_text((workdir / "prog.c").read_bytes()), workdir, compiler=clang,
                          flags=(*config.flags, "-fprofile-use=prog.profdata"))


def _train(exe: Path, inputs: dict[str, bytes], profile_glob: str, env: dict[str, str]) -> bytes:
    """Run the instrumented program on every training input in one sandbox; the profile."""
    runs = [((), inputs[name]) for name in sorted(inputs)]
    return retry_when_busy(lambda: run_training(exe, runs, profile_glob=profile_glob, env=env,
                                                limits=TRAINING_LIMITS))


__all__ = ["DEFAULT_CONFIGS", "FlagConfig", "FlagGenerator", "FlagMode", "build_config",
           "config_by_name", "mode_configs"]
