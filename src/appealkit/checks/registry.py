"""Rule metadata and the decorator that registers a rule."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from appealkit.findings import CATEGORIES, SEVERITIES


class Spanned(Protocol):
    """Anything with its text and its character offsets in a paragraph (a term, a citation, a found rendering)."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Hit:
    """What a rule reports; the checker turns it into a Finding with files and lines."""

    message: str
    source_text: str = ""
    expected: tuple[str, ...] = ()
    source_paragraph: int | None = None
    source_span: tuple[int, int] | None = None
    target_paragraph: int | None = None
    target_span: tuple[int, int] | None = None
    found: str | None = None
    severity: str | None = None  # overrides the rule's default when set
    line: int | None = None  # file line, for findings about no paragraph (a front-matter key)
    source_cue: tuple[int, int] | None = None  # a cue inside source_text / found (a negation the reports highlight)
    target_cue: tuple[int, int] | None = None

    @classmethod
    def between(
        cls,
        message: str,
        source: Spanned,
        source_paragraph: int,
        found: Spanned,
        target_paragraph: int,
        expected: tuple[str, ...] = (),
    ) -> Hit:
        """A finding about an English item and the translated text found for it, each located in its paragraph."""
        return cls(
            message,
            source.text,
            expected,
            source_paragraph,
            (source.start, source.end),
            target_paragraph,
            (found.start, found.end),
            found.text,
        )


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: str
    # "bead": runs on each aligned group; "letter": once per letter pair; "gate": once per letter pair, before the
    # others, which do not run when it reports (an empty or wrong-language translation is one finding, not 139);
    # "file": once per file found under a checked tree (appealkit.discovery).
    scope: str
    check: Callable[..., Iterator[Hit]]
    rationale: str = ""  # why the default severity is what it is (appeal rules); tests require one per rule

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.id

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.check) or ""


RULES: dict[str, Rule] = {}


SCOPES = ("bead", "letter", "gate", "file")


def rule(rule_id: str, category: str, severity: str, scope: str = "bead", *, rationale: str = ""):
    """Register a check function under a stable id. ``rationale``: why ``severity`` is its default."""
    if category not in CATEGORIES or severity not in SEVERITIES or scope not in SCOPES:
        raise ValueError(f"bad metadata for rule {rule_id}")

    def register(func: Callable[..., Iterator[Hit]]) -> Callable[..., Iterator[Hit]]:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES[rule_id] = Rule(rule_id, category, severity, scope, func, " ".join(rationale.split()))
        return func

    return register
