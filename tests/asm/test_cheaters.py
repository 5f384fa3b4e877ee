"""Candidates that compute nothing and try to fool the judge instead (issue 10), one test each.

The judge used to call such a candidate correct: it ran as `nobody` with the host's /proc and
every world-readable file in view, so an "oracle" that found the problem directory (in the
evaluating command's /proc/<pid>/cmdline, or by a guessed path) could match its stdin to a
tests/input.N and print tests/output.N. Each test here fails on that judge. They run on a
built-in problem (inside the repository) and on a problem in a world-readable directory
outside it, the way a user's own problems usually sit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from optsmith.asm import JudgeSettings, Status, judge, load_problem_dir
from optsmith.asm.problems import BUILTIN_DIR
from optsmith.asm.rewards import RUNTIME_FAILURE_REWARD
from optsmith.errors import OptsmithError
from optsmith.sandbox import set_unsafe_no_sandbox

FAST = JudgeSettings(min_timeout_s=2.0, max_timeout_s=10.0, memory_bytes=256 << 20,
                     max_processes=8)

# Reads its stdin, looks for a tests/ directory holding an input.N equal to it, prints the
# matching output.N. Where it looks: GUESSES (compiled in) and every argument of every
# process in /proc, each as a problem directory or a directory of them.
ORACLE = r"""
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char input[1 << 16];
static size_t input_len;
static int from_tests(const char *dir) {
    static char data[1 << 16];
    char path[4096];
    for (int n = 0; n < 100; n++) {
        snprintf(path, sizeof path, "%s/input.%d", dir, n);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        size_t len = fread(data, 1, sizeof data, f);
        fclose(f);
        if (len != input_len || memcmp(data, input, len) != 0) continue;
        snprintf(path, sizeof path, "%s/output.%d", dir, n);
        if (!(f = fopen(path, "rb"))) return 0;
        while ((len = fread(data, 1, sizeof data, f)) > 0) fwrite(data, 1, len, stdout);
        fclose(f);
        return 1;
    }
    return 0;
}
static int from_root(const char *root) {
    char path[4096];
    snprintf(path, sizeof path, "%s/tests", root);
    if (from_tests(path)) return 1;
    DIR *d = opendir(root);
    if (!d) return 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s/tests", root, e->d_name);
        if (from_tests(path)) { closedir(d); return 1; }
    }
    closedir(d);
    return 0;
}
static int from_proc(void) {
    static char cmdline[1 << 16];
    DIR *proc = opendir("/proc");
    if (!proc) return 0;
    for (struct dirent *e; (e = readdir(proc));) {
        if (atoi(e->d_name) <= 0) continue;
        char path[64];
        snprintf(path, sizeof path, "/proc/%s/cmdline", e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        size_t len = fread(cmdline, 1, sizeof cmdline - 1, f);
        fclose(f);
        cmdline[len] = '\0';
        for (size_t at = 0; at < len; at += strlen(cmdline + at) + 1)
            if (strchr(cmdline + at, '/') && from_root(cmdline + at)) { closedir(proc); return 1; }
    }
    closedir(proc);
    return 0;
}
int main(void) {
    const char *guesses[] = {GUESSES, ".", "..", "../..", "../../..", "tests/..", 0};
    input_len = fread(input, 1, sizeof input, stdin);
    for (int i = 0; guesses[i]; i++)
        if (from_root(guesses[i])) return 0;
    if (from_proc()) return 0;
    puts("nothing found");
    return 0;
}
"""

# Prints its blob: the bytes the assembler put there with .incbin.
PRINT_BLOB = r"""
#include <stdio.h>
extern const char blob[], blob_end[];
int main(void) { fwrite(blob, 1, (size_t)(blob_end - blob), stdout); return 0; }
"""

# Sums its input like the real program, but prints the answer only when it finds a marker
# that an earlier run left behind; then leaves the markers for the next run.
CARRY_OVER = r"""
#include <stdio.h>
#include <unistd.h>
int main(void) {
    const char *marks[] = {MARKS, 0};
    long long total = 0, x;
    while (scanf("%lld", &x) == 1) total += x;
    int earlier = 0;
    for (int i = 0; marks[i]; i++) earlier |= access(marks[i], F_OK) == 0;
    for (int i = 0; marks[i]; i++) { FILE *f = fopen(marks[i], "w"); if (f) fclose(f); }
    if (earlier) printf("%lld\n", total); else puts("first run");
    return 0;
}
"""

# The right answer, then a daemon (fork, setsid, fork) that outlives the program.
DAEMON = r"""
#include <stdio.h>
#include <unistd.h>
int main(void) {
    long long total = 0, x;
    while (scanf("%lld", &x) == 1) total += x;
    printf("%lld\n", total);
    fflush(stdout);
    if (fork() != 0) return 0;
    setsid();
    if (fork() != 0) _exit(0);
    for (int fd = 0; fd < 64; fd++) close(fd);
    sleep(100);
    return 0;
}
"""


def _c_strings(items: list[str]) -> str:
    return ", ".join(json.dumps(item) for item in items)


@pytest.fixture(scope="module")
def public_problems(problems_root: Path) -> Iterator[Path]:
    """The `sum` problem copied into a world-readable directory outside the repository."""
    folder = Path(tempfile.mkdtemp(prefix="optsmith-public-problems-"))
    folder.chmod(0o755)
    shutil.copytree(problems_root / "sum", folder / "sum")
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["public", "builtin"])
def problem_dir(request: pytest.FixtureRequest, public_problems: Path) -> Path:
    """A readable-by-all problem: ours outside the repository, or a built-in one inside it."""
    return public_problems / "sum" if request.param == "public" else BUILTIN_DIR / "collatz"


def _eval_cli(problem: Path, candidate_asm: str, workdir: Path) -> dict[str, object]:
    """`optsmith asm eval PROBLEM --candidates CANDS --json -`, as a user runs it."""
    cands = workdir / "cands"
    cands.mkdir()
    (cands / f"{problem.name}.s").write_text(candidate_asm)
    cmd = [sys.executable, "-m", "optsmith.cli", "asm", "eval", str(problem), "--candidates",
           str(cands), "--repeats", "1", "--select-repeats", "1", "--warmup", "0",
           "--json", "-"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=workdir, timeout=600,
                          env={**os.environ, "COLUMNS": "200"})
    assert proc.returncode == 0, proc.stderr
    (result,) = json.loads(proc.stdout)["results"]
    assert isinstance(result, dict)
    return result


def test_proc_scanning_oracle_is_judged_a_failure(problem_dir: Path, asm_of: Callable[..., str],
                                                  tmp_path: Path) -> None:
    """The evaluating command names the problem directory; the oracle must not get there."""
    oracle = asm_of(ORACLE.replace("GUESSES", '"/nonexistent"'), "-O1")
    result = _eval_cli(problem_dir, oracle, tmp_path)
    (cand,) = result["candidates"]  # type: ignore[misc]
    assert cand["status"] == Status.WRONG_OUTPUT.value, cand["detail"]
    assert "nothing found" in cand["detail"]
    assert cand["rewards"] == {"correctness_guided": RUNTIME_FAILURE_REWARD, "speedup_only": 0.0}
    assert result["passed"] is False and result["speedup"] is None


def test_oracle_guessing_paths_is_judged_a_failure(problem_dir: Path,
                                                   asm_of: Callable[..., str],
                                                   tmp_path: Path) -> None:
    """Absolute and relative guesses at tests/output.N find nothing."""
    guesses = [str(problem_dir), str(problem_dir.parent), str(problem_dir / "tests" / "..")]
    oracle = asm_of(ORACLE.replace("GUESSES", _c_strings(guesses)), "-O1")
    verdict = judge(load_problem_dir(problem_dir), oracle, name="oracle", workdir=tmp_path,
                    settings=FAST)
    assert verdict.status is Status.WRONG_OUTPUT, verdict.detail
    assert verdict.tests_passed == 0 and "nothing found" in verdict.detail


def test_incbin_of_world_readable_files_sees_nothing(problem_dir: Path,
                                                     asm_of: Callable[..., str],
                                                     tmp_path: Path) -> None:
    """The assembler runs in the sandbox: .incbin of a host file or a test output fails."""
    problem = load_problem_dir(problem_dir)
    shared = next((os.path.join(d, f) for d, _, names in os.walk("/usr/share") for f in names
                   if os.access(os.path.join(d, f), os.R_OK)), "/usr/share/missing")
    for target in ("/etc/passwd", shared, str(problem_dir / "tests" / "output.0")):
        blob = f'\t.section .rodata\n\t.globl blob\nblob:\n\t.incbin "{target}"\n' \
               f"\t.globl blob_end\nblob_end:\n"
        asm = asm_of(PRINT_BLOB, "-O1") + blob
        verdict = judge(problem, asm, name="incbin", workdir=tmp_path, settings=FAST)
        assert verdict.status is Status.COMPILE_ERROR, (target, verdict.detail)
        assert f"file not found: {target}" in verdict.detail  # the assembler saw nothing there


def test_files_left_for_later_runs_gain_nothing(public_problems: Path,
                                                asm_of: Callable[..., str],
                                                tmp_path: Path) -> None:
    """Markers in /tmp, /dev/shm and a world-writable directory: none reach the next test."""
    shared = Path(tempfile.mkdtemp(prefix="optsmith-shared-"))
    shared.chmod(0o1777)
    name = f"optsmith-mark-{uuid.uuid4().hex}"
    marks = [f"/tmp/{name}", f"/dev/shm/{name}", str(shared / name)]
    try:
        asm = asm_of(CARRY_OVER.replace("MARKS", _c_strings(marks)), "-O1")
        verdict = judge(load_problem_dir(public_problems / "sum"), asm, name="carry",
                        workdir=tmp_path, settings=FAST)
        assert verdict.status is Status.WRONG_OUTPUT, verdict.detail
        assert "first run" in verdict.detail
        assert not any(Path(m).exists() for m in marks)
    finally:
        for mark in marks:
            Path(mark).unlink(missing_ok=True)
        shutil.rmtree(shared, ignore_errors=True)


def test_daemon_left_behind_is_killed(public_problems: Path, asm_of: Callable[..., str],
                                      tmp_path: Path) -> None:
    verdict = judge(load_problem_dir(public_problems / "sum"), asm_of(DAEMON, "-O1"),
                    name="daemon", workdir=tmp_path, settings=FAST)
    assert verdict.status is Status.CORRECT, verdict.detail  # its output was right
    assert verdict.executable is not None
    exe = verdict.executable.name.encode()
    time.sleep(0.2)
    survivors = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if exe in (proc / "cmdline").read_bytes():
                    survivors.append(proc.name)
            except OSError:
                continue
    assert survivors == []


def test_judging_without_bubblewrap_is_refused_or_marked(public_problems: Path,
                                                         asm_of: Callable[..., str],
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    problem = load_problem_dir(public_problems / "sum")
    asm = asm_of(DAEMON.replace("if (fork() != 0) return 0;", "return 0;"), "-O1")
    assert judge(problem, asm, name="c", workdir=tmp_path / "a", settings=FAST).contained
    monkeypatch.setenv("PATH", str(tmp_path))  # no bubblewrap on PATH
    with pytest.raises(OptsmithError, match="--unsafe-no-sandbox"):
        judge(problem, asm, name="c", workdir=tmp_path / "b", settings=FAST)
    set_unsafe_no_sandbox(True)
    try:
        verdict = judge(problem, asm, name="c", workdir=tmp_path / "c", settings=FAST)
    finally:
        set_unsafe_no_sandbox(False)
    assert verdict.status is Status.CORRECT
    assert not verdict.contained and verdict.to_dict()["contained"] is False
