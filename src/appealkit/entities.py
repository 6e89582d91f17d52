"""Entities that must survive verbatim: URLs, e-mail addresses, phone and fax numbers, postcodes."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Entity:
    kind: str  # url | email | phone | postcode
    start: int
    end: int
    text: str


_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]{}\"'，。、；）（]+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,8}\b")
# Phone/fax: a marker (Tel, Fax, t, f, +) then digit groups. Linear: no nested unbounded groups.
_PHONE = re.compile(
    r"(?:(?<![\w])(?:tel|fax|phone|t|f|ph)\.?\s*:?\s*|(?=\+))"
    r"(\+?\(?\d{1,4}\)?(?:[\s.\-]\(?\d{1,5}\)?){1,6})",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"\b(?:[A-Z]{2}\s(\d{5}(?:-\d{4})?)|(?<=[A-Za-z,]\s)(\d{6}))\b")
# What each pattern cannot match without: most paragraphs have no URL, no @ and few digits, and one scan for
# these is cheaper than running the pattern (each takes 10–17 µs on a letter paragraph).
_DIGIT = re.compile(r"\d")
_FIVE_DIGITS = re.compile(r"\d\d{4}")  # not \d{5}: a leading class is skipped to at C speed


def _strip_trailing(text: str) -> str:
    return text.rstrip(".,;:")


def find_entities(text: str) -> list[Entity]:
    """URLs, e-mails, phone/fax numbers and postcodes, non-overlapping, in text order."""
    found: list[Entity] = []
    digit = _DIGIT.search(text)
    url = "://" in text or "www." in text.lower()  # _URL cannot match without either
    if not digit and not url and "@" not in text:
        return found  # most paragraphs: no number, no address of any kind

    def add(kind: str, start: int, value: str) -> None:
        end = start + len(value)
        if value and not any(e.start < end and start < e.end for e in found):
            found.append(Entity(kind, start, end, value))

    if url:
        for match in _URL.finditer(text):
            add("url", match.start(), _strip_trailing(match[0]))
    if "@" in text:
        for match in _EMAIL.finditer(text):
            add("email", match.start(), _strip_trailing(match[0]))
    digits = len(_DIGIT.findall(text)) if digit else 0
    if digits >= 7:  # a phone number has seven digits at least
        for match in _PHONE.finditer(text):
            if sum(ch.isdigit() for ch in match[1]) >= 7:
                add("phone", match.start(1), match[1].strip())
    if digits >= 5 and _FIVE_DIGITS.search(text):  # a postcode has five
        for match in _POSTCODE.finditer(text):
            group = 1 if match[1] else 2
            add("postcode", match.start(group), match[group])
    return sorted(found, key=lambda e: e.start) if len(found) > 1 else found
