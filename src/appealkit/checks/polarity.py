"""Meaning: a translation that forbids what the English demands, or demands what it forbids.

Sentences are aligned inside each paragraph pair (``sentence_alignment``), split into clauses and read for
negation, prohibition and obligation cues (``polarity``). Glossary renderings are masked first: the 不 of
不驱回原则 and the 금지 of 강제송환금지 원칙 belong to the term, not to the clause.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from appealkit import speedups
from appealkit.checks.context import BeadContext
from appealkit.checks.registry import Hit, rule
from appealkit.polarity import (
    KINDS,
    Clause,
    Cue,
    count_negations,
    english_verbs,
    find_cues,
    lost_and_added,
    split_clauses,
    target_verbs,
)
from appealkit.sentence_alignment import SentenceRef, align_sentence_refs, sentences_of

# What a translation writes to forbid an act, offered as the expected form of an inverted clause.
PROHIBITION_FORMS = {"zh": ("不得", "不应", "切勿"), "ko": ("-서는 안 된다", "-지 말 것")}
OBLIGATION_FORMS = {"zh": ("应", "必须"), "ko": ("-해야 한다", "-ㄹ 것")}

T = TypeVar("T")


@dataclass(frozen=True)
class Located:
    """A clause of one sentence, placed in its paragraph."""

    sentence: SentenceRef
    clause: Clause
    place: float = 0.0  # where the clause stands in its side of the pair, 0 (first) … 1 (last)

    def span(self, cue: Cue | None = None) -> tuple[int, int]:
        """Paragraph offsets of the cue (cue offsets are the sentence's), or of the whole clause."""
        if cue is not None:
            return self.sentence.start + cue.start, self.sentence.start + cue.end
        return self.sentence.start + self.clause.start, self.sentence.start + self.clause.end

    @property
    def text(self) -> str:
        return self.clause.text.strip()

    def cue_in_text(self, cue: Cue) -> tuple[int, int]:
        """The cue's offsets inside ``text`` (the stripped clause): what the reports highlight."""
        start = cue.start - self.clause.start - (len(self.clause.text) - len(self.clause.text.lstrip()))
        return start, start + cue.end - cue.start


@dataclass(frozen=True)
class PolarityPair:
    """The clauses of an aligned sentence pair."""

    source: list[Located]
    target: list[Located]

    def nearest_target(self, src: Located, among: Sequence[Located]) -> Located:
        """The candidate whose place in the translated sentences best matches the clause's place in the English."""
        return min(among, key=lambda t: abs(t.place - src.place))

    def nearest_source(self, tgt: Located) -> Located:
        return min(self.source, key=lambda s: abs(s.place - tgt.place))


def _located(refs: Sequence[SentenceRef], lang: str) -> list[Located]:
    """The clauses of some sentences, in order, each with its place (linear: a 100 KB "1,1,1,…" paragraph is
    50,000 clauses)."""
    found = []
    for ref in refs:
        found += [(ref, c) for c in _clauses(ref, lang)]
    last = max(1, len(found) - 1)
    return [Located(ref, c, i / last) for i, (ref, c) in enumerate(found)]


def _reading(ref: SentenceRef, name: str, read: Callable[[], T]) -> T:
    """A reading of one sentence, made once per paragraph facts (an English sentence serves the zh and ko
    checks); the sentence is its span in the paragraph, which fixes its text and its masked terms."""
    key = (name, ref.start, ref.end)
    readings = ref.facts.readings
    if key not in readings:
        readings[key] = read()
    return readings[key]


def _cues(ref: SentenceRef, lang: str) -> list[Cue]:
    return _reading(ref, "cues", lambda: find_cues(ref.text, lang, ref.masked()))


def _clauses(ref: SentenceRef, lang: str) -> list[Clause]:
    return _reading(ref, "clauses", lambda: split_clauses(ref.text, lang, _cues(ref, lang)))


def _clause_cue_kinds(ref: SentenceRef, lang: str) -> set[str]:
    """The kinds of the cues in the sentence's clauses (a sentence without a cue is not split into clauses)."""
    if not _cues(ref, lang):
        return set()
    return {cue.kind for clause in _clauses(ref, lang) for cue in clause.cues}


# The cue kinds a finding needs. polarity-changed: ``lost_and_added`` counts a negation lost only when the English
# has a negation, prohibition, negative verb (implicit) or repeat, and one added only when the translation has a
# negation, prohibition or repeat; polarity-inverted needs a prohibition on one side. Obligations and optional or
# bare cues alone are never reported.
SOURCE_REPORTABLE = frozenset({"prohibition", "negation", "implicit", "repeat"})
TARGET_REPORTABLE = frozenset({"prohibition", "negation", "repeat"})
ANY_CUE = frozenset(KINDS)


def may_report(source: Sequence[SentenceRef], target: Sequence[SentenceRef], lang: str) -> bool:
    """Whether either rule can report on these English and translated sentences: a reportable cue on one side
    (with ``speedups.reportable`` off: any cue)."""
    source_kinds, target_kinds = (
        (SOURCE_REPORTABLE, TARGET_REPORTABLE) if speedups.ACTIVE.reportable else (ANY_CUE, ANY_CUE)
    )
    return any(_clause_cue_kinds(ref, "en") & source_kinds for ref in source) or any(
        _clause_cue_kinds(ref, lang) & target_kinds for ref in target
    )


def polarity_pairs(ctx: BeadContext) -> list[PolarityPair]:
    """The bead's aligned sentence pairs as clauses; shared by both rules of this module. Only pairs that
    ``may_report``: with no reportable cue (a negation, prohibition, negative verb or repeat), neither rule
    can report, and when the whole bead has none its sentences are not even aligned."""

    def compute() -> list[PolarityPair]:
        src, tgt = sentences_of(list(ctx.sources()), "en"), sentences_of(list(ctx.targets()), ctx.lang)
        if not may_report(src, tgt, ctx.lang):
            return []
        return [
            PolarityPair(_located(p.source, "en"), _located(p.target, ctx.lang))
            for p in align_sentence_refs(src, tgt, ctx.lang)
            if p.source and p.target and may_report(p.source, p.target, ctx.lang)
        ]

    return ctx.memo("polarity-pairs", compute)


@dataclass(frozen=True)
class Inversion:
    source: Located
    source_cue: Cue
    target: Located
    target_cue: Cue
    forbidden_in_english: bool  # True: the English forbids, the translation demands; False: the reverse


def _verbs_after(located: Located, cue: Cue) -> set[int]:
    return english_verbs(located.clause.text, cue.end - located.clause.start)


def inversions(pair: PolarityPair, lang: str) -> Iterator[Inversion]:
    """Clauses whose demand the translation turned round, with the same verb on both sides.

    A prohibition (must not, under no circumstances, stop …ing) inverts when no translated clause negates
    its verb and one demands it bare (应强迫 / 돌려보낼 것을); an English demand with no negation inverts when
    no translated clause demands its verb and one forbids it (不得释放 / 석방해서는 안 된다)."""
    # Only clauses with a cue can keep or turn a demand: looked at once, not once per English demand.
    negated = [t for t in pair.target if t.clause.negations]
    bare = [t for t in pair.target if t.clause.is_bare_obligation]
    forbidding = [t for t in pair.target if t.clause.is_prohibition]
    rendered: dict[int, set[int]] = {}  # the verb classes of each translated clause, read once

    def carrying(candidates: list[Located], verbs: set[int]) -> list[Located]:
        for t in candidates:
            if id(t) not in rendered:
                rendered[id(t)] = target_verbs(t.clause.text, lang)
        return [t for t in candidates if rendered[id(t)] & verbs]

    for src in pair.source:
        forbids = src.clause.of("prohibition")
        demands = [] if src.clause.negations else src.clause.of("obligation")
        for cue, forbidden in ((forbids[:1], True), (demands[:1], False)):
            if not cue:
                continue
            verbs = _verbs_after(src, cue[0])
            if not verbs:
                continue
            keeps = carrying(negated if forbidden else bare, verbs)
            turned = carrying(bare if forbidden else forbidding, verbs)
            if turned and not keeps:
                tgt = pair.nearest_target(src, turned)
                tgt_cue = tgt.clause.of("obligation" if forbidden else "prohibition")[0]
                yield Inversion(src, cue[0], tgt, tgt_cue, forbidden)


def _inversions(ctx: BeadContext) -> list[list[Inversion]]:
    """The inversions of each sentence pair of the bead, computed once for both rules."""
    return ctx.memo("polarity-inversions", lambda: [list(inversions(p, ctx.lang)) for p in polarity_pairs(ctx)])


@rule(
    "polarity-inverted",
    "meaning",
    "error",
    rationale="An appeal that demands what its signatories forbid (force them back instead of never force them "
    "back) is worse than one that loses a figure; reported only when the same verb is demanded bare.",
)
def polarity_inverted(ctx: BeadContext) -> Iterator[Hit]:
    """The translation demands what the English forbids, or forbids what it demands (a dropped or added "not").

    Certain cases only: an English prohibition (must not, should not, under no circumstances, never, refrain
    from, stop …ing) whose aligned translated clause carries the same verb as a bare obligation (应 / 必须 / 要 /
    -해야 한다 / -ㄹ 것을) with no negation anywhere in it, or an English demand whose verb the translation
    forbids (不得 / 不应 / -서는 안 되- / -지 말-). "The same verb" comes from the lexicon's verb classes
    (return → 遣返 / 송환, force → 强迫 / 강제 …); a rewording with a negative verb (must not return →
    必须避免遣返, stop returning → 停止遣返) keeps the meaning and is not reported. The English and the
    translated clause are the finding's source text and found text; the spans are the two cues.
    """
    for pair_inversions in _inversions(ctx):
        for inv in pair_inversions:
            if inv.forbidden_in_english:
                message = (
                    f"the English forbids ('{inv.source_cue.text}') what the translation demands "
                    f"('{inv.target_cue.text}'): a negation is missing in '{inv.target.text}'"
                )
                expected = PROHIBITION_FORMS[ctx.lang]
            else:
                message = (
                    f"the English demands ('{inv.source_cue.text}') what the translation forbids "
                    f"('{inv.target_cue.text}'): '{inv.target.text}' adds a negation"
                )
                expected = OBLIGATION_FORMS[ctx.lang]
            yield Hit(
                message,
                inv.source.text,
                expected,
                inv.source.sentence.paragraph,
                inv.source.span(inv.source_cue),
                inv.target.sentence.paragraph,
                inv.target.span(inv.target_cue),
                inv.target.text,
                source_cue=inv.source.cue_in_text(inv.source_cue),
                target_cue=inv.target.cue_in_text(inv.target_cue),
            )


CERTAIN = ("prohibition", "negation")


def _first_with(side: Sequence[Located], *kind_sets: tuple[str, ...]) -> tuple[Located, Cue] | None:
    """The first clause with a cue of the first kinds, else of the next kinds…, and that cue."""
    for kinds in kind_sets:
        for located in side:
            if cues := located.clause.of(*kinds):
                return located, cues[0]
    return None


@rule(
    "polarity-changed",
    "meaning",
    "warning",
    rationale="A negation count that differs is often a translator's rewording (avoid, fail, litotes); a reviewer "
    "reads the named clause to tell a lost not from a paraphrase.",
)
def polarity_changed(ctx: BeadContext) -> Iterator[Hit]:
    """An aligned sentence pair lost a negation, or gained one the English does not have.

    Counts the negation words and prohibitions of each side (``polarity.lost_and_added``). Negative verbs
    (refuse / 拒绝 / 거부, avoid / 避免 / 피하-), privatives and negative prefixes (without, illegal / 未经, 非法 /
    없이, 불법) may be rendered with or without a negation word, so they only widen the tolerance: "must not
    return" → 必须避免遣返 balances. Known equivalents are no cues at all ("no fewer than" → 至少, "not only" →
    不仅, 적지 않은 "many"), and a negation repeated over coordinated verbs (did not X or Y → 既未X，也未Y)
    is not an added one. Still reported: a translation with no cue at all where the English has a negative
    meaning, and a prohibition on one side with nothing negative on the other. The warning names the clause
    that has the negation the other side lacks; pairs that polarity-inverted reports are left to it.
    """
    for index, pair in enumerate(polarity_pairs(ctx)):
        if _inversions(ctx)[index]:
            continue
        counts = (count_negations([c.clause for c in side]) for side in (pair.source, pair.target))
        lost, added = lost_and_added(*counts)
        if lost:
            found = _first_with(pair.source, CERTAIN, ("implicit",))
            if found is None:
                continue
            src, cue = found
            tgt = pair.nearest_target(src, pair.target)
            yield Hit(
                f"the translation has {lost} negation(s) fewer than the English ('{cue.text}' in '{src.text}'): "
                f"is a negation missing in '{tgt.text}'?",
                src.text,
                (),
                src.sentence.paragraph,
                src.span(cue),
                tgt.sentence.paragraph,
                tgt.span(),
                tgt.text,
                source_cue=src.cue_in_text(cue),
            )
        elif added:
            found = _first_with(pair.target, CERTAIN, ("repeat",))
            if found is None:
                continue
            tgt, cue = found
            src = pair.nearest_source(tgt)
            yield Hit(
                f"the translation has {added} negation(s) more than the English ('{cue.text}' in '{tgt.text}'): "
                f"is a negation added to '{src.text}'?",
                src.text,
                (),
                src.sentence.paragraph,
                src.span(),
                tgt.sentence.paragraph,
                tgt.span(cue),
                tgt.text,
                target_cue=tgt.cue_in_text(cue),
            )
