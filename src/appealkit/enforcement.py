"""Glossary terms left visible to the engine, enforced on its output.

An engine cannot order or inflect what it cannot see: a verb hidden behind a placeholder ("must not [[2]] the
refugees") comes back as a noun in a verb slot, and Korean must end the clause with the verb. So English verb
forms of glossary terms ("forcibly return", "detained", "repatriate") are decoded with the English visible, and
the glossary is enforced on the output instead: the n-best hypothesis that renders the most of them correctly
is chosen (see ``protection.restore``), then each term still missing is repaired in place where that is
unambiguous: a forbidden rendering replaced by the preferred one, the English copied through untranslated
(plain or pseudo-accented) replaced by it, a part of the preferred rendering completed (遣返 → 强制遣返). Only
when none of these applies is the rendering inserted after the sentence, and the sentence marked for review.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from appealkit.glossary import Entry, Glossary, TermMatch, compact_form, credited

# An English form is a verb form when it is inflected (-ed, -ing), led by a manner adverb ("forcibly
# return"), or is the base form of an inflection the same entry lists (detain / detained).
_INFLECTED = re.compile(r"(?:ed|ing)$")
_ADVERB = re.compile(r"^[a-z]+ly\s")
KINDS_WITH_VERBS = ("term",)


@dataclass(frozen=True)
class VisibleTerm:
    """A glossary term the engine sees in English; the output must carry one of its correct renderings."""

    entry: Entry
    source: str
    target: str  # the preferred rendering, used for repair


@dataclass
class Enforced:
    text: str
    repaired: list[str]  # entry ids repaired in place
    inserted: list[str]  # entry ids inserted after the sentence (needs review)


def is_verb_form(match: TermMatch) -> bool:
    """Does this English occurrence of a glossary term read as a verb (so a placeholder would hide a verb)?"""
    if match.entry.kind not in KINDS_WITH_VERBS:
        return False
    form = " ".join(match.text.lower().split())
    forms = {" ".join(f.lower().split()) for f in match.entry.en}
    last = form.split(" ")[-1]
    inflections_listed = any(form + ending in forms for ending in ("d", "ed", "s", "ing"))
    return bool(_INFLECTED.search(last) or _ADVERB.match(form) or inflections_listed)


def satisfied(term: VisibleTerm, found: list[TermMatch]) -> bool:
    return any(m.entry.id == term.entry.id and m.quality != "forbidden" for m in found)


def _found(text: str, glossary: Glossary, lang: str, source_ids: set[str]) -> list[TermMatch]:
    """The renderings in ``text`` as the checker credits them: 酷刑 inside 禁止酷刑公约 renders no "torture"."""
    return credited(glossary.find_in_target(text, lang), source_ids)


def score(text: str, terms: list[VisibleTerm], glossary: Glossary, lang: str, source_ids: set[str]) -> int:
    """How many visible terms a hypothesis renders correctly."""
    if not terms:
        return 0
    found = _found(text, glossary, lang, source_ids)
    return sum(1 for term in terms if satisfied(term, found))


def _plain(text: str) -> str:
    """The text with accents removed character by character (same length): finds pseudo-accented English."""
    return "".join(unicodedata.normalize("NFD", ch)[0] for ch in text).lower()


def _repair_one(text: str, term: VisibleTerm, glossary: Glossary, lang: str) -> str | None:
    found = glossary.find_in_target(text, lang)
    forbidden = next((m for m in found if m.entry.id == term.entry.id and m.quality == "forbidden"), None)
    if forbidden:
        return text[: forbidden.start] + term.target + text[forbidden.end :]
    copied = re.search(
        r"(?<![a-z])" + r"\s+".join(map(re.escape, _plain(term.source).split())) + r"(?![a-z])", _plain(text)
    )
    if copied:
        return text[: copied.start()] + term.target + text[copied.end() :]
    return _complete_part(text, term.target)


def _complete_part(text: str, target: str) -> str | None:
    """遣返 → 强制遣返, 송환 → 강제송환: the longest ending (two characters or more) of the preferred rendering,
    the head of a Chinese or Korean compound, completed to the whole."""
    compacted = compact_form(target)
    for size in range(len(compacted) - 1, 1, -1):
        at = text.find(compacted[-size:])
        if at != -1:
            return text[:at] + target + text[at + size :]
    return None


def enforce(text: str, terms: list[VisibleTerm], glossary: Glossary, lang: str, source_ids: set[str]) -> Enforced:
    """Make the output carry every visible term: repair in place, or insert and report. ``source_ids``: the
    glossary entries the English sentence names (a rendering nested in another one's does not count)."""
    result = Enforced(text, [], [])
    for term in terms:
        if satisfied(term, _found(result.text, glossary, lang, source_ids)):
            continue
        repaired = _repair_one(result.text, term, glossary, lang)
        if repaired is not None and satisfied(term, _found(repaired, glossary, lang, source_ids)):
            result.text = repaired
            result.repaired.append(term.entry.id)
        else:
            result.inserted.append(term.entry.id)
    if result.inserted:
        missing = list(dict.fromkeys(t.target for t in terms if t.entry.id in result.inserted))
        result.text = (
            f"{result.text}（{'，'.join(missing)}）" if lang == "zh" else f"{result.text} ({', '.join(missing)})"
        )
    return result
