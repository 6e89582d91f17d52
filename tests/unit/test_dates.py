"""Dates in English (source), Chinese and Korean (targets)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.dates import DateMention, find_dates
from support.mentions import check_spans

Ymdp = tuple[int | None, int | None, int | None, str | None]


def dates(text: str, lang: str) -> list[tuple[Ymdp, str]]:
    return [((d.year, d.month, d.day, d.part), d.text) for d in find_dates(text, lang)]


def check_well_formed(text: str, found: list[DateMention]) -> None:
    check_spans(text, found)
    for d in found:
        assert d.part in ("early", "mid", "late", None)
        assert d.year is not None or d.month is not None


EN = [
    ("on 4 November 2017.", [((2017, 11, 4, None), "4 November 2017")]),
    ("November 4, 2017", [((2017, 11, 4, None), "November 4, 2017")]),
    ("November 4 2017", [((2017, 11, 4, None), "November 4 2017")]),
    ("Nov. 4, 2017", [((2017, 11, 4, None), "Nov. 4, 2017")]),
    ("Dec 10, 2023", [((2023, 12, 10, None), "Dec 10, 2023")]),
    ("21 November 2017", [((2017, 11, 21, None), "21 November 2017")]),
    ("the 21st of November 2017", [((2017, 11, 21, None), "21st of November 2017")]),
    ("Tuesday, 4 November 2017", [((2017, 11, 4, None), "4 November 2017")]),
    ("mid-March 2017", [((2017, 3, None, "mid"), "mid-March 2017")]),
    ("early March 2017", [((2017, 3, None, "early"), "early March 2017")]),
    ("in early 2020,", [((2020, None, None, "early"), "early 2020")]),
    ("in late 2019", [((2019, None, None, "late"), "late 2019")]),
    ("in mid-2019", [((2019, None, None, "mid"), "mid-2019")]),
    ("by the end of 2019", [((2019, None, None, "late"), "end of 2019")]),
    ("in late March", [((None, 3, None, "late"), "late March")]),
    ("in July 1998", [((1998, 7, None, None), "July 1998")]),
    ("in September 2023", [((2023, 9, None, None), "September 2023")]),
    ("in November", [((None, 11, None, None), "November")]),
    ("since May,", [((None, 5, None, None), "May")]),
    ("in 2014, the", [((2014, None, None, None), "2014")]),
    ("The 2014 report", [((2014, None, None, None), "2014")]),
    ("the 1951 Refugee Convention and its 1967 Protocol",
     [((1951, None, None, None), "1951"), ((1967, None, None, None), "1967")]),
    ("since 2013", [((2013, None, None, None), "2013")]),
    ("2017-11-04", [((2017, 11, 4, None), "2017-11-04")]),
    ("on 4 November", [((None, 11, 4, None), "4 November")]),
    # ranges: every end gets the year
    ("(23 September to 8 October 2023)",
     [((2023, 9, 23, None), "23 September"), ((2023, 10, 8, None), "8 October 2023")]),
    ("23-25 September 2023",
     [((2023, 9, 23, None), "23"), ((2023, 9, 25, None), "25 September 2023")]),
    ("23–25 September 2023",
     [((2023, 9, 23, None), "23"), ((2023, 9, 25, None), "25 September 2023")]),
    ("September 23-25, 2023",
     [((2023, 9, 23, None), "September 23"), ((2023, 9, 25, None), "25, 2023")]),
    ("from 1 to 5 May 2020",
     [((2020, 5, 1, None), "1"), ((2020, 5, 5, None), "5 May 2020")]),
    ("between 1998-2000", [((1998, None, None, None), "1998"), ((2000, None, None, None), "2000")]),
]

ZH = [
    ("2017年11月4日", [((2017, 11, 4, None), "2017年11月4日")]),
    ("２０１７年１１月４日", [((2017, 11, 4, None), "２０１７年１１月４日")]),
    ("2017 年 11 月 4 日", [((2017, 11, 4, None), "2017 年 11 月 4 日")]),
    ("二〇一七年十一月四日", [((2017, 11, 4, None), "二〇一七年十一月四日")]),
    ("二〇二三年十二月三十一日", [((2023, 12, 31, None), "二〇二三年十二月三十一日")]),
    ("2017年3月中旬", [((2017, 3, None, "mid"), "2017年3月中旬")]),
    ("2017年3月上旬", [((2017, 3, None, "early"), "2017年3月上旬")]),
    ("2017年3月下旬", [((2017, 3, None, "late"), "2017年3月下旬")]),
    ("2017年3月初", [((2017, 3, None, "early"), "2017年3月初")]),
    ("2017年3月底", [((2017, 3, None, "late"), "2017年3月底")]),
    ("2020年初，", [((2020, None, None, "early"), "2020年初")]),
    ("2020年年初", [((2020, None, None, "early"), "2020年年初")]),
    ("2020年底", [((2020, None, None, "late"), "2020年底")]),
    ("2020年末", [((2020, None, None, "late"), "2020年末")]),
    ("1998年7月", [((1998, 7, None, None), "1998年7月")]),
    ("2014年的报告", [((2014, None, None, None), "2014年")]),
    ("11月4日", [((None, 11, 4, None), "11月4日")]),
    ("11月4号", [((None, 11, 4, None), "11月4号")]),
    ("2017-11-04", [((2017, 11, 4, None), "2017-11-04")]),
    ("2017/11/4", [((2017, 11, 4, None), "2017/11/4")]),
    # ranges
    ("2023年9月23日至10月8日",
     [((2023, 9, 23, None), "2023年9月23日"), ((2023, 10, 8, None), "10月8日")]),
    ("2023年9月23日至25日",
     [((2023, 9, 23, None), "2023年9月23日"), ((2023, 9, 25, None), "25日")]),
    ("9月23日—25日", [((None, 9, 23, None), "9月23日"), ((None, 9, 25, None), "25日")]),
]

KO = [
    ("2017년 11월 4일", [((2017, 11, 4, None), "2017년 11월 4일")]),
    ("2017년11월4일", [((2017, 11, 4, None), "2017년11월4일")]),
    ("2017. 11. 4.", [((2017, 11, 4, None), "2017. 11. 4.")]),
    ("2017.11.4", [((2017, 11, 4, None), "2017.11.4")]),
    ("2017-11-04", [((2017, 11, 4, None), "2017-11-04")]),
    ("2017년 3월 중순", [((2017, 3, None, "mid"), "2017년 3월 중순")]),
    ("2017년 3월 초순", [((2017, 3, None, "early"), "2017년 3월 초순")]),
    ("2017년 3월 하순", [((2017, 3, None, "late"), "2017년 3월 하순")]),
    ("2017년 3월 초에", [((2017, 3, None, "early"), "2017년 3월 초")]),
    ("2020년 초", [((2020, None, None, "early"), "2020년 초")]),
    ("2020년 말에", [((2020, None, None, "late"), "2020년 말")]),
    ("2020년 중반", [((2020, None, None, "mid"), "2020년 중반")]),
    ("1998년 7월", [((1998, 7, None, None), "1998년 7월")]),
    ("2014년에", [((2014, None, None, None), "2014년")]),
    ("11월 4일", [((None, 11, 4, None), "11월 4일")]),
    # ranges
    ("2023년 9월 23일부터 10월 8일까지",
     [((2023, 9, 23, None), "2023년 9월 23일"), ((2023, 10, 8, None), "10월 8일")]),
    ("2023년 9월 23일~25일",
     [((2023, 9, 23, None), "2023년 9월 23일"), ((2023, 9, 25, None), "25일")]),
]


@pytest.mark.parametrize(("text", "expected"), EN)
def test_en(text: str, expected: list[tuple[Ymdp, str]]) -> None:
    assert dates(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), ZH)
def test_zh(text: str, expected: list[tuple[Ymdp, str]]) -> None:
    assert dates(text, "zh") == expected


@pytest.mark.parametrize(("text", "expected"), KO)
def test_ko(text: str, expected: list[tuple[Ymdp, str]]) -> None:
    assert dates(text, "ko") == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("more than 2000 people", "en"),
        ("about 2,014 people", "en"),
        ("they may face torture", "en"),
        ("May God", "en"),
        ("a march for peace", "en"),
        ("the 1990s", "en"),
        ("Fax: +86 10 6307 0900", "en"),
        ("10 North Koreans and 28 countries", "en"),
        ("31 February 2020", "en"),
        ("https://www.hrw.org/news/2015/11/21/china", "en"),
        ("持续了30年", "zh"),
        ("三年", "zh"),
        ("东长安街14号", "zh"),
        ("三个月", "zh"),
        ("25日", "zh"),  # a day alone is not a date
        ("初步统计", "zh"),
        ("30년 동안", "ko"),
        ("3일 동안", "ko"),
        ("3개월", "ko"),
        ("2월 30일", "ko"),
    ],
)
def test_not_dates(text: str, lang: str) -> None:
    assert dates(text, lang) == []


def test_year_followed_by_word_is_only_the_year() -> None:
    # 初步 (preliminary) and 말씀 (words) are not "early"/"late".
    assert dates("2020年初步统计", "zh") == [((2020, None, None, None), "2020年")]
    assert dates("2020년 말씀", "ko") == [((2020, None, None, None), "2020년")]


def test_unknown_language() -> None:
    with pytest.raises(ValueError):
        find_dates("2017", "fr")


# ------------------------------------------------------------------ properties

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
_CN_DIGITS = "〇一二三四五六七八九"


def _cn_small(n: int) -> str:
    """1..31 in Chinese numerals (十一, 二十一)."""
    tens, units = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")) + (
        _CN_DIGITS[units] if units else ""
    )


def format_date(d: dt.date, lang: str, style: int) -> str:
    y, m, day = d.year, d.month, d.day
    if lang == "en":
        abbr = _ABBR[m - 1] + ("" if m == 5 else ".")
        return [f"{day} {_MONTHS[m - 1]} {y}", f"{_MONTHS[m - 1]} {day}, {y}",
                f"{abbr} {day}, {y}", f"{y:04d}-{m:02d}-{day:02d}"][style % 4]
    if lang == "zh":
        cn_year = "".join(_CN_DIGITS[int(c)] for c in str(y))
        return [f"{y}年{m}月{day}日", f"{cn_year}年{_cn_small(m)}月{_cn_small(day)}日",
                f"{y}年{m:02d}月{day:02d}日", f"{y}-{m:02d}-{day:02d}"][style % 4]
    return [f"{y}년 {m}월 {day}일", f"{y}. {m}. {day}.", f"{y}년{m}월{day}일",
            f"{y}-{m:02d}-{day:02d}"][style % 4]


_CONTEXT = {"en": "They were arrested on {}, in Shenyang.",
            "zh": "他们于{}在沈阳被捕。",
            "ko": "이들은 {} 선양에서 체포되었습니다."}


@settings(deadline=None)  # timing varies on shared CI machines
@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
    st.sampled_from(["en", "zh", "ko"]),
    st.integers(0, 3),
)
def test_dates_round_trip(d: dt.date, lang: str, style: int) -> None:
    written = format_date(d, lang, style)
    text = _CONTEXT[lang].format(written)
    (found,) = find_dates(text, lang)
    assert (found.year, found.month, found.day, found.text) == (d.year, d.month, d.day, written)


@settings(deadline=None)  # timing varies on shared CI machines
@given(st.integers(1900, 2099), st.integers(1, 12), st.sampled_from(["en", "zh", "ko"]))
def test_month_year_round_trip(y: int, m: int, lang: str) -> None:
    written = {"en": f"{_MONTHS[m - 1]} {y}", "zh": f"{y}年{m}月", "ko": f"{y}년 {m}월"}[lang]
    (found,) = find_dates(f"in {written}, ", lang)
    assert (found.year, found.month, found.day) == (y, m, None)


_TRICKY = st.lists(
    st.sampled_from(
        list("0123456789 -–,./年月日号至〇一二十三旬初底末년월일~")
        + ["November ", "May ", "Nov. ", "early ", "mid-", "late ", "in ", "to ", "上旬", "中旬",
           "부터 ", "까지", "초순", " 초", " 말", "2017", "2023", "12", "31", "Sept"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _TRICKY), st.sampled_from(["en", "zh", "ko"]))
def test_never_raises_and_spans_are_sane(text: str, lang: str) -> None:
    check_well_formed(text, find_dates(text, lang))


def test_a_part_word_folded_onto_ascii_is_read_not_fatal() -> None:
    """"mıd-2017" matches the case-insensitive part words (ı folds onto i): read as "mid", never a KeyError."""
    assert [(d.year, d.part) for d in find_dates("in mıd-2017", "en")] == [(2017, "mid")]
