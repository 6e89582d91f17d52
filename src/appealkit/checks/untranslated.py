"""Untranslated: English sentences left in a zh or ko translation."""

from __future__ import annotations

import re
from typing import Iterator

from appealkit.checks.context import BeadContext
from appealkit.checks.registry import Hit, rule

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
# What may stand between two words of one English sentence (spaces, punctuation, digits).
_SEPARATOR = re.compile(r"[\s,;:()\"“”\d.]+")
# Words that make a run a sentence rather than a name or a title (names rarely contain them).
# Articles, pronouns, auxiliaries and modals; not "of", "for", "and", "in": organization names are full of them.
_SENTENCE_WORDS = frozenset(
    "the a an is are was were be been being am we you our your us i me my he she his her him its that this "
    "these those which will would should must can could may might shall do does did has have had not it they "
    "them their there to who whom".split()
)
MIN_WORDS = 6
MIN_SENTENCE_WORDS = 3


def _runs(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """Maximal runs of Latin words joined only by separators; one linear pass (a nested regex
    quantifier here backtracked quadratically on megabytes of Latin text)."""
    words: list[str] = []
    start = end = 0
    for match in _WORD.finditer(text):
        if words and not _SEPARATOR.fullmatch(text, end, match.start()):
            yield start, end, words
            words = []
        if not words:
            start = match.start()
        words.append(match.group().lower())
        end = match.end()
    if words:
        yield start, end, words


def english_sentences(text: str) -> Iterator[tuple[int, int]]:
    for start, end, words in _runs(text):
        if len(words) >= MIN_WORDS and len(set(words) & _SENTENCE_WORDS) >= MIN_SENTENCE_WORDS:
            yield start, end


@rule("untranslated-sentence", "untranslated", "error",
      rationale=(
          "An English sentence left in a Chinese or Korean letter is content its reader cannot read, as good as"
          " missing."))
def untranslated_sentence(ctx: BeadContext) -> Iterator[Hit]:
    """An English sentence was left untranslated in the translation.

    Names, titles and lists of organisations in Latin script are allowed: a run of six or more English
    words counts only when it contains at least three function words (the, is, we, that, ...).
    """
    for j, facts in ctx.targets():
        for start, end in english_sentences(facts.text):
            text = facts.text[start:end]
            excerpt = text if len(text) <= 80 else text[:77] + "..."
            yield Hit(f"English text left untranslated: '{excerpt}'", "", (), None, None, j, (start, end), text)
