"""The consistency checker: load a source and its translation, align them, run every rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from appealkit.alignment import Bead
from appealkit.checks import RULES, Hit, Rule
from appealkit.checks.context import BeadContext, LetterContext
from appealkit.errors import AppealInputError
from appealkit.facts import ParagraphFacts, source_facts, target_facts
from appealkit.findings import Finding, PairResult
from appealkit.glossary import Glossary
from appealkit.letters import Letter, LetterPair, Paragraph, load_letter
from appealkit.reorder import ParagraphOrder, align_in_order

if TYPE_CHECKING:
    from appealkit.formats.units import BilingualFile

SUPPORTED = ("zh", "ko")


def resolve_language(target: Letter, explicit: str | None) -> str:
    lang = (explicit or target.lang or "").lower()
    if not lang:
        raise AppealInputError(
            "cannot tell the language of the translation (no lang in front matter, no .zh/.ko "
            "in the file name, too little text): use --lang zh or --lang ko",
            target.path,
        )
    if lang not in SUPPORTED:
        raise AppealInputError(f"cannot check language '{lang}': use --lang zh or --lang ko", target.path)
    return lang


def build_context(
    source: Letter, target: Letter, lang: str, glossary: Glossary, cache: dict[str, ParagraphFacts] | None = None
) -> LetterContext:
    """Facts of both sides, aligned. ``cache`` shares English facts between the zh and ko checks of one letter."""
    cache = {} if cache is None else cache
    src = [cache.get(p.text) or cache.setdefault(p.text, source_facts(p.text, glossary)) for p in source.paragraphs]
    tgt = [target_facts(p.text, lang, glossary) for p in target.paragraphs]
    ctx = LetterContext(source, target, lang, glossary, src, tgt)
    ctx.beads, ctx.order = align_in_order(src, tgt, lang)
    return ctx


def _finding(rule: Rule, hit: Hit, ctx: LetterContext) -> Finding:
    src_par = ctx.source.paragraphs[hit.source_paragraph] if hit.source_paragraph is not None else None
    tgt_par = ctx.target.paragraphs[hit.target_paragraph] if hit.target_paragraph is not None else None
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=hit.severity or rule.severity,
        message=hit.message,
        source_text=hit.source_text,
        expected=tuple(hit.expected),
        file=str(ctx.target.path),
        line=hit.line or (tgt_par.line if tgt_par else _untranslated_line(ctx, rule, hit, src_par)),
        source_file=str(ctx.source.path),
        source_line=src_par.line if src_par else _source_line(ctx, rule, hit),
        lang=ctx.lang,
        found=hit.found,
        source_paragraph=hit.source_paragraph,
        target_paragraph=hit.target_paragraph,
        source_span=hit.source_span,
        target_span=hit.target_span,
        unit=_unit_of(tgt_par or src_par),
        extra={
            name: list(cue) for name, cue in (("source_cue", hit.source_cue), ("target_cue", hit.target_cue)) if cue
        },
    )


def _source_line(ctx: LetterContext, rule: Rule, hit: Hit) -> int:
    """A finding with no English paragraph: the letter's first line for a letter-wide one, else the English
    aligned with its translated paragraph."""
    if hit.target_paragraph is None and rule.scope != "bead":
        return ctx.source.body_start_line
    return _aligned_source_line(ctx, hit.target_paragraph)


def _unit_of(paragraph: Paragraph | None) -> str | None:
    return paragraph.unit if paragraph is not None else None


def _untranslated_line(ctx: LetterContext, rule: Rule, hit: Hit, src_par: Paragraph | None) -> int:
    """Where a finding with no target paragraph goes: a unit's own line, else the letter's first line (a
    letter-wide rule) or the nearest aligned paragraph."""
    if src_par is not None and src_par.unit is not None:
        return src_par.end_line  # the unit's target line (see _unit_letters)
    return ctx.target.body_start_line if rule.scope != "bead" else _nearest_line(ctx, hit)


def _aligned_source_line(ctx: LetterContext, target_paragraph: int | None) -> int:
    """For a finding about the translation only (an added figure), the English paragraph aligned with its
    paragraph, or the last one before it when the paragraph was added."""
    best = ctx.source.body_start_line
    for bead in ctx.beads:
        if bead.source:
            best = ctx.source.paragraphs[bead.source[0]].line
        if target_paragraph is not None and target_paragraph in bead.target:
            break
    return best


def _nearest_line(ctx: LetterContext, hit: Hit) -> int:
    """For a fact whose paragraph vanished, the line of the target paragraph aligned just before it."""
    best = ctx.target.body_start_line
    for bead in ctx.beads:
        if hit.source_paragraph is not None and hit.source_paragraph in bead.source:
            break
        if bead.target:
            best = ctx.target.paragraphs[bead.target[-1]].end_line
    return best


def _bead_findings(ctx: LetterContext, index: int, rules: list[Rule]) -> list[Finding]:
    bead_ctx = BeadContext(ctx, ctx.beads[index], index)
    return one_finding_per_cause(
        [_finding(rule, hit, ctx) for rule in rules for hit in rule.check(bead_ctx)], ctx.beads[index]
    )


# Facts that a dropped paragraph or an untranslated sentence takes with it: reported by that one finding.
_FACT_CATEGORIES = frozenset({"figure", "date", "citation", "term", "entity"})


def one_finding_per_cause(findings: list[Finding], bead: Bead) -> list[Finding]:
    """One cause, one finding: a dropped paragraph is one structure-missing-paragraph, not also every figure and
    term it held; an English sentence left in the translation is one untranslated-sentence, not also each fact
    of that sentence."""
    if bead.source and not bead.target:
        return [f for f in findings if f.category not in _FACT_CATEGORIES]
    left_in_english = [
        (f.source_paragraph, f.source_span)
        for f in findings
        if f.category == "untranslated" and f.source_span is not None
    ]
    if not left_in_english:
        return findings

    def covered(f: Finding) -> bool:
        return (
            f.category in _FACT_CATEGORIES
            and f.source_span is not None
            and any(
                f.source_paragraph == i and span[0] <= f.source_span[0] and f.source_span[1] <= span[1]
                for i, span in left_in_english
            )
        )

    return [f for f in findings if not covered(f)]


def _errors(findings: list[Finding]) -> int:
    return sum(f.severity == "error" for f in findings)


# Joining two paragraph pairs must explain at least this many errors: one fact that changed paragraphs is a
# moved figure (reported), a whole sentence carries several.
MOVED_SENTENCE_MIN_FACTS = 2


def _moved_facts(ctx: LetterContext, separate: list[Finding], joined: list[Finding], first: Bead, second: Bead) -> int:
    """How many errors of the two separate beads the joined bead explains by a fact that moved. A fact the other
    English paragraph also states (China, the U.S. in every sentence of a news story) is no evidence that a
    sentence moved: it would be found next door whether or not anything moved."""
    left = Counter((f.rule, f.source_paragraph, f.source_text) for f in joined if f.severity == "error")
    explained = 0
    for f in (f for f in separate if f.severity == "error"):
        key = (f.rule, f.source_paragraph, f.source_text)
        if left[key]:
            left[key] -= 1
            continue
        other = second if f.source_paragraph in first.source else first
        other_text = " ".join(ctx.source_facts[i].text for i in other.source).lower()
        if not f.source_text or f.source_text.lower() not in other_text:
            explained += 1
    return explained


def _join_moved_sentences(ctx: LetterContext, per_bead: list[list[Finding]], rules: list[Rule]) -> list[list[Finding]]:
    """Check two adjacent paragraph pairs together when the translator moved a sentence across the break.

    The alignment pairs paragraphs, not sentences: when the last sentence of English ¶k opens translated
    ¶k+1, its figures, dates, citations and terms look missing from ¶k and added to ¶k+1. When checking both
    pairs as one bead explains at least two errors (counts still count), the bead stays joined and
    ``ctx.joined`` records it for the ``structure-joined-paragraphs`` notice.
    """
    k = 0
    while k + 1 < len(ctx.beads):
        first, second = ctx.beads[k], ctx.beads[k + 1]
        separate = _errors(per_bead[k]) + _errors(per_bead[k + 1])
        if separate >= MOVED_SENTENCE_MIN_FACTS and first.source and first.target and second.source and second.target:
            kept = ctx.beads
            ctx.beads = [*kept[:k], Bead(first.source + second.source, first.target + second.target), *kept[k + 2 :]]
            joined = _bead_findings(ctx, k, rules)
            if _moved_facts(ctx, per_bead[k] + per_bead[k + 1], joined, first, second) >= MOVED_SENTENCE_MIN_FACTS:
                per_bead[k : k + 2] = [joined]
                ctx.joined.append(ctx.beads[k])
                continue
            ctx.beads = kept
        k += 1
    return per_bead


def run_rules(ctx: LetterContext, rules: Iterable[Rule] | None = None, join: bool = True) -> list[Finding]:
    """Every rule over the context's beads. ``join=False`` for pre-aligned units (a CAT tool's segments):
    a sentence cannot move from one unit to the next, so beads are never joined."""
    selected = list(rules or RULES.values())
    gate = [_finding(rule, hit, ctx) for rule in selected if rule.scope == "gate" for hit in rule.check(ctx)]
    if gate:  # nothing to compare paragraph by paragraph: the one finding says why
        ctx.order = ParagraphOrder()
        return sorted(
            gate + [_finding(rule, hit, ctx) for rule in selected if rule.scope == "letter" for hit in rule.check(ctx)],
            key=Finding.sort_key,
        )
    bead_rules = [r for r in selected if r.scope == "bead"]
    per_bead = [_bead_findings(ctx, index, bead_rules) for index in range(len(ctx.beads))]
    if join:
        per_bead = _join_moved_sentences(ctx, per_bead, bead_rules)
    findings = [f for bead in per_bead for f in bead]
    for rule in (r for r in selected if r.scope == "letter"):  # after the beads: they may report on the joins
        findings += [_finding(rule, hit, ctx) for hit in rule.check(ctx)]
    return sorted(findings, key=Finding.sort_key)


def check_letters(
    source: Letter,
    target: Letter,
    glossary: Glossary,
    lang: str | None = None,
    cache: dict[str, ParagraphFacts] | None = None,
) -> PairResult:
    resolved = resolve_language(target, lang)
    ctx = build_context(source, target, resolved, glossary, cache)
    pair = LetterPair(source.path, target.path, resolved, source.path.parent.name)
    return PairResult(pair, ctx, run_rules(ctx))


def check_files(source: Path | str, target: Path | str, glossary: Glossary, lang: str | None = None) -> PairResult:
    return check_letters(load_letter(source), load_letter(target), glossary, lang)


def check_pairs(
    pairs: Iterable[LetterPair],
    glossary: Glossary,
    progress: Callable[[int], None] = lambda n: None,
    load: Callable[[Path], Letter] = load_letter,
) -> list[PairResult]:
    """Check many pairs, reading and analysing each English letter once for all its translations.

    ``progress(1)`` is called after each pair (the CLI draws a progress bar with it); ``load`` reads a letter
    (``appealkit.batch`` passes the texts it has already read). For the result cache and worker processes,
    see ``appealkit.batch.check_many``."""
    letters: dict[Path, Letter] = {}
    facts: dict[Path, dict[str, ParagraphFacts]] = {}
    results = []
    for pair in pairs:
        source = letters.get(pair.source) or letters.setdefault(pair.source, load(pair.source))
        memo = facts.setdefault(pair.source, {})
        results.append(check_letters(source, load(pair.target), glossary, pair.lang or None, memo))
        progress(1)
    return results


def _unit_letters(bilingual: BilingualFile) -> tuple[Letter, Letter, list[Bead]]:
    """Both sides of a bilingual file as letters whose paragraphs are its checked units, and one bead per
    unit (an empty target is left out of the translation: the unit's bead has no target)."""
    source: list[Paragraph] = []
    target: list[Paragraph] = []
    beads: list[Bead] = []
    for unit in bilingual.checked:
        # The source paragraph spans the unit: from its source element to its target's line.
        source.append(Paragraph(len(source), unit.source, unit.lines[0], unit.line, unit.id, unit.source_codes))
        if unit.target.strip():
            target.append(Paragraph(len(target), unit.target, unit.line, unit.line, unit.id, unit.target_codes))
        beads.append(Bead((source[-1].index,), (target[-1].index,) if unit.target.strip() else ()))

    def letter(paragraphs: list[Paragraph]) -> Letter:
        first = paragraphs[0].line if paragraphs else 1
        return Letter(bilingual.path, {}, "\n\n".join(p.text for p in paragraphs), first, paragraphs)

    return letter(source), letter(target), beads


def check_bilingual(bilingual: BilingualFile, glossary: Glossary, lang: str | None = None) -> PairResult:
    """Check a CAT tool's units: each unit's source and target are already aligned by the file, so the
    paragraph alignment is replaced by one bead per unit (an empty target is a missing paragraph) and the
    same rules run on them."""
    resolved = (lang or bilingual.target_lang or "").lower()
    if resolved not in SUPPORTED:
        raise AppealInputError(
            f"cannot check target language '{resolved or 'unknown'}' of this file: use --lang zh or --lang ko",
            bilingual.path,
        )
    source, target, beads = _unit_letters(bilingual)
    src = [source_facts(p.text, glossary) for p in source.paragraphs]
    tgt = [target_facts(p.text, resolved, glossary) for p in target.paragraphs]
    ctx = LetterContext(source, target, resolved, glossary, src, tgt)
    ctx.beads = beads
    pair = LetterPair(bilingual.path, bilingual.path, resolved, bilingual.path.stem)
    return PairResult(pair, ctx, run_rules(ctx, join=False), bilingual.skipped)
