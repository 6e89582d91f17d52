"""Figure recognisers for appeal letters.

``find_numbers(text, lang)`` returns every figure a translation must keep:
English is the source side and is deliberately strict (it defines what is
required); Chinese and Korean are target sides and accept every notation a
translator uses, while refusing numeral characters that are part of ordinary
words (统一, 一些, 구금, 세계 ...).

The language modules (``en``, ``zh``, ``ko``) each expose ``find(text)``;
this module owns the shared types and the post-processing every language
needs (URL/e-mail masking, sorting, overlap removal).
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from appealkit.spans import S, in_span_order

__all__ = ["KINDS", "LANGS", "QUALIFIERS", "NumberMention", "find_numbers", "folded", "folds_onto_ascii"]

LANGS = ("en", "zh", "ko")
KINDS = ("cardinal", "ordinal", "percent", "age", "decade")
QUALIFIERS = ("about", "more_than", "at_least", "less_than", "up_to")


# Slotted, not frozen (never changed once found, like glossary.TermMatch): a frozen dataclass sets each field
# through object.__setattr__, 4× dearer, and the readers build thousands. Hashable as if frozen.
@dataclass(slots=True, unsafe_hash=True)
class NumberMention:
    value: int | float
    start: int
    end: int
    text: str
    kind: str
    qualifier: str | None = None
    qualifier_span: tuple[int, int] | None = None
    # Why the figure is weak evidence of a fact (an idiom, a number the target language lexicalizes):
    # its loss is then a warning that gives this reason, not an error.
    weak: str | None = None


# Integer parts longer than this are identifiers or garbage, not figures; the
# cap also keeps int() clear of Python's 4300-digit conversion limit.
MAX_DIGITS = 24

# Full-width forms that Chinese and Korean typesetting use for digits.
FULLWIDTH = str.maketrans("０１２３４５６７８９，．％", "0123456789,.%")

# URLs and e-mail addresses are copied verbatim by translators and checked by
# the citation check; the numbers inside them ("news/2015/11/21/...-nine-...")
# are not figures.  ASCII-only classes so a URL never swallows the CJK text
# that follows it without a space.  Scanning looks for the cheap literal
# anchors first (a regex starting with literals is skipped through at C
# speed); the bounded patterns then run only at the anchors.
_MASK_ANCHOR = re.compile(r"@|http|www\.")
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]++")
_EMAIL_LOCAL = re.compile(r"(?<![A-Za-z0-9_.+\-])[A-Za-z0-9_.+\-]{1,64}+@")
_EMAIL_DOMAIN = re.compile(r"[A-Za-z0-9\-]++(?:\.[A-Za-z0-9\-]++)++")


# Case-insensitive patterns also match the letters Python's re folds onto ASCII ones (ı, İ → i, ſ → s, K → k):
# a word matched that way is looked up by its ASCII spelling.
_ASCII_FOLD = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"})


def folds_onto_ascii(text: str) -> bool:
    """Does ``text`` hold a letter that case-insensitive matching takes for an ASCII one (ı, İ, ſ, K)? Text that
    does not can be pre-checked on its lower-cased ASCII letters."""
    return not text.isascii() and ("ı" in text or "İ" in text or "ſ" in text or "\u212a" in text)


def folded(word: str) -> str:
    """The lower-case ASCII key of a word a case-insensitive pattern matched: "Mıllion" → "million"."""
    return word.translate(_ASCII_FOLD).lower()


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, disjoint spans (URLs, e-mail addresses) where nothing is reported."""
    spans: list[tuple[int, int]] = []
    if "@" not in text and "http" not in text and "www." not in text:
        return spans  # no anchor: three substring searches are cheaper than the anchor scan (h and w are common)
    done = 0
    for a in _MASK_ANCHOR.finditer(text):
        if a.start() < done:
            continue
        if a.group() == "@":
            local = _EMAIL_LOCAL.search(text, max(done, a.start() - 64), a.end())
            domain = _EMAIL_DOMAIN.match(text, a.end())
            if local and domain and local.end() == a.end():
                spans.append((local.start(), domain.end()))
                done = domain.end()
        elif url := _URL.match(text, a.start()):
            spans.append(url.span())
            done = url.end()
    return spans


def overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if [start, end) intersects one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end


def to_value(d: int | Decimal) -> int | float:
    """Integral values become int so that 1.5 million == 1500000 compares equal."""
    if isinstance(d, int):
        return d
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def decimal_of(digits: str) -> int | Decimal | None:
    """Parse an ASCII/full-width digit string with ',' separators and '.'.

    int when there is no decimal point (the common, fast case).
    """
    if digits.isascii() and digits.isdecimal():  # fast path: plain 2017
        return int(digits) if len(digits) <= MAX_DIGITS else None
    s = digits.translate(FULLWIDTH).replace(",", "")
    whole, dot, frac = s.partition(".")
    if len(whole) > MAX_DIGITS or not whole.isdecimal() or (dot and not frac.isdecimal()):
        return None
    return Decimal(s) if dot else int(whole)


def finalize(text: str, mentions: list[S]) -> list[S]:
    """Drop masked mentions, sort, and keep the first of overlapping ones (figures, clock times)."""
    ordered = in_span_order(mentions)
    masks = masked_spans(text) if ordered else []
    out: list[S] = []
    last_end = -1
    for m in ordered:
        if m.start < last_end or (masks and overlaps_any(masks, m.start, m.end)):
            continue
        out.append(m)
        last_end = m.end
    return out


def find_numbers(text: str, lang: str) -> list[NumberMention]:
    """All figures in ``text`` (sorted by start, non-overlapping)."""
    finder = _FINDERS.get(lang)
    if finder is None:
        if lang not in LANGS:
            raise ValueError(f"unsupported language {lang!r}; expected one of {LANGS}")
        # Imported here because the language modules import the types above.
        finder = _FINDERS[lang] = importlib.import_module(f"appealkit.numerals.{lang}").find
    return finalize(text, finder(text))


_FINDERS: dict[str, Callable[[str], list[NumberMention]]] = {}  # language → its module's ``find``
