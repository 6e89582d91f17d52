"""Sentence alignment inside one aligned paragraph pair.

The paragraph alignment (``alignment.align``) gives the frame: a bead of English paragraphs and the translated
paragraphs that render them. Inside a bead, the sentences of both sides are aligned by the same model, run on
sentences instead of paragraphs: lengths, and the figures, dates, glossary terms and entities each sentence
carries as anchors (``ParagraphFacts.within`` cuts a paragraph's facts down to one sentence). A translator who
merges two sentences gets one 2-1 pair, exactly as for paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from appealkit.alignment import align
from appealkit.facts import ParagraphFacts
from appealkit.segmentation import split_sentences


@dataclass(frozen=True)
class SentenceRef:
    """One sentence: the paragraph it is in, its offsets in that paragraph, its text and facts."""

    paragraph: int
    start: int
    end: int
    text: str
    facts: ParagraphFacts


@dataclass(frozen=True)
class SentencePair:
    """English sentences aligned with the translated sentences that render them (either side may be empty)."""

    source: tuple[SentenceRef, ...]
    target: tuple[SentenceRef, ...]


def sentences_of(paragraphs: Sequence[tuple[int, ParagraphFacts]], lang: str) -> list[SentenceRef]:
    """The sentences of some paragraphs, in order, each with its own slice of the paragraph's facts."""
    return [
        SentenceRef(index, s.start, s.end, s.text, facts.within(s.start, s.end))
        for index, facts in paragraphs
        for s in split_sentences(facts.text, lang)
    ]


def align_sentences(
    source: Sequence[tuple[int, ParagraphFacts]], target: Sequence[tuple[int, ParagraphFacts]], lang: str
) -> list[SentencePair]:
    """Align the sentences of a bead's English paragraphs with those of its translated paragraphs."""
    src, tgt = sentences_of(source, "en"), sentences_of(target, lang)
    if len(src) <= 1 or len(tgt) <= 1:  # nothing to choose: one side is a single sentence (or nothing)
        return [SentencePair(tuple(src), tuple(tgt))] if src or tgt else []
    beads = align([s.facts for s in src], [t.facts for t in tgt], lang)
    return [SentencePair(tuple(src[i] for i in b.source), tuple(tgt[j] for j in b.target)) for b in beads]
