"""Glossary terms: a source term needs the glossary's preferred rendering in the aligned translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from appealkit.checks.context import BeadContext
from appealkit.checks.registry import Hit, rule
from appealkit.facts import INSTRUMENT_KINDS
from appealkit.glossary import Entry, TermMatch, compact_form


def _source_terms(ctx: BeadContext) -> Iterator[tuple[int, TermMatch]]:
    """First mention of each non-instrument entry in the bead (instruments belong to the citation rules)."""
    seen: set[str] = set()
    for i, facts in ctx.sources():
        for term in facts.terms:
            if term.entry.id not in seen and term.entry.kind not in INSTRUMENT_KINDS:
                seen.add(term.entry.id)
                yield i, term


def _renderings_of(ctx: BeadContext, entry_id: str) -> list[tuple[int, TermMatch]]:
    return ctx.target_terms_by_entry.get(entry_id, [])


def _expected(term: TermMatch, lang: str) -> tuple[str, ...]:
    rendering = term.entry.rendering(lang)
    return rendering.correct if rendering else ()


def unverified_severity(entry: Entry, lang: str) -> str | None:
    """A rendering no authoritative source attests (``verified: false``) cannot fail the gate: a warning."""
    rendering = entry.rendering(lang)
    return "warning" if rendering is not None and not rendering.verified else None


def _unverified_note(severity: str | None) -> str:
    return " (the glossary marks this rendering unverified)" if severity else ""


@rule(
    "term-missing",
    "term",
    "error",
    rationale=(
        "Glossary terms (treaties, UN bodies, non-refoulement) carry legal meaning: without any rendering the"
        " concept was lost or paraphrased beyond recognition. A warning when the glossary has no attested"
        " rendering (verified: false)."
    ),
)
def term_missing(ctx: BeadContext) -> Iterator[Hit]:
    """A glossary term in the source has none of its renderings in the aligned translation.

    A warning instead when the glossary marks the entry's rendering ``verified: false``: without an attested
    rendering the checker cannot be sure the translator's own wording is wrong; and when a name the glossary says
    ``stands_for`` another entry (a capital for its country: "Seoul says" → 한국 정부는) is rendered as that
    entry, which is right for a government and wrong in an address.
    """
    for i, term in _source_terms(ctx):
        if not _renderings_of(ctx, term.entry.id):
            rendering = term.entry.rendering(ctx.lang)
            preferred = rendering.preferred if rendering else "?"
            metonym = _rendered_as_what_it_stands_for(ctx, term.entry)
            if metonym is not None:
                j, found = metonym
                yield Hit(
                    f"'{term.text}' ({term.entry.id}) is rendered as '{found.text}' ({found.entry.id}), what it "
                    f"stands for (a capital for its government: 'Seoul says' → 한국 정부는): right for a government, "
                    f"wrong in an address; expected '{preferred}'",
                    term.text,
                    _expected(term, ctx.lang),
                    i,
                    (term.start, term.end),
                    j,
                    (found.start, found.end),
                    found.text,
                    severity="warning",
                )
                continue
            severity = unverified_severity(term.entry, ctx.lang)
            yield Hit(
                f"glossary term '{term.text}' ({term.entry.id}) is not rendered; expected '{preferred}'"
                f"{_unverified_note(severity)}",
                term.text,
                _expected(term, ctx.lang),
                i,
                (term.start, term.end),
                ctx.first_target,
                severity=severity,
            )


def _rendered_as_what_it_stands_for(ctx: BeadContext, entry: Entry) -> tuple[int, TermMatch] | None:
    """A capital named for its government ("Seoul says", "recognized Beijing") translated as the country."""
    return next(
        (
            found
            for other in entry.stands_for
            for found in _renderings_of(ctx, other)
            if found[1].quality != "forbidden"
        ),
        None,
    )


def _flagged_renderings(ctx: BeadContext, quality: str) -> Iterator[tuple[int, TermMatch, int, TermMatch]]:
    """(source paragraph, source term, target paragraph, found form) for each rendering of that quality."""
    seen: set[str] = set()
    for i, facts in ctx.sources():
        for term in facts.terms:
            if term.entry.id in seen:
                continue
            seen.add(term.entry.id)
            for j, found in _renderings_of(ctx, term.entry.id):
                if found.quality == quality:
                    yield i, term, j, found


def _because(term: TermMatch, found: TermMatch, lang: str) -> str:
    rendering = term.entry.rendering(lang)
    reason = rendering.reason(found.text) if rendering else ""
    return f": {reason}" if reason else ""


@rule(
    "term-forbidden",
    "term",
    "error",
    rationale=(
        "The glossary forbids a form because it is wrong in law or in fact (another legal meaning, a name no"
        " longer used); the finding gives the glossary's reason."
    ),
)
def term_forbidden(ctx: BeadContext) -> Iterator[Hit]:
    """A glossary term is rendered with a form the glossary forbids because it is wrong in law or in fact
    (不遣返原则 for non-refoulement narrows the principle to repatriation; 汉城 is not Seoul's name today).

    Applies to every kind of entry, treaties included. The message gives the glossary's reason. An attested
    but imprecise form is ``discouraged`` instead (rule term-discouraged, a warning).
    """
    for i, term, j, found in _flagged_renderings(ctx, "forbidden"):
        message = f"'{found.text}' is a forbidden rendering of '{term.text}' ({term.entry.id})"
        yield Hit.between(message + _because(term, found, ctx.lang), term, i, found, j, _expected(term, ctx.lang))


@rule(
    "term-discouraged",
    "term",
    "warning",
    rationale=(
        "The form is attested in real use but imprecise: the fact is kept, and the reader is told why the"
        " glossary prefers another wording."
    ),
)
def term_discouraged(ctx: BeadContext) -> Iterator[Hit]:
    """A glossary term is rendered with a form that is attested but imprecise (非法移民 'illegal migrant' for
    "irregular migrant"): a warning, with the glossary's reason in the message.

    A warning and not an error because the form is in real use and the fact is not lost; the reader is told
    why the glossary prefers another wording. Forms wrong in law or fact are ``forbidden`` (term-forbidden).
    """
    for i, term, j, found in _flagged_renderings(ctx, "discouraged"):
        rendering = term.entry.rendering(ctx.lang)
        preferred = rendering.preferred if rendering else "?"
        message = f"'{found.text}' is discouraged for '{term.text}' ({term.entry.id}); the glossary prefers "
        message += f"'{preferred}'{_because(term, found, ctx.lang)}"
        yield Hit.between(message, term, i, found, j, _expected(term, ctx.lang))


def _is_short_form(variant: TermMatch, lang: str) -> bool:
    """A short form of the preferred name: listed under ``short`` (북한), or a part of a name at least twice
    as long (朝鲜 in 朝鲜民主主义人民共和国; not 朝鲜 in 朝鲜人, which is the adjective, not an abbreviation)."""
    rendering = variant.entry.rendering(lang)
    if not rendering:
        return False
    text, full = compact_form(variant.text), compact_form(rendering.preferred)
    return (text in full and len(full) > 2 * len(text)) or text in {compact_form(s) for s in rendering.short}


def _short_form_after_full_name(ctx: BeadContext, j: int, variant: TermMatch) -> bool:
    """朝鲜 after 朝鲜民主主义人民共和国 was written out earlier: full name first, short name after is good style."""
    if not _is_short_form(variant, ctx.lang):
        return False
    return any(
        t.entry.id == variant.entry.id and t.quality == "preferred" and (k < j or t.end <= variant.start)
        for k, facts in enumerate(ctx.letter.target_facts[: j + 1])
        for t in facts.terms
    )


# A lowercase word after the term that makes it a modifier ("a North Korean mother"), unless it is one of
# these words, after which the term is a noun ("North Koreans who fled", "a North Korean in China").
_ATTRIBUTIVE_NEXT = re.compile(r"\s+([a-z][a-z\-]+)")
_DEMONYM = re.compile(r"(?:an|ese|ish|i)$")  # North Korean, Chinese, British, Pakistani (singular: a modifier)
_NOT_A_HEAD_NOUN = frozenset(
    [
        "and",
        "or",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "are",
        "is",
        "was",
        "were",
        "be",
        "been",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "must",
        "should",
        "in",
        "on",
        "at",
        "to",
        "of",
        "from",
        "for",
        "by",
        "with",
        "without",
        "into",
        "as",
        "than",
        "but",
        "nor",
        "not",
        "also",
        "still",
        "now",
        "then",
        "there",
        "here",
    ]
)


def _modifier_form(ctx: BeadContext, i: int, term: TermMatch, variant: TermMatch) -> bool:
    """Before a noun a demonym takes its modifier form: 朝鲜母亲 / 북한 어머니 for "a North Korean mother", where
    the preferred 朝鲜人 / 북한 주민 is the noun. Such an accepted form begins the preferred rendering."""
    rendering = term.entry.rendering(ctx.lang)
    if not rendering or not _DEMONYM.search(term.text):
        return False
    following = _ATTRIBUTIVE_NEXT.match(ctx.letter.source_facts[i].text, term.end)
    if not following or following.group(1) in _NOT_A_HEAD_NOUN:
        return False
    text, full = compact_form(variant.text), compact_form(rendering.preferred)
    return full.startswith(text) and text != full


def _names_two_source_terms(ctx: BeadContext, j: int, variant: TermMatch) -> bool:
    """A compound that renders two terms of the source at once (中朝 for "North Korea and China", 朝美 for "North
    Korea … the United States"): the way the language names a pair, not a style choice."""
    named = {t.entry.id for _, facts in ctx.sources() for t in facts.terms} - {variant.entry.id}
    return any(
        k == j and other.entry.id in named and (other.start, other.end) == (variant.start, variant.end)
        for k, other in ctx.target_terms
    )


@rule(
    "term-variant",
    "term",
    "warning",
    rationale="An accepted variant is correct, only not the house style: a style warning, not a wrong fact.",
)
def term_variant(ctx: BeadContext) -> Iterator[Hit]:
    """A glossary term uses an accepted variant instead of the preferred rendering (a style warning).

    Not reported for a short form of the preferred rendering once the translation has written the full
    name out (朝鲜民主主义人民共和国 …, then 朝鲜), the usual style for long names, nor for the modifier form of
    a demonym before a noun ("a North Korean mother" → 朝鲜母亲, not 朝鲜人母亲), nor for a compound that names
    two of the source's terms at once (中朝 for "North Korea and China").
    """
    for i, term in _source_terms(ctx):
        found = _renderings_of(ctx, term.entry.id)
        if found and not any(t.quality == "preferred" for _, t in found):
            j, variant = next(((j, t) for j, t in found if t.quality == "accepted"), found[0])
            if (
                variant.quality != "accepted"
                or _short_form_after_full_name(ctx, j, variant)
                or _modifier_form(ctx, i, term, variant)
                or _names_two_source_terms(ctx, j, variant)
            ):
                continue
            rendering = term.entry.rendering(ctx.lang)
            if rendering is None:  # a variant was found, so the entry has renderings in this language
                continue
            message = (
                f"'{variant.text}' is the short form: write the full name '{rendering.preferred}' at its first mention"
                if _is_short_form(variant, ctx.lang)
                else f"'{variant.text}' is an accepted variant; the glossary prefers '{rendering.preferred}'"
            )
            yield Hit(
                message,
                term.text,
                _expected(term, ctx.lang),
                i,
                (term.start, term.end),
                j,
                (variant.start, variant.end),
                variant.text,
            )
