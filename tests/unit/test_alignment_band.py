"""The banded alignment search gives the beads of the full search, ties included, on arbitrary letters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.alignment import BEADS, SKEW_COST, UNANCHORED_COST, UNANCHORED_FLOOR, _anchor_cost, align
from appealkit.facts import ParagraphFacts


def _paragraph(size: int, anchors: frozenset[str]) -> ParagraphFacts:
    facts = ParagraphFacts("字" * size)
    facts.__dict__["anchors"] = anchors  # the cached property, set directly: alignment reads only this and size
    return facts


# Few sizes and a small anchor alphabet: many exact ties, merges, splits, omissions and moved anchors.
_size_and_anchors = st.tuples(
    st.sampled_from([0, 3, 10, 40, 41, 120, 300]),
    st.frozensets(st.sampled_from(["n1", "n2", "n2000", "tcat", "d2017-11"]), max_size=3),
)
_paragraphs = st.lists(_size_and_anchors, max_size=40)


@settings(max_examples=300, deadline=None)
@given(source=_paragraphs, target=_paragraphs, lang=st.sampled_from(["zh", "ko"]))
def test_band_equals_full_search(source, target, lang):
    src = [_paragraph(size, anchors) for size, anchors in source]
    tgt = [_paragraph(size, anchors) for size, anchors in target]
    assert align(src, tgt, lang) == align(src, tgt, lang, exhaustive=True)


@settings(max_examples=100, deadline=None)
@given(source=_paragraphs, split=st.integers(1, 8), lang=st.sampled_from(["zh", "ko"]))
def test_band_equals_full_search_when_a_paragraph_is_split(source, split, lang):
    """One English paragraph split into up to eight translated ones (an address block line by line)."""
    src = [_paragraph(size, anchors) for size, anchors in source]
    tgt = []
    for k, (size, anchors) in enumerate(source):
        pieces = split if k == len(source) // 2 else 1
        tgt += [_paragraph(max(1, size // (2 * pieces)), anchors) for _ in range(pieces)]
    assert align(src, tgt, lang) == align(src, tgt, lang, exhaustive=True)


@settings(max_examples=300, deadline=None)
@given(pairs=st.lists(st.tuples(_size_and_anchors, _size_and_anchors), max_size=40), lang=st.sampled_from(["zh", "ko"]))
def test_band_equals_full_search_when_the_counts_are_equal(pairs, lang):
    """As many translated paragraphs as English ones: the straight path, not the guide pass, bounds the search."""
    src = [_paragraph(size, anchors) for (size, anchors), _ in pairs]
    tgt = [_paragraph(size, anchors) for _, (size, anchors) in pairs]
    assert align(src, tgt, lang) == align(src, tgt, lang, exhaustive=True)


@settings(max_examples=200, deadline=None)
@given(source=_paragraphs, merge=st.integers(0, 39), split=st.integers(0, 39), lang=st.sampled_from(["zh", "ko"]))
def test_band_equals_full_search_when_a_merge_and_a_split_keep_the_counts_equal(source, merge, split, lang):
    """One pair of paragraphs merged and one paragraph split elsewhere: equal counts, and the straight path is
    not the best one."""
    src = [_paragraph(size, anchors) for size, anchors in source]
    pieces: list[tuple[int, frozenset[str]]] = list(source)
    if len(pieces) >= 3:
        k = merge % (len(pieces) - 1)
        pieces[k : k + 2] = [(pieces[k][0] + pieces[k + 1][0], pieces[k][1] | pieces[k + 1][1])]
        k = split % len(pieces)
        size, anchors = pieces[k]
        pieces[k : k + 1] = [(size // 2, anchors), (size - size // 2, frozenset())]
    tgt = [_paragraph(size * 2 // 5, anchors) for size, anchors in pieces]
    assert len(src) == len(tgt)
    assert align(src, tgt, lang) == align(src, tgt, lang, exhaustive=True)


def test_skew_cost_bounds_every_bead_that_changes_the_skew():
    assert SKEW_COST > 0
    assert all(penalty >= SKEW_COST * abs(dj - di) for (di, dj), penalty in BEADS.items())


def test_unanchored_floor_bounds_every_bead_per_paragraph_without_anchors():
    assert UNANCHORED_FLOOR > 0
    assert all(penalty >= UNANCHORED_FLOOR * max(shape) for shape, penalty in BEADS.items() if shape != (1, 1))


@given(anchors=st.frozensets(st.sampled_from(["n1", "n2", "tcat"])))
def test_a_side_without_anchors_costs_at_least_the_unanchored_cost(anchors):
    assert _anchor_cost(frozenset(), anchors) >= UNANCHORED_COST
    assert _anchor_cost(anchors, frozenset()) >= UNANCHORED_COST
