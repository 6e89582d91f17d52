"""Render, then read: every fact `appeal translate` writes in Chinese or Korean is read back by the checker to
the value it was made from, and every form the checker offers for a figure is one the renderer writes or a
documented variant (numerals.forms.localized_forms). The renderers and the readers live in the same modules
(numerals/zh.py, numerals/ko.py, dates.py); these properties keep them from drifting apart."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.checker import check_letters
from appealkit.dates import DateMention, find_dates, render_date
from appealkit.expressions import find_expressions
from appealkit.facts import source_facts
from appealkit.glossary import load_glossary
from appealkit.letters import parse_letter
from appealkit.localize import numerals, render_expression
from appealkit.numerals import find_numbers
from appealkit.numerals.forms import localized_forms
from appealkit.times import TimeMention, find_times, render_time, same_time

LANGS = pytest.mark.parametrize("lang", ["zh", "ko"])
GLOSSARY = load_glossary(None)
CURRENCIES = ["USD", "GBP", "EUR", "JPY", "CNY", "KRW", "HKD", "CHF", "INR"]
# Amounts as English writes them: whole numbers, decimals, and decimals of a scale word (2.2 billion).
WHOLE = st.integers(min_value=0, max_value=10**13)
DECIMAL = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2).map(lambda d: float(d))
SCALED = st.tuples(st.integers(1, 9999), st.sampled_from([10**3, 10**6, 10**9]), st.integers(0, 2)).map(
    lambda t: int(Decimal(t[0]) / 10 ** t[2] * t[1]) if (t[0] * t[1]) % 10 ** t[2] == 0 else t[0] * t[1])
AMOUNTS = st.one_of(WHOLE, DECIMAL, SCALED)


def read(text: str, lang: str) -> list[float]:
    return [float(m.value) for m in find_numbers(text, lang)]


@LANGS
@settings(max_examples=300, deadline=None)
@given(value=AMOUNTS)
def test_every_rendered_figure_reads_back(lang, value):
    rendered = numerals(lang).render_number(value)
    assert read(rendered, lang) == [float(value)], rendered


@LANGS
@settings(max_examples=150, deadline=None)
@given(value=st.one_of(st.integers(1, 10**12), SCALED), currency=st.sampled_from(CURRENCIES))
def test_every_rendered_amount_of_money_reads_back(lang, value, currency):
    rendered = numerals(lang).render_money(value, currency)
    assert read(rendered, lang) == [float(value)], rendered


@LANGS
@settings(max_examples=150, deadline=None)
@given(value=st.integers(1, 10**7), kind=st.sampled_from(["cardinal", "ordinal", "age", "percent"]),
       people=st.booleans(), qualifier=st.sampled_from([None, "about", "more_than", "at_least", "less_than",
                                                          "up_to"]))
def test_every_rendered_figure_keeps_its_kind_and_qualifier(lang, value, kind, people, qualifier):
    module = numerals(lang)
    rendered = module.render_qualified(module.render_figure(value, kind, people and kind == "cardinal"), qualifier)
    (mention,) = find_numbers(rendered, lang)
    assert (mention.value, mention.kind) == (value, kind), rendered
    if kind != "ordinal":
        assert mention.qualifier == qualifier, rendered


@LANGS
@settings(max_examples=200, deadline=None)
@given(value=st.integers(1, 10**8))
def test_every_form_the_checker_offers_is_rendered_or_a_documented_variant_and_reads_back(lang, value):
    forms = localized_forms(value, lang)
    assert forms[0] == numerals(lang).render_number(value)  # what translation writes comes first
    counter = "名" if lang == "zh" else " 명"  # spelled numerals are figures before a counter (两千名, 이천 명)
    for form in forms:
        assert read(form + counter, lang) == [float(value)], form


@LANGS
@settings(max_examples=150, deadline=None)
@given(year=st.integers(1900, 2099), month=st.integers(1, 12), day=st.integers(1, 31),
       shape=st.sampled_from(["ymd", "ym", "y"]))
def test_every_rendered_date_reads_back(lang, year, month, day, shape):
    try:
        datetime.date(year, month, day)
    except ValueError:
        day = 28
    date = DateMention(year, month if shape != "y" else None, day if shape == "ymd" else None, None, 0, 0, "")
    rendered = render_date(date, lang)
    (found,) = find_dates(rendered, lang)
    assert (found.year, found.month, found.day) == (date.year, date.month, date.day), rendered


# English expressions, rendered and checked end to end: the checker reads the English and the rendering alike.
def _clock(hour: int, minute: int, twelve: bool, zone: str | None) -> str:
    time = (f"{hour % 12 or 12}" + (f".{minute:02d}" if minute else "") + ("pm" if hour >= 12 else "am")
            if twelve else f"{hour}:{minute:02d}")
    return "at " + time + (f" {zone}" if zone else "")  # a bare H:MM is a time only in context ("at 20:00")


SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}
ENGLISH = st.one_of(
    st.builds(lambda v, c, s: f"{SIGNS[c]}{v}{s}", st.integers(1, 999), st.sampled_from(list(SIGNS)),
              st.sampled_from(["", "m", "bn", " million", " billion", "million"])),
    st.builds(lambda v, c: f"{v} {c}", st.integers(2, 999), st.sampled_from(["dollars", "euros", "pounds"])),
    st.builds(lambda p, w: f"{p} in {w}", st.sampled_from(["one", "1", "2", "three"]), st.integers(4, 20)),
    st.builds(_clock, st.integers(0, 23), st.integers(0, 59), st.booleans(),
              st.sampled_from([None, "BST", "GMT", "UTC", "EST", "KST", "CET"])),
    st.builds(lambda y: f"the {y}s", st.integers(185, 209).map(lambda d: d * 10)),
    st.builds(lambda a, d, u: f"{a} to {a + d}{u}", st.integers(2, 500), st.integers(1, 50),
              st.sampled_from(["", " people", "%"])),
    st.builds(lambda q, v: f"{q} {v} refugees", st.sampled_from(["about", "more than", "at least", "nearly"]),
              st.integers(2, 5000)),
)


@LANGS
@settings(max_examples=120, deadline=None)
@given(phrase=ENGLISH)
def test_every_english_expression_rendered_passes_the_checker(lang, phrase):
    sentence = f"The report cites {phrase} in its findings."
    facts = source_facts(sentence, GLOSSARY)
    expressions = find_expressions(sentence, facts.figures, facts.times)
    assert len(expressions) == 1, expressions
    rendered = render_expression(expressions[0], lang)
    target = f"报告在其结论中提到{rendered}。" if lang == "zh" else f"보고서는 결론에서 {rendered}을 언급한다."
    findings = check_letters(parse_letter(sentence, "x/en.md"), parse_letter(target, f"x/{lang}.md"), GLOSSARY,
                             lang).findings
    assert not [f for f in findings if f.severity == "error" and f.category in ("figure", "date")], (target, findings)


ZONE_OF = {"UK": "BST", "UTC": "GMT", "US Eastern": "EST", "Seoul": "KST", "Beijing": "Beijing time",
           "local": "local time"}


@LANGS
@settings(max_examples=200, deadline=None)
@given(hour=st.integers(0, 23), minute=st.integers(0, 59), half_known=st.booleans(),
       zone=st.sampled_from([None, *ZONE_OF]))
def test_every_rendered_clock_time_reads_back(lang, hour, minute, half_known, zone):
    hour12 = hour % 12 or 12
    time = TimeMention(hour12, minute, hour if half_known else None, zone, hour, 0, 0, "")
    rendered = render_time(time, lang)
    (found,) = find_times(rendered, lang)
    assert same_time(time, found) and found.hour24 == time.hour24, rendered
    if zone in ("UK", "UTC", "US Eastern", "Seoul", "Beijing", "local"):
        assert found.zone == zone, rendered
