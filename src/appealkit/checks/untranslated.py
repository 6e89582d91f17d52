"""Untranslated: English sentences left in a zh or ko translation, or a translation in the wrong language."""

from __future__ import annotations

import re
from collections.abc import Iterator

from appealkit.checks.context import BeadContext, LetterContext
from appealkit.checks.registry import Hit, rule
from appealkit.letters import LANGUAGE_NAMES, written_language

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
# What may stand between two words of one English sentence (spaces, punctuation, digits).
_SEPARATOR = re.compile(r"[\s,;:()\"“”\d.]+")
# Words that make a run a sentence rather than a name or a title (names rarely contain them).
# Articles, pronouns, auxiliaries and modals; not "of", "for", "and", "in": organization names are full of them.
_SENTENCE_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "we",
        "you",
        "our",
        "your",
        "us",
        "i",
        "me",
        "my",
        "he",
        "she",
        "his",
        "her",
        "him",
        "its",
        "that",
        "this",
        "these",
        "those",
        "which",
        "will",
        "would",
        "should",
        "must",
        "can",
        "could",
        "may",
        "might",
        "shall",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "not",
        "it",
        "they",
        "them",
        "their",
        "there",
        "to",
        "who",
        "whom",
    ]
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


@rule(
    "untranslated-sentence",
    "untranslated",
    "error",
    rationale=(
        "An English sentence left in a Chinese or Korean letter is content its reader cannot read, as good as missing."
    ),
)
def untranslated_sentence(ctx: BeadContext) -> Iterator[Hit]:
    """An English sentence was left untranslated in the translation.

    Names, titles and lists of organisations in Latin script are allowed: a run of six or more English
    words counts only when it contains at least three function words (the, is, we, that, ...).
    """
    for j, facts in ctx.targets():
        for start, end in english_sentences(facts.text):
            text = facts.text[start:end]
            excerpt = text if len(text) <= 80 else text[:77] + "..."
            i, span = _in_source(ctx, text)
            yield Hit(
                f"English text left untranslated: '{excerpt}'", text if span else "", (), i, span, j, (start, end), text
            )


def _in_source(ctx: BeadContext, text: str) -> tuple[int | None, tuple[int, int] | None]:
    """Where the English sentence left in the translation stands in the source (same words, any spacing and
    punctuation between them): the facts it carries are then reported once, by this rule."""
    words = [m.group() for m in _WORD.finditer(text)]
    pattern = re.compile(r"[\W\d_]*?".join(re.escape(w) for w in words), re.IGNORECASE)
    for i, facts in ctx.sources():
        if found := pattern.search(facts.text):
            return i, found.span()
    return None, None


MIN_WRONG_PARAGRAPHS = 2
ENGLISH_SHARE = 0.95  # of the letters (Latin, Han, Hangul) for a translation to be "English left as it is"


def _all_english(text: str) -> bool:
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return latin >= ENGLISH_SHARE * (latin + cjk) and any(english_sentences(text))


@rule(
    "untranslated-wrong-language",
    "untranslated",
    "error",
    scope="gate",
    rationale="A letter in the wrong language cannot be sent; one error says so instead of hundreds.",
)
def wrong_language(ctx: LetterContext) -> Iterator[Hit]:
    """The translation (or the English) is written in another language: one finding, not hundreds.

    The script of the whole text decides (Hangul, Han, Latin letters; URLs and e-mail addresses do not
    count): Korean text in zh.md, English left as it is (95% Latin letters and English sentences), or an
    en.md that is not English. The paragraph rules do not run on such a pair; they could only repeat it.
    A one-paragraph translation is left to them: they name the sentence.
    """
    source_lang = written_language(ctx.source.body)
    if source_lang not in (None, "en"):
        yield Hit(
            f"{ctx.source.path.name} is written in {LANGUAGE_NAMES[source_lang]}, not English: nothing "
            "to check the translation against"
        )
        return
    found = written_language(ctx.target.body)
    if found in (None, ctx.lang) or len(ctx.target.paragraphs) < MIN_WRONG_PARAGRAPHS:
        return  # one paragraph: the paragraph rules say exactly which sentence is wrong
    if found == "en" and not _all_english(ctx.target.body):
        return  # a partly translated letter: untranslated-sentence names each English sentence
    expected = LANGUAGE_NAMES[ctx.lang]
    hint = "the English was left as it is" if found == "en" else f"the {found} translation saved as the {ctx.lang} one?"
    yield Hit(
        f"the translation is written in {LANGUAGE_NAMES[found]}, not {expected} ({hint})",
        "",
        (),
        None,
        None,
        None,
        None,
        LANGUAGE_NAMES[found],
    )
