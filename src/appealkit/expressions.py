"""Whole numeric expressions of an English sentence, each protected as ONE unit through machine translation.

A figure alone is not what a reader of Chinese or Korean expects: "£11million" is 1100万英镑 / 1100만 파운드,
"one in five" 五分之一 / 5명 중 1명, "19:30 BST" 英国夏令时间19:30, "the 1980s" 20世纪80年代 / 1980년대. This
module groups the figures the reader found (``numerals.en``) with what makes them one expression: a currency
before or after, a scale word, a clock's minutes, meridiem and time zone, a decade's "s", a range's other end,
a ratio's "one in", a qualifier ("about", "more than") and a following noun for people (the one noun class
that takes a counter: 9名 / 9명). Rendering is done by the language modules (``numerals.zh``, ``numerals.ko``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from appealkit.numerals import NumberMention
from appealkit.numerals.en import QUALIFIER_BEFORE, QUALIFIER_WORDS

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
    zone: tuple[str, bool] | None = None  # (IANA zone, summer time)
    twelve_hour: bool = False
    part: int = 1  # ratio numerator ("one" in "one in five")
    hour: int = 0  # clock, 24-hour
    minute: int = 0


# English nouns after which a count of people takes a counter (9名 / 9명).
PEOPLE = re.compile(
    r"\s*(?:[A-Z][a-z]+\s+){0,2}(?:people|persons?|individuals?|nationals?|refugees?|north koreans?|koreans?|"
    r"women|men|children|child|detainees?|defectors?|escapees?|athletes?|officials?|members?|asylum[- ]seekers?|"
    r"migrants?|workers?|students?|prisoners?|protesters?|residents?|citizens?|civilians?|victims?|soldiers?|"
    r"girls?|boys?|adults?|babies|journalists?|activists?|staff)\b",
    re.IGNORECASE,
)
# Currency signs and names, mapped to ISO 4217 codes (the sign table is CLDR's English one, plus US$ and RMB).
_SIGNS = {"US$": "USD", "HK$": "HKD", "A$": "AUD", "C$": "CAD", "CA$": "CAD", "NT$": "TWD", "NZ$": "NZD",
          "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₩": "KRW", "₹": "INR"}
_CODES = ("USD", "GBP", "EUR", "JPY", "CNY", "RMB", "KRW", "HKD", "AUD", "CAD", "CHF", "INR", "TWD")
_NAMES = {"dollar": "USD", "pound": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "euro": "EUR",
          "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "won": "KRW", "rupee": "INR", "franc": "CHF"}
_CURRENCY_BEFORE = re.compile(
    r"(?P<sign>US\$|HK\$|CA\$|A\$|C\$|NT\$|NZ\$|[$£€¥₩₹])\s?$|\b(?P<code>" + "|".join(_CODES) + r")\s?$")
_CURRENCY_AFTER = re.compile(
    r"\s?(?:(?P<code>" + "|".join(_CODES) + r")\b|(?:US\s|Hong\sKong\s|Australian\s|Canadian\s)?"
    r"(?P<name>pounds\ssterling|sterling|dollars?|pounds?|euros?|yen|yuan|renminbi|won|rupees?|francs?)\b)")
# "won", "yen" and "yuan" after a small number are more often other words ("five won medals").
_NAMES_AFTER_LARGE_ONLY = frozenset({"won", "yen", "yuan"})
# Time zones written after a clock time: CLDR long names come from the IANA zone (summer or standard time).
ZONES = {"BST": ("Europe/London", True), "GMT": ("Etc/GMT", False), "UTC": ("Etc/UTC", False),
         "CET": ("Europe/Paris", False), "CEST": ("Europe/Paris", True), "EST": ("America/New_York", False),
         "EDT": ("America/New_York", True), "PST": ("America/Los_Angeles", False),
         "PDT": ("America/Los_Angeles", True), "KST": ("Asia/Seoul", False), "JST": ("Asia/Tokyo", False),
         "HKT": ("Asia/Hong_Kong", False)}
_CLOCK = re.compile(
    r"(?P<hour>2[0-3]|[01]?[0-9])(?![0-9])(?:(?P<colon>:)(?P<minute>[0-5][0-9])|\.(?P<dotted>[0-5][0-9])(?=\s?[ap]\.?m))?"
    r"(?:\s?(?P<meridiem>(?i:[ap])\.?(?i:m)\b\.?))?"
    r"(?:\s?\(?(?P<zone>" + "|".join(ZONES) + r")\b\)?)?")
_RATIO_WORD = re.compile(r"\b(?P<part>one|a|an)\s+in\s+(?:every\s+)?$", re.IGNORECASE)
_RATIO_BETWEEN = re.compile(r"\s+in\s+(?:every\s+)?")
_RANGE_BETWEEN = re.compile(r"\s?(?:-|–|—|to)\s?")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+")


def find_expressions(text: str, figures: list[NumberMention]) -> list[Expression]:
    """Group a sentence's figures (dates, citations and names already taken out) into expressions."""
    out: list[Expression] = []
    i = 0
    while i < len(figures):
        expression = (_clock(text, figures, i) or _ratio(text, figures, i) or _money(text, figures, i)
                      or _decade(text, figures, i) or _range(text, figures, i) or _figure(text, figures[i]))
        out.append(expression)
        i += len(expression.figures)
    return out


def _people_after(text: str, end: int) -> bool:
    return bool(PEOPLE.match(text, end))


def _qualified(text: str, start: int, figure: NumberMention) -> tuple[int, str | None]:
    """Where the expression starts once its qualifier is included, and the qualifier."""
    if figure.qualifier_span and figure.qualifier_span[1] <= start:
        return figure.qualifier_span[0], figure.qualifier
    m = QUALIFIER_BEFORE.search(text, max(0, start - 24), start)
    if not m:
        return start, None
    return m.start("q"), QUALIFIER_WORDS[" ".join(m.group("q").lower().split())]


def _make(kind: str, text: str, start: int, end: int, figures: tuple[NumberMention, ...], **fields) -> Expression:
    start, qualifier = _qualified(text, start, figures[0])
    return Expression(kind, start, end, text[start:end], figures, qualifier=qualifier, **fields)


def _figure(text: str, figure: NumberMention) -> Expression:
    people = figure.kind == "cardinal" and _people_after(text, figure.end)
    return _make("figure", text, figure.start, figure.end, (figure,), people=people)


def _clock(text: str, figures: list[NumberMention], i: int) -> Expression | None:
    m = _CLOCK.match(text, figures[i].start)
    if not m or not (m.group("colon") or m.group("meridiem")) or figures[i].end != m.end("hour"):
        return None
    if m.group("meridiem") and int(m.group("hour")) > 12:
        return None
    taken = tuple(f for f in figures[i:] if f.start < m.end())
    minute = int(m.group("minute") or m.group("dotted") or 0)
    if len(taken) != (2 if (m.group("minute") or m.group("dotted")) else 1) or taken[-1].end > m.end():
        return None
    hour = int(m.group("hour"))
    meridiem = (m.group("meridiem") or "").lower()
    if meridiem:
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    zone = ZONES[m.group("zone")] if m.group("zone") else None
    end = m.end() - (1 if text[m.end() - 1] == ")" and "(" not in m.group() else 0)
    return _make("clock", text, figures[i].start, end, taken, zone=zone, twelve_hour=bool(meridiem),
                 hour=hour, minute=minute)


def _ratio(text: str, figures: list[NumberMention], i: int) -> Expression | None:
    """"one in five", "1 in 4", "three in 10 people": a part of a whole, never a count."""
    figure = figures[i]
    if i + 1 < len(figures) and (m := _RATIO_BETWEEN.match(text, figure.end)) and m.end() == figures[i + 1].start:
        whole = figures[i + 1]
        if isinstance(figure.value, int) and isinstance(whole.value, int) and 0 < figure.value < whole.value:
            return _make("ratio", text, figure.start, whole.end, (figure, whole), part=figure.value,
                         people=_people_after(text, whole.end))
    word = _RATIO_WORD.search(text, max(0, figure.start - 16), figure.start)
    if word and isinstance(figure.value, int) and figure.value > 1 and figure.kind == "cardinal":
        return _make("ratio", text, word.start(), figure.end, (figure,), part=1,
                     people=_people_after(text, figure.end))
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
    """"the 1980s", "the '80s", "the eighties": the reader gives them the kind "decade" and the year."""
    figure = figures[i]
    return _make("decade", text, figure.start, figure.end, (figure,)) if figure.kind == "decade" else None


def _range(text: str, figures: list[NumberMention], i: int) -> Expression | None:
    """"10 to 15 people", "3-5 years", "between 10 and 15": two ends of the same kind."""
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
