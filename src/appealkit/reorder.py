"""Paragraph order: moved, swapped and duplicated paragraphs, found on top of the alignment's beads.

The alignment is monotonic: a paragraph the translator moved far ends up as a "missing" English paragraph
plus an "added" translated one (or absorbed into a neighbour's bead), which used to give one error per fact
it carries; two adjacent paragraphs swapped become one 2-2 bead and gave no finding at all. This pass looks
at what the beads hide:

- a translated paragraph identical to another one, where the English has no such repetition, is a
  **duplicate**: it is left out of the alignment (its facts are not counted twice) and reported once;
- an English paragraph whose anchors (figures, dates, terms, entities) point unmistakably at one translated
  paragraph is at **home** there; homes that break the order of the others (outside their longest
  increasing run) are **moved** paragraphs, or a **swap** when two neighbours trade places. Each is left
  out of the alignment and paired with its home in a bead of its own, so its facts are checked where they
  went, and reported once.

Homes come from the facts alone, not from the beads: the alignment itself (``appealkit.alignment``) is
unchanged and runs once, on the paragraphs that are in order.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from appealkit.alignment import Bead, align
from appealkit.facts import ParagraphFacts

MIN_ANCHORS = 2  # a paragraph needs two anchors to be recognised anywhere in the letter ...
RARE = 2  # ... shared with its home, each found in at most this many translated paragraphs (not "China")
# How well a translated paragraph matches: mostly the share of the English anchors it has, a little the share
# of its own anchors that are the English's (translations add anchors: 朝鲜 after the full name of the DPRK).
RECALL_WEIGHT = 0.8
MIN_MATCH = 0.7
MARGIN = 0.2  # ... ahead of the next best translated paragraph
# Letters and digits. Letters repeat short lines on purpose (a date, 中华人民共和国 in two address blocks);
# a paste done twice repeats a sentence or more.
MIN_DUPLICATE_CHARS = 30
MAX_PAIRS_SCORED = 2_000_000  # anchor postings visited; beyond it (a hostile input) the pass is skipped


@dataclass(frozen=True)
class Move:
    """English paragraph ``source`` is translated at ``target``, out of order. ``partner``: for a swap, the
    English neighbour it traded places with."""

    source: int
    target: int
    partner: int | None = None

    @property
    def is_swap(self) -> bool:
        return self.partner is not None


@dataclass(frozen=True)
class Duplicate:
    """Translated paragraph ``target`` repeats translated paragraph ``original``."""

    target: int
    original: int


@dataclass
class ParagraphOrder:
    moves: list[Move] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


_ALNUM_RUN = re.compile(r"[^\W_]+")  # \w is str.isalnum() or "_"


def _normalized(text: str) -> str:
    """Letters and digits only, case-folded: "It Is Very Bad." and "It is very bad." are one paragraph."""
    return "".join(_ALNUM_RUN.findall(text.casefold()))


def find_duplicates(source: Sequence[ParagraphFacts], target: Sequence[ParagraphFacts], lang: str) -> list[Duplicate]:
    """Translated paragraphs that repeat another one and are not, alone, the translation of an English paragraph.

    A letter may say the same thing twice ("President Xi Jinping" above the address and in the salutation):
    those copies are each aligned one-to-one with an English paragraph and stay. A pasted copy has no English
    of its own: the alignment leaves it alone or beside its original.
    """
    groups: dict[str, list[int]] = {}
    for j, facts in enumerate(target):
        key = _normalized(facts.text)
        if len(key) >= MIN_DUPLICATE_CHARS:
            groups.setdefault(key, []).append(j)
    repeated = [group for group in groups.values() if len(group) > 1]
    if not repeated:
        return []
    own = {b.target[0] for b in align(source, target, lang) if b.source and len(b.target) == 1}
    duplicates = []
    for group in repeated:
        original = next((j for j in group if j in own), group[0])
        duplicates += [Duplicate(j, original) for j in group if j != original and j not in own]
    return sorted(duplicates, key=lambda d: d.target)


def _match(shared: int, source_anchors: int, target_anchors: int) -> float:
    return RECALL_WEIGHT * shared / source_anchors + (1 - RECALL_WEIGHT) * shared / target_anchors


def find_homes(
    source: Sequence[ParagraphFacts], target: Sequence[ParagraphFacts], excluded: frozenset[int] = frozenset()
) -> dict[int, int]:
    """English paragraph → the one translated paragraph its anchors point at unmistakably."""
    postings: dict[str, list[int]] = {}
    for j, facts in enumerate(target):
        if j not in excluded:
            for anchor in facts.anchors:
                postings.setdefault(anchor, []).append(j)
    if sum(len(postings.get(a, ())) for f in source for a in f.anchors) > MAX_PAIRS_SCORED:
        return {}
    homes: dict[int, int] = {}
    for i, facts in enumerate(source):
        anchors = facts.anchors
        if len(anchors) < MIN_ANCHORS:
            continue
        shared = Counter(j for a in anchors for j in postings.get(a, ()))
        scores = sorted((_match(n, len(anchors), len(target[j].anchors)), j) for j, n in shared.items())
        if not scores:
            continue
        best, home = scores[-1]
        runner_up = scores[-2][0] if len(scores) > 1 else 0.0
        rare = sum(1 for a in anchors & target[home].anchors if len(postings[a]) <= RARE)
        if best >= MIN_MATCH and best - runner_up >= MARGIN and rare >= MIN_ANCHORS:
            homes[i] = home
    taken = Counter(homes.values())  # two English paragraphs merged into one: not a move
    return {i: j for i, j in homes.items() if taken[j] == 1}


def out_of_order(homes: dict[int, int]) -> list[int]:
    """English paragraphs whose homes are outside the longest increasing run of homes (patience sorting)."""
    order = sorted(homes)
    tails: list[int] = []  # tails[k]: home at the end of the best run of length k + 1
    tail_at: list[int] = []  # the English paragraph that ends it
    previous: dict[int, int | None] = {}
    for i in order:
        k = bisect.bisect_left(tails, homes[i])
        previous[i] = tail_at[k - 1] if k else None
        if k == len(tails):
            tails.append(homes[i])
            tail_at.append(i)
        else:
            tails[k], tail_at[k] = homes[i], i
    kept: set[int] = set()
    node = tail_at[-1] if tail_at else None
    while node is not None:
        kept.add(node)
        node = previous[node]
    return [i for i in order if i not in kept]


def _partner(i: int, homes: dict[int, int]) -> int | None:
    """The English neighbour that traded places with ``i``, if the two are simply swapped."""
    for neighbour, step in ((i - 1, 1), (i + 1, -1)):
        if homes.get(neighbour) == homes[i] + step:
            return neighbour
    return None


def _insert(beads: list[Bead], moved: Bead) -> list[Bead]:
    """Place a moved paragraph's bead in English order, before the first bead of a later English paragraph."""
    at = next((k for k, b in enumerate(beads) if b.source and b.source[0] > moved.source[0]), len(beads))
    return [*beads[:at], moved, *beads[at:]]


def align_in_order(
    source: Sequence[ParagraphFacts], target: Sequence[ParagraphFacts], lang: str
) -> tuple[list[Bead], ParagraphOrder]:
    """Align the paragraphs that are in order, then add each moved paragraph paired with its home.

    Duplicates and moved paragraphs are taken out before the (monotonic) alignment runs, so they can neither
    push their neighbours out of place nor be absorbed into a neighbour's bead.
    """
    duplicates = find_duplicates(source, target, lang)
    homes = find_homes(source, target, frozenset(d.target for d in duplicates))
    moves: list[Move] = []
    for i in out_of_order(homes):
        partner = _partner(i, homes)
        if not any(m.partner == i for m in moves):  # a swap is one finding, not two
            moves.append(Move(i, homes[i], partner))
    moved = {i: homes[i] for i in out_of_order(homes)}
    kept_source = [i for i in range(len(source)) if i not in moved]
    taken = {d.target for d in duplicates} | set(moved.values())
    kept_target = [j for j in range(len(target)) if j not in taken]
    beads = align([source[i] for i in kept_source], [target[j] for j in kept_target], lang)
    if taken:  # paragraphs were left out of the alignment: its indices are those of the paragraphs kept
        beads = [Bead(tuple(kept_source[i] for i in b.source), tuple(kept_target[j] for j in b.target)) for b in beads]
    for i, j in sorted(moved.items()):
        beads = _insert(beads, Bead((i,), (j,)))
    return beads, ParagraphOrder(moves, duplicates)
