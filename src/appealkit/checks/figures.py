"""Figures: every number in the source must reach the aligned translation with the same value and count."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from appealkit.checks.context import BeadContext
from appealkit.checks.registry import Hit, rule
from appealkit.checks.times import match_times
from appealkit.facts import ParagraphFacts
from appealkit.glossary import Entry
from appealkit.numerals import NumberMention
from appealkit.numerals.forms import localized_forms

AFTER_CHARS = 60  # English read after a figure to tell what it counts


def _expected_forms(ctx: BeadContext, i: int, figure) -> tuple[str, ...]:
    """What a translator would write for a source figure (9명 / 아홉 명 for "nine North Koreans")."""
    text = ctx.letter.source_facts[i].text
    return localized_forms(figure.value, ctx.lang, figure.kind, text[figure.end : figure.end + AFTER_CHARS])


@dataclass
class FigureMatch:
    """Result of pairing source figures with target numbers in one bead."""

    matched: list[tuple[int, NumberMention, int, NumberMention]] = field(default_factory=list)
    changed: list[tuple[int, NumberMention, int, NumberMention]] = field(default_factory=list)
    missing: list[tuple[int, NumberMention]] = field(default_factory=list)
    excused: list[tuple[int, NumberMention]] = field(default_factory=list)
    leftover: list[tuple[int, NumberMention]] = field(default_factory=list)


def _same(a: float, b: float) -> bool:
    return abs(float(a) - float(b)) < 1e-9


def looks_changed(source: float, target: float) -> bool:
    """A plausible typo or edit of the same figure: one digit changed, two neighbours swapped (1170 → 1710),
    one digit added or dropped, or off by a power of ten."""
    if source == 0 or target == 0:
        return False
    ratio = max(source, target) / min(source, target)
    if ratio in (10, 100, 1000):
        return True
    a, b = f"{source:g}", f"{target:g}"
    if len(a) == len(b):
        differ = [k for k, (x, y) in enumerate(zip(a, b)) if x != y]
        swapped = (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and a[differ[0]] == b[differ[1]]
            and a[differ[1]] == b[differ[0]]
        )
        return len(differ) == 1 or swapped
    shorter, longer = sorted((a, b), key=len)
    return len(longer) - len(shorter) == 1 and all(ch in longer for ch in shorter)


_DECADES = re.compile(r"\s*decades?\b", re.IGNORECASE)


def acceptable_values(figure: NumberMention, paragraph: str) -> tuple[float, ...]:
    """Values a faithful translation may use: "three decades" is often rendered 30多年 / 30여 년."""
    if _DECADES.match(paragraph, figure.end):
        return (float(figure.value), float(figure.value) * 10)
    return (float(figure.value),)


def _writes(text: str, value: float) -> bool:
    """The text has the number in digits (第19届亚运会 has 19; 新冠疫情 has none)."""
    return f"{value:g}" in re.findall(r"\d+", text)


def _rendering_carries(entry: Entry, lang: str, value: float) -> bool:
    rendering = entry.rendering(lang)
    return rendering is not None and any(_writes(form, value) for form in rendering.correct)


def required_figures(facts: ParagraphFacts, lang: str) -> list[NumberMention]:
    """The paragraph's figures, plus numbers inside names whose target rendering carries them."""
    inside_names = [n for n, term in facts.term_numbers if _rendering_carries(term.entry, lang, n.value)]
    return sorted([*facts.figures, *inside_names], key=lambda n: n.start)


def _in_matching_order(ctx: BeadContext) -> list[tuple[int, NumberMention, bool]]:
    """(paragraph, figure, excusable): the figures that must be there first, then the numbers of names this
    translation renders with a form that lacks them (COVID-19 → 新冠疫情), so that these cannot take a target
    number another figure needs (the 19 of 第19届亚运会 belongs to "19th Asian Games")."""
    figures = [
        (i, n, _named_without_it(ctx, facts, n))
        for i, facts in ctx.sources()
        for n in required_figures(facts, ctx.lang)
    ]
    return sorted(figures, key=lambda item: item[2])


def _named_without_it(ctx: BeadContext, facts: ParagraphFacts, figure: NumberMention) -> bool:
    """A number inside a name ("COVID-19", "Asian Games Hangzhou 2022") that the translation renders with
    a correct form without it (新冠疫情, 杭州亚运会) was not lost: the glossary accepts that form."""
    entries = {term.entry.id for n, term in facts.term_numbers if n == figure}
    return any(
        not _writes(found.text, figure.value) and found.quality != "forbidden"
        for entry_id in entries
        for _, found in ctx.target_terms_by_entry.get(entry_id, [])
    )


def _inside_a_name(facts: ParagraphFacts, number: NumberMention) -> bool:
    return any(t.start <= number.start and number.end <= t.end for t in facts.terms)


def _bare_years(facts: ParagraphFacts) -> list[NumberMention]:
    """A year written alone in the target (杭州2022年) reads as a date, but may be a source figure
    ("Hangzhou 2022"): offer it to the figures too."""
    return [
        NumberMention(d.year, d.start, d.end, d.text, "cardinal")
        for d in facts.dates
        if d.year and d.month is None and d.day is None
    ]


def _unclaimed_clock_numbers(ctx: BeadContext) -> list[tuple[int, NumberMention]]:
    """The hour and minute of a translated time that no source time claims ("on 3:35" of a match clock is two
    figures in English, one time in 3:35): offered to the figures."""
    out = []
    for j, time in match_times(ctx).leftover:
        out.append((j, NumberMention(time.hour, time.start, time.end, time.text, "cardinal")))
        if time.minute:
            out.append((j, NumberMention(time.minute, time.start, time.end, time.text, "cardinal")))
    return out


def match_figures(ctx: BeadContext) -> FigureMatch:
    def compute() -> FigureMatch:
        result = FigureMatch()
        pool = [(j, n) for j, facts in ctx.targets() for n in (*facts.figures, *_bare_years(facts))]
        pool += _unclaimed_clock_numbers(ctx)
        excusable = []
        for i, figure, may_be_absent in _in_matching_order(ctx):
            values = acceptable_values(figure, ctx.letter.source_facts[i].text)
            hit = next((t for t in pool if any(_same(t[1].value, v) for v in values)), None)
            if hit:
                pool.remove(hit)
                result.matched.append((i, figure, *hit))
            else:
                result.missing.append((i, figure))
                if may_be_absent:
                    excusable.append((i, figure))
        candidates = _change_candidates(ctx, pool) if result.missing else []
        for i, figure in list(result.missing):
            values = acceptable_values(figure, ctx.letter.source_facts[i].text)
            near = next((t for t in candidates if any(looks_changed(v, float(t[1].value)) for v in values)), None)
            if near:
                candidates.remove(near)
                pool.remove(near)
                result.missing.remove((i, figure))
                result.changed.append((i, figure, *_in_order(result, i, figure, near)))
        result.excused = [m for m in result.missing if m in excusable]  # absent, and the name's rendering allows it
        result.missing = [m for m in result.missing if m not in excusable]
        result.leftover = pool
        return result

    return ctx.memo("figures", compute)


def _change_candidates(ctx: BeadContext, pool: list[tuple[int, NumberMention]]) -> list[tuple[int, NumberMention]]:
    """Unmatched target numbers that may be a source figure changed.  A value the source also has counts only
    beyond what the source's other numbers (in dates, names, citations) explain: 两百 for 2,000 is a change even
    when the paragraph also has a correct 200."""
    figures = {id(n) for _, f in ctx.sources() for n in required_figures(f, ctx.lang)}
    explained = Counter(float(n.value) for _, f in ctx.sources() for n in f.all_numbers if id(n) not in figures)
    out = []
    for j, number in pool:
        value = float(number.value)
        if value == 1:
            continue
        if explained[value]:
            explained[value] -= 1
            continue
        out.append((j, number))
    return out


def _in_order(
    result: FigureMatch, i: int, figure: NumberMention, near: tuple[int, NumberMention]
) -> tuple[int, NumberMention]:
    """The changed figure takes, of the target numbers with the near value, the one in the source's order: for
    "2,000 people … 200 houses" → "两百人 … 200栋", 2,000 became 两百, and the 200 of the houses is kept."""
    j, found = near
    for k, (i2, fig2, j2, t2) in enumerate(result.matched):
        crossed = (figure.start < fig2.start) != (found.start < t2.start)
        if (i2, j2) == (i, j) and _same(t2.value, found.value) and crossed:
            result.matched[k] = (i2, fig2, j, found)
            return j2, t2
    return near


def _source_count(ctx: BeadContext, value: float) -> int:
    excused = sum(1 for _, n in match_figures(ctx).excused if _same(n.value, value))
    return sum(1 for _, f in ctx.sources() for n in required_figures(f, ctx.lang) if _same(n.value, value)) - excused


def _moved_to(ctx: BeadContext, value: float) -> int | None:
    """The translated paragraph of an adjacent bead where this value is left over (no figure of its own English
    claims it): where a moved figure went.  A value that the neighbour's English explains (the 2 of "2차 경기"
    for "the return match" is not, the 2 of "two goals" is) says nothing about this figure."""
    beads = ctx.letter.beads
    if _same(value, 1):
        return None  # 一个, 한 명: a one in the next sentence says nothing
    for other in (ctx.index - 1, ctx.index + 1):
        if 0 <= other < len(beads) and beads[other].source:
            neighbour = BeadContext(ctx.letter, beads[other], other)
            if any(_same(n.value, value) for _, n in match_figures(neighbour).leftover):
                return next(j for j, n in match_figures(neighbour).leftover if _same(n.value, value))
        elif 0 <= other < len(beads):  # an added paragraph: anything in it is left over
            for j in beads[other].target:
                if any(_same(n.value, value) for n in ctx.letter.target_facts[j].figures):
                    return j
    return None


@rule(
    "figure-missing",
    "figure",
    "error",
    rationale="A figure of the English that the translation does not give is a lost fact.",
)
def figure_missing(ctx: BeadContext) -> Iterator[Hit]:
    """A figure in the source has no counterpart in the aligned translation.

    Figures are found however they are written: digits (2,000), words (two thousand), ages
    (four-year-old), ordinals (19th, fifty-ninth) and percentages; in the translation every notation of
    the target language counts (2000, 两千, 2千, 2천, 이천, 九名, 아홉 명, 第十九届, 제19차). When the figure
    appears in a neighbouring paragraph instead, the message says so: it still left its paragraph.
    """
    match = match_figures(ctx)
    for i, figure in match.missing:
        if _source_count(ctx, figure.value) > 1 and any(_same(m[1].value, figure.value) for m in match.matched):
            continue  # reported by figure-count
        moved = _moved_to(ctx, figure.value)
        where = ""
        if moved is not None:
            line = ctx.letter.target.paragraphs[moved].line
            where = f" (it appears in a neighbouring paragraph instead, line {line})"
        # Weak evidence (an idiom, a lexicalized number) is a warning, unless the number turns up unexplained next
        # door: then the translator did write it, in the wrong sentence.
        weak = figure.weak is not None and moved is None
        yield Hit(
            f"figure '{figure.text}' ({figure.value:g}) is missing from the translation{where}"
            + (f"; a warning only: {figure.weak}" if weak else ""),
            figure.text,
            _expected_forms(ctx, i, figure),
            i,
            (figure.start, figure.end),
            target_paragraph=ctx.first_target if ctx.first_target is not None else moved,
            severity="warning" if weak else None,
        )


@rule(
    "figure-count",
    "figure",
    "error",
    rationale=(
        "A figure the English gives twice and the translation once lost a mention, often a whole clause with it."
    ),
)
def figure_count(ctx: BeadContext) -> Iterator[Hit]:
    """The source gives a figure more often than the translation does.

    "10 North Koreans ... the 10 detainees" translated with one 10: one mention was lost or merged.
    """
    match = match_figures(ctx)
    reported: set[float] = set()
    for i, figure in match.missing:
        value = float(figure.value)
        kept = sum(1 for m in match.matched if _same(m[1].value, value))
        if value in reported or not kept:
            continue
        reported.add(value)
        wanted = _source_count(ctx, value)
        yield Hit(
            f"figure {figure.value:g} appears {wanted} times in the source but {kept} in the translation",
            figure.text,
            _expected_forms(ctx, i, figure),
            i,
            (figure.start, figure.end),
            target_paragraph=ctx.first_target,
        )


@rule(
    "figure-changed",
    "figure",
    "error",
    rationale="200 instead of 2,000 is the error this tool exists to catch: it discredits every signatory.",
)
def figure_changed(ctx: BeadContext) -> Iterator[Hit]:
    """A figure was changed: the translation has a different number where the source's should be.

    Reported with both values (60 → 600), when the translation holds an unexplained number that
    differs from the missing one by one digit or a power of ten.
    """
    for i, figure, j, found in match_figures(ctx).changed:
        yield Hit(
            f"figure changed: source {figure.value:g} ('{figure.text}'), translation {found.value:g} ('{found.text}')",
            figure.text,
            _expected_forms(ctx, i, figure),
            i,
            (figure.start, figure.end),
            j,
            (found.start, found.end),
            found.text,
        )


@rule(
    "figure-qualifier",
    "figure",
    "warning",
    rationale=(
        "The number survived; losing 'about' or 'more than' overstates its precision without changing it, and"
        " some house styles drop qualifiers. Teams that count precision as a fact make it an error in their "
        "configuration."
    ),
)
def figure_qualifier(ctx: BeadContext) -> Iterator[Hit]:
    """A figure kept its value but lost its qualifier ("about 60" → 60, "more than 670" → 670).

    The qualifier may change form (约60名, 60여 명, 逾670, 至少92名): only its loss is reported.
    """
    for i, figure, j, found in match_figures(ctx).matched:
        if figure.qualifier and not found.qualifier:
            span = figure.qualifier_span or (figure.start, figure.end)
            text = ctx.letter.source_facts[i].text[span[0] : figure.end]
            yield Hit(
                f"qualifier '{figure.qualifier.replace('_', ' ')}' of figure {figure.value:g} was dropped",
                text,
                (),
                i,
                (span[0], figure.end),
                j,
                (found.start, found.end),
                found.text,
            )


@rule(
    "figure-added",
    "figure",
    "info",
    rationale=(
        "An addition is not an omission: datelines and translators' explanations add numbers. Shown for review only."
    ),
)
def figure_added(ctx: BeadContext) -> Iterator[Hit]:
    """The translation has a figure the source paragraph does not (an added dateline or explanation).

    Additions are not omissions: informational only. Digits inside a glossary name (6·25국군포로가족회)
    are part of the name, not additions.
    """
    leftover = match_figures(ctx).leftover
    if not leftover:
        return
    source_values = {float(n.value) for _, f in ctx.sources() for n in f.all_numbers}
    targets = dict(ctx.targets())
    for j, found in leftover:
        if _inside_a_name(targets[j], found):
            continue  # part of a glossary name (6·25국군포로가족회), not a figure the translator added
        if float(found.value) not in source_values and float(found.value) != 1:
            yield Hit(
                f"translation adds figure {found.value:g} ('{found.text}')",
                "",
                (),
                None,
                None,
                j,
                (found.start, found.end),
                found.text,
            )
