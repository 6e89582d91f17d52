"""Structure: source paragraphs with no counterpart, target paragraphs with no source, paragraph pairs joined
over a moved sentence, moved, swapped and duplicated paragraphs, empty letters."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from appealkit.checks.context import BeadContext, LetterContext
from appealkit.checks.registry import Hit, rule


def _excerpt(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


@rule(
    "structure-missing-paragraph",
    "structure",
    "error",
    rationale="An English paragraph with nothing aligned to it means everything it says is missing.",
)
def missing_paragraph(ctx: BeadContext) -> Iterator[Hit]:
    """A source paragraph has no counterpart in the translation (alignment found nothing for it)."""
    if ctx.bead.target:
        return
    for i, facts in ctx.sources():
        excerpt = _excerpt(facts.text, 80)
        yield Hit(
            f"source paragraph has no counterpart in the translation: '{excerpt}'",
            excerpt,
            (),
            i,
            (0, len(facts.text)),
            None,
        )


@rule(
    "structure-added-paragraph",
    "structure",
    "info",
    rationale=(
        "Translations add datelines and translators' notes; nothing of the English is lost. Shown for review only."
    ),
)
def added_paragraph(ctx: BeadContext) -> Iterator[Hit]:
    """The translation has a paragraph with no source counterpart (a dateline, a translator's note)."""
    if ctx.bead.source:
        return
    for j, facts in ctx.targets():
        excerpt = _excerpt(facts.text, 60)
        yield Hit(
            f"translation adds a paragraph with no source counterpart: '{excerpt}'",
            "",
            (),
            None,
            None,
            j,
            (0, len(facts.text)),
            excerpt,
        )


@rule(
    "structure-pseudo-approved",
    "structure",
    "error",
    scope="letter",
    rationale="Pseudo-localised text is test output: approving it would send gibberish to the addressee.",
)
def pseudo_approved(ctx) -> Iterator[Hit]:
    """A pseudo-localised translation is marked approved: pseudo output is test text and can never be approved."""
    meta = ctx.target.meta
    if (meta.get("pseudo") or meta.get("engine") == "pseudo") and meta.get("status") == "approved":
        yield Hit("pseudo-localised output cannot be approved: translate with a real engine or by hand", "", ())


@rule(
    "structure-joined-paragraphs",
    "structure",
    "info",
    scope="letter",
    rationale="A notice, not a problem: it explains why facts were matched across a paragraph break.",
)
def joined_paragraphs(ctx: LetterContext) -> Iterator[Hit]:
    """Two paragraph pairs were checked together because a sentence moved across the paragraph break.

    The last sentence of one English paragraph often opens the next translated paragraph. Its facts are then
    not missing, only one paragraph away: the checker joins the two pairs into one when that explains at
    least two errors, and says so here. A single fact that changed paragraphs is still reported.
    """
    for bead in ctx.joined:
        yield Hit(
            f"English paragraphs {bead.source[0] + 1}–{bead.source[-1] + 1} were checked together with "
            f"translated paragraphs {bead.target[0] + 1}–{bead.target[-1] + 1}: a sentence moved across "
            "the paragraph break",
            "",
            (),
            bead.source[0],
            None,
            bead.target[0],
            None,
        )


def _where(ctx: LetterContext, j: int) -> str:
    paragraph = ctx.target.paragraphs[j]
    return f"translated paragraph {j + 1} (line {paragraph.line})"


@rule(
    "structure-moved-paragraph",
    "structure",
    "warning",
    scope="letter",
    rationale=(
        "Facts are kept, so not an error; but order carries the letter's argument (the request comes "
        "last), so a reviewer should confirm the move."
    ),
)
def moved_paragraph(ctx: LetterContext) -> Iterator[Hit]:
    """An English paragraph is translated elsewhere in the letter: reported once, where it went.

    The paragraph is recognised by its figures, dates, terms and names, and checked against the translated
    paragraph it moved to, so its facts are not reported missing. Paragraph order carries the argument of
    a letter (the request usually comes last): a reviewer should confirm the move was meant.
    """
    for move in ctx.order.moves:
        if not move.is_swap:
            excerpt = _excerpt(ctx.source.paragraphs[move.source].text, 60)
            yield Hit(
                f"English paragraph {move.source + 1} ('{excerpt}') was moved: it is translated at "
                f"{_where(ctx, move.target)}",
                excerpt,
                (),
                move.source,
                None,
                move.target,
                None,
            )


@rule(
    "structure-swapped-paragraphs",
    "structure",
    "warning",
    scope="letter",
    rationale="Facts are kept, so not an error; a reviewer should confirm the new order reads as the English argues.",
)
def swapped_paragraphs(ctx: LetterContext) -> Iterator[Hit]:
    """Two adjacent English paragraphs appear in the opposite order in the translation.

    Both are checked against the paragraph they were translated as; the swap itself is reported once.
    """
    for move in ctx.order.moves:
        if move.partner is not None:
            first, second = sorted((move.source, move.partner))
            yield Hit(
                f"English paragraphs {first + 1} and {second + 1} are in the opposite order in the translation",
                "",
                (),
                first,
                None,
                move.target,
                None,
            )


@rule(
    "structure-duplicated-paragraph",
    "structure",
    "error",
    scope="letter",
    rationale="A paragraph pasted twice is visible to the addressee and never intended: an error, reported once.",
)
def duplicated_paragraph(ctx: LetterContext) -> Iterator[Hit]:
    """A translated paragraph repeats another one word for word, where the English has no repetition.

    A paste done twice. The copy is left out of the comparison (its figures are not counted twice) and
    reported once.
    """
    for duplicate in ctx.order.duplicates:
        excerpt = _excerpt(ctx.target.paragraphs[duplicate.target].text, 60)
        yield Hit(
            f"paragraph repeats {_where(ctx, duplicate.original)} word for word: '{excerpt}'",
            "",
            (),
            None,
            None,
            duplicate.target,
            None,
            excerpt,
        )


@rule(
    "structure-empty-source",
    "structure",
    "error",
    scope="gate",
    rationale="With no English there is nothing to check: a green run would mean nothing.",
)
def empty_source(ctx: LetterContext) -> Iterator[Hit]:
    """The English letter has no text: there is nothing to check the translation against."""
    if not ctx.source.paragraphs:
        yield Hit(f"{ctx.source.path.name} has no text: nothing to check the translation against", "", ())


@rule(
    "structure-empty-translation",
    "structure",
    "error",
    scope="gate",
    rationale="An empty translation would be sent as a blank letter: always an error.",
)
def empty_translation(ctx: LetterContext) -> Iterator[Hit]:
    """The translation has no text (one finding, not one per English paragraph and fact)."""
    if ctx.source.paragraphs and not ctx.target.paragraphs:
        yield Hit(f"the translation is empty: the English has {len(ctx.source.paragraphs)} paragraph(s)", "", ())


@rule(
    "structure-inline-code-lost",
    "structure",
    "error",
    rationale=(
        "A lost inline code breaks the file the CAT tool writes back: a link, footnote mark or formatting "
        "of the letter is gone, and some tools refuse to export the unit at all."
    ),
)
def inline_code_lost(ctx: BeadContext) -> Iterator[Hit]:
    """A unit of a bilingual file (XLIFF, TMX) lost an inline code of its source: ``<x/>``, ``<ph>``, ``<g>``,
    ``<pc>``, ``<bpt>``… carry the letter's formatting, links and footnote marks.

    Codes are kept out of the checked text, and compared by element and id: a code the source has more often
    than the translation is reported. Letters in Markdown have no inline codes.
    """
    letter = ctx.letter
    if not ctx.bead.target:
        return  # the whole unit is missing: structure-missing-paragraph says so
    if not any(letter.source.paragraphs[i].codes for i in ctx.bead.source):
        return  # no code to lose (every paragraph of a Markdown letter)
    present = Counter(code for j in ctx.bead.target for code in letter.target.paragraphs[j].codes)
    for i in ctx.bead.source:
        wanted = Counter(letter.source.paragraphs[i].codes)
        for code in sorted((wanted - present).elements()):
            yield Hit(
                f"the translation lost the inline code <{code.replace(':', ' id=', 1)}> of the source",
                code,
                (code,),
                i,
                None,
                ctx.first_target,
                None,
            )
