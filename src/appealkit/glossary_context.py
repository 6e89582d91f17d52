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
from dataclasses import dataclass
from typing import Any, Iterable

from appealkit.segmentation import split_sentences

SCOPES = ("sentence", "paragraph")
CONTEXT_KEYS = {"forms", "near", "near_kind", "within", "not_after", "not_before", "not_in_name", "anywhere",
                "reason"}
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
        if before.endswith(word) and (len(before) == len(word) or not before[-len(word) - 1].isalnum()
                                      or not word[0].isalnum()):
            return True
    return False


def _precedes(text: str, end: int, strings: Iterable[str]) -> bool:
    """The text right after ``end`` starts with one of the strings (case-insensitive; no space skipped for
    punctuation such as "/", one optional space for words)."""
    after = text[end : end + 60].lower()
    for string in strings:
        string = string.lower()
        candidate = after if not string[0].isalnum() else after.lstrip()
        if candidate.startswith(string) and (len(candidate) == len(string) or not string[-1].isalnum()
                                             or not candidate[len(string)].isalnum()):
            return True
    return False


_CAPITALISED_BEFORE = re.compile(r"(?:^|[\s(])[A-Z][\w’'.&-]*[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"^[ \t]+[A-Z]")


def _inside_name(text: str, start: int, end: int) -> bool:
    """Capitalised words on both sides, on the same line: South [China] Morning Post, East [China] Sea."""
    return bool(_CAPITALISED_BEFORE.search(text[max(0, start - 40) : start])
                and _CAPITALISED_AFTER.match(text[end : end + 3]))


def _scope(text: str, start: int, end: int, within: str | int) -> tuple[int, int]:
    """The character range in which a ``near`` entry must be named."""
    if within == "paragraph":
        return 0, len(text)
    if isinstance(within, int):
        words = [m.span() for m in _WORD.finditer(text)]
        before = [s for s, _ in words if s < start]
        after = [e for _, e in words if e > end]
        lo = before[-within] if len(before) >= within else 0
        hi = after[within - 1] if len(after) >= within else len(text)
        return lo, hi
    for sentence in split_sentences(text):
        if sentence.start <= start < sentence.end:
            return sentence.start, sentence.end
    return 0, len(text)


def _near(rule: FormContext, text: str, start: int, end: int, anchors: Iterable[Any]) -> bool:
    lo, hi = _scope(text, start, end, rule.within)
    return any((a.entry.id in rule.near or a.entry.kind in rule.near_kind) and lo <= a.start and a.end <= hi
               and not (a.start == start and a.end == end) for a in anchors)


def rule_holds(rule: FormContext, text: str, start: int, end: int, anchors: Iterable[Any]) -> bool:
    """Whether one rule lets the form at text[start:end] stand for its entry. ``anchors`` are the
    context-free glossary mentions (TermMatch) of the same paragraph."""
    if rule.anywhere:
        return True
    if rule.not_after and _follows(text, start, rule.not_after):
        return False
    if rule.not_before and _precedes(text, end, rule.not_before):
        return False
    if rule.not_in_name and _inside_name(text, start, end):
        return False
    if rule.near or rule.near_kind:
        return _near(rule, text, start, end, anchors)
    return True


def applies(rules: Iterable[FormContext], text: str, start: int, end: int, anchors: Iterable[Any]) -> bool:
    """A bound form applies where every rule that binds it holds."""
    anchors = list(anchors)
    return all(rule_holds(rule, text, start, end, anchors) for rule in rules)
