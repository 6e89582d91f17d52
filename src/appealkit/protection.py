"""Protecting facts through machine translation, and restoring them robustly.

Before decoding, every glossary term, figure, date, citation, URL and document symbol in a sentence is
replaced by a placeholder ``[[N]]``: ASCII brackets and digits exist in every SentencePiece vocabulary and
NMT models tend to copy them. After decoding, placeholders are found tolerantly (any bracket family, one or
two brackets, spaces inside, digits turned into CJK numerals) and replaced by the target rendering.
Restoration never drops an item silently: a hypothesis missing a placeholder is rejected in favour of the
next n-best hypothesis; when none keeps them all, the missing renderings are inserted and the segment is
marked for review.

Not every fact becomes a placeholder: glossary terms used as verbs stay visible (an engine cannot inflect or
place a verb it cannot see) and are enforced on the output (``enforcement``), and no more than
``MAX_PLACEHOLDER_SHARE`` of a sentence's words may be placeholders: beyond it, glossary nouns are left
visible too (shortest first), and a sentence still over the bound is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from appealkit.enforcement import VisibleTerm, enforce, is_verb_form
from appealkit.enforcement import score as terms_rendered
from appealkit.expressions import find_expressions
from appealkit.facts import source_facts
from appealkit.glossary import Glossary, TermMatch
from appealkit.localize import render_citation, render_date, render_expression, render_term

_OPEN = "[［【〔(（<〈《"
_CLOSE = "]］】〕)）>〉》"
_CJK_DIGITS = "〇一二三四五六七八九"
PLACEHOLDER = re.compile(
    rf"[{re.escape(_OPEN)}]{{1,2}}\s*([0-9０-９{_CJK_DIGITS}十]{{1,3}})\s*[{re.escape(_CLOSE)}]{{1,2}}"
)


# The largest share of a sentence's words (placeholders counted as words) that may be placeholders. A line
# shorter than MIN_SENTENCE_WORDS (a dateline, an address or contact line) is facts only and is not held to it.
MAX_PLACEHOLDER_SHARE = 0.34
MIN_SENTENCE_WORDS = 4
# Glossary nouns that may be left visible to keep a sentence under the bound: common terms and places, which
# engines translate as words; names of organizations, people and treaties stay placeholders.
RELEASABLE_KINDS = ("term", "place")
_WORDS = re.compile(r"\[\[\d+\]\]|[^\W_]+")


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
    visible: list[VisibleTerm] = field(default_factory=list)  # glossary terms the engine sees in English
    share: float = 0.0  # placeholders / words of ``text``
    over_limit: bool = False  # share is above the bound even with every glossary noun left visible

    @property
    def entry_ids(self) -> list[str]:
        return list(dict.fromkeys([i.entry_id for i in self.items if i.entry_id] + [t.entry.id for t in self.visible]))


@dataclass
class Restored:
    text: str
    missing: list[Protected] = field(default_factory=list)
    duplicated: list[int] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # placeholders that match no protected item, left as written
    needs_review: bool = False
    hypothesis: int = 0
    repaired_terms: list[str] = field(default_factory=list)  # visible terms repaired in place
    inserted_terms: list[str] = field(default_factory=list)  # visible terms inserted after the sentence


_Span = tuple[int, int, str, str, "str | None", "TermMatch | None"]


def _spans(text: str, glossary: Glossary, lang: str, context_terms: list[TermMatch] | None) -> list[_Span]:
    facts = source_facts(text, glossary)
    spans: list[_Span] = []
    for c in facts.citations:
        entry = c.instrument.entry.id if c.instrument else None
        spans.append((c.start, c.end, "citation", render_citation(c, lang), entry, None))
    for t in facts.terms if context_terms is None else context_terms:
        spans.append((t.start, t.end, "term", render_term(t.entry, lang), t.entry.id, t))
    for d in facts.dates:
        spans.append((d.start, d.end, "date", render_date(d, lang), None, None))
    for x in find_expressions(text, facts.figures, facts.times):
        spans.append((x.start, x.end, x.kind, render_expression(x, lang), None, None))
    for e in facts.entities:
        spans.append((e.start, e.end, "entity", e.text, None, None))
    for start, end, symbol in facts.symbols:
        spans.append((start, end, "symbol", symbol, None, None))
    chosen: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not any(span[0] < c[1] and c[0] < span[1] for c in chosen):
            chosen.append(span)
    return chosen


def _engine_text(text: str, spans: list[_Span]) -> str:
    pieces: list[str] = []
    cursor = 0
    for index, (start, end, *_rest) in enumerate(spans, 1):
        pieces += [text[cursor:start], placeholder(index)]
        cursor = end
    return "".join(pieces) + text[cursor:]


def placeholder_share(engine_text: str) -> float:
    """Placeholders / words of what the engine sees (a placeholder counts as one word)."""
    words = _WORDS.findall(engine_text)
    return sum(1 for w in words if w.startswith("[[")) / len(words) if words else 0.0


def protect(
    text: str,
    glossary: Glossary,
    lang: str,
    max_share: float = MAX_PLACEHOLDER_SHARE,
    verbs_visible: bool = True,
    context_terms: list[TermMatch] | None = None,
) -> ProtectedSegment:
    """Replace each fact in an English sentence by a numbered placeholder; leave glossary verbs visible, and
    glossary nouns too while placeholders are more than ``max_share`` of the sentence.

    ``context_terms``: the glossary terms of the sentence as its whole paragraph decides them (a form bound
    to a context, "Director" near the Liaoning PSD, may have that context in another line); see
    ``terms_in_paragraph``. ``verbs_visible=False`` and ``max_share=1`` hide every term (the behaviour
    before issue 15, kept for benchmarks/placeholder_density.py to compare against)."""
    spans = _spans(text, glossary, lang, context_terms)
    visible = [s for s in spans if verbs_visible and s[5] is not None and is_verb_form(s[5])]
    spans = [s for s in spans if s not in visible]
    share = placeholder_share(_engine_text(text, spans))
    releasable = sorted(
        (s for s in spans if s[5] is not None and s[5].entry.kind in RELEASABLE_KINDS),
        key=lambda s: (len(s[5].text.split()) if s[5] else 0, s[0]),
    )
    while share > max_share and releasable:
        released = releasable.pop(0)
        spans.remove(released)
        visible.append(released)
        share = placeholder_share(_engine_text(text, spans))
    engine_text = _engine_text(text, spans)
    over_limit = share > max_share and len(_WORDS.findall(engine_text)) >= MIN_SENTENCE_WORDS
    segment = ProtectedSegment(text, engine_text, share=share, over_limit=over_limit)
    for index, (start, end, kind, target, entry_id, _match) in enumerate(spans, 1):
        segment.items.append(Protected(index, kind, text[start:end], target, entry_id))
    segment.visible = [VisibleTerm(s[5].entry, s[5].text, s[3]) for s in sorted(visible) if s[5] is not None]
    return segment


def terms_in_paragraph(paragraph: str, sentences: list[str], glossary: Glossary) -> list[list[TermMatch]]:
    """The glossary terms of each sentence (in order, as split from ``paragraph``), matched over the whole
    paragraph as the checker matches them, with offsets into the sentence."""
    found = glossary.find_in_english(paragraph)
    out: list[list[TermMatch]] = []
    cursor = 0
    for sentence in sentences:
        at = paragraph.find(sentence, cursor)
        if at < 0:  # not a verbatim piece of the paragraph: the sentence decides alone
            out.append(glossary.find_in_english(sentence))
            continue
        cursor = at + len(sentence)
        out.append(
            [
                replace(t, start=t.start - at, end=t.end - at)
                for t in found
                if at <= t.start and t.end <= at + len(sentence)
            ]
        )
    return out


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


def restore(segment: ProtectedSegment, hypotheses: list[str], lang: str, glossary: Glossary | None = None) -> Restored:
    """Choose the n-best hypothesis that keeps every item (and, given the glossary, renders the most visible
    terms correctly); otherwise repair the best one. Visible terms still missing are then enforced."""
    if not segment.items and not segment.visible:
        return Restored(hypotheses[0] if hypotheses else "", hypothesis=0)
    attempts = [restore_one(segment, h) for h in hypotheses] or [Restored("", list(segment.items))]
    source_ids = set(segment.entry_ids)
    rendered = [
        terms_rendered(a.text, segment.visible, glossary, lang, source_ids) if glossary else 0 for a in attempts
    ]
    # Fewest missing items, then most visible terms rendered, then no duplicated or unknown placeholders.
    ranked = sorted(
        range(len(attempts)),
        key=lambda k: (len(attempts[k].missing), -rendered[k], bool(attempts[k].duplicated or attempts[k].unknown), k),
    )
    chosen = attempts[ranked[0]]
    chosen.hypothesis = ranked[0]
    chosen.needs_review = bool(chosen.duplicated or chosen.unknown or chosen.missing)
    if chosen.missing:
        inserted = ("" if lang == "zh" else " ").join(item.target for item in chosen.missing)
        chosen.text = f"{chosen.text}（{inserted}）" if lang == "zh" else f"{chosen.text} ({inserted})"
    if glossary is not None and segment.visible:
        enforced = enforce(chosen.text, segment.visible, glossary, lang, source_ids)
        chosen.text, chosen.repaired_terms, chosen.inserted_terms = enforced.text, enforced.repaired, enforced.inserted
        chosen.needs_review |= bool(enforced.inserted)
    return chosen
