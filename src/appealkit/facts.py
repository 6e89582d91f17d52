"""Facts: what a paragraph asserts that a translation must keep.

Source side (English) facts are precise: each one is a requirement. Target side (zh/ko) facts are
generous: every way a translator may write a figure, date, article or term, so that a kept fact is
never reported as lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from appealkit.citations import ArticleRef, find_articles, find_symbols
from appealkit.dates import DateMention, WeekdayMention, find_dates, find_weekdays
from appealkit.entities import Entity, find_entities
from appealkit.glossary import Glossary, TermMatch, outermost
from appealkit.numerals import NumberMention, find_numbers
from appealkit.spans import SpanSet
from appealkit.times import TimeMention, find_times

INSTRUMENT_KINDS = ("treaty", "law")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_YEAR_BEFORE = re.compile(r"\b(1[89]\d\d|20\d\d)\s*$")
# What may stand between an article and its instrument: "Article 33 of the ", "art. 3 under the UN ".
_ARTICLE_OF = re.compile(r",?\s*(?:of|under|in)\s+(?:the\s+|its\s+)?(?:UN\s+|U\.N\.\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    """An instrument mention, optionally with the article, paragraph and year cited with it."""

    instrument: TermMatch | None
    article: ArticleRef | None
    year: int | None
    start: int
    end: int
    text: str


@dataclass
class ParagraphFacts:
    """Facts of one paragraph; spans are offsets into that paragraph's text."""

    text: str
    figures: list[NumberMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    articles: list[ArticleRef] = field(default_factory=list)
    symbols: list[tuple[int, int, str]] = field(default_factory=list)
    terms: list[TermMatch] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    all_numbers: list[NumberMention] = field(default_factory=list)
    term_numbers: list[tuple[NumberMention, TermMatch]] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    weekdays: list[WeekdayMention] = field(default_factory=list)
    # What rules derive from the paragraph (the clauses of its sentences), kept with it: an English paragraph's
    # facts are shared by its zh and ko checks, so it is read once per letter, not once per translation.
    readings: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def anchors(self) -> frozenset[str]:
        """Language-independent tokens used to align paragraphs."""
        return anchor_tokens(
            self.all_numbers, self.terms, self.entities, self.symbols, self.dates, self.times, self.weekdays
        )

    @cached_property
    def size(self) -> int:
        """Non-space characters: the length measure of the alignment model."""
        return sum(map(len, self.text.split()))  # split() cuts at exactly the str.isspace() characters


def anchor_tokens(
    numbers: Iterable[NumberMention],
    terms: Iterable[TermMatch],
    entities: Iterable[Entity],
    symbols: Iterable[tuple[int, int, str]],
    dates: Iterable[DateMention],
    times: Iterable[TimeMention] = (),
    weekdays: Iterable[WeekdayMention] = (),
) -> frozenset[str]:
    """The alignment anchors of some facts: language-independent tokens (figures, glossary entries, names,
    document symbols, months, clock times, weekdays) that a paragraph and its translation share."""
    # "one" is too ambiguous across languages (一位, 한 명, "a") to anchor anything.
    tokens = {f"n{n.value:g}" for n in numbers if n.value != 1}
    # Most paragraphs have few kinds of facts: a set is built only for the kinds present.
    if terms:
        tokens.update(f"t{t.entry.id}" for t in outermost(terms))
    if entities:
        tokens.update(f"e{e.text.lower()}" for e in entities)
    if symbols:
        tokens.update(f"s{s[2]}" for s in symbols)
    if dates:
        tokens.update(f"d{d.year}-{d.month}" for d in dates if d.month)
    if times:
        tokens.update(f"h{t.hour12}:{t.minute}" for t in times)
    if weekdays:
        tokens.update(f"w{w.weekday}" for w in weekdays)
    return frozenset(tokens)


def _year_of(text: str, term: TermMatch) -> tuple[int | None, int]:
    """The year written in or just before an instrument's name, and where the citation starts."""
    inside = _YEAR.search(term.text)
    if inside:
        return int(inside[1]), term.start
    before = _YEAR_BEFORE.search(text[max(0, term.start - 8) : term.start])
    if before:
        return int(before[1]), max(0, term.start - 8) + before.start()
    return None, term.start


def _citations(text: str, terms: list[TermMatch], articles: list[ArticleRef]) -> list[Citation]:
    """Pair each instrument with the article cited just before it ("Article 33 of the ...") and its year."""
    citations: list[Citation] = []
    unused = list(articles)
    for term in (t for t in terms if t.entry.kind in INSTRUMENT_KINDS):
        year, start = _year_of(text, term)
        article = next((a for a in unused if a.end <= start and _ARTICLE_OF.fullmatch(text[a.end : start])), None)
        if article is not None:
            unused.remove(article)
            start = article.start
        citations.append(Citation(term, article, year, start, term.end, text[start : term.end]))
    citations += [Citation(None, a, None, a.start, a.end, a.text) for a in unused]
    return sorted(citations, key=lambda c: c.start)


def source_facts(text: str, glossary: Glossary) -> ParagraphFacts:
    """English paragraph facts; numbers inside dates, citations, terms and entities are not figures.
    (Each filter runs only when there is something to filter: most paragraphs have no date, entity or number.)"""
    entities = find_entities(text)
    symbols = find_symbols(text)
    fences = [(e.start, e.end) for e in entities] + [(s, e) for s, e, _ in symbols]
    fenced = SpanSet(fences) if fences else _NOTHING
    # "CAT" inside CAT/C/GC/4 or a name inside a URL is part of that entity, not a term.
    terms = glossary.find_in_english(text)
    if fences and terms:
        terms = [t for t in terms if not fenced.overlaps(t.start, t.end)]
    articles = find_articles(text, "en")
    citations = _citations(text, terms, articles) if terms or articles else []
    dates = find_dates(text, "en")
    if dates:
        term_spans = SpanSet((t.start, t.end) for t in terms)
        dated_citations = SpanSet((c.start, c.end) for c in citations if c.year)
        dates = [
            d
            for d in dates
            if not fenced.overlaps(d.start, d.end)
            and not term_spans.contains(d.start, d.end)
            and not dated_citations.overlaps(d.start, d.end)
        ]
    times = find_times(text, "en")
    if fences and times:
        times = [t for t in times if not fenced.overlaps(t.start, t.end)]
    numbers = find_numbers(text, "en")
    figures: list[NumberMention] = []
    term_numbers: list[tuple[NumberMention, TermMatch]] = []
    if numbers:
        not_figures = SpanSet(
            [
                *fences,
                *((d.start, d.end) for d in dates),
                *((c.start, c.end) for c in citations),
                *((t.start, t.end) for t in terms),
                *((t.start, t.end) for t in times),
            ]
        )
        figures = [n for n in numbers if not not_figures.overlaps(n.start, n.end)]
        # A number inside a name ("19th Asian Games", "COVID-19") is a figure only where the name's target
        # rendering carries it (第19届亚运会 does, 新冠疫情 does not): the figure rule decides per language.
        names = [t for t in terms if t.entry.kind not in INSTRUMENT_KINDS]
        term_numbers = [(n, t) for n in numbers for t in names if t.start <= n.start and n.end <= t.end]
    return ParagraphFacts(
        text,
        figures,
        dates,
        citations,
        articles,
        symbols,
        terms,
        entities,
        numbers,
        term_numbers,
        times,
        find_weekdays(text, "en"),
    )


_NOTHING = SpanSet()


def target_facts(text: str, lang: str, glossary: Glossary) -> ParagraphFacts:
    """Translation paragraph facts: every number not part of a date, an entity, a document symbol
    (A/HRC/25/CRP.1) or an article reference (第4条第2款, as on the English side) counts as a figure."""
    dates = find_dates(text, lang)
    entities = find_entities(text)
    symbols = find_symbols(text)
    articles = find_articles(text, lang)
    times = find_times(text, lang)
    numbers = find_numbers(text, lang)
    figures = list(numbers)
    if numbers and (dates or entities or symbols or articles or times):
        fenced = SpanSet(
            [(d.start, d.end) for d in dates]
            + [(e.start, e.end) for e in entities]
            + [(start, end) for start, end, _ in symbols]
            + [(a.start, a.end) for a in articles]
            + [(t.start, t.end) for t in times]
        )
        figures = [n for n in numbers if not fenced.overlaps(n.start, n.end)]
    return ParagraphFacts(
        text,
        figures=figures,
        dates=dates,
        articles=articles,
        symbols=symbols,
        terms=glossary.find_in_target(text, lang),
        entities=entities,
        all_numbers=numbers,
        times=times,
        weekdays=find_weekdays(text, lang),
    )
