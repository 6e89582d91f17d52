"""What a rule sees: one aligned bead (source paragraphs ↔ target paragraphs) or one letter pair."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Iterator, TypeVar

from appealkit.alignment import Bead
from appealkit.facts import ParagraphFacts
from appealkit.glossary import Glossary, TermMatch, credited
from appealkit.letters import Letter

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


@dataclass
class BeadContext:
    letter: LetterContext
    bead: Bead
    index: int
    _memo: dict[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.letter.lang

    @property
    def glossary(self) -> Glossary:
        return self.letter.glossary

    def sources(self) -> Iterator[tuple[int, ParagraphFacts]]:
        for i in self.bead.source:
            yield i, self.letter.source_facts[i]

    def targets(self) -> Iterator[tuple[int, ParagraphFacts]]:
        for j in self.bead.target:
            yield j, self.letter.target_facts[j]

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

    def moved_rendering(self, entry_id: str) -> int | None:
        """The adjacent target paragraph a missing term went to with its sentence, or None.

        The translator moved a sentence across the paragraph break when at least two terms missing here are
        rendered in one adjacent target paragraph whose own English does not explain them. One stray match is
        not enough: common renderings (关押, 强制遣返) turn up everywhere, and a real omission must not hide
        behind them.
        """
        return self.memo("moved", self._moved_terms).get(entry_id)

    def _moved_terms(self) -> dict[str, int]:
        missing = {t.entry.id for _, facts in self.sources() for t in facts.terms
                   if not any(found.quality != "forbidden" for _, found in self.target_terms_by_entry.get(t.entry.id, []))}
        by_paragraph: dict[int, set[str]] = {}
        for entry_id in sorted(missing):
            for j in self._surplus_paragraphs(entry_id):
                by_paragraph.setdefault(j, set()).add(entry_id)
        return {entry_id: j for j, ids in sorted(by_paragraph.items(), reverse=True) if len(ids) >= 2
                for entry_id in ids}

    def _surplus_paragraphs(self, entry_id: str) -> Iterator[int]:
        """Adjacent target paragraphs rendering the entry where their own source does not explain it: not
        the same entry, not another entry with the same rendering (强制遣返 for both "refoulement" and
        "forcible repatriation"), not a name nested in a longer one their source names (难民 in 朝鲜难民)."""
        beads = self.letter.beads
        for other in (self.index - 1, self.index + 1):
            if not 0 <= other < len(beads):
                continue
            own = {t.entry.id for i in beads[other].source for t in self.letter.source_facts[i].terms}
            if entry_id in own:
                continue
            for j in beads[other].target:
                terms = self.letter.target_facts[j].terms
                explained = [(t.start, t.end) for t in terms if t.entry.id in own]
                if any(t.entry.id == entry_id and t.quality != "forbidden"
                       and not any(s <= t.start and t.end <= e for s, e in explained)
                       for t in credited(terms, own)):
                    yield j

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Share one computation (e.g. figure matching) between the rules that read it."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]
