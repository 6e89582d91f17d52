"""Paragraph alignment of a source letter and its translation.

Gale–Church in spirit: dynamic programming over 1-1, 1-0, 0-1, 2-1, 1-2, 3-1, 1-3 and 2-2 beads, scored by
length ratio (calibrated on the letter itself) and by shared anchors (figures, dates, glossary terms,
entities). A post-pass pairs a dropped source paragraph with an unexplained target paragraph nearby, which
covers paragraphs the translator moved. Never index-only: a translator who merges two paragraphs gets one
2-1 bead, and a figure that moved with the merge is not missing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from appealkit.facts import ParagraphFacts

# Bead penalties in the spirit of Gale–Church's -log prior: 1-1 is by far the most common bead; a merge or
# split must buy its cost with better lengths or anchors, so two 1-1 beads always beat an unneeded 2-2.
BEADS: dict[tuple[int, int], float] = {
    (1, 1): 0.0, (2, 1): 1.2, (1, 2): 1.2, (3, 1): 2.2, (1, 3): 2.2, (2, 2): 2.6, (1, 0): 2.5, (0, 1): 2.5,
}
ANCHOR_WEIGHT = 2.5
LENGTH_SLACK = 12  # characters: keeps very short paragraphs (salutations, dates) from dominating
REORDER_WINDOW = 3


@dataclass(frozen=True)
class Bead:
    """Source paragraph indices aligned with target paragraph indices (either side may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]


def _size(facts: ParagraphFacts) -> int:
    return sum(1 for ch in facts.text if not ch.isspace())


def _anchor_cost(source: Sequence[ParagraphFacts], target: Sequence[ParagraphFacts]) -> float:
    """Mostly recall of the source's anchors, a little precision: translations add anchors (a name
    spelled out, a year made explicit) far more often than they invent unrelated ones."""
    a = set().union(*(f.anchors() for f in source)) if source else set()
    b = set().union(*(f.anchors() for f in target)) if target else set()
    if not a:
        return 0.3 if not b else 0.5
    shared = len(a & b)
    return 1.0 - 0.8 * shared / len(a) - 0.2 * (shared / len(b) if b else 0.0)


def _bead_cost(source: Sequence[ParagraphFacts], target: Sequence[ParagraphFacts], ratio: float, shape: tuple[int, int]) -> float:
    if not source or not target:
        return BEADS[shape] + 0.002 * sum(_size(f) for f in (*source, *target)) ** 0.5
    s = sum(map(_size, source)) * ratio
    t = sum(map(_size, target))
    length = abs(math.log((t + LENGTH_SLACK) / (s + LENGTH_SLACK)))
    return BEADS[shape] + length + ANCHOR_WEIGHT * _anchor_cost(source, target)


def align(source: Sequence[ParagraphFacts], target: Sequence[ParagraphFacts]) -> list[Bead]:
    """Monotonic best alignment, then moved paragraphs re-paired within a small window."""
    total_s = sum(map(_size, source)) or 1
    ratio = (sum(map(_size, target)) or 1) / total_s
    n, m = len(source), len(target)
    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == math.inf:
                continue
            for (di, dj) in BEADS:
                if i + di > n or j + dj > m:
                    continue
                cost = best[i][j] + _bead_cost(source[i : i + di], target[j : j + dj], ratio, (di, dj))
                if cost < best[i + di][j + dj]:
                    best[i + di][j + dj] = cost
                    back[i + di][j + dj] = (di, dj)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]  # type: ignore[misc]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return _repair_moves(beads, source, target)


def _repair_moves(beads: list[Bead], source: Sequence[ParagraphFacts], target: Sequence[ParagraphFacts]) -> list[Bead]:
    """Pair a source-only bead with a target-only bead nearby when their anchors agree."""
    beads = list(beads)
    for index, bead in enumerate(beads):
        if bead.target or not bead.source:
            continue
        anchors = set().union(*(source[i].anchors() for i in bead.source))
        if not anchors:
            continue
        window = range(max(0, index - REORDER_WINDOW), min(len(beads), index + REORDER_WINDOW + 1))
        for other in window:
            candidate = beads[other]
            if candidate.source or not candidate.target:
                continue
            theirs = set().union(*(target[j].anchors() for j in candidate.target))
            if anchors and len(anchors & theirs) / len(anchors | theirs) >= 0.5:
                beads[index] = Bead(bead.source, candidate.target)
                beads[other] = Bead((), ())
                break
    return [b for b in beads if b.source or b.target]
