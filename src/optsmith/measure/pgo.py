"""Profile-guided speed searches: a profile from the program's own tests, in the IR.

`optsmith speed --pgo` trains a profile on the benchmark's tests (the search's inputs) and
gives the program `-fprofile-instr-use=<profile>`. This is clang's front-end
instrumentation, not IR instrumentation (`-fprofile-generate`): with the latter the
profile is read by a pass of clang's pipeline (`pgo-instr-use`), so IR taken before the
passes carries none, and the engine's pass builder has no profile path to give that pass
(it failed with "No such file or directory"). With front-end instrumentation clang writes
the branch weights and entry counts into the IR itself, so every pass of every candidate
pipeline can use them, and the wall-time baseline is `clang-22 -O3 -fprofile-instr-use`
with the same profile: the figure is what the pipeline adds to PGO. Time it on
`--time-args` inputs, which the profile never saw (train on some inputs, report on
others).

The instrumented binary is compiler output from the user's source, but it still runs in
the sandbox. The profile leaves the sandbox through stdout: a shell runs the tests with the
program's own output sent to /dev/null, then `cat`s the raw profile (as the assembly
task's PGO does, `optsmith.asm.flags`). The merged profile is kept under the cache
directory by its content hash, so the program's flags, and with them its store key, are the
same on every run that trains the same profile.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from optsmith.errors import CompileError, ToolchainError
from optsmith.programs.benchmark import Benchmark
from optsmith.sandbox import Limits, run_sandboxed
from optsmith.toolchain import LLVM_MAJOR, find_toolchain
from optsmith.writable import cache_dir

TRAINING_LIMITS = Limits(wall_s=300.0, max_processes=8)
_TRAIN_FAILED = 97
_TIMEOUT_S = 120


def _run(cmd: list[str], cwd: Path, what: str) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=_TIMEOUT_S)
    if proc.returncode != 0:
        raise CompileError(f"{what}: {proc.stderr.decode(errors='replace').strip()[-600:]}")


def llvm_profdata() -> Path:
    """llvm-profdata of the pinned LLVM."""
    toolchain = find_toolchain()
    for candidate in (
        toolchain.prefix / "bin" / "llvm-profdata",
        Path(shutil.which(f"llvm-profdata-{LLVM_MAJOR}") or ""),
    ):
        if candidate.name and candidate.is_file():
            return candidate
    raise ToolchainError(
        f"llvm-profdata (LLVM {LLVM_MAJOR}) not found; it ships with llvm-{LLVM_MAJOR}: "
        f"apt-get install llvm-{LLVM_MAJOR}"
    )


def run_training(
    exe: Path, runs: Sequence[tuple[Sequence[str], bytes]], *, profile_glob: str,
    env: Mapping[str, str], limits: Limits = TRAINING_LIMITS,
) -> bytes:
    """Run the instrumented `exe` on every (arguments, stdin) in one sandbox; the raw
    profile it wrote (`profile_glob` in its directory), out through stdout.

    The program's own output goes to /dev/null; a run that fails is a CompileError naming
    it, so a profile never comes from a program that did not finish its training."""
    files: dict[str, bytes | Path] = {"instrumented": exe}
    lines = []
    for index, (args, stdin) in enumerate(runs):
        files[f"in{index}"] = stdin
        argv = " ".join(shlex.quote(a) for a in args)
        lines.append(f"./instrumented {argv} < in{index} > /dev/null || exit {_TRAIN_FAILED}")
    script = "; ".join([*lines, f"cat {profile_glob}"])
    result = run_sandboxed(["sh", "-c", script], files=files, env=dict(env), limits=limits)
    if not result.ok or result.exit_code != 0 or not result.stdout:
        tail = result.stderr[-400:].decode(errors="replace").strip()
        what = ("the instrumented program failed on a training input"
                if result.exit_code == _TRAIN_FAILED else result.reason)
        raise CompileError(f"PGO training run: {what}" + (f": {tail}" if tail else ""))
    return result.stdout


def train_profile(benchmark: Benchmark) -> Path:
    """A merged profile of `benchmark` run on its tests, stored by content hash."""
    if benchmark.language != "c" or not benchmark.tests:
        raise CompileError(f"{benchmark.name}: PGO needs a C program with tests to train on")
    with tempfile.TemporaryDirectory(prefix="optsmith-pgo-") as tmp_text:
        tmp = Path(tmp_text)
        (tmp / "prog.c").write_bytes(benchmark.source_bytes)
        _run(
            [str(find_toolchain().clang), "-O2", "-fprofile-instr-generate", *benchmark.cflags,
             "prog.c", "-o", "instrumented", *benchmark.ldflags],
            tmp, f"{benchmark.name}: instrumented build",
        )
        try:
            raw = run_training(
                tmp / "instrumented", [(t.args, t.stdin_bytes) for t in benchmark.tests],
                profile_glob="prog-*.profraw", env={"LLVM_PROFILE_FILE": "prog-%m.profraw"},
            )
        except CompileError as exc:
            raise CompileError(f"{benchmark.name}: {exc}") from None
        (tmp / "prog.profraw").write_bytes(raw)
        _run([str(llvm_profdata()), "merge", "-o", "prog.profdata", "prog.profraw"], tmp,
             f"{benchmark.name}: llvm-profdata merge")
        data = (tmp / "prog.profdata").read_bytes()
    target = cache_dir() / "pgo" / f"{hashlib.sha256(data).hexdigest()[:24]}.profdata"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.write_bytes(data)
    return target


def with_profile(benchmark: Benchmark) -> Benchmark:
    """`benchmark` built with a profile trained on its tests (`-fprofile-use=...`)."""
    profile = train_profile(benchmark)
    flags = (*benchmark.cflags, f"-fprofile-instr-use={profile}", "-Wno-profile-instr-unprofiled")
    return dataclasses.replace(benchmark, cflags=flags)


__all__ = ["llvm_profdata", "train_profile", "with_profile"]
