"""The order in which the driver validates candidates after a search, best first.

A search that refines its best pipeline ends with dozens of near-copies of it at the top
of the list. When that pipeline miscompiles the program (an LLVM bug: on the built-in
edit_distance, `gvn, simplifycfg<...>, gvn<no-pre>, newgvn` changes its output), so do
its copies, and validating the next few best ones in plain order rejects five copies and
falls back to -Oz, although a pipeline nearly as good that passes was measured.

So after a rejection the order skips
- candidates with the value of a rejected one (equal counts are usually the same module),
- candidates that hold every pass all rejected candidates share (the suspects: the
  miscompiling passes are among them),
and tries the next best of the rest. On edit_distance at 1000 compilations (hybrid, seed 0)
the fifth try passes at 386 instructions (-Oz: 444), where plain order gave up at 444.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from optsmith.search.evaluator import Outcome


class ValidationOrder:
    """Iterates over `candidates` (sorted best first), at most `tries` of them, skipping
    those that look like a rejected one; call `reject` on each that fails its tests."""

    def __init__(self, candidates: Sequence[Outcome], tries: int) -> None:
        self.candidates = list(candidates)
        self.tries = tries
        self.rejected_values: set[float] = set()
        self.suspects: frozenset[str] | None = None  # passes every rejected one holds

    def reject(self, candidate: Outcome) -> None:
        if candidate.value is not None:
            self.rejected_values.add(candidate.value)
        passes = frozenset(candidate.pipeline)
        self.suspects = passes if self.suspects is None else self.suspects & passes

    def _alike(self, candidate: Outcome) -> bool:
        if candidate.value in self.rejected_values:
            return True
        suspects = self.suspects
        return suspects is not None and bool(suspects) and suspects <= set(candidate.pipeline)

    def __iter__(self) -> Iterator[Outcome]:
        tried = 0
        for candidate in self.candidates:
            if tried >= self.tries:
                return
            if self._alike(candidate):
                continue
            tried += 1
            yield candidate
