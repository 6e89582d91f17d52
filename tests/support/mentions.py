"""Shared assertions for the numeral and date recogniser tests."""

from __future__ import annotations

from appealkit.numerals import KINDS, QUALIFIERS, NumberMention


def check_spans(text: str, found: list) -> None:
    """Mentions are sorted, non-overlapping, inside the text, and their text is the slice they claim."""
    last_end = 0
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.start >= last_end, "sorted and non-overlapping"
        assert text[mention.start : mention.end] == mention.text
        last_end = mention.end


def check_well_formed(text: str, found: list[NumberMention]) -> None:
    check_spans(text, found)
    for m in found:
        assert m.kind in KINDS
        assert m.qualifier in (*QUALIFIERS, None)
        if m.qualifier_span is not None:
            qs, qe = m.qualifier_span
            assert 0 <= qs < qe <= len(text)
