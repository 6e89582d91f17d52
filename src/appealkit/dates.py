"""Date recognisers for appeal letters (en source, zh/ko targets).

``find_dates(text, lang)`` returns maximal date expressions: full dates,
month-year, part-of-period ("mid-March 2017", 2017年3月中旬, 2020년 초) and bare
years.  In a range ("23 September to 8 October 2023", 2023年9月23日至10月8日)
each end is its own mention and a missing year (or month) is taken from the
other end.

All patterns are linear (no nested unbounded quantifiers).
"""

from __future__ import annotations

import calendar
import functools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from appealkit import speedups
from appealkit.numerals import FULLWIDTH, folded, masked_spans, overlaps_any
from appealkit.numerals.zh import cn_to_int
from appealkit.spans import in_span_order
from appealkit.textio import read_bundled

__all__ = ["DateMention", "WeekdayMention", "find_dates", "find_weekdays"]


@dataclass(frozen=True)
class DateMention:
    year: int | None
    month: int | None
    day: int | None
    part: str | None
    start: int
    end: int
    text: str


class _D(NamedTuple):
    """A date before range resolution; ``day_only`` fragments (25日 in
    9月23日至25日) are kept only when a range gives them a month.
    (A NamedTuple: cheap to build and to ``_replace``.)"""

    year: int | None
    month: int | None
    day: int | None
    part: str | None
    start: int
    end: int
    day_only: bool = False


_LANGS = frozenset(("en", "zh", "ko"))


def find_dates(text: str, lang: str) -> list[DateMention]:
    if lang not in _LANGS:
        raise ValueError(f"unsupported language {lang!r}")
    raw = in_span_order(_find_en(text) if lang == "en" else _find_cjk(text, lang))
    if not raw:
        return []
    resolved = _resolve_ranges(text, raw, _CONNECTOR[lang])
    masks = masked_spans(text)
    out: list[DateMention] = []
    last_end = -1
    for d in resolved:
        if d.start < last_end or d.day_only or not _valid(d):
            continue
        if masks and overlaps_any(masks, d.start, d.end):
            continue
        out.append(DateMention(d.year, d.month, d.day, d.part, d.start, d.end, text[d.start : d.end]))
        last_end = d.end
    return out


_CONNECTOR = {
    "en": re.compile(r"\s*+(?:-|–|—|to|until|till|through|and)\s*+", re.IGNORECASE),
    "zh": re.compile(r"\s*+(?:至|到|－|-|—|–|~|～|、|和|与|及)\s*+"),
    "ko": re.compile(r"\s*+(?:부터|에서|~|∼|～|-|–|—|및|와|과)\s*+"),
}


def _resolve_ranges(text: str, dates: list[_D], connector: re.Pattern[str]) -> list[_D]:
    """Share year/month across the two ends of a range."""
    out = list(dates)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        # Cheap tests first: nothing to share, or too far apart for a connector.
        if (a.year is None) == (b.year is None) and not b.day_only:
            continue
        if not 0 <= b.start - a.end <= 16 or not connector.fullmatch(text, a.end, b.start):
            continue
        if b.day_only and a.month is not None:
            b = out[i + 1] = b._replace(month=a.month, year=a.year, day_only=False)
        if a.year is None and b.year is not None and a.month is not None:
            out[i] = a._replace(year=b.year)
        elif b.year is None and a.year is not None and b.month is not None:
            out[i + 1] = b._replace(year=a.year)
    return out


def _valid(d: _D) -> bool:
    if d.year is not None and not 1000 <= d.year <= 2999:
        return False
    if d.month is not None and not 1 <= d.month <= 12:
        return False
    if d.day is not None:
        if d.month is None:
            return False
        days = _DAYS[d.month]
        if d.month == 2 and d.year is not None and not calendar.isleap(d.year):
            days = 28  # with no year, 29 February may be valid
        return 1 <= d.day <= days
    return d.year is not None or d.month is not None


_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _int(s: str | None) -> int | None:
    if s is None:
        return None
    if s.isascii():  # fast path: the regexes only pass digits here
        return int(s)
    s = s.translate(FULLWIDTH)
    return int(s) if s.isascii() and s.isdigit() else cn_to_int(s)


# --------------------------------------------------------------------- en

_MON_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH_NUM = {name.lower(): i for i, name in enumerate(_MON_FULL.split("|"), 1)}
# Every abbreviation is a prefix of exactly one month name.
_MONTH_NUM.update(
    {a.lower(): next(i for n, i in _MONTH_NUM.items() if n.startswith(a.lower())) for a in _MON_ABBR.split("|")}
)


# Capitalised or all capitals (Amnesty's "PLEASE SEND APPEALS BEFORE 17 AUGUST 2017"), never lower case.
_MON_FULL_CASES = f"{_MON_FULL}|{_MON_FULL.upper()}"
_MON_ABBR_CASES = f"{_MON_ABBR}|{_MON_ABBR.upper()}"


@functools.cache  # each language's patterns are compiled when it is first read
def _en_regex() -> re.Pattern[str]:
    # Month names are case-sensitive: "may" is a verb, "May" mostly the month.
    mon = rf"(?:{_MON_FULL_CASES}|{_MON_ABBR_CASES})\b\.?"
    day = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![0-9A-Za-z])"
    year = r"(?<![0-9])[12][0-9]{3}(?![0-9])"
    dash = r"\s*+(?:-|–|—)\s*+"
    alts = {
        "iso": r"(?<![0-9])(?P<iso_y>[12][0-9]{3})-(?P<iso_m>0?[1-9]|1[0-2])-(?P<iso_d>[0-3]?[0-9])(?![0-9])",
        "dmy": rf"(?<![0-9.,])(?P<dmy_d1>{day})(?:(?:{dash}|\s++(?:to|and)\s++)(?P<dmy_d2>{day}))?"
        rf"\s++(?:of\s++)?(?P<dmy_m>{mon})(?:,?\s++(?P<dmy_y>{year}))?",
        "mdy": rf"(?P<mdy_m>{mon})\s++(?P<mdy_d1>{day})(?:(?:{dash}|\s++(?:to|and)\s++)(?P<mdy_d2>{day}))?"
        rf"(?:,?\s++(?P<mdy_y>{year}))?",
        "my": rf"(?P<my_m>{mon}),?\s++(?P<my_y>{year})",
        "mo": rf"(?P<mo_m>{_MON_FULL_CASES})\b",
        "y": r"(?<![0-9.,/])(?P<y_y>(?:19|20)[0-9]{2})(?![0-9]|[.,][0-9]|[A-Za-z]|['’]s\b)",
    }
    return re.compile("|".join(f"(?P<{k}>{v})" for k, v in alts.items()))


# Where an English date can start: a month name or the first digit of a run
# (not after "," or "." glued to it: 1,000,000 has no date inside).
# Alternatives that all start with a literal let the regex engine skip
# through text at C speed; the full pattern then runs only at anchors.
_EN_ANCHOR = re.compile(
    "|".join([*_MON_FULL_CASES.split("|"), *_MON_ABBR_CASES.split("|"), *(f"{d}(?<![0-9,.].)" for d in "0123456789")])
)
_EN_PART = {
    "early": "early",
    "beginning": "early",
    "start": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "end": "late",
}
_EN_PART_BEFORE = re.compile(
    r"\b(?P<p>early|late|mid|middle\s++of|end\s++of|beginning\s++of|start\s++of)(?:-|\s++)$",
    re.IGNORECASE,
)
# A bare year needs year-like context ("in 2014", "the 1951 Convention",
# "2014,"): "2000 people" is a count, not a date.
_EN_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|from|until|till|by|of|during|before|after|to|through|between|and|the|its|"
    r"his|her|their|our|this|year|circa)\s++|[-–—(\[]\s*+|^\s*+)$",
    re.IGNORECASE | re.MULTILINE,
)
_EN_YEAR_AFTER = re.compile(r"\s*+(?:\Z|\n|[,.;:!?)\]\"”’'–—-])")
_EN_MONTH_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|during|of|before|after|through|last|next|this|to)\s++$",
    re.IGNORECASE,
)


def _scan(
    text: str,
    anchor: re.Pattern[str],
    full: re.Pattern[str],
    build: Callable[[str, re.Match[str]], list[_D]],
) -> list[_D]:
    """Run ``full`` at each anchor not inside an earlier date."""
    out: list[_D] = []
    done = 0
    for a in anchor.finditer(text):
        if a.start() < done:
            continue
        m = full.match(text, a.start())
        if m and (dates := build(text, m)):
            out.extend(dates)
            done = m.end()
    return out


def _find_en(text: str) -> list[_D]:
    return _scan(text, _EN_ANCHOR, _en_regex(), _en_build)


def _en_build(text: str, m: re.Match[str]) -> list[_D]:
    k = m.lastgroup
    g = m.group
    if k == "iso":
        return [_D(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")), None, *m.span())]
    if k in ("dmy", "mdy"):
        return _en_day_range(m, k)
    start = m.start()
    part = None
    if p := _EN_PART_BEFORE.search(text, max(0, start - 24), start):
        part, start = _EN_PART[folded(p.group("p").split()[0])], p.start()
    if k == "my":
        return [_D(int(g("my_y")), _en_month(g("my_m")), None, part, start, m.end())]
    if k == "mo":
        # A month alone needs a preposition or part word before it ("in May";
        # not "May God ...").
        if part or _EN_MONTH_BEFORE.search(text, max(0, start - 12), start):
            return [_D(None, _en_month(g("mo_m")), None, part, start, m.end())]
        return []
    if part or _EN_YEAR_BEFORE.search(text, max(0, start - 12), start) or _EN_YEAR_AFTER.match(text, m.end()):
        return [_D(int(g("y_y")), None, None, part, start, m.end())]
    return []


def _en_month(name: str) -> int:
    return _MONTH_NUM[name.rstrip(".").lower()]


def _day(s: str) -> int:
    """ "21st" -> 21."""
    return int(s[:-2] if s[-2:] in ("st", "nd", "rd", "th") else s)


def _en_day_range(m: re.Match[str], k: str) -> list[_D]:
    g = m.group
    year = int(g(f"{k}_y")) if g(f"{k}_y") else None
    month = _en_month(g(f"{k}_m"))
    d1 = _day(g(f"{k}_d1"))
    if not g(f"{k}_d2"):
        return [_D(year, month, d1, None, *m.span())]
    d2 = _day(g(f"{k}_d2"))
    # Two mentions that do not overlap: "23" and "25 September 2023";
    # "September 23" and "25, 2023".
    return [
        _D(year, month, d1, None, m.start(), m.end(f"{k}_d1")),
        _D(year, month, d2, None, m.start(f"{k}_d2"), m.end()),
    ]


# --------------------------------------------------------------------- zh

_ZH_CN_DIGIT = "〇零一二三四五六七八九"
_ZH_CN_1_9 = "一二三四五六七八九"


def _named(template: str, prefix: str) -> str:
    """Give the ``@``-named groups of ``template`` a prefix (a_y, b_m, ...):
    one pattern is reused in several alternatives of a single regex."""
    return template.replace("(?P<@", f"(?P<{prefix}")


def _assemble_cjk(iso: str, year: str, month: str, day: str, part_m: str, part_y: str, gap: str) -> re.Pattern[str]:
    """zh and ko dates share one shape: year [month [day | part of month] | part of year], month [day],
    or a lone day (kept only inside a range); ``gap`` is the space Korean allows before a part."""
    ymd = f"{year}(?: ?{month}(?: ?{day}|{gap}{part_m})?|{gap}{part_y})?"
    md = f"{month}(?: ?{day}|{gap}{part_m})?"
    alts = {"iso": iso, "ymd": _named(ymd, "a_"), "md": _named(md, "b_"), "d": _named(day, "c_")}
    return re.compile("|".join(f"(?P<{k}>{v})" for k, v in alts.items()))


@functools.cache
def _zh_regex() -> re.Pattern[str]:
    year = (
        r"(?:(?<![0-9０-９])(?P<@y>[0-9０-９]{4})"
        rf"|(?<![{_ZH_CN_DIGIT}])(?P<@cy>[{_ZH_CN_DIGIT}]{{4}})) ?年"
    )
    month = (
        r"(?:(?<![0-9０-９])(?P<@m>[0-9０-９]{1,2})"
        rf"|(?<![十{_ZH_CN_DIGIT}])(?P<@cm>十[一二]?|[{_ZH_CN_1_9}])) ?月"
    )
    day = (
        r"(?:(?<![0-9０-９])(?P<@d>[0-9０-９]{1,2})"
        rf"|(?<![十{_ZH_CN_DIGIT}])(?P<@cd>三十一?|二十[{_ZH_CN_1_9}]?|十[{_ZH_CN_1_9}]?|[{_ZH_CN_1_9}])) ?[日号]"
    )
    part_m = r"(?P<@pm>上旬|中旬|下旬|初(?!步)|底|末)"  # 初步 = preliminary
    part_y = r"年?(?P<@py>初(?!步)|底|末|中期)"  # 2020年初, 2020年年初
    iso = (
        r"(?<![0-9０-９])(?P<iso_y>[0-9]{4})(?P<sep>[-/.])(?P<iso_m>0?[1-9]|1[0-2])(?P=sep)"
        r"(?P<iso_d>[0-3]?[0-9])(?![0-9])"
    )
    return _assemble_cjk(iso, year, month, day, part_m, part_y, gap="")


_ZH_ANCHOR = re.compile(r"[0-9０-９〇零一二三四五六七八九十](?<![0-9０-９〇零一二三四五六七八九十,.].)")
_ZH_PART = {"上旬": "early", "中旬": "mid", "下旬": "late", "初": "early", "底": "late", "末": "late", "中期": "mid"}


def _group(m: re.Match[str], *names: str) -> str | None:
    """The first of the named groups that exists in the pattern and matched (zh has extra
    Chinese-numeral groups ``cy``/``cm``/``cd`` that ko lacks)."""
    groups = m.re.groupindex
    for name in names:
        if name in groups and (value := m.group(name)) is not None:
            return value
    return None


def _cjk_build(m: re.Match[str], parts: dict[str, str]) -> list[_D]:
    """Build a date from a zh or ko match: the two patterns share their group names."""
    k = m.lastgroup
    if k == "iso":
        return [_D(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")), None, *m.span())]
    if k == "d":
        return [_D(None, None, _int(_group(m, "c_d", "c_cd")), None, *m.span(), day_only=True)]
    n = "a_" if k == "ymd" else "b_"
    year = _int(_group(m, "a_y", "a_cy")) if k == "ymd" else None
    month = _int(_group(m, n + "m", n + "cm"))
    part = _group(m, n + "pm") or (_group(m, "a_py") if k == "ymd" else None)
    if year is not None and month is None and part is None and not 1800 <= year <= 2199:
        return []  # a bare N年 / N년 is a year only when it looks like one
    day = _int(_group(m, n + "d", n + "cd"))
    return [_D(year, month, day, parts[part] if part else None, *m.span())]


# --------------------------------------------------------------------- ko


@functools.cache
def _ko_regex() -> re.Pattern[str]:
    # 초/말 are parts only before a particle or non-Hangul (2020년 초에, not
    # 2020년 말씀 / 초청).
    tail = r"(?:(?![가-힣])|(?=[에부까께경의이로을쯤]))"
    year = r"(?<![0-9０-９])(?P<@y>[0-9０-９]{4}) ?년(?:도)?"
    month = r"(?<![0-9０-９])(?P<@m>1[0-2]|0?[1-9]) ?월"
    day = r"(?<![0-9０-９])(?P<@d>3[01]|[12][0-9]|0?[1-9]) ?일"
    part_m = f"(?P<@pm>초순|상순|중순|하순|초{tail}|말{tail})"
    part_y = f"(?P<@py>초{tail}|말{tail}|중반)"
    iso = (
        r"(?<![0-9０-９])(?P<iso_y>[0-9]{4})(?:\. ?|-|/)(?P<iso_m>0?[1-9]|1[0-2])(?:\. ?|-|/)"
        r"(?P<iso_d>[0-3]?[0-9])(?![0-9])\.?"
    )
    return _assemble_cjk(iso, year, month, day, part_m, part_y, gap=" ?")


_KO_ANCHOR = re.compile(r"[0-9０-９](?<![0-9０-９,.].)")
_KO_PART = {"초순": "early", "상순": "early", "초": "early", "중순": "mid", "중반": "mid", "하순": "late", "말": "late"}


# Per language: the full pattern's builder, the cheap anchor that finds candidate positions, the words for parts
# of a month.
_CJK = {"zh": (_zh_regex, _ZH_ANCHOR, _ZH_PART), "ko": (_ko_regex, _KO_ANCHOR, _KO_PART)}


# What every zh / ko date holds: the unit of its year, month or day, or the digits around an ISO separator.
_CJK_UNITS = {"zh": re.compile("[年月日号]"), "ko": re.compile("[년월일]")}
_ISO_SEPARATOR = re.compile(r"[0-9](?:[-/]|\. ?)[0-9]")


def _find_cjk(text: str, lang: str) -> list[_D]:
    if speedups.ACTIVE.prechecks and not _CJK_UNITS[lang].search(text) and not _ISO_SEPARATOR.search(text):
        return []
    full, anchor, parts = _CJK[lang]
    return _scan(text, anchor, full(), lambda _, m: _cjk_build(m, parts))


# --------------------------------------------------------------------- weekdays


@dataclass(frozen=True)
class WeekdayMention:
    weekday: int  # 0 = Monday … 6 = Sunday, as in datetime and babel
    start: int
    end: int
    text: str


@functools.cache
def _cldr_weekdays() -> dict[str, dict[str, list[str]]]:
    """lang → width → CLDR's weekday names, Monday first: babel's data, read from a snapshot
    (``lexicons/weekdays.json``, pinned equal to babel by a test) because loading babel's locale data cost
    30 ms of every ``appeal check``."""
    return json.loads(read_bundled("lexicons/weekdays.json"))


def weekday_name(day: int, lang: str, width: str = "wide") -> str:
    """CLDR's name of a weekday (0 = Monday): Tuesday, 星期二, 화요일 (``abbreviated`` zh: 周二)."""
    return _cldr_weekdays()[lang][width][day]


def _weekday_names(lang: str) -> dict[str, int]:
    """Weekday names from CLDR: Tuesday, 星期二 / 周二, 화요일; plus the colloquial Chinese forms CLDR
    does not list (星期天, 周天, 礼拜二)."""
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated") if lang == "zh" else ("wide",):
        for day in range(7):
            name = weekday_name(day, lang, width)
            names[name] = day
            if lang == "en":
                names[name.upper()] = day
    if lang == "zh":
        for day in range(7):
            names["礼拜" + weekday_name(day, "zh")[-1]] = day
        names.update({"星期天": 6, "周天": 6, "礼拜天": 6})
    return names


_WEEKDAYS: dict[str, tuple[dict[str, int], re.Pattern[str]]] = {}
# 一周一次 (once a week) holds 周一; 每周一 and 上周一 are Mondays.
_ZH_NOT_WEEKDAY_AFTER = re.compile(r"[次回遍趟个年月天日]")
_ZH_NUMERAL_BEFORE = frozenset("零〇一二两三四五六七八九十几0123456789０１２３４５６７８９")


def _weekday_pattern(lang: str) -> tuple[dict[str, int], re.Pattern[str]]:
    if lang not in _WEEKDAYS:
        names = _weekday_names(lang)
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        if lang == "en":  # not inside a name: Saturday Night Live, the Sunday Times, Good Friday, Super Tuesday
            pattern = (
                rf"(?<!Good )(?<!Black )(?<!Super )(?<!Ash )(?<!Cyber )(?<!Easter )(?<!Palm )(?<!Holy )"
                rf"\b(?:{alternatives})\b(?! Night Live| Times| Telegraph| Mirror| Post| Express| Herald)"
            )
        elif lang == "ko":  # 화요일, and the short form in brackets after a date: 11월 4일(화)
            pattern = rf"(?:{alternatives})|(?<=\()[월화수목금토일](?=\))"
        else:
            pattern = alternatives
        _WEEKDAYS[lang] = (names, re.compile(pattern))
    return _WEEKDAYS[lang]


# What every weekday a language's pattern finds holds (tests/unit/test_prechecks.py pins it): Monday / MONDAY,
# 星期一 / 周一 / 礼拜一, 화요일 and the short form in brackets, (화).
_WEEKDAY_HINTS = {"en": ("day", "DAY"), "zh": ("星期", "周", "礼拜"), "ko": ("요일", "(")}


def _holds_any(text: str, literals: tuple[str, ...]) -> bool:
    """``any(literal in text for literal in literals)`` without a generator (it runs on every paragraph)."""
    for literal in literals:  # noqa: SIM110
        if literal in text:
            return True
    return False


def _english_weekdays(text: str, pattern: re.Pattern[str]) -> Iterable[re.Match[str]]:
    """``pattern.finditer(text)``; with pre-checks, the pattern (eight lookbehinds at every position) is tried only
    where a plain scan finds a name: every match starts with one, and no name starts inside another."""
    if not speedups.ACTIVE.prechecks:
        return pattern.finditer(text)
    found = (pattern.match(text, name.start()) for name in _name_scan("en").finditer(text))
    return [m for m in found if m]


@functools.cache
def _name_scan(lang: str) -> re.Pattern[str]:
    """The weekday names of a language as a plain alternation of literals."""
    return re.compile("|".join(map(re.escape, sorted(_weekday_pattern(lang)[0], key=len, reverse=True))))


def find_weekdays(text: str, lang: str) -> list[WeekdayMention]:
    """Weekdays named in ``text`` (en source, zh/ko targets)."""
    if lang not in _LANGS:
        raise ValueError(f"unsupported language {lang!r}")
    if speedups.ACTIVE.prechecks and not _holds_any(text, _WEEKDAY_HINTS[lang]):
        return []
    names, pattern = _weekday_pattern(lang)
    out = []
    for m in _english_weekdays(text, pattern) if lang == "en" else pattern.finditer(text):
        word = m.group()
        if lang == "ko" and len(word) == 1:
            out.append(WeekdayMention("월화수목금토일".index(word), m.start(), m.end(), word))
            continue
        if (
            lang == "zh"
            and word.startswith("周")
            and (text[m.start() - 1 : m.start()] in _ZH_NUMERAL_BEFORE or _ZH_NOT_WEEKDAY_AFTER.match(text, m.end()))
        ):
            continue  # 一周一次, 两周一次: "once a week"
        out.append(WeekdayMention(names[word], m.start(), m.end(), word))
    return out


# =========================================================================================================
# Rendering: how `appeal translate` writes a date (CLDR skeletons through babel).  find_dates above reads
# every rendering back to the same year, month, day and part (tests/unit/test_render_read.py).
# =========================================================================================================

# Parts of a month or year have no CLDR pattern: these are the forms terminology.md attests.
DATE_PARTS = {"zh": {"early": "初", "mid": "中旬", "late": "底"}, "ko": {"early": "초", "mid": "중순", "late": "말"}}
MONTH_PARTS = {
    "zh": {"early": "上旬", "mid": "中旬", "late": "下旬"},
    "ko": {"early": "초순", "mid": "중순", "late": "하순"},
}


def render_date(date: DateMention, lang: str) -> str:
    """2017年11月4日 / 2017년 11월 4일 from CLDR skeletons; 中旬/중순 and 初/초 for parts."""
    import datetime

    from babel.dates import format_skeleton  # imported when rendering only: `appeal check` stays fast

    skeleton = "".join(s for s, v in (("y", date.year), ("MMM", date.month), ("d", date.day)) if v)
    if not skeleton:
        return date.text
    value = datetime.date(date.year or 2000, date.month or 1, date.day or 1)
    text = format_skeleton(skeleton, value, locale=lang)
    if date.part:
        parts = MONTH_PARTS if date.month and not date.day else DATE_PARTS
        joiner = " " if lang == "ko" else ""
        text = f"{text}{joiner}{parts[lang][date.part]}"
    return text
