"""Context-bound English forms: where a glossary form means the entry, and where it is just a word.

"President" is 主席 / 주석 for Xi Jinping and 总统 / 대통령 for nearly everyone else; "CAT" is the Convention
against Torture in running text and a piece of the UN symbol CAT/C/GC/4; "trafficking" is 人口贩运 unless it is
drug trafficking. A glossary entry therefore carries ``context`` rules (data, see README "Context"), and a bound
form counts as a mention of the entry only where its rules hold. Outside them it is an ordinary English word: no
finding, and machine translation translates it freely.

Rules, all optional, all of which must hold:
- ``near``: another entry (by id) or an entry of a kind (``near_kind``) is named within ``within`` — the same
  sentence (default), the same paragraph, or N words either side;
- ``not_after``: the form does not apply right after one of these words ("drug trafficking");
- ``not_before``: the form does not apply right before one of these strings ("CAT/" of CAT/C/GC/4);
- ``not_in_name: true``: the form does not apply inside a longer capitalised name, between two capitalised words
  (China in "South China Morning Post" or "the East China Sea", which Chinese writes 南华早报, 东海).
A rule with ``anywhere: true`` binds nothing: it records that a common word was reviewed and means the entry in
every context (lint then stops warning about it).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from appealkit.segmentation import split_sentences

SCOPES = ("sentence", "paragraph")
CONTEXT_KEYS = {"forms", "near", "near_kind", "within", "not_after", "not_before", "not_in_name", "anywhere", "reason"}
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class FormContext:
    """One context rule of an entry: which English forms it binds and where they apply."""

    forms: tuple[str, ...] = ()  # the English forms it binds, as written in ``en``; empty: all of them
    near: tuple[str, ...] = ()
    near_kind: tuple[str, ...] = ()
    within: str | int = "sentence"
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    not_in_name: bool = False
    anywhere: bool = False
    reason: str = ""

    @property
    def binds(self) -> bool:
        return not self.anywhere

    def covers(self, form_key: str, key_of) -> bool:
        return not self.forms or form_key in {key_of(form) for form in self.forms}

    def describe(self) -> str:
        """One line for ``appeal glossary show``."""
        if self.anywhere:
            return f"applies everywhere ({self.reason})" if self.reason else "applies everywhere"
        parts = []
        if self.near or self.near_kind:
            names = [*self.near, *(f"any {kind}" for kind in self.near_kind)]
            where = f"within {self.within} words" if isinstance(self.within, int) else f"in the same {self.within}"
            parts.append(f"only with {' or '.join(names)} {where}")
        if self.not_after:
            parts.append(f"not after {', '.join(repr(w) for w in self.not_after)}")
        if self.not_before:
            parts.append(f"not before {', '.join(repr(w) for w in self.not_before)}")
        if self.not_in_name:
            parts.append("not inside a longer capitalised name")
        forms = f"{', '.join(self.forms)}: " if self.forms else ""
        reason = f" ({self.reason})" if self.reason else ""
        return f"{forms}{'; '.join(parts)}{reason}"


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(str(item) for item in value)


def context_from_mapping(raw: dict[str, Any]) -> FormContext:
    """Build a rule from a lint-clean mapping."""
    within = raw.get("within", "sentence")
    return FormContext(
        forms=_strings(raw.get("forms")),
        near=_strings(raw.get("near")),
        near_kind=_strings(raw.get("near_kind")),
        within=within if isinstance(within, int) else str(within),
        not_after=_strings(raw.get("not_after")),
        not_before=_strings(raw.get("not_before")),
        not_in_name=bool(raw.get("not_in_name", False)),
        anywhere=bool(raw.get("anywhere", False)),
        reason=str(raw.get("reason") or ""),
    )


def _follows(text: str, start: int, words: Iterable[str]) -> bool:
    """The text just before ``start`` ends with one of the words (case-insensitive, whole words)."""
    before = text[max(0, start - 60) : start].rstrip().lower()
    for word in words:
        word = word.lower()
        if before.endswith(word) and (
            len(before) == len(word) or not before[-len(word) - 1].isalnum() or not word[0].isalnum()
        ):
            return True
    return False


def _precedes(text: str, end: int, strings: Iterable[str]) -> bool:
    """The text right after ``end`` starts with one of the strings (case-insensitive; no space skipped for
    punctuation such as "/", one optional space for words)."""
    after = text[end : end + 60].lower()
    for string in strings:
        string = string.lower()
        candidate = after if not string[0].isalnum() else after.lstrip()
        if candidate.startswith(string) and (
            len(candidate) == len(string) or not string[-1].isalnum() or not candidate[len(string)].isalnum()
        ):
            return True
    return False


_CAPITALISED_BEFORE = re.compile(r"(?:^|[\s(])[A-Z][\w’'.&-]*[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"^[ \t]+[A-Z]")


def _inside_name(text: str, start: int, end: int) -> bool:
    """Capitalised words on both sides, on the same line: South [China] Morning Post, East [China] Sea."""
    return bool(
        _CAPITALISED_BEFORE.search(text[max(0, start - 40) : start]) and _CAPITALISED_AFTER.match(text[end : end + 3])
    )


class Paragraph:
    """One English paragraph and its context-free glossary mentions (TermMatch), indexed once so that each bound
    form is judged in logarithmic time: hostile input with thousands of "President"s stays linear."""

    def __init__(self, text: str, anchors: Iterable[Any]):
        self.text = text
        self._named: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for anchor in anchors:
            for key in (("id", anchor.entry.id), ("kind", anchor.entry.kind)):
                self._named.setdefault(key, []).append((anchor.start, anchor.end))
        for spans in self._named.values():
            spans.sort()

    @cached_property
    def _sentences(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in split_sentences(self.text)]

    @cached_property
    def _words(self) -> list[tuple[int, int]]:
        return [m.span() for m in _WORD.finditer(self.text)]

    def scope(self, start: int, end: int, within: str | int) -> tuple[int, int]:
        """The character range in which a ``near`` entry must be named."""
        if within == "paragraph":
            return 0, len(self.text)
        if isinstance(within, int):
            words = self._words
            first = bisect_left(words, (start, -1))  # the form's first word
            last = bisect_left(words, (end, -1))  # the first word after the form
            lo = words[first - within][0] if first >= within else 0
            hi = words[last + within - 1][1] if last + within - 1 < len(words) else len(self.text)
            return lo, hi
        sentences = self._sentences
        index = bisect_right(sentences, (start, len(self.text) + 1)) - 1
        if 0 <= index < len(sentences) and sentences[index][0] <= start < sentences[index][1]:
            return sentences[index]
        return 0, len(self.text)

    def names(self, key: tuple[str, str], lo: int, hi: int, exclude: tuple[int, int]) -> bool:
        """Whether an anchor of this id or kind lies within [lo, hi] (other than the form itself)."""
        spans = self._named.get(key, [])
        for index in range(bisect_left(spans, (lo, -1)), len(spans)):
            span = spans[index]
            if span[0] >= hi:
                return False
            if span[1] <= hi and span != exclude:
                return True
        return False

    def near(self, rule: FormContext, start: int, end: int) -> bool:
        lo, hi = self.scope(start, end, rule.within)
        keys = [("id", ref) for ref in rule.near] + [("kind", kind) for kind in rule.near_kind]
        return any(self.names(key, lo, hi, (start, end)) for key in keys)


def rule_holds(rule: FormContext, paragraph: Paragraph, start: int, end: int) -> bool:
    """Whether one rule lets the form at text[start:end] stand for its entry."""
    text = paragraph.text
    if rule.anywhere:
        return True
    if rule.not_after and _follows(text, start, rule.not_after):
        return False
    if rule.not_before and _precedes(text, end, rule.not_before):
        return False
    if rule.not_in_name and _inside_name(text, start, end):
        return False
    if rule.near or rule.near_kind:
        return paragraph.near(rule, start, end)
    return True


def applies(rules: Iterable[FormContext], paragraph: Paragraph, start: int, end: int) -> bool:
    """A bound form applies where every rule that binds it holds."""
    return all(rule_holds(rule, paragraph, start, end) for rule in rules)
