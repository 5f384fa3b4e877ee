"""Validation written once: the engine's object is linked as it is and run on the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from optsmith.errors import OptsmithError
from optsmith.llvm.pool import EnginePool
from optsmith.llvm.protocol import EvalRequest
from optsmith.measure.validation import NOT_TESTABLE, can_validate, validate_object
from optsmith.programs.benchmark import Benchmark, TestCase
from optsmith.programs.frontend import c_to_ir
from optsmith.sandbox import set_unsafe_no_sandbox

HELLO = '#include <stdio.h>\nint main(void){puts("hi");return 0;}\n'


def _object(pool: EnginePool, bench: Benchmark) -> bytes:
    reply = pool.evaluate(
        EvalRequest(bench.content_hash, c_to_ir(bench, "instcount"), "default<Oz>", ("object",))
    )
    return reply.expect_object()


def test_the_object_passes_or_fails_on_its_outputs(pool: EnginePool) -> None:
    right = Benchmark(name="hello", source=HELLO, tests=(TestCase(expected_stdout="hi\n"),))
    wrong = Benchmark(name="hello", source=HELLO, tests=(TestCase(expected_stdout="bye\n"),))
    obj = _object(pool, right)
    assert validate_object(obj, right) == (True, "1/1 tests passed")
    passed, detail = validate_object(obj, wrong)
    assert passed is False and "expected 'bye'" in detail


def test_a_broken_object_is_a_failed_validation_not_an_exception() -> None:
    bench = Benchmark(name="hello", source=HELLO, tests=(TestCase(expected_stdout="hi\n"),))
    passed, detail = validate_object(b"not an object", bench)
    assert passed is False and detail.startswith("link failed")


def test_untestable_programs_are_named_before_any_work() -> None:
    no_tests = Benchmark(name="lib", source=HELLO)
    no_main = Benchmark(
        name="lib", source="int f(void){return 1;}", has_main=False,
        tests=(TestCase(expected_stdout=""),),
    )
    assert not can_validate(no_tests) and not can_validate(no_main) and NOT_TESTABLE == "no tests"
    with pytest.raises(OptsmithError, match="no tests"):
        validate_object(b"", no_tests)
    with pytest.raises(OptsmithError, match=r"no main\(\)"):
        validate_object(b"", no_main)


def test_a_validation_without_the_sandbox_is_refused_unless_allowed_and_then_marked(
    pool: EnginePool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No bubblewrap on PATH: a refusal naming the flag; with the flag, an UNCONTAINED mark."""
    bench = Benchmark(name="hello", source=HELLO, tests=(TestCase(expected_stdout="hi\n"),))
    obj = _object(pool, bench)
    assert validate_object(obj, bench) == (True, "1/1 tests passed")  # builds the launcher too
    empty = tmp_path / "bin"
    empty.mkdir()
    for tool in ("cc", "gcc", "ld", "as", "clang-22"):  # linking still works; bwrap is gone
        found = shutil.which(tool)
        if found:
            (empty / tool).symlink_to(found)
    monkeypatch.setenv("PATH", str(empty))
    passed, detail = validate_object(obj, bench)
    assert passed is False and "--unsafe-no-sandbox" in detail
    set_unsafe_no_sandbox(True)
    try:
        passed, detail = validate_object(obj, bench)
    finally:
        set_unsafe_no_sandbox(False)
    assert passed is True and detail == "1/1 tests passed [UNCONTAINED: ran without the sandbox]"


def test_the_cli_flag_allows_uncontained_runs_for_that_command_only() -> None:
    from typer.testing import CliRunner

    from optsmith.cli import app
    from optsmith.sandbox import runner

    out = CliRunner().invoke(app, ["--unsafe-no-sandbox", "doctor", "--json", "-"])
    try:
        assert out.exit_code in (0, 1), out.output
        assert runner._unsafe[0] is True
    finally:
        set_unsafe_no_sandbox(False)
