"""Treaty and legal citations: the instrument, its article and paragraph, its year, UN document symbols."""

from __future__ import annotations

from collections.abc import Iterator

from appealkit.checks.context import BeadContext
from appealkit.checks.figures import looks_changed
from appealkit.checks.registry import Hit, rule
from appealkit.checks.terms import unverified_severity
from appealkit.citations import ArticleRef
from appealkit.facts import Citation
from appealkit.glossary import Entry

ARTICLE_FORMS = {"zh": "第{a}条", "ko": "제{a}조"}
PARAGRAPH_FORMS = {"zh": "第{a}条第{p}款", "ko": "제{a}조 제{p}항"}


def _citations(ctx: BeadContext) -> Iterator[tuple[int, Citation]]:
    for i, facts in ctx.sources():
        for citation in facts.citations:
            yield i, citation


def _instrument_found(ctx: BeadContext, entry: Entry) -> bool:
    return any(t.quality != "forbidden" for _, t in ctx.target_terms_by_entry.get(entry.id, []))


def _target_articles(ctx: BeadContext) -> list[tuple[int, ArticleRef]]:
    return [(j, a) for j, facts in ctx.targets() for a in facts.articles]


def _renderings(entry: Entry, lang: str) -> tuple[str, ...]:
    rendering = entry.rendering(lang)
    return rendering.correct if rendering else ()


@rule(
    "citation-instrument",
    "citation",
    "error",
    rationale=(
        "The treaty or law is the legal basis of the appeal: a letter that no longer names it asks for "
        "nothing enforceable."
    ),
)
def citation_instrument(ctx: BeadContext) -> Iterator[Hit]:
    """A treaty or law named in the source is missing from the translation.

    The instrument is resolved through the glossary's aliases, so 《关于难民地位的公约》, 难民公约 and
    1951年《难民公约》 all count for "the 1951 Refugee Convention". A warning when the glossary marks the
    instrument's title ``verified: false`` (no official title in that language, e.g. a report issued in English only).
    """
    for i, citation in _citations(ctx):
        instrument = citation.instrument
        entry = instrument.entry if instrument else None
        if instrument and entry and not _instrument_found(ctx, entry):
            severity = unverified_severity(entry, ctx.lang)
            unverified = " (the glossary has no attested title for it: a warning)" if severity else ""
            yield Hit(
                f"instrument '{instrument.text}' is missing from the translation{unverified}",
                citation.text,
                _renderings(entry, ctx.lang),
                i,
                (citation.start, citation.end),
                ctx.first_target,
                severity=severity,
            )


def _article_hits(ctx: BeadContext, citation: Citation) -> list[tuple[int, ArticleRef]]:
    article = citation.article
    return [(j, a) for j, a in _target_articles(ctx) if article and a.article == article.article]


def _in_neighbour(ctx: BeadContext, article: int, paragraph: int | None = None) -> tuple[int | None, str]:
    """The adjacent target paragraph that cites the article (and paragraph), and the words that say so."""
    for j, facts in ctx.neighbour_targets():
        if any(a.article == article and (paragraph is None or a.paragraph == paragraph) for a in facts.articles):
            return j, " (it appears in a neighbouring paragraph instead)"
    return None, ""


@rule(
    "citation-article",
    "citation",
    "error",
    rationale=(
        "A missing or renumbered article changes the legal ground the letter invokes: the addressee reads a "
        "wrong citation as a wrong claim."
    ),
)
def citation_article(ctx: BeadContext) -> Iterator[Hit]:
    """An article cited in the source (Article 33, article 4(1)) is missing or renumbered in the translation.

    When an adjacent paragraph cites it instead, the message says so: the citation still left its paragraph.
    """
    for i, citation in _citations(ctx):
        article = citation.article
        if article and not _article_hits(ctx, citation):
            form = ARTICLE_FORMS.get(ctx.lang, "{a}").format(a=article.article)
            moved, where = _in_neighbour(ctx, article.article)
            yield Hit(
                f"article {article.article} ('{article.text}') is missing from the translation{where}",
                citation.text,
                (form,),
                i,
                (article.start, article.end),
                ctx.first_target if moved is None else moved,
            )


@rule(
    "citation-paragraph",
    "citation",
    "error",
    rationale="Article 4(1) and 4(2) are different obligations: a lost or changed paragraph misstates the law.",
)
def citation_paragraph(ctx: BeadContext) -> Iterator[Hit]:
    """The paragraph of a cited article (article 4(1) → 第4条第1款 / 제4조 제1항) was lost or changed."""
    for i, citation in _citations(ctx):
        article = citation.article
        hits = _article_hits(ctx, citation)
        if article and article.paragraph and hits and not any(a.paragraph == article.paragraph for _, a in hits):
            form = PARAGRAPH_FORMS.get(ctx.lang, "{a}({p})").format(a=article.article, p=article.paragraph)
            j, found = hits[0]
            _, where = _in_neighbour(ctx, article.article, article.paragraph)
            message = f"paragraph {article.paragraph} of article {article.article} is missing from the translation"
            yield Hit.between(message + where, article, i, found, j, (form,))


@rule(
    "citation-year",
    "citation",
    "warning",
    rationale=(
        "The official title identifies the instrument without its year, so leaving the year out is usually "
        "house style; a different year in its place misdates the instrument and is reported as an error."
    ),
)
def citation_year(ctx: BeadContext) -> Iterator[Hit]:
    """The year written with a cited instrument ("the 1951 Refugee Convention") is absent from the translation.

    A warning when the year is simply left out: the official title (《关于难民地位的公约》) identifies the
    instrument without it. An error when another year stands in its place (1951 → 1915): that misdates the
    instrument.
    """
    if not any(citation.year for _, citation in _citations(ctx)):
        return  # no year to look for: the translation's numbers are not read
    numbers = {int(n.value) for _, f in ctx.targets() for n in f.all_numbers if float(n.value).is_integer()}
    years = {d.year for _, f in ctx.targets() for d in f.dates if d.year}
    source_numbers = {int(n.value) for _, f in ctx.sources() for n in f.all_numbers if float(n.value).is_integer()}
    for i, citation in _citations(ctx):
        if not citation.year or citation.year in numbers | years:
            continue
        impostor = next(
            (n for n in sorted((numbers | years) - source_numbers) if looks_changed(citation.year, n)), None
        )
        if impostor is None:
            yield Hit(
                f"year {citation.year} of '{citation.text}' is missing from the translation",
                citation.text,
                (str(citation.year),),
                i,
                (citation.start, citation.end),
                ctx.first_target,
            )
        else:
            yield Hit(
                f"year of '{citation.text}' changed: source {citation.year}, translation {impostor}",
                citation.text,
                (str(citation.year),),
                i,
                (citation.start, citation.end),
                ctx.first_target,
                found=str(impostor),
                severity="error",
            )


@rule(
    "citation-symbol",
    "citation",
    "error",
    rationale=(
        "A UN document symbol is an identifier readers look up: one changed character points to another document."
    ),
)
def citation_symbol(ctx: BeadContext) -> Iterator[Hit]:
    """A UN document symbol (A/70/302, CAT/C/GC/4) did not survive verbatim."""
    for i, facts in ctx.sources():
        for start, end, symbol in facts.symbols:
            if symbol not in ctx.target_text:
                yield Hit(
                    f"document symbol '{symbol}' is missing or altered in the translation",
                    symbol,
                    (symbol,),
                    i,
                    (start, end),
                    ctx.first_target,
                )
