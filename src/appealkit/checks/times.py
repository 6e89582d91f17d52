"""Times: every clock time in the source must reach the aligned translation (3 p.m. → 下午三点 / 오후 3시)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from appealkit.checks.context import BeadContext
from appealkit.checks.registry import Hit, rule
from appealkit.times import TimeMention, render_time, same_time


@dataclass
class TimeMatch:
    matched: list[tuple[int, TimeMention, int, TimeMention]] = field(default_factory=list)
    changed: list[tuple[int, TimeMention, int, TimeMention]] = field(default_factory=list)
    missing: list[tuple[int, TimeMention]] = field(default_factory=list)
    leftover: list[tuple[int, TimeMention]] = field(default_factory=list)


def expected_forms(time: TimeMention, lang: str) -> tuple[str, ...]:
    """下午3点 / 下午3点55分, 오후 3시 / 오후 3시 55분 (as `appeal translate` writes them: times.render_time), and the
    clock as written when the source leaves the half of the day open."""
    return (render_time(replace(time, zone=None), lang),)


def match_times(ctx: BeadContext) -> TimeMatch:
    def compute() -> TimeMatch:
        result = TimeMatch()
        pool = [(j, t) for j, facts in ctx.targets() for t in facts.times]
        for i, facts in ctx.sources():
            for time in facts.times:
                hit = next((t for t in pool if same_time(time, t[1])), None)
                if hit:
                    pool.remove(hit)
                    result.matched.append((i, time, *hit))
                else:
                    result.missing.append((i, time))
        for i, time in list(result.missing):
            if pool:  # a time where the source's should be: changed, not lost
                near = pool.pop(0)
                result.missing.remove((i, time))
                result.changed.append((i, time, *near))
        result.leftover = pool
        return result

    return ctx.memo("times", compute)


@rule(
    "time-missing",
    "date",
    "error",
    rationale="A clock time says when something happened or will happen: dropping it removes a fact of the English.",
)
def time_missing(ctx: BeadContext) -> Iterator[Hit]:
    """A clock time in the source has no counterpart in the aligned translation.

    Every way of writing a time counts: 3 p.m., 2pm, 7.55am, 4.40 am, 20:00 GMT, three o'clock in English;
    下午三点, 下午二点, 早上 7:55, 下午5：30, 北京时间下午3点 in Chinese; 오후 3시, 오전 7시 55분, 오후 세 시 in Korean.
    A 24-hour clock and a 12-hour clock with its half of the day agree (20:00 = 오후 8시); a side that leaves
    the half of the day open (3点钟) agrees with either. The hour and minute are not also required as figures.
    """
    for i, time in match_times(ctx).missing:
        yield Hit(
            f"time '{time.text}' is missing from the translation",
            time.text,
            expected_forms(time, ctx.lang),
            i,
            (time.start, time.end),
            ctx.first_target,
        )


@rule(
    "time-changed",
    "date",
    "error",
    rationale="Another hour or minute is a false statement of fact; a deliberate zone conversion is downgraded.",
)
def time_changed(ctx: BeadContext) -> Iterator[Hit]:
    """A clock time was changed: the translation gives another time where the source's should be (3 p.m. → 下午四点).

    When both sides name a time zone and the zones differ (3 p.m. ET → 北京时间凌晨3点), the time may have been
    converted on purpose: then the finding is a warning that says so.
    """
    for i, time, j, found in match_times(ctx).changed:
        converted = time.zone and found.zone and time.zone != found.zone
        note = f"; the translation gives it in another time zone ({found.zone})" if converted else ""
        yield Hit(
            f"time changed: source {time.label()} ('{time.text}'), translation {found.label()} ('{found.text}'){note}",
            time.text,
            expected_forms(time, ctx.lang),
            i,
            (time.start, time.end),
            j,
            (found.start, found.end),
            found.text,
            severity="warning" if converted else None,
        )
