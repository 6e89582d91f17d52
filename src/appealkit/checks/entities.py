"""Entities that must be copied exactly: URLs, e-mail addresses, phone and fax numbers, postcodes."""

from __future__ import annotations

import re
from typing import Iterator

from appealkit.checks.context import BeadContext
from appealkit.checks.registry import Hit, rule

_SPACING = re.compile(r"[\s\u00a0\u3000]+")


def _present(value: str, text: str) -> bool:
    """Verbatim, allowing only a change of spacing (an editor may rewrap a fax number)."""
    return value in text or _SPACING.sub("", value) in _SPACING.sub("", text)


@rule("entity-missing", "entity", "error",
      rationale=(
          "URLs, e-mail addresses and phone numbers are how readers act on the appeal: an altered one fails "
          "silently."))
def entity_missing(ctx: BeadContext) -> Iterator[Hit]:
    """A URL, e-mail address, phone or fax number or postcode is missing or altered in the translation."""
    for i, facts in ctx.sources():
        for entity in facts.entities:
            if not _present(entity.text, ctx.target_text):
                yield Hit(f"{entity.kind} '{entity.text}' is missing or altered in the translation", entity.text,
                          (entity.text,), i, (entity.start, entity.end), ctx.first_target)
