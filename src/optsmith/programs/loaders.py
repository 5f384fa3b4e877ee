"""Load user programs from disk: C sources with their tests, and LLVM IR modules.

A C program's expected output is whatever its clang-22 -O0 build prints. Running that
build is the job of the layer above (`optsmith.measure.reference`), so the loaders of C
take a `record` argument (`RecordOutputs`, normally
`optsmith.measure.reference.record_reference_outputs`) and never run a program
themselves. Tests come from optional sidecar files next to `NAME.c`:

* `NAME.args` - one test per non-blank line, arguments split like a shell (`#` comments);
* `NAME.stdin` - stdin for every test;
* `NAME.<k>.stdin` - stdin for test k (1-based, in `.args` order), overriding `NAME.stdin`.

Without `.args` there is one test per `NAME.<k>.stdin` file, or a single test without
arguments. A reference run that crashes, times out or floods its output is an error: such
a program cannot define "correct".

Files are read as bytes (`as_text` keeps every byte): clang accepts a Latin-1 comment,
and so does this loader. `test_timeout_s`, where a loader takes it, is stored on each
benchmark (`Benchmark.test_timeout_s`): it limits every run of a test, the reference's
included, instead of the limit derived from the reference's time.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path

from optsmith.errors import CompileError, IRParseError, OptsmithError
from optsmith.programs.benchmark import Benchmark, Language, RecordOutputs, TestCase, as_text
from optsmith.programs.frontend import old_ir_hint
from optsmith.toolchain import find_toolchain

IR_SUFFIXES = {".ll": "llvm-ir", ".bc": "llvm-bc"}
_MAIN_RE = re.compile(r"^define\b[^\n]*@main\(", re.MULTILINE)
_IR_TIMEOUT_S = 120


@dataclass(frozen=True)
class LoadFailure:
    """One file that could not be loaded, with the reason (clang's message, for instance)."""

    path: Path
    error: OptsmithError

    def __str__(self) -> str:
        return f"{self.path}: {self.error}"


@dataclass
class LoadResult:
    """What a lenient directory scan found: the good programs and the files it skipped."""

    benchmarks: list[Benchmark] = field(default_factory=list)
    failures: list[LoadFailure] = field(default_factory=list)


# ---------------------------------------------------------------------------- C programs


def _sidecar_tests(source: Path) -> list[TestCase]:
    """The tests described by the sidecar files of `source` (expected outputs still empty)."""
    stem = source.with_suffix("")
    args_file = stem.with_name(stem.name + ".args")
    arg_lists: list[tuple[str, ...]] = []
    if args_file.is_file():
        for line_no, line in enumerate(_read(args_file).splitlines(), start=1):
            try:
                argv = shlex.split(line, comments=True)
            except ValueError as exc:
                raise OptsmithError(f"{args_file}:{line_no}: {exc}") from exc
            if line.strip() and not line.lstrip().startswith("#"):
                arg_lists.append(tuple(argv))
    per_test: dict[int, str] = {}
    pattern = re.compile(re.escape(stem.name) + r"\.(\d+)\.stdin")
    for candidate in source.parent.iterdir():
        match = pattern.fullmatch(candidate.name)
        if match:
            per_test[int(match.group(1))] = _read(candidate)
    if 0 in per_test:
        raise OptsmithError(f"{stem.name}.0.stdin: per-test stdin files count from 1")
    if not args_file.is_file():
        arg_lists = [()] * max(per_test, default=1)
    elif per_test and max(per_test) > len(arg_lists):
        raise OptsmithError(
            f"{stem.name}.{max(per_test)}.stdin names test {max(per_test)}, but "
            f"{args_file.name} describes {len(arg_lists)} test(s)"
        )
    if not arg_lists:
        raise OptsmithError(f"{args_file} describes no tests")
    shared = stem.with_name(stem.name + ".stdin")
    default_stdin = _read(shared) if shared.is_file() else ""
    return [
        TestCase(args=argv, stdin=per_test.get(k, default_stdin))
        for k, argv in enumerate(arg_lists, start=1)
    ]


def _read(path: Path) -> str:
    """A file's bytes as `as_text` keeps them; a read error names the file."""
    try:
        return as_text(path.read_bytes())
    except OSError as exc:
        raise OptsmithError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def load_c_file(
    path: Path, *, record: RecordOutputs, test_timeout_s: float | None = None
) -> Benchmark:
    """One C program with its sidecar tests, expected outputs recorded by `record`.

    Raises `CompileError` (naming the file, with clang's diagnostics) when it does not
    build, `ReferenceRunError` when a reference run fails.
    """
    path = Path(path)
    bench = Benchmark(
        name=path.stem,
        source=_read(path),
        tests=tuple(_sidecar_tests(path)),
        meta={"path": str(path)},
        test_timeout_s=test_timeout_s,
    )
    try:
        return record(bench)
    except CompileError as exc:
        message = str(exc).split("\n", 1)[-1]  # drop the front end's "NAME does not compile"
        raise CompileError(f"{path} does not compile:\n{message}") from exc


def scan_c_directory(
    path: Path, *, record: RecordOutputs, test_timeout_s: float | None = None
) -> LoadResult:
    """Every `*.c` in `path` (sorted, not recursive); broken files are reported, not raised."""
    result = LoadResult()
    for source in sorted(Path(path).glob("*.c")):
        try:
            result.benchmarks.append(
                load_c_file(source, record=record, test_timeout_s=test_timeout_s)
            )
        except OptsmithError as exc:
            result.failures.append(LoadFailure(source, exc))
    return result


def scan_directory(
    path: Path, *, record: RecordOutputs, test_timeout_s: float | None = None
) -> LoadResult:
    """C files, then IR files, of a directory; each broken one is reported, not raised."""
    result = scan_c_directory(path, record=record, test_timeout_s=test_timeout_s)
    for source in sorted(p for p in Path(path).iterdir() if p.suffix in IR_SUFFIXES):
        try:
            result.benchmarks.append(load_ir_file(source))
        except OptsmithError as exc:
            result.failures.append(LoadFailure(source, exc))
    result.benchmarks[:] = unique_names(result.benchmarks)
    return result


def load_c_directory(
    path: Path, *, record: RecordOutputs, test_timeout_s: float | None = None
) -> list[Benchmark]:
    """Every `*.c` in `path`, strictly: the first broken file raises its error.

    Use `scan_c_directory` to skip broken files and get their errors as a list instead.
    """
    path = Path(path)
    if not path.is_dir():
        raise OptsmithError(f"{path} is not a directory")
    return [
        load_c_file(source, record=record, test_timeout_s=test_timeout_s)
        for source in sorted(path.glob("*.c"))
    ]


# ---------------------------------------------------------------------------- LLVM IR


def _ir_text(path: Path) -> str:
    """The module as IR text, parsed and verified by opt-22 (bitcode is disassembled)."""
    opt = find_toolchain().opt
    try:
        proc = subprocess.run(
            [str(opt), "-passes=verify", "-S", "-o", "-", str(path)],
            capture_output=True,
            timeout=_IR_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as exc:
        raise IRParseError(f"{path}: opt-22 took longer than {_IR_TIMEOUT_S}s") from exc
    if proc.returncode != 0:
        message = proc.stderr.decode(errors="replace").strip()
        hint = old_ir_hint(path.read_bytes(), message)
        raise IRParseError(f"{path} does not parse:\n{message}" + (f"\n{hint}" if hint else ""))
    return proc.stdout.decode(errors="replace")


def load_ir_file(path: Path) -> Benchmark:
    """One `.ll` or `.bc` module; no tests (IR carries none), `has_main` from the IR itself.

    Bitcode is kept byte for byte (as latin-1 text, see `Benchmark.source_bytes`).
    """
    path = Path(path)
    language: Language
    if path.suffix == ".ll":
        language = "llvm-ir"
    elif path.suffix == ".bc":
        language = "llvm-bc"
    else:
        raise OptsmithError(f"{path}: expected a .ll or .bc file")
    text = _ir_text(path)
    raw = path.read_bytes()
    source = raw.decode("latin-1") if language == "llvm-bc" else raw.decode(errors="replace")
    return Benchmark(
        name=path.stem,
        source=source,
        language=language,
        suite="user",
        has_main=_MAIN_RE.search(text) is not None,
        meta={"path": str(path)},
    )


def load_ir_directory(path: Path) -> list[Benchmark]:
    """Every `*.ll` and `*.bc` in `path`, sorted by file name; a broken one raises."""
    path = Path(path)
    if not path.is_dir():
        raise OptsmithError(f"{path} is not a directory")
    files = sorted(p for p in path.iterdir() if p.suffix in IR_SUFFIXES and p.is_file())
    return unique_names([load_ir_file(p) for p in files])


# ---------------------------------------------------------------------------- any path


def load_path(
    path: Path, *, record: RecordOutputs, test_timeout_s: float | None = None
) -> list[Benchmark]:
    """A `.c`, `.ll` or `.bc` file, or a directory of them (C first, then IR).

    `record` runs each C program's reference build (normally
    `optsmith.measure.reference.record_reference_outputs`); `test_timeout_s` limits every
    run of a test (reference and candidates) instead of the limit derived from the
    reference's time.
    """
    path = Path(path)
    if path.is_dir():
        c_programs = load_c_directory(path, record=record, test_timeout_s=test_timeout_s)
        return unique_names(c_programs + load_ir_directory(path))
    if not path.exists():
        raise OptsmithError(f"{path} does not exist")
    if path.suffix == ".c":
        return [load_c_file(path, record=record, test_timeout_s=test_timeout_s)]
    if path.suffix in IR_SUFFIXES:
        return [load_ir_file(path)]
    raise OptsmithError(f"{path}: expected a .c, .ll or .bc file or a directory")


def unique_names(benchmarks: list[Benchmark]) -> list[Benchmark]:
    """`foo.c` and `foo.ll` in one directory would share a URI; keep the suffix on clashes."""
    stems: dict[str, int] = {}
    for bench in benchmarks:
        stems[bench.name] = stems.get(bench.name, 0) + 1
    out = []
    for bench in benchmarks:
        if stems[bench.name] > 1 and "path" in bench.meta:
            bench = replace(bench, name=Path(bench.meta["path"]).name)
        out.append(bench)
    return out


__all__ = [
    "LoadFailure",
    "LoadResult",
    "load_c_directory",
    "load_c_file",
    "load_ir_directory",
    "load_ir_file",
    "load_path",
    "scan_c_directory",
    "scan_directory",
    "unique_names",
]
