"""Sets of text spans with logarithmic overlap tests: facts are fenced off by dates, citations and
entities, and on a megabyte paragraph a pairwise test would be quadratic."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from operator import attrgetter
from typing import Protocol, TypeVar


class Spanned(Protocol):
    """Anything found in a text: a figure, a date, a glossary term."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)
_START, _END = attrgetter("start"), attrgetter("end")


def in_span_order(found: Iterable[S]) -> list[S]:
    """``sorted(found, key=lambda f: (f.start, -f.end))`` as two stable sorts on C key functions (the last key
    first): no Python call per item; equal spans stay in their order."""
    return sorted(sorted(found, key=_END, reverse=True), key=_START)


class SpanSet:
    """The union of half-open spans [start, end), kept sorted and merged."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def _covering(self, start: int) -> int:
        return bisect.bisect_right(self._starts, start) - 1

    def overlaps(self, start: int, end: int) -> bool:
        i = self._covering(start)
        if i >= 0 and self._ends[i] > start:
            return True
        return i + 1 < len(self._starts) and self._starts[i + 1] < end

    def contains(self, start: int, end: int) -> bool:
        i = self._covering(start)
        return i >= 0 and self._ends[i] >= end

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The (merged) spans that overlap [start, end), in order."""
        i = max(0, self._covering(start))
        found = []
        while i < len(self._starts) and self._starts[i] < end:
            if self._ends[i] > start:
                found.append((self._starts[i], self._ends[i]))
            i += 1
        return found
