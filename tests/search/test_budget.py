from __future__ import annotations

import pytest

from optsmith.errors import OptsmithError
from optsmith.search.budget import Budget, BudgetClock


@pytest.mark.parametrize(
    ("text", "compilations", "seconds"),
    [("500", 500, None), ("60s", None, 60.0), ("2m", None, 120.0), ("1.5h", None, 5400.0)],
)
def test_parse(text: str, compilations: int | None, seconds: float | None) -> None:
    budget = Budget.parse(text)
    assert budget.compilations == compilations and budget.seconds == seconds


@pytest.mark.parametrize("text", ["", "lots", "-5", "0", "10 parsecs"])
def test_parse_rejects_with_the_bad_value(text: str) -> None:
    with pytest.raises(OptsmithError):
        Budget.parse(text)


def test_clock_counts_compilations() -> None:
    clock = BudgetClock(Budget(compilations=3))
    assert not clock.exhausted() and clock.remaining_compilations() == 3
    clock.used = 3
    assert clock.exhausted() and clock.fraction() == 1.0
