"""Stale: the translation was made from an English body that has since changed."""

from __future__ import annotations

from collections.abc import Iterator

from appealkit.checks.context import LetterContext
from appealkit.checks.registry import Hit, rule


@rule(
    "stale-source",
    "stale",
    "warning",
    scope="letter",
    rationale=(
        "The English changed after the translation was made, which may or may not matter (a typo fix): it "
        "asks for a review, and 'appeal stamp' records it."
    ),
)
def stale_source(ctx: LetterContext) -> Iterator[Hit]:
    """The translation's ``source_sha256`` does not match the current English body.

    The English was edited after the translation was made (or the hash was never recorded): review the
    changed paragraphs, then update ``source_sha256`` (``appeal translate`` does this for you).
    """
    recorded = ctx.target.meta.get("source_sha256")
    if not ctx.target.meta:
        return  # plain files carry no provenance to compare
    actual = ctx.source.body_sha256
    if not recorded:
        yield Hit(f"translation records no source_sha256; the English body hashes to {actual[:12]}…", "", (actual,))
    elif str(recorded) != actual:
        yield Hit(
            f"translation was made from another version of the English (source_sha256 {str(recorded)[:12]}… "
            f"≠ {actual[:12]}…)",
            "",
            (actual,),
        )
