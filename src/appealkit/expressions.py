"""Whole numeric expressions of an English sentence, each protected as ONE unit through machine translation.

A figure alone is not what a reader of Chinese or Korean expects: "£11million" is 1100万英镑 / 1100만 파운드,
"one in five" 五分之一 / 5명 중 1명, "19:30 BST" 英国夏令时间19:30, "the 1980s" 20世纪80年代 / 1980년대. This
module groups the figures the reader found (``numerals.en``) with what makes them one expression: a currency
before or after (its scale word is the reader's), a range's other end, a ratio's "one in", a qualifier
("about", "more than") and a following noun for people (the one noun class that takes a counter: 9名 / 9명);
decades and clock times come whole from the readers (``numerals.en``, ``times``). Rendering is done by the
modules that read the target language (``numerals.zh``, ``numerals.ko``, ``times``, ``dates``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from appealkit.numerals import NumberMention
from appealkit.numerals.en import QUALIFIER_BEFORE, QUALIFIER_WORDS
from appealkit.times import TimeMention

KINDS = ("figure", "money", "ratio", "clock", "decade", "range")


@dataclass(frozen=True)
class Expression:
    """One protected numeric expression: its span in the English and what rendering it needs."""

    kind: str
    start: int
    end: int
    text: str
    figures: tuple[NumberMention, ...]
    qualifier: str | None = None
    people: bool = False  # a noun for people follows: the count takes a counter
    currency: str | None = None  # ISO 4217 code
    part: int = 1  # ratio numerator ("one" in "one in five")
    time: TimeMention | None = None  # a clock time, as appealkit.times read it


# English nouns after which a count of people takes a counter (9名 / 9명).
PEOPLE = re.compile(
    r"\s*(?:[A-Z][a-z]+\s+){0,2}(?:people|persons?|individuals?|nationals?|refugees?|north koreans?|koreans?|"
    r"women|men|children|child|detainees?|defectors?|escapees?|athletes?|officials?|members?|asylum[- ]seekers?|"
    r"migrants?|workers?|students?|prisoners?|protesters?|residents?|citizens?|civilians?|victims?|soldiers?|"
    r"girls?|boys?|adults?|babies|journalists?|activists?|staff)\b",
    re.IGNORECASE,
)
# Currency signs and names, mapped to ISO 4217 codes (the sign table is CLDR's English one, plus US$ and RMB).
_SIGNS = {
    "US$": "USD",
    "HK$": "HKD",
    "A$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "NT$": "TWD",
    "NZ$": "NZD",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₩": "KRW",
    "₹": "INR",
}
_CODES = ("USD", "GBP", "EUR", "JPY", "CNY", "RMB", "KRW", "HKD", "AUD", "CAD", "CHF", "INR", "TWD")
_NAMES = {
    "dollar": "USD",
    "pound": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "won": "KRW",
    "rupee": "INR",
    "franc": "CHF",
}
_CURRENCY_BEFORE = re.compile(
    r"(?P<sign>US\$|HK\$|CA\$|A\$|C\$|NT\$|NZ\$|[$£€¥₩₹])\s?$|\b(?P<code>" + "|".join(_CODES) + r")\s?$"
)
_CURRENCY_AFTER = re.compile(
    r"\s?(?:(?P<code>" + "|".join(_CODES) + r")\b|(?:US\s|Hong\sKong\s|Australian\s|Canadian\s)?"
    r"(?P<name>pounds\ssterling|sterling|dollars?|pounds?|euros?|yen|yuan|renminbi|won|rupees?|francs?)\b)"
)
# "won", "yen" and "yuan" after a small number are more often other words ("five won medals").
_NAMES_AFTER_LARGE_ONLY = frozenset({"won", "yen", "yuan"})
_RATIO_WORD = re.compile(r"\b(?P<part>one|a|an)\s+in\s+(?:every\s+)?$", re.IGNORECASE)
_RATIO_BETWEEN = re.compile(r"\s+in\s+(?:every\s+)?")
_RANGE_BETWEEN = re.compile(r"\s?(?:-|–|—|to)\s?")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+")


def find_expressions(text: str, figures: list[NumberMention], times: Sequence[TimeMention] = ()) -> list[Expression]:
    """Group a sentence's figures (dates, citations, names and clock times already taken out) into expressions,
    and add its clock times with their qualifiers ("about 19:30 BST")."""
    out: list[Expression] = [_clock(text, time) for time in times]
    i = 0
    while i < len(figures):
        expression = (
            _ratio(text, figures, i)
            or _money(text, figures, i)
            or _decade(text, figures, i)
            or _range(text, figures, i)
            or _figure(text, figures[i])
        )
        out.append(expression)
        i += len(expression.figures)
    return sorted(out, key=lambda x: x.start)


def _people_after(text: str, end: int) -> bool:
    return bool(PEOPLE.match(text, end))


def _qualified(text: str, start: int, figure: NumberMention | None) -> tuple[int, str | None]:
    """Where the expression starts once its qualifier is included, and the qualifier."""
    if figure is not None and figure.qualifier_span and figure.qualifier_span[1] <= start:
        return figure.qualifier_span[0], figure.qualifier
    m = QUALIFIER_BEFORE.search(text, max(0, start - 24), start)
    if not m:
        return start, None
    return m.start("q"), QUALIFIER_WORDS[" ".join(m.group("q").lower().split())]


def _make(kind: str, text: str, start: int, end: int, figures: tuple[NumberMention, ...], **fields) -> Expression:
    start, qualifier = _qualified(text, start, figures[0] if figures else None)
    return Expression(kind, start, end, text[start:end], figures, qualifier=qualifier, **fields)


def _figure(text: str, figure: NumberMention) -> Expression:
    people = figure.kind == "cardinal" and _people_after(text, figure.end)
    return _make("figure", text, figure.start, figure.end, (figure,), people=people)


def _clock(text: str, time: TimeMention) -> Expression:
    """ "about 19:30 BST", "7.30pm": the time as appealkit.times read it, with a qualifier before it."""
    return _make("clock", text, time.start, time.end, (), time=time)


def _ratio(text: str, figures: list[NumberMention], i: int) -> Expression | None:
    """ "one in five", "1 in 4", "three in 10 people": a part of a whole, never a count."""
    figure = figures[i]
    if i + 1 < len(figures) and (m := _RATIO_BETWEEN.match(text, figure.end)) and m.end() == figures[i + 1].start:
        whole = figures[i + 1]
        if isinstance(figure.value, int) and isinstance(whole.value, int) and 0 < figure.value < whole.value:
            return _make(
                "ratio",
                text,
                figure.start,
                whole.end,
                (figure, whole),
                part=figure.value,
                people=_people_after(text, whole.end),
            )
    word = _RATIO_WORD.search(text, max(0, figure.start - 16), figure.start)
    if word and isinstance(figure.value, int) and figure.value > 1 and figure.kind == "cardinal":
        return _make("ratio", text, word.start(), figure.end, (figure,), part=1, people=_people_after(text, figure.end))
    return None


def _money(text: str, figures: list[NumberMention], i: int) -> Expression | None:
    figure = figures[i]
    if figure.kind != "cardinal":
        return None
    before = _CURRENCY_BEFORE.search(text, max(0, figure.start - 4), figure.start)
    if before:
        code = _SIGNS[before.group("sign")] if before.group("sign") else before.group("code")
        return _make("money", text, before.start(), figure.end, (figure,), currency=_iso(code))
    after = _CURRENCY_AFTER.match(text, figure.end)
    if not after:
        return None
    name = (after.group("name") or "").lower()
    if name in _NAMES_AFTER_LARGE_ONLY and figure.value < 100:
        return None
    code = after.group("code") or _NAMES[name[:-1] if name.endswith("s") and name[:-1] in _NAMES else name]
    return _make("money", text, figure.start, after.end(), (figure,), currency=_iso(code))


def _iso(code: str) -> str:
    return "CNY" if code == "RMB" else code


def _decade(text: str, figures: list[NumberMention], i: int) -> Expression | None:
    """ "the 1980s", "the '80s", "the eighties": the reader gives them the kind "decade" and the year."""
    figure = figures[i]
    return _make("decade", text, figure.start, figure.end, (figure,)) if figure.kind == "decade" else None


def _range(text: str, figures: list[NumberMention], i: int) -> Expression | None:
    """ "10 to 15 people", "3-5 years", "between 10 and 15": two ends of the same kind."""
    if i + 1 >= len(figures):
        return None
    low, high = figures[i], figures[i + 1]
    joiner = _AND if _BETWEEN.search(text, max(0, low.start - 10), low.start) else _RANGE_BETWEEN
    m = joiner.match(text, low.end)
    if not m or m.end() != high.start or low.kind not in ("cardinal", high.kind) or high.kind in ("ordinal", "age"):
        return None
    start = low.start
    if joiner is _AND:
        start = _BETWEEN.search(text, max(0, low.start - 10), low.start).start()  # type: ignore[union-attr]
    return _make("range", text, start, high.end, (low, high), people=_people_after(text, high.end))
