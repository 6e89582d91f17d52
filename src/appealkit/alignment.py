"""Paragraph alignment of a source letter and its translation.

Gale–Church in spirit: dynamic programming over 1-1, 1-0, 0-1, 2-1, 1-2, 3-1, 1-3 and 2-2 beads, scored by
length ratio (calibrated on the letter itself) and by shared anchors (figures, dates, glossary terms,
entities). A post-pass pairs a dropped source paragraph with an unexplained target paragraph nearby, which
covers paragraphs the translator moved. Never index-only: a translator who merges two paragraphs gets one
2-1 bead, and a figure that moved with the merge is not missing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Protocol

from appealkit import speedups


class Alignable(Protocol):
    """What the model reads of a paragraph (``facts.ParagraphFacts``) or a sentence
    (``sentence_alignment.SentenceRef``): its anchors and its length."""

    @property
    def anchors(self) -> frozenset[str]: ...

    @property
    def size(self) -> int: ...


# Bead penalties: Gale–Church's -log priors relative to 1-1 (1-1 0.89, 2-1 0.089, 2-2 0.011, 1-0 0.0099),
# so a merge, split or omission must buy its cost with better lengths or anchors. A 2-2 bead (4.4 by the
# prior) costs more than a 2-1 and a 1-2 together: two paragraphs regrouped as two is a sentence moved across the
# break, which the checker joins itself when two facts move with it; in news of one sentence per paragraph a
# single moved figure otherwise bought a 2-2 bead with its one anchor and went unreported.
BEADS: dict[tuple[int, int], float] = {
    (1, 1): 0.0,
    (2, 1): 2.3,
    (1, 2): 2.3,
    (3, 1): 4.4,
    (1, 3): 4.4,
    (2, 2): 6.5,
    (1, 0): 4.5,
    (0, 1): 4.5,
}
# Translators also split an address block or a list line by line (one English paragraph, seven translated
# ones) and merge runs of short English lines: wider beads, each piece costing what a third one does.
MAX_SPLIT = 8
BEADS.update({shape: 4.4 + 2.1 * (k - 3) for k in range(4, MAX_SPLIT + 1) for shape in ((1, k), (k, 1))})
ANCHOR_WEIGHT = 2.5
LENGTH_SLACK = 10  # characters: keeps very short paragraphs (salutations, dates) from dominating
# Length model: log(target / (ratio × source)) is roughly normal; σ measured on letters/ is 0.27 for both
# languages (benchmarks/README.md), widened for translators who keep names in Latin script.
LOG_RATIO_SIGMA = 0.35
MAX_LENGTH_COST = 12.0
# Non-space characters of translation per character of English, measured on letters/: zh 0.35–0.55, ko 0.43–0.59.
PRIOR_RATIO = {"zh": 0.40, "ko": 0.48}
REORDER_WINDOW = 3


@dataclass(frozen=True)
class Bead:
    """Source paragraph indices aligned with target paragraph indices (either side may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]


UNANCHORED_COST = 0.3  # neither side has an anchor: no evidence either way


def _anchor_cost(a: frozenset[str], b: frozenset[str]) -> float:
    """Mostly recall of the source's anchors, a little precision: translations add anchors (a name
    spelled out, a year made explicit) far more often than they invent unrelated ones. Never below
    UNANCHORED_COST when either side has no anchor."""
    if not a:
        return UNANCHORED_COST if not b else 0.5
    shared = len(a & b)
    return 1.0 - 0.8 * shared / len(a) - 0.2 * (shared / len(b) if b else 0.0)


def _log_ratio(expected: float, actual: float) -> float:
    return math.log((actual + LENGTH_SLACK) / (expected + LENGTH_SLACK))


_TWICE_VARIANCE = 2 * LOG_RATIO_SIGMA**2


def _length_cost(expected: float, actual: float) -> float:
    return min(_log_ratio(expected, actual) ** 2 / _TWICE_VARIANCE, MAX_LENGTH_COST)


def _anchors_of(facts: Sequence[Alignable], indices: Sequence[int]) -> frozenset[str]:
    return frozenset().union(*(facts[i].anchors for i in indices))


def _size_of(facts: Sequence[Alignable], indices: Sequence[int]) -> int:
    return sum(facts[i].size for i in indices)


def length_ratio(source: Sequence[Alignable], target: Sequence[Alignable], lang: str) -> float:
    """The letter's own length ratio, kept near the language's prior so that an omission cannot
    talk the model into expecting shorter translations."""
    prior = PRIOR_RATIO.get(lang, 0.45)
    observed = (sum(f.size for f in target) or 1) / (sum(f.size for f in source) or 1)
    return min(max(observed, 0.75 * prior), 1.33 * prior)


# Every bead that changes the skew (target index minus source index) by d pays a penalty of at least
# SKEW_COST·|d| (the widest beads are the cheapest per paragraph of skew), and no bead costs less than its
# penalty: the bound that lets the search skip cells without changing its result.
SKEW_COST = min(penalty / abs(dj - di) for (di, dj), penalty in BEADS.items() if di != dj)
# A 1-1 bead with a paragraph without anchors costs at least ANCHOR_WEIGHT · UNANCHORED_COST, any other bead at
# least its penalty: so every bead costs UNANCHORED_FLOOR per paragraph without anchors on either of its sides, and
# the paragraphs without anchors still to align bound the cost of the rest of the path.
UNANCHORED_FLOOR = min(
    ANCHOR_WEIGHT * UNANCHORED_COST,
    *(penalty / max(shape) for shape, penalty in BEADS.items() if shape != (1, 1)),
)
# When the counts differ, a first, cheap pass supplies the upper bound: the commonest beads, within GUIDE_WIDTH of
# the straight path.
GUIDE_WIDTH = 1
GUIDE_BEADS = {shape: BEADS[shape] for shape in ((1, 1), (2, 1), (1, 2), (1, 0), (0, 1))}
# A document whose guide alignment is so poor that the exact band would pass this many paragraphs of skew
# is searched within that band only, so that the work stays linear in its length (the letters and the
# real-text corpus need at most 12).
MAX_REACH = 16
_SLACK = 1e-9  # relative: float sums of the bound and of a path may differ in the last bits


def _unanchored_after(anchors: Sequence[frozenset[str]]) -> list[float]:
    """Per index i, UNANCHORED_FLOOR for each paragraph from i on without anchors: the least the rest of any path
    from a cell of row (column) i costs."""
    after = [0.0]
    for paragraph in reversed(anchors):
        after.append(after[-1] if paragraph else after[-1] + UNANCHORED_FLOOR)
    after.reverse()
    return after


class _Side:
    """Prefix sums of sizes and cached anchor unions, so a bead costs O(1) to score."""

    def __init__(self, facts: Sequence[Alignable]):
        self.facts = facts
        self.prefix = list(accumulate((f.size for f in facts), initial=0))
        self._anchors = [f.anchors for f in facts]
        self.unanchored_after = _unanchored_after(self._anchors)
        self._unions: dict[tuple[int, int], frozenset[str]] = {}

    def size(self, start: int, count: int) -> int:
        return self.prefix[start + count] - self.prefix[start]

    def anchors(self, start: int, count: int) -> frozenset[str]:
        if count == 1:
            return self._anchors[start]
        key = (start, count)
        union = self._unions.get(key)
        if union is None:
            union = self._unions[key] = frozenset().union(*self._anchors[start : start + count])
        return union


class _BeadCost:
    """The length and anchor costs of a bead, computed once per (cell, shape) for the upper bound and the search
    (kept apart, so that a path's cost is summed in the same order, to the last bit, as without the cache)."""

    def __init__(self, src: _Side, tgt: _Side, ratio: float):
        self.src, self.tgt, self.ratio = src, tgt, ratio
        self._costs: dict[tuple[int, int, int, int], tuple[float, float]] = {}

    def of(self, i: int, di: int, j: int, dj: int) -> tuple[float, float]:
        """The costs of the bead of ``di`` source paragraphs from ``i`` and ``dj`` target paragraphs from ``j``."""
        key = (i, di, j, dj)
        costs = self._costs.get(key)
        if costs is None:
            src, tgt = self.src, self.tgt
            costs = self._costs[key] = (
                _length_cost(src.size(i, di) * self.ratio, tgt.size(j, dj)),
                ANCHOR_WEIGHT * _anchor_cost(src.anchors(i, di), tgt.anchors(j, dj)),
            )
        return costs


@dataclass
class _Search:
    """The dynamic programme's table over the cells it visited: best cost and last bead shape per cell."""

    rows: list[dict[int, float]]  # rows[i][j]: the best cost of cell (i, j)
    back: dict[tuple[int, int], tuple[int, int]]

    def beads(self, n: int, m: int) -> list[Bead]:
        beads: list[Bead] = []
        i, j = n, m
        while i or j:
            di, dj = self.back[i, j]
            beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j))))
            i, j = i - di, j - dj
        beads.reverse()
        return beads


@lru_cache(maxsize=1024)
def _shapes_by_skew(lo: int, hi: int, goal: int, guide: bool) -> dict[int, list[tuple[int, int, float, float]]]:
    """Per skew, the shapes that stay in the band, cheapest first, with the least cost of the skew still to make
    up after each: the order of shapes within one cell never decides a tie (each leads to a different cell), so
    the search may stop at the first unaffordable one. The same few bands recur: computed once each."""
    by_penalty = sorted((GUIDE_BEADS if guide else BEADS).items(), key=lambda item: item[1])
    return {
        skew: [
            (di, dj, penalty, SKEW_COST * abs(goal - skew - dj + di))
            for (di, dj), penalty in by_penalty
            if lo <= skew + dj - di <= hi
        ]
        for skew in range(lo, hi + 1)
    }


def _search(
    bead_cost: _BeadCost,
    skews: tuple[int, int],
    bound: float,
    guide: bool = False,
) -> _Search:
    """Best monotonic path from (0, 0) to (n, m) through cells whose skew j − i lies in ``skews``.

    Cells are visited in the order of the full search (rows, then columns) and a relaxation wins only when
    strictly cheaper, so that ties resolve as they do there. With a finite
    ``bound`` (the cost of some complete path), a cell or bead is skipped when even the cheapest way on to
    (n, m) — SKEW_COST per paragraph of skew still to make up, or UNANCHORED_FLOOR per paragraph without
    anchors still to align on either side — would cost more: no optimal path, and no tie on one, passes
    there, so the result is the full search's.
    """
    n, m = len(bead_cost.src.facts), len(bead_cost.tgt.facts)
    lo, hi = skews
    goal = m - n
    limit = bound + _SLACK * max(1.0, bound)
    rows: list[dict[int, float]] = [{} for _ in range(n + 1)]  # rows[i][j]: best cost of cell (i, j) so far
    rows[0][0] = 0.0
    back: dict[tuple[int, int], tuple[int, int]] = {}
    shapes_at = _shapes_by_skew(lo, hi, goal, guide)  # the guide pass tries GUIDE_BEADS only
    src_rest, tgt_rest = bead_cost.src.unanchored_after, bead_cost.tgt.unanchored_after
    for i, row in enumerate(rows):
        if not row:
            continue
        for j in range(max(min(row), i + lo), min(m, i + hi) + 1):  # a row gains cells only to the right
            here = row.get(j)
            if here is None:
                continue
            budget = limit - here
            if SKEW_COST * abs(goal - (j - i)) > budget:
                continue
            for di, dj, penalty, rest in shapes_at[j - i]:
                if penalty > budget:
                    break
                ti, tj = i + di, j + dj
                if ti > n or tj > m or penalty + max(rest, src_rest[ti], tgt_rest[tj]) > budget:
                    continue
                cost = here + penalty
                if di and dj:
                    length, anchors = bead_cost.of(i, di, j, dj)
                    cost += length
                    cost += anchors
                reached = rows[ti]
                if cost < reached.get(tj, math.inf):
                    reached[tj] = cost
                    back[ti, tj] = (di, dj)
    return _Search(rows, back)


def _diagonal_cost(bead_cost: _BeadCost, n: int) -> float:
    """The cost of the straight path of 1-1 beads, summed as ``_search`` sums a path: the guide pass's bound
    whenever its best path is straight (a translation that keeps the paragraphs one for one), for n beads' work."""
    cost = 0.0
    for i in range(n):
        length, anchors = bead_cost.of(i, 1, i, 1)
        cost += BEADS[1, 1]
        cost += length
        cost += anchors
    return cost


def _guide_cost(bead_cost: _BeadCost) -> float:
    """The cost of the best path within GUIDE_WIDTH of the straight one, through GUIDE_BEADS only."""
    n, m = len(bead_cost.src.facts), len(bead_cost.tgt.facts)
    low, high = min(0, m - n), max(0, m - n)
    return _search(bead_cost, (low - GUIDE_WIDTH, high + GUIDE_WIDTH), math.inf, guide=True).rows[n][m]


def align(
    source: Sequence[Alignable], target: Sequence[Alignable], lang: str = "zh", exhaustive: bool | None = None
) -> list[Bead]:
    """Monotonic best alignment, then moved paragraphs re-paired.

    The search gives the same beads as ``exhaustive=True``, which scores every cell of the matrix, but
    visits only a band around the diagonal: the cost of a good alignment — the straight path of 1-1 beads when
    the counts are equal, else the best path within GUIDE_WIDTH of it (a first, cheap pass) — lets the search
    skip every cell from which that cost cannot be beaten.
    The band widens by itself where anchors pull the alignment off the diagonal (a cheap path there keeps
    the cells alive); on letters it is a few cells wide. It is exact up to MAX_REACH paragraphs of skew,
    which bounds the work to linear in the length of the letter. ``exhaustive`` defaults to the
    ``speedups`` switch.
    """
    if exhaustive is None:
        exhaustive = not speedups.ACTIVE.band
    ratio = length_ratio(source, target, lang)
    bead_cost = _BeadCost(_Side(source), _Side(target), ratio)
    n, m = len(source), len(target)
    if exhaustive:
        found = _search(bead_cost, (-n, m), math.inf)
    else:
        low, high = min(0, m - n), max(0, m - n)
        bound = _diagonal_cost(bead_cost, n) if n == m else _guide_cost(bead_cost)
        # |s| + |m − n − s| ≤ bound / SKEW_COST for the skew s of any cell on a path no dearer than the bound
        reach = min(int((bound / SKEW_COST - (high - low)) / 2) + 1, MAX_REACH)
        found = _search(bead_cost, (low - reach, high + reach), bound)
    beads = found.beads(n, m)
    return _absorb_splits(_repair_moves(beads, source, target), source, target, ratio)


def _repair_moves(beads: list[Bead], source: Sequence[Alignable], target: Sequence[Alignable]) -> list[Bead]:
    """Pair a source-only bead with a target-only bead nearby when their anchors agree."""
    beads = list(beads)
    for index, bead in enumerate(beads):
        if bead.target or not bead.source:
            continue
        anchors = _anchors_of(source, bead.source)
        if not anchors:
            continue
        window = range(max(0, index - REORDER_WINDOW), min(len(beads), index + REORDER_WINDOW + 1))
        for other in window:
            candidate = beads[other]
            if candidate.source or not candidate.target:
                continue
            theirs = _anchors_of(target, candidate.target)
            if anchors and len(anchors & theirs) / len(anchors | theirs) >= 0.5:
                beads[index] = Bead(bead.source, candidate.target)
                beads[other] = Bead((), ())
                break
    return [b for b in beads if b.source or b.target]


def _explains(anchors: frozenset[str], other: frozenset[str]) -> bool:
    """Most of a paragraph's anchors (figures, names, terms) are the other side's."""
    return bool(anchors) and len(anchors & other) >= 0.5 * len(anchors)


def _closer_length(expected: float, actual: float, added: float) -> bool:
    """Adding ``added`` characters brings the translation's length nearer the expected length."""
    return abs(_log_ratio(expected, actual + added)) < abs(_log_ratio(expected, actual))


def _absorb_splits(
    beads: list[Bead], source: Sequence[Alignable], target: Sequence[Alignable], ratio: float
) -> list[Bead]:
    """Give a paragraph left without a counterpart to the adjacent bead it belongs to.

    The beads go up to 1-8 and 8-1: a list split into one paragraph per name, or a run of short English
    paragraphs merged into one, can leave pieces over.
    - A translated piece joins the bead before or after it when that bead's English explains most of its
      anchors, or, when it has none, when the bead's translation is too short without it.
    - An English piece joins when the bead's translation has every one of its anchors (two at least), or
      most of them and is too long without it; a dropped paragraph is still reported as dropped, and the
      joined bead still counts every figure and term.
    - The edge paragraph of a bead moves to its neighbour when only the neighbour's English explains it.
    Repeated, so any number of pieces joins.
    """
    beads = list(beads)
    for _ in range(len(source) + len(target)):  # each step joins or moves one paragraph: this bounds the loop
        changed = _absorb_one(beads, source, target, ratio) or _shift_one(beads, source, target)
        if changed is None:
            break
        beads = changed
    return beads


def _shift_one(beads: list[Bead], source: Sequence[Alignable], target: Sequence[Alignable]) -> list[Bead] | None:
    """Move the edge paragraph of a several-paragraph translation to the adjacent bead whose English explains
    its anchors while its own bead's English shares none of them (the last name of a split list that the
    dynamic programme gave to "Thank you.")."""
    for index, bead in enumerate(beads[:-1]):
        after = beads[index + 1]
        for giver, taker, edge in ((bead, after, -1), (after, bead, 0)):
            if len(giver.target) < 2 or not taker.source or not giver.source:
                continue
            piece = target[giver.target[edge]].anchors
            own, theirs = _anchors_of(source, giver.source), _anchors_of(source, taker.source)
            if piece and not piece & own and _explains(piece, theirs):
                moved = giver.target[edge]
                giver2 = Bead(giver.source, tuple(j for j in giver.target if j != moved))
                taker2 = Bead(taker.source, tuple(sorted((*taker.target, moved))))
                pair = (giver2, taker2) if edge == -1 else (taker2, giver2)
                return [*beads[:index], *pair, *beads[index + 2 :]]
    return None


def _absorb_one(
    beads: list[Bead], source: Sequence[Alignable], target: Sequence[Alignable], ratio: float
) -> list[Bead] | None:
    for index, bead in enumerate(beads):
        if bool(bead.source) == bool(bead.target):
            continue
        for other in (index - 1, index + 1):
            host = beads[other] if 0 <= other < len(beads) else None
            if host is None or not host.source or not host.target:
                continue
            source_anchors, target_anchors = _anchors_of(source, host.source), _anchors_of(target, host.target)
            expected, actual = _size_of(source, host.source) * ratio, _size_of(target, host.target)
            if bead.target:
                piece = target[bead.target[0]]
                fits = (
                    _explains(piece.anchors, source_anchors)
                    if piece.anchors
                    else _closer_length(expected, actual, piece.size)
                )
            else:
                piece = source[bead.source[0]]
                covered = len(piece.anchors) >= 2 and piece.anchors <= target_anchors
                fits = covered or (
                    _explains(piece.anchors, target_anchors) and _closer_length(actual, expected, piece.size * ratio)
                )
            if fits:
                merged = Bead(tuple(sorted(host.source + bead.source)), tuple(sorted(host.target + bead.target)))
                return [*beads[: min(index, other)], merged, *beads[max(index, other) + 1 :]]
    return None
