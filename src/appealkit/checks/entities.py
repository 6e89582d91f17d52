"""Entities that must be copied exactly: URLs, e-mail addresses, phone and fax numbers, postcodes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from appealkit.checks.context import BeadContext
from appealkit.checks.registry import Hit, rule

_SPACING = re.compile(r"[\s\u00a0\u3000]+")
# A run of digits with the punctuation phone numbers are written with: +86-10-6307-0900, (010) 6307 0900.
_DIAL = re.compile(r"\+?\(?\d[\d\s\u00a0().\-–]{5,}\d")


def _present(value: str, text: str, kind: str) -> bool:
    """Verbatim, allowing only a change of spacing (an editor may rewrap a fax number); a phone or fax number
    may also be re-punctuated, and lose its country code for the trunk 0 (+86-10-6307-0900 = 010 6307 0900)."""
    if value in text or _SPACING.sub("", value) in _SPACING.sub("", text):
        return True
    return kind == "phone" and any(_same_number(value, m.group()) for m in _DIAL.finditer(text))


def _same_number(a: str, b: str) -> bool:
    da, db = re.sub(r"\D", "", a), re.sub(r"\D", "", b)
    if da == db:
        return True
    # One side dropped the country code (+86 / +82) and wrote the national trunk 0 instead, or nothing.
    national_a, national_b = da.lstrip("0"), db.lstrip("0")
    shorter, longer = sorted((national_a, national_b), key=len)
    international = (a.lstrip().startswith("+") or b.lstrip().startswith("+")) and len(longer) - len(shorter) <= 3
    return international and len(shorter) >= 7 and longer.endswith(shorter)


@rule(
    "entity-missing",
    "entity",
    "error",
    rationale=(
        "URLs, e-mail addresses and phone numbers are how readers act on the appeal: an altered one fails silently."
    ),
)
def entity_missing(ctx: BeadContext) -> Iterator[Hit]:
    """A URL, e-mail address, phone or fax number or postcode is missing or altered in the translation.

    Copied verbatim, up to spacing; a phone or fax number may be re-punctuated (+86-10-6307-0900 → +86 10 6307 0900)
    or written the national way (010-6307-0900), but no digit may change.
    """
    for i, facts in ctx.sources():
        for entity in facts.entities:
            if not _present(entity.text, ctx.target_text, entity.kind):
                yield Hit(
                    f"{entity.kind} '{entity.text}' is missing or altered in the translation",
                    entity.text,
                    (entity.text,),
                    i,
                    (entity.start, entity.end),
                    ctx.first_target,
                )
