"""Dates: every date in the source must reach the aligned translation with its year, month, day and part."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from appealkit.checks.context import BeadContext
from appealkit.checks.registry import Hit, rule
from appealkit.dates import DateMention, WeekdayMention, weekday_name

PART_NAMES = {"early": ("初", "초"), "mid": ("中旬", "중순"), "late": ("底", "말")}


@dataclass
class DateMatch:
    matched: list[tuple[int, DateMention, int, DateMention]] = field(default_factory=list)
    changed: list[tuple[int, DateMention, int, DateMention]] = field(default_factory=list)
    missing: list[tuple[int, DateMention]] = field(default_factory=list)


def _agrees(source: DateMention, target: DateMention) -> bool:
    """Same date; a year the translator left implicit (11月4日 after 2017年) is accepted."""
    year_ok = target.year is None or target.year == source.year
    return year_ok and target.month == source.month and target.day == source.day


def _partial(source: DateMention, target: DateMention) -> bool:
    """A leftover target date that is the source's with one part changed: the same year with another day or
    month (2017年11月14日), or the same day and month in another year (2016年11月4日)."""
    if source.month is None:
        return False
    same_day = target.year is not None and (target.month, target.day) == (source.month, source.day)
    return target.year == source.year or same_day


def _changed_part(source: DateMention, target: DateMention) -> str:
    if source.year is not None and target.year not in (None, source.year):
        return "year"
    return "day" if source.day and target.month == source.month else "month"


def expected_forms(date: DateMention, lang: str) -> tuple[str, ...]:
    """Target renderings of a date: 2017年11月4日 / 2017년 11월 4일, with the part (中旬 / 중순)."""
    zh = "".join(f"{v}{u}" for v, u in ((date.year, "年"), (date.month, "月"), (date.day, "日")) if v)
    ko = " ".join(f"{v}{u}" for v, u in ((date.year, "년"), (date.month, "월"), (date.day, "일")) if v)
    if date.part in PART_NAMES:
        zh_part, ko_part = PART_NAMES[date.part]
        zh, ko = zh + zh_part, f"{ko} {ko_part}"
    return (zh,) if lang == "zh" else (ko,)


def match_dates(ctx: BeadContext) -> DateMatch:
    def compute() -> DateMatch:
        result = DateMatch()
        if not any(facts.dates for _, facts in ctx.sources()):
            return result  # nothing to look for: the translation's dates are not read
        pool = [(j, d) for j, facts in ctx.targets() for d in facts.dates]
        year_numbers = {int(n.value) for _, f in ctx.targets() for n in f.all_numbers}
        for i, facts in ctx.sources():
            for date in facts.dates:
                hit = next((t for t in pool if _agrees(date, t[1])), None)
                if hit is None and date.month is None and date.year in year_numbers:
                    result.matched.append((i, date, ctx.first_target or 0, date))  # bare year kept as a number
                    continue
                if hit:
                    pool.remove(hit)
                    result.matched.append((i, date, *hit))
                    continue
                near = next((t for t in pool if _partial(date, t[1])), None)
                if near:
                    pool.remove(near)
                    result.changed.append((i, date, *near))
                else:
                    result.missing.append((i, date))
        return result

    return ctx.memo("dates", compute)


@rule(
    "date-missing",
    "date",
    "error",
    rationale="Dates anchor the events the letter reports: dropping one removes a fact the English asserts.",
)
def date_missing(ctx: BeadContext) -> Iterator[Hit]:
    """A date in the source has no counterpart in the aligned translation.

    Every English form counts ("4 November 2017", "November 4, 2017", "mid-March 2017", "early 2020",
    "July 1998", "23 September to 8 October 2023", "in 2014") against 2017年11月4日, 2017년 11월 4일,
    2017年3月中旬, 1998年7月 and the like.
    """
    for i, date in match_dates(ctx).missing:
        yield Hit(
            f"date '{date.text}' is missing from the translation",
            date.text,
            expected_forms(date, ctx.lang),
            i,
            (date.start, date.end),
            ctx.first_target,
        )


@rule(
    "date-changed",
    "date",
    "error",
    rationale="A different day, month or year is a false statement of fact (an arrest, a hearing, a deadline).",
)
def date_changed(ctx: BeadContext) -> Iterator[Hit]:
    """A date lost or changed its day, month or year (4 November 2017 → 2017年11月 / 2017年11月14日 / 2016年11月4日)."""
    for i, date, j, found in match_dates(ctx).changed:
        lost = _changed_part(date, found)
        verb = "lost" if getattr(found, lost, None) is None else "changed"
        yield Hit(
            f"date '{date.text}': {lost} {verb} in the translation ('{found.text}')",
            date.text,
            expected_forms(date, ctx.lang),
            i,
            (date.start, date.end),
            j,
            (found.start, found.end),
            found.text,
        )


@rule(
    "date-part",
    "date",
    "warning",
    rationale=(
        "Year and month survive and only 'mid-' or 'early' is lost: less precise, not false, and translators "
        "drop it on purpose."
    ),
)
def date_part(ctx: BeadContext) -> Iterator[Hit]:
    """A date kept its year and month but lost its part of the month or year (mid-March → 3月)."""
    for i, date, j, found in match_dates(ctx).matched:
        if date.part and found is not date and found.part != date.part:
            yield Hit(
                f"date '{date.text}': '{date.part}' was lost in the translation ('{found.text}')",
                date.text,
                expected_forms(date, ctx.lang),
                i,
                (date.start, date.end),
                j,
                (found.start, found.end),
                found.text,
            )


def match_weekdays(
    ctx: BeadContext,
) -> tuple[list[tuple[int, WeekdayMention, int, WeekdayMention]], list[tuple[int, WeekdayMention]]]:
    """(changed, missing): a source weekday the translation lacks is changed when the translation names a weekday
    the source does not, else missing."""

    def compute():
        source_days = {w.weekday for _, f in ctx.sources() for w in f.weekdays}
        if not source_days:
            return [], []  # nothing to look for: the translation's weekdays are not read
        targets = [(j, w) for j, f in ctx.targets() for w in f.weekdays]
        target_days = {w.weekday for _, w in targets}
        strangers = [(j, w) for j, w in targets if w.weekday not in source_days]
        changed, missing = [], []
        for i, facts in ctx.sources():
            for day in facts.weekdays:
                if day.weekday in target_days:
                    continue
                if strangers:
                    changed.append((i, day, *strangers.pop(0)))
                else:
                    missing.append((i, day))
        return changed, missing

    return ctx.memo("weekdays", compute)


@rule(
    "weekday-changed",
    "date",
    "error",
    rationale="Another weekday than the English gives contradicts the date beside it: one of the two is false.",
)
def weekday_changed(ctx: BeadContext) -> Iterator[Hit]:
    """A weekday was changed: "Tuesday, 4 November" rendered with another weekday (星期五, 금요일).

    A weekday is a fact like the date it goes with. Names come from CLDR (babel): Tuesday, 星期二 / 周二 / 礼拜二,
    화요일 and 11월 4일(화). Reported when the source's weekday is absent from the aligned translation and the
    translation names a weekday the source does not.
    """
    for i, day, j, found in match_weekdays(ctx)[0]:
        yield Hit(
            f"weekday changed: source {day.text}, translation {found.text} ({weekday_name(found.weekday, 'en')})",
            day.text,
            (weekday_name(day.weekday, ctx.lang),),
            i,
            (day.start, day.end),
            j,
            (found.start, found.end),
            found.text,
        )


@rule(
    "weekday-missing",
    "date",
    "warning",
    rationale="The date usually carries the same fact, and translators restate weekdays as dates or as 昨天 / 어제.",
)
def weekday_missing(ctx: BeadContext) -> Iterator[Hit]:
    """A weekday in the source is not named in the aligned translation.

    A warning, not an error: translators often restate a weekday as its date or as 昨天 / 어제, or leave it to the
    date beside it; only a different weekday (weekday-changed) is certainly wrong.
    """
    if not ctx.bead.target:
        return
    for i, day in match_weekdays(ctx)[1]:
        yield Hit(
            f"weekday '{day.text}' is not named in the translation",
            day.text,
            (weekday_name(day.weekday, ctx.lang),),
            i,
            (day.start, day.end),
            ctx.first_target,
        )
