"""Untranslated: English sentences left in a zh or ko translation."""

from __future__ import annotations

import re
from typing import Iterator

from appealkit.checks.context import BeadContext
from appealkit.checks.registry import Hit, rule

# A run of Latin-script words (with the punctuation and digits that sit between them).
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:[\s,;:()\"“”\d.]+[A-Za-z][A-Za-z'’\-]*){5,}")
# Words that make a run a sentence rather than a name or a title (names rarely contain them).
_SENTENCE_WORDS = frozenset(
    "the is are was were be been we you our your that this these those which will would should must "
    "has have had not it they their there to who whom".split()
)
MIN_WORDS = 6
MIN_SENTENCE_WORDS = 3


def english_sentences(text: str) -> Iterator[re.Match[str]]:
    for match in _LATIN_RUN.finditer(text):
        words = re.findall(r"[A-Za-z]+", match[0].lower())
        if len(words) >= MIN_WORDS and len(set(words) & _SENTENCE_WORDS) >= MIN_SENTENCE_WORDS:
            yield match


@rule("untranslated-sentence", "untranslated", "error")
def untranslated_sentence(ctx: BeadContext) -> Iterator[Hit]:
    """An English sentence was left untranslated in the translation.

    Names, titles and lists of organisations in Latin script are allowed: a run of six or more English
    words counts only when it contains at least three function words (the, is, we, that, ...).
    """
    for j, facts in ctx.targets():
        for match in english_sentences(facts.text):
            excerpt = match[0] if len(match[0]) <= 80 else match[0][:77] + "..."
            yield Hit(f"English text left untranslated: '{excerpt}'", "", (), None, None,
                      j, (match.start(), match.end()), match[0])
