"""Protecting facts through machine translation, and restoring them robustly.

Before decoding, every glossary term, figure, date, citation, URL and document symbol in a sentence is
replaced by a placeholder ``[[N]]``: ASCII brackets and digits exist in every SentencePiece vocabulary and
NMT models tend to copy them. After decoding, placeholders are found tolerantly (any bracket family, one or
two brackets, spaces inside, digits turned into CJK numerals) and replaced by the target rendering.
Restoration never drops an item silently: a hypothesis missing a placeholder is rejected in favour of the
next n-best hypothesis; when none keeps them all, the missing renderings are inserted and the segment is
marked for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from appealkit.expressions import find_expressions
from appealkit.facts import source_facts
from appealkit.glossary import Glossary
from appealkit.localize import render_citation, render_date, render_expression, render_term

_OPEN = "[［【〔(（<〈《"
_CLOSE = "]］】〕)）>〉》"
_CJK_DIGITS = "〇一二三四五六七八九"
PLACEHOLDER = re.compile(
    rf"[{re.escape(_OPEN)}]{{1,2}}\s*([0-9０-９{_CJK_DIGITS}十]{{1,3}})\s*[{re.escape(_CLOSE)}]{{1,2}}"
)


def placeholder(index: int) -> str:
    return f"[[{index}]]"


@dataclass(frozen=True)
class Protected:
    """One protected span: its source text, what it must become, and what kind of fact it is."""

    index: int
    kind: str  # term | date | citation | entity | symbol, or an expression kind: figure | money | ratio | ...
    source: str
    target: str
    entry_id: str | None = None


@dataclass
class ProtectedSegment:
    source: str
    text: str  # the source with placeholders, what the engine sees
    items: list[Protected] = field(default_factory=list)


@dataclass
class Restored:
    text: str
    missing: list[Protected] = field(default_factory=list)
    duplicated: list[int] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # placeholders that match no protected item, left as written
    needs_review: bool = False
    hypothesis: int = 0


def _spans(text: str, glossary: Glossary, lang: str) -> list[tuple[int, int, str, str, str | None]]:
    facts = source_facts(text, glossary)
    spans: list[tuple[int, int, str, str, str | None]] = []
    for c in facts.citations:
        entry = c.instrument.entry.id if c.instrument else None
        spans.append((c.start, c.end, "citation", render_citation(c, lang), entry))
    for t in facts.terms:
        spans.append((t.start, t.end, "term", render_term(t.entry, lang), t.entry.id))
    for d in facts.dates:
        spans.append((d.start, d.end, "date", render_date(d, lang), None))
    for x in find_expressions(text, facts.figures):
        spans.append((x.start, x.end, x.kind, render_expression(x, lang), None))
    for e in facts.entities:
        spans.append((e.start, e.end, "entity", e.text, None))
    for start, end, symbol in facts.symbols:
        spans.append((start, end, "symbol", symbol, None))
    chosen: list[tuple[int, int, str, str, str | None]] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not any(span[0] < c[1] and c[0] < span[1] for c in chosen):
            chosen.append(span)
    return chosen


def protect(text: str, glossary: Glossary, lang: str) -> ProtectedSegment:
    """Replace each fact in an English sentence by a numbered placeholder."""
    segment = ProtectedSegment(text, "")
    pieces: list[str] = []
    cursor = 0
    for start, end, kind, target, entry_id in _spans(text, glossary, lang):
        index = len(segment.items) + 1
        segment.items.append(Protected(index, kind, text[start:end], target, entry_id))
        pieces += [text[cursor:start], placeholder(index)]
        cursor = end
    pieces.append(text[cursor:])
    segment.text = "".join(pieces)
    return segment


def _index(token: str) -> int | None:
    """The placeholder number, also when the model wrote it as a CJK numeral (一二, 十, 十二, 二十, 二十三)."""
    token = token.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if token.isdigit():
        return int(token)
    tens, ten, units = token.partition("十")
    if not all(ch in _CJK_DIGITS for ch in tens + units):
        return None
    if not ten:
        return int("".join(str(_CJK_DIGITS.index(ch)) for ch in token))
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_CJK_DIGITS.index(tens) if tens else 1) * 10 + (_CJK_DIGITS.index(units) if units else 0)


def restore_one(segment: ProtectedSegment, hypothesis: str) -> Restored:
    """Replace placeholders in one hypothesis; report which items are missing or duplicated."""
    items = {item.index: item for item in segment.items}
    seen: set[int] = set()
    duplicated: list[int] = []
    unknown: list[str] = []

    def substitute(match: re.Match[str]) -> str:
        index = _index(match.group(1))
        if index not in items:
            unknown.append(match.group(0))
            return match.group(0)
        if index in seen:
            duplicated.append(index)
            return ""
        seen.add(index)
        return items[index].target

    text = PLACEHOLDER.sub(substitute, hypothesis)
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    missing = [item for index, item in items.items() if index not in seen]
    return Restored(text, missing, duplicated, unknown)


def restore(segment: ProtectedSegment, hypotheses: list[str], lang: str) -> Restored:
    """Choose the first n-best hypothesis that keeps every item; otherwise repair the best one."""
    if not segment.items:
        return Restored(hypotheses[0] if hypotheses else "", hypothesis=0)
    attempts = [restore_one(segment, h) for h in hypotheses] or [Restored("", list(segment.items))]
    complete = [attempt for attempt in attempts if not attempt.missing]
    if complete:  # prefer a hypothesis that needs no repair at all
        chosen = next((a for a in complete if not a.duplicated and not a.unknown), complete[0])
        chosen.hypothesis = attempts.index(chosen)
        chosen.needs_review = bool(chosen.duplicated or chosen.unknown)
        return chosen
    best = min(attempts, key=lambda a: len(a.missing))
    separator = "" if lang == "zh" else " "
    inserted = separator.join(item.target for item in best.missing)
    best.text = f"{best.text}{separator}（{inserted}）" if lang == "zh" else f"{best.text} ({inserted})"
    best.needs_review = True
    best.hypothesis = attempts.index(best)
    return best
