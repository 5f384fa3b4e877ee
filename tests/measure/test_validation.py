"""Validation written once: the engine's object is linked as it is and run on the tests."""

from __future__ import annotations

import pytest

from optsmith.errors import OptsmithError
from optsmith.llvm.pool import EnginePool
from optsmith.llvm.protocol import EvalRequest
from optsmith.measure.validation import NOT_TESTABLE, can_validate, validate_object
from optsmith.programs.benchmark import Benchmark, TestCase
from optsmith.programs.frontend import c_to_ir

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
