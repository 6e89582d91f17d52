"""Sentence alignment inside one aligned paragraph pair.

The paragraph alignment (``alignment.align``) gives the frame: a bead of English paragraphs and the translated
paragraphs that render them. Inside a bead, the sentences of both sides are aligned by the same model, run on
sentences instead of paragraphs: lengths, and the figures, dates, glossary terms and entities each sentence
carries as anchors (the paragraph's facts that lie inside the sentence). A translator who merges two sentences
gets one 2-1 pair, exactly as for paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from appealkit.alignment import align
from appealkit.facts import ParagraphFacts, anchor_tokens
from appealkit.segmentation import split_sentences


@dataclass(frozen=True)
class SentenceRef:
    """One sentence: the paragraph it is in, its offsets in that paragraph, its text, and the facts of the
    paragraph that lie inside it (paragraph offsets)."""

    paragraph: int
    start: int
    end: int
    text: str
    facts: ParagraphFacts

    def _inside(self, items: Sequence) -> list:
        return [x for x in items if self.start <= x.start and x.end <= self.end]

    @cached_property
    def anchors(self) -> frozenset[str]:
        """The sentence's alignment anchors: its numbers, terms, entities, symbols and months (as paragraphs
        are anchored, without clock times and weekdays)."""
        facts = self.facts
        symbols = [s for s in facts.symbols if self.start <= s[0] and s[1] <= self.end]
        return anchor_tokens(
            self._inside(facts.all_numbers),
            self._inside(facts.terms),
            self._inside(facts.entities),
            symbols,
            self._inside(facts.dates),
        )

    @cached_property
    def size(self) -> int:
        """Non-space characters, as ``ParagraphFacts.size``."""
        return sum(map(len, self.text.split()))

    def masked(self) -> Iterator[tuple[int, int]]:
        """Spans of the glossary terms and names inside the sentence, in sentence offsets: their words are the
        term's, not the clause's (the 不 of 不驱回原则). A generator: ``polarity.find_cues`` reads it only when
        some cue may match the sentence."""
        for item in (*self._inside(self.facts.terms), *self._inside(self.facts.entities)):
            yield item.start - self.start, item.end - self.start


@dataclass(frozen=True)
class SentencePair:
    """English sentences aligned with the translated sentences that render them (either side may be empty)."""

    source: tuple[SentenceRef, ...]
    target: tuple[SentenceRef, ...]


def sentences_of(paragraphs: Sequence[tuple[int, ParagraphFacts]], lang: str) -> list[SentenceRef]:
    """The sentences of some paragraphs, in order."""
    return [
        SentenceRef(index, s.start, s.end, s.text, facts)
        for index, facts in paragraphs
        for s in split_sentences(facts.text, lang)
    ]


def align_sentence_refs(src: Sequence[SentenceRef], tgt: Sequence[SentenceRef], lang: str) -> list[SentencePair]:
    """Align English sentences with translated ones (all of one bead)."""
    if len(src) <= 1 or len(tgt) <= 1:  # nothing to choose: one side is a single sentence (or nothing)
        return [SentencePair(tuple(src), tuple(tgt))] if src or tgt else []
    beads = align(src, tgt, lang)
    return [SentencePair(tuple(src[i] for i in b.source), tuple(tgt[j] for j in b.target)) for b in beads]


def align_sentences(
    source: Sequence[tuple[int, ParagraphFacts]], target: Sequence[tuple[int, ParagraphFacts]], lang: str
) -> list[SentencePair]:
    """Align the sentences of a bead's English paragraphs with those of its translated paragraphs."""
    return align_sentence_refs(sentences_of(source, "en"), sentences_of(target, lang), lang)
