"""Hostile candidates, one test each: contained, reported with the reason, and the run goes on.

Each hostile program would print the right answer only if its attack worked, so a contained
attack always shows up as a failed candidate, and the test also checks the side effect
itself (no file, no connection, no leftover process).
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from optsmith.asm import (
    DirectoryCandidates,
    EvalSettings,
    Judgement,
    JudgeSettings,
    Status,
    evaluate,
    judge,
    load_problem_dir,
)
from optsmith.asm.problems import Problem

IS_ROOT = os.geteuid() == 0
FAST = JudgeSettings(min_timeout_s=1.0, max_timeout_s=5.0, memory_bytes=256 << 20,
                     max_processes=8)

# Every hostile program reads the test's numbers like the real one, so only its attack differs.
PRELUDE = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <errno.h>
#include <arpa/inet.h>
#include <sys/socket.h>
static long long answer(void) {
    long long t = 0, x;
    while (scanf("%lld", &x) == 1) t += x;
    return t;
}
"""

HOSTILE = {
    "loop": "int main(void){ answer(); volatile int spin = 1; while (spin) {} return 0; }",
    "malloc": """int main(void){ long long a = answer(); size_t total = 0;
        for (;;) {
            char *p = malloc(1 << 24); if (!p) break; memset(p, 1, 1 << 24); total += 1 << 24;
        }
        if (total > (1ull << 34)) printf("%lld\\n", a); return 3; }""",
    "forkbomb": """int main(void){ long long a = answer(); int made = 0;
        for (int i = 0; i < 100000; i++) {
            pid_t p = fork(); if (p == 0) { pause(); _exit(0); } if (p > 0) made++;
        }
        if (made >= 100000) printf("%lld\\n", a); return 0; }""",
    "print": "int main(void){ answer(); for (;;) puts(\"spam spam spam spam spam spam\"); }",
    "signal": "int main(void){ answer(); raise(SIGSEGV); return 0; }",
}


def _outside_writer(targets: list[str]) -> str:
    opens = " ".join(f'if ((f = fopen("{t}", "w"))) {{ fputs("pwned", f); fclose(f); ok++; }}'
                     for t in targets)
    return f"""int main(void){{ long long a = answer(); int ok = 0; FILE *f; {opens}
        if (ok) printf("%lld\\n", a); else printf("denied\\n"); return 0; }}"""


def _connector(port: int) -> str:
    return f"""int main(void){{ long long a = answer(); int s = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in addr; memset(&addr, 0, sizeof addr); addr.sin_family = AF_INET;
        addr.sin_port = htons({port}); addr.sin_addr.s_addr = htonl(0x7f000001);
        if (s >= 0 && connect(s, (struct sockaddr *)&addr, sizeof addr) == 0) printf("%lld\\n", a);
        else printf("no network (errno %d)\\n", errno); return 0; }}"""


@pytest.fixture(scope="module")
def sum_problem(problems_root: Path) -> Problem:
    return load_problem_dir(problems_root / "sum")


@pytest.fixture
def verdict_of(sum_problem: Problem, asm_of: Callable[..., str], tmp_path: Path
               ) -> Callable[[str], Judgement]:
    def run(body: str) -> Judgement:
        asm = asm_of(PRELUDE + body, "-O1")
        return judge(sum_problem, asm, name="hostile", workdir=tmp_path, settings=FAST)

    return run


def test_infinite_loop_times_out_and_skips_the_rest(verdict_of: Callable[[str], Judgement]) -> None:
    start = time.monotonic()
    verdict = verdict_of(HOSTILE["loop"])
    assert verdict.status is Status.RUNTIME_ERROR
    assert "timed out" in verdict.detail and "not run" in verdict.detail
    assert time.monotonic() - start < 10


def test_unbounded_malloc_hits_the_memory_limit(verdict_of: Callable[[str], Judgement]) -> None:
    verdict = verdict_of(HOSTILE["malloc"])
    assert verdict.status is Status.RUNTIME_ERROR
    assert "exited 3" in verdict.detail  # malloc returned NULL well before 16 GiB


def test_fork_bomb_is_capped_and_leaves_no_process(verdict_of: Callable[[str], Judgement]) -> None:
    verdict = verdict_of(HOSTILE["forkbomb"])
    assert verdict.status in (Status.WRONG_OUTPUT, Status.RUNTIME_ERROR)
    exe_name = verdict.executable.name
    time.sleep(0.2)
    survivors = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _runs(p, exe_name)]
    assert survivors == []


def _runs(proc: Path, exe_name: str) -> bool:
    try:
        return exe_name.encode() in (proc / "cmdline").read_bytes()
    except OSError:
        return False


def test_unbounded_output_is_cut_off(verdict_of: Callable[[str], Judgement]) -> None:
    verdict = verdict_of(HOSTILE["print"])
    assert verdict.status is Status.RUNTIME_ERROR
    assert "output exceeded" in verdict.detail


def test_exit_by_signal_is_reported(verdict_of: Callable[[str], Judgement]) -> None:
    verdict = verdict_of(HOSTILE["signal"])
    assert verdict.status is Status.RUNTIME_ERROR
    assert "SIGSEGV" in verdict.detail


def test_writes_outside_its_directory_are_refused(verdict_of: Callable[[str], Judgement]) -> None:
    marker = f"optsmith-asm-hostile-{uuid.uuid4().hex}"
    targets = [f"/etc/{marker}", f"/root/{marker}", f"/usr/{marker}"]
    verdict = verdict_of(_outside_writer(targets))
    assert verdict.status is Status.WRONG_OUTPUT
    assert "denied" in verdict.detail
    assert not any(os.path.exists(t) for t in targets)


def test_network_socket_cannot_reach_the_host(verdict_of: Callable[[str], Judgement]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(4)
        server.setblocking(False)
        verdict = verdict_of(_connector(server.getsockname()[1]))
        if not verdict.network_isolated:
            pytest.skip("this kernel refuses network namespaces; isolation is reported off")
        with pytest.raises(BlockingIOError):
            server.accept()
    assert verdict.status is Status.WRONG_OUTPUT
    assert "no network" in verdict.detail


def test_assembler_errors_are_shown_with_the_line(sum_problem: Problem,
                                                  asm_of: Callable[..., str],
                                                  tmp_path: Path) -> None:
    asm = asm_of(PRELUDE + "int main(void){ printf(\"%lld\\n\", answer()); return 0; }", "-O1")
    broken = asm.replace("\tret", "\tretq_not_an_instruction", 1)
    verdict = judge(sum_problem, broken, name="broken", workdir=tmp_path, settings=FAST)
    assert verdict.status is Status.COMPILE_ERROR
    assert "no such instruction" in verdict.detail and "retq_not_an_instruction" in verdict.detail
    missing = judge(sum_problem, ".text\n.globl foo\nfoo: ret\n", name="nomain",
                    workdir=tmp_path, settings=FAST)
    assert missing.status is Status.COMPILE_ERROR and "main" in missing.detail


@pytest.mark.skipif(not IS_ROOT, reason="needs a root-only file the sandboxed assembler must "
                                         "not read")
def test_incbin_cannot_read_private_files(sum_problem: Problem, tmp_path: Path) -> None:
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    secret = private / "secret.txt"
    secret.write_text("top secret\n")
    assert not private.stat().st_mode & stat.S_IROTH
    asm = f'.section .rodata\n.incbin "{secret}"\n'
    verdict = judge(sum_problem, asm, name="incbin", workdir=tmp_path / "w", settings=FAST)
    assert verdict.status is Status.COMPILE_ERROR
    assert "secret.txt" in verdict.detail and "top secret" not in verdict.detail


def test_evaluation_goes_on_past_hostile_candidates(problems_root: Path,
                                                     asm_of: Callable[..., str],
                                                     tmp_path: Path) -> None:
    """Two hostile candidates and a good one for the same problem: the good one wins."""
    cands = tmp_path / "cands" / "sum"
    cands.mkdir(parents=True)
    (cands / "loop.s").write_text(asm_of(PRELUDE + HOSTILE["loop"], "-O1"))
    (cands / "print.s").write_text(asm_of(PRELUDE + HOSTILE["print"], "-O1"))
    good = "int main(void){ printf(\"%lld\\n\", answer()); return 0; }"
    (cands / "good.s").write_text(asm_of(PRELUDE + good, "-O2"))
    settings = EvalSettings(repeats=2, select_repeats=1, warmup=0, judge=FAST)
    evaluation = evaluate([load_problem_dir(problems_root / "sum")],
                          DirectoryCandidates(tmp_path / "cands"), settings)
    (result,) = evaluation.results
    by_name = {c.name: c for c in result.candidates}
    assert result.passed and result.winner == "good" and result.speedup is not None
    assert by_name["loop"].status is Status.RUNTIME_ERROR and "timed out" in by_name["loop"].detail
    assert "output exceeded" in by_name["print"].detail
    assert by_name["loop"].rewards["correctness_guided"] == -0.5
    assert by_name["good"].rewards["correctness_guided"] > 0


def test_the_baseline_handed_back_unchanged_is_correct(problems_root: Path,
                                                       tmp_path: Path) -> None:
    """A model that returns its input is right (about 1.0x), not 'no candidate'."""
    from optsmith.asm import baseline_asm

    problem = load_problem_dir(problems_root / "sum")
    assert problem.source is not None
    (tmp_path / "cands").mkdir()
    (tmp_path / "cands" / "sum.s").write_text(baseline_asm(problem.source, tmp_path / "b"))
    counting = shutil.which("valgrind") is not None
    evaluation = evaluate([problem], DirectoryCandidates(tmp_path / "cands"),
                          EvalSettings(repeats=2, select_repeats=1, warmup=0, judge=FAST,
                                       count_instructions=counting))
    (result,) = evaluation.results
    assert result.passed and result.winner == "sum.s"
    assert result.candidates[0].same_as == "gcc -O3"
    if counting:  # the same binary executes exactly the same instructions
        assert result.instruction_speedup == 1.0
        assert evaluation.summary.instruction_geomean_speedup == 1.0
