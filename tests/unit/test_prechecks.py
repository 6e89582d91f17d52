"""The fact recognisers' pre-checks (speed-up ``prechecks``) hide nothing: each recogniser finds the same with its
pre-check as without it, on generated text built from what the pre-checks test for and what defeats them (case
folding: ı, İ, ſ, K; "days" that name no weekday; digits in words). The corpora are compared in
tests/corpus/test_speedups.py."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit import speedups
from appealkit.citations import find_articles, find_symbols
from appealkit.dates import find_dates, find_weekdays
from appealkit.entities import find_entities
from appealkit.numerals import find_numbers
from appealkit.times import find_times

FINDERS = {
    "numbers": find_numbers,
    "dates": find_dates,
    "weekdays": find_weekdays,
    "times": find_times,
    "articles": find_articles,
    "symbols": lambda text, lang: find_symbols(text),
    "entities": lambda text, lang: find_entities(text),
}


def _pieces(text: str) -> list[str]:
    return text.split("|")


# Per language: text each recogniser reads (so that a pre-check that hides a match shows), and pieces that
# defeat a naive pre-check or glue onto a neighbour.
FOUND = {
    "en": _pieces(
        "on Monday|SUNDAY|Friday's|the Sunday Times|Super Tuesday|Mondays|"
        "Article 33|Art. 3|ART 4|art.12|Articles 2(1)|article 4, para. 2|"
        "paragraph 2 of article 4|A/70/302|CAT/C/GC/4|in the ’80s|the '90s|the eighties|the EIGHTIES|"
        "the twentieſ|the nıneties|No. 1|number one|the final third|the two Koreas|one or two|back nine|"
        "cloud nıne|catch-22|24/7|at 3 p.m.|7.55am|at 10:30|20:00 GMT|three o'clock|www.amnesty.org|WWW.HRW.ORG|https://a.org/b|a@b.org|"
        "tel: 555 1234 567|NY 12345|in May 2017|23 September 2023|2,000 people|twenty-one|aged 4|about 60%"
    ),
    "zh": _pieces(
        "下午三点|十二点半|3点|晚上8点30分|10：30|下午5.30|北京时间上午10点|2017年3月|星期一|周二|一周一次|"
        "第4条第2款|A/70/302|八十年代|百分之五|两千名|1,000人|约60名"
    ),
    "ko": _pieces(
        "오후 3시|열한 시 반|새벽 두 시|10:30|오후 5.30|1980년대|80 년대|20세기 30년대|사분의 일|4분의 1|이틀|양국|"
        "한두 명|대여섯|화요일|11월 4일(화)|제4조 제1항|A/70/302|세 명|1,000명|약 60명|2020년 초"
    ),
}
NOISE = {
    "en": _pieces("day|days|today|DAY|the |The |art|ies|ties|ı|İ|ſ|\u212a|No|two|'|’|:|.|/|@|3|0s|0| |, |-|clock|www"),
    "zh": _pieces("三|点|时|：|.|年代|/|，| |3|第|周"),
    "ko": _pieces("시|세|년대|분의|국|두|/|.| |3|제"),
}


@pytest.mark.parametrize("finder", list(FINDERS))
@pytest.mark.parametrize("lang", ["en", "zh", "ko"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_the_pre_checks_hide_nothing(finder, lang, data):
    # ASCII-only English too: some pre-checks give up on other text, which would hide what they test.
    ascii_only = lang == "en" and data.draw(st.booleans())
    found, noise = ([p for p in pieces if p.isascii() or not ascii_only] for pieces in (FOUND[lang], NOISE[lang]))
    text = "".join(data.draw(st.lists(st.one_of(st.sampled_from(found), st.sampled_from(noise)), max_size=10)))
    find = FINDERS[finder]
    with speedups.switched(prechecks=False):
        plain = find(text, lang)
    assert find(text, lang) == plain


@pytest.mark.parametrize("lang", ["en", "zh", "ko"])
def test_every_weekday_name_holds_a_hint(lang):
    """find_weekdays skips text without any of its language's hints: every name it reads holds one, and so does
    the Korean short form in brackets."""
    from appealkit.dates import _WEEKDAY_HINTS, _weekday_pattern, weekday_name

    names = list(_weekday_pattern(lang)[0])
    assert {weekday_name(day, lang) for day in range(7)} <= set(names)
    for name in (*names, *(["(화)"] if lang == "ko" else [])):
        assert any(hint in name for hint in _WEEKDAY_HINTS[lang])
        assert [w.text for w in find_weekdays(f"{name}, 3", lang)] == [name.strip("()")]


@pytest.mark.parametrize(
    "text",
    [
        "the final third",
        "the two Koreas",
        "No. 1",
        "No.1 seed",
        "back nine",
        "catch-22",
        "24/7",
        "one or two",
        "two or three",
        "cloud nine",
        "the eighties",
        "the '90s",
        "in the ’80s",
        "the 1980s",
        "number 1",
        "the nıneties",
        "the twentieſ, ’",
        "the SEVENTIES’ ‘boom’",
    ],
)
def test_each_idiom_and_decade_alone(text):
    """Each English idiom that weakens a figure, and each decade, read alone (no other piece to open the pre-check)."""
    with speedups.switched(prechecks=False):
        plain = find_numbers(text, "en")
    assert plain and find_numbers(text, "en") == plain
