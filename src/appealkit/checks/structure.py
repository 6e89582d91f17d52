"""Structure: source paragraphs with no counterpart, target paragraphs with no source, paragraph pairs joined
over a moved sentence."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from appealkit.checks.context import BeadContext, LetterContext
from appealkit.checks.registry import Hit, rule


def _excerpt(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


@rule("structure-missing-paragraph", "structure", "error")
def missing_paragraph(ctx: BeadContext) -> Iterator[Hit]:
    """A source paragraph has no counterpart in the translation (alignment found nothing for it)."""
    if ctx.bead.target:
        return
    for i, facts in ctx.sources():
        excerpt = _excerpt(facts.text, 80)
        yield Hit(f"source paragraph has no counterpart in the translation: '{excerpt}'", excerpt, (), i,
                  (0, len(facts.text)), None)


@rule("structure-added-paragraph", "structure", "info")
def added_paragraph(ctx: BeadContext) -> Iterator[Hit]:
    """The translation has a paragraph with no source counterpart (a dateline, a translator's note)."""
    if ctx.bead.source:
        return
    for j, facts in ctx.targets():
        excerpt = _excerpt(facts.text, 60)
        yield Hit(f"translation adds a paragraph with no source counterpart: '{excerpt}'", "", (), None, None,
                  j, (0, len(facts.text)), excerpt)


@rule("structure-pseudo-approved", "structure", "error", scope="letter")
def pseudo_approved(ctx) -> Iterator[Hit]:
    """A pseudo-localised translation is marked approved: pseudo output is test text and can never be approved."""
    meta = ctx.target.meta
    if (meta.get("pseudo") or meta.get("engine") == "pseudo") and meta.get("status") == "approved":
        yield Hit("pseudo-localised output cannot be approved: translate with a real engine or by hand", "", ())


@rule("structure-joined-paragraphs", "structure", "info", scope="letter")
def joined_paragraphs(ctx: LetterContext) -> Iterator[Hit]:
    """Two paragraph pairs were checked together because a sentence moved across the paragraph break.

    The last sentence of one English paragraph often opens the next translated paragraph. Its facts are then
    not missing, only one paragraph away: the checker joins the two pairs into one when that explains at
    least two errors, and says so here. A single fact that changed paragraphs is still reported.
    """
    for bead in ctx.joined:
        yield Hit(f"English paragraphs {bead.source[0] + 1}–{bead.source[-1] + 1} were checked together with "
                  f"translated paragraphs {bead.target[0] + 1}–{bead.target[-1] + 1}: a sentence moved across "
                  "the paragraph break", "", (), bead.source[0], None, bead.target[0], None)


@rule("structure-inline-code-lost", "structure", "error")
def inline_code_lost(ctx: BeadContext) -> Iterator[Hit]:
    """A unit of a bilingual file (XLIFF, TMX) lost an inline code of its source: ``<x/>``, ``<ph>``, ``<g>``,
    ``<pc>``, ``<bpt>``… carry the letter's formatting, links and footnote marks.

    Codes are kept out of the checked text, and compared by element and id: a code the source has more often
    than the translation is reported. Letters in Markdown have no inline codes.
    """
    letter = ctx.letter
    present = Counter(code for j in ctx.bead.target for code in letter.target.paragraphs[j].codes)
    for i in ctx.bead.source:
        if not ctx.bead.target:
            return  # the whole unit is missing: structure-missing-paragraph says so
        wanted = Counter(letter.source.paragraphs[i].codes)
        for code in sorted((wanted - present).elements()):
            yield Hit(f"the translation lost the inline code <{code.replace(':', ' id=', 1)}> of the source", code,
                      (code,), i, None, ctx.first_target, None)
