"""Budgets: a search stops after N compilations or S seconds, whichever the user chose."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from optsmith.errors import OptionError


@dataclass(frozen=True, kw_only=True)
class Budget:
    """Either `compilations` or `seconds` (or both: the first one reached ends the search)."""

    compilations: int | None = None
    seconds: float | None = None

    def __post_init__(self) -> None:
        if self.compilations is None and self.seconds is None:
            raise OptionError("a budget needs compilations or seconds")
        if self.compilations is not None and self.compilations < 1:
            raise OptionError(f"budget compilations must be >= 1, got {self.compilations}")
        if self.seconds is not None and self.seconds <= 0:
            raise OptionError(f"budget seconds must be > 0, got {self.seconds}")

    @classmethod
    def parse(cls, text: str | int) -> Budget:
        """'500' -> 500 compilations; '60s', '2m', '1.5h' -> seconds."""
        raw = str(text).strip().lower()
        match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(s|sec|m|min|h)?", raw)
        if not match:
            raise OptionError(
                f"cannot read budget '{text}': use a number of compilations (500) "
                "or a duration (60s, 5m, 1h)"
            )
        number, unit = float(match.group(1)), match.group(2)
        if unit is None:
            return cls(compilations=int(number))
        scale = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600}[unit]
        return cls(seconds=number * scale)

    def __str__(self) -> str:
        parts = []
        if self.compilations is not None:
            parts.append(f"{self.compilations} compilations")
        if self.seconds is not None:
            parts.append(f"{self.seconds:g}s")
        return " or ".join(parts)


class BudgetClock:
    """Tracks use of a Budget during one search."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.started = time.monotonic()
        self.used = 0

    def remaining_compilations(self) -> int | None:
        if self.budget.compilations is None:
            return None
        return max(0, self.budget.compilations - self.used)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def exhausted(self) -> bool:
        if self.budget.compilations is not None and self.used >= self.budget.compilations:
            return True
        return self.budget.seconds is not None and self.elapsed >= self.budget.seconds

    def fraction(self) -> float:
        """Share of the budget used, for progress bars."""
        parts = []
        if self.budget.compilations is not None:
            parts.append(self.used / self.budget.compilations)
        if self.budget.seconds is not None:
            parts.append(self.elapsed / self.budget.seconds)
        return min(1.0, max(parts))
