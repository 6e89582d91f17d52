"""What a rule sees: one aligned bead (source paragraphs ↔ target paragraphs) or one letter pair."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from appealkit.alignment import Bead
from appealkit.facts import ParagraphFacts
from appealkit.glossary import Glossary, TermMatch, credited
from appealkit.letters import Letter
from appealkit.reorder import ParagraphOrder

T = TypeVar("T")


@dataclass
class LetterContext:
    source: Letter
    target: Letter
    lang: str
    glossary: Glossary
    source_facts: list[ParagraphFacts]
    target_facts: list[ParagraphFacts]
    beads: list[Bead] = field(default_factory=list)
    joined: list[Bead] = field(default_factory=list)  # beads the checker joined over a moved sentence
    order: ParagraphOrder = field(default_factory=lambda: ParagraphOrder())  # moved, swapped, duplicated


@dataclass
class BeadContext:
    letter: LetterContext
    bead: Bead
    index: int
    _memo: dict[str, Any] = field(default_factory=dict)
    _sources: list[tuple[int, ParagraphFacts]] = field(init=False, repr=False)
    _targets: list[tuple[int, ParagraphFacts]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Listed once: every rule walks them, most beads have one paragraph a side and nothing much to read.
        self._sources = [(i, self.letter.source_facts[i]) for i in self.bead.source]
        self._targets = [(j, self.letter.target_facts[j]) for j in self.bead.target]

    @property
    def lang(self) -> str:
        return self.letter.lang

    @property
    def glossary(self) -> Glossary:
        return self.letter.glossary

    def sources(self) -> list[tuple[int, ParagraphFacts]]:
        """(index, facts) of the bead's source paragraphs."""
        return self._sources

    def targets(self) -> list[tuple[int, ParagraphFacts]]:
        """(index, facts) of the bead's target paragraphs."""
        return self._targets

    @cached_property
    def target_text(self) -> str:
        return "\n".join(self.letter.target_facts[j].text for j in self.bead.target)

    @cached_property
    def target_terms(self) -> list[tuple[int, TermMatch]]:
        """Glossary renderings in the bead's target paragraphs that render a term of its source."""
        source_ids = {t.entry.id for _, facts in self.sources() for t in facts.terms}
        return [(j, t) for j, facts in self.targets() for t in credited(facts.terms, source_ids)]

    @cached_property
    def target_terms_by_entry(self) -> dict[str, list[tuple[int, TermMatch]]]:
        index: dict[str, list[tuple[int, TermMatch]]] = {}
        for j, term in self.target_terms:
            index.setdefault(term.entry.id, []).append((j, term))
        return index

    @property
    def first_target(self) -> int | None:
        return self.bead.target[0] if self.bead.target else None

    def neighbour_targets(self) -> Iterator[tuple[int, ParagraphFacts]]:
        """Target paragraphs of the adjacent beads: where a moved fact may have gone."""
        beads = self.letter.beads
        for other in (self.index - 1, self.index + 1):
            if 0 <= other < len(beads):
                for j in beads[other].target:
                    yield j, self.letter.target_facts[j]

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Share one computation (e.g. figure matching) between the rules that read it."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]
