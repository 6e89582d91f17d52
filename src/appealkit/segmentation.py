"""Sentence segmentation: English for machine translation, and the translations (zh, ko) for sentence alignment.

argostranslate's own splitters download MiniSBD or need Stanza data, which fails offline, so we split
ourselves: paragraphs come from the letter, sentences from this rule-based splitter, which knows the
abbreviations appeal letters use ("No.", "art.", "U.N.", "Mr.", initials such as "J. Smith").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    [
        "no",
        "nos",
        "art",
        "arts",
        "para",
        "paras",
        "p",
        "pp",
        "vol",
        "vols",
        "ed",
        "eds",
        "e.g",
        "i.e",
        "etc",
        "cf",
        "vs",
        "v",
        "al",
        "approx",
        "ca",
        "est",
        "fig",
        "doc",
        "docs",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "gen",
        "gov",
        "sen",
        "rep",
        "hon",
        "amb",
        "rev",
        "messrs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.n",
        "u.s",
        "u.k",
        "e.u",
        "d.p.r.k",
        "p.r.c",
        "r.o.k",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "assn",
    ]
)
# A candidate boundary: sentence punctuation, optional closing quotes/brackets, whitespace, then a
# likely sentence start (capital, digit, quote or CJK). Linear: no nested quantifiers. ([.!?…][.!?…]* rather than
# [.!?…]+, here and below: a pattern that starts with a character class is skipped through at C speed, one that
# starts with a repeat is tried at every position.)
_BOUNDARY = re.compile(r"([.!?…][.!?…]*)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9\u4e00-\u9fff\uac00-\ud7a3])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
# Chinese ends a sentence with full-width punctuation and no space; closing quotes and brackets stay with it.
_NOT_SPACE = re.compile(r"\S")  # \s is str.isspace
_CJK_BOUNDARY = re.compile(r"[。！？!?][。！？!?]*[”’」』）)》\]]*")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def _is_abbreviation(text: str, dot_at: int) -> bool:
    match = _WORD_BEFORE.search(text[max(0, dot_at - 12) : dot_at])
    if not match:
        return False
    word = match.group(1).lower().strip(".")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith", "U. N."
    return word in ABBREVIATIONS


def _boundaries(text: str, lang: str) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) pairs, in order."""
    cuts = []
    for match in _BOUNDARY.finditer(text):
        if not (match.group(1) == "." and _is_abbreviation(text, match.start(1))):
            cuts.append((match.end(2), match.end(3)))
    if lang != "zh":
        return cuts  # in order and distinct: the matches of one pattern
    for match in _CJK_BOUNDARY.finditer(text):
        following = _NOT_SPACE.search(text, match.end())  # where str.lstrip would stop
        cuts.append((match.end(), following.start() if following else len(text)))
    return sorted(set(cuts))


def split_sentences(text: str, lang: str = "en") -> list[Sentence]:
    """Split a paragraph into sentences, keeping offsets so that the text can be rebuilt exactly.

    English and Korean end sentences with ". " (Korean: 다. 요. 까?); Chinese also with 。！？ and no space."""
    sentences: list[Sentence] = []
    start = 0
    for end, following in _boundaries(text, lang):
        if end <= start:
            continue
        piece = text[start:end]
        if piece and not piece.isspace():
            sentences.append(Sentence(piece, start, end))
        start = following
    rest = text[start:].rstrip()
    if rest:  # what is left ends where the text's trailing space begins
        sentences.append(Sentence(rest, start, start + len(rest)))
    return sentences
