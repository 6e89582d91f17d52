"""Clock times: every notation of the three languages reads to the same time, and the parser is total."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appealkit.times import find_times, same_time
from support.mentions import check_spans


def one(text: str, lang: str):
    (t,) = find_times(text, lang)
    return t


@pytest.mark.parametrize(("lang", "text", "hour24", "minute"), [
    ("en", "at 3 p.m. on Wednesday", 15, 0), ("en", "at 7.55am", 7, 55), ("en", "at 4.40 am", 4, 40),
    ("en", "at 12 a.m.", 0, 0), ("en", "at 12 p.m.", 12, 0), ("en", "at 20:00 GMT", 20, 0),
    ("zh", "下午二点", 14, 0), ("zh", "下午5：30", 17, 30), ("zh", "晚上8点半", 20, 30), ("zh", "凌晨12点", 0, 0),
    ("zh", "北京时间下午3点", 15, 0), ("zh", "早上 7:55", 7, 55),
    ("ko", "오후 8시", 20, 0), ("ko", "오전 7시 55분", 7, 55), ("ko", "오후 세 시 반", 15, 30), ("ko", "오후 5.30", 17, 30),
])
def test_notations(lang, text, hour24, minute):
    t = one(text, lang)
    assert (t.hour24, t.minute) == (hour24, minute)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "on 3:35 from a pass"), ("en", "I am here"), ("en", "a 2-1 win"), ("en", "5.30 percent"),
    ("zh", "提出三点建议"), ("zh", "比分2:1"), ("zh", "增长5.30"), ("ko", "3시간 동안"), ("ko", "세 시간"), ("ko", "서울시"),
    ("ko", "5.30퍼센트"), ("ko", "세 시"),
])
def test_not_times(lang, text):
    assert find_times(text, lang) == []


def test_zones_are_named():
    assert one("at 10 PM ET", "en").zone == "US Eastern"
    assert one("当地时间下午3点", "zh").zone == "local"
    assert one("현지 시간으로 오후 3시", "ko").zone == "local"


@settings(deadline=None)
@given(st.integers(1, 12), st.integers(0, 59), st.sampled_from(["am", "pm"]), st.sampled_from(["a.m.", "am", "AM", "p.m.", "pm", "PM"]))
def test_twelve_hour_clock_agrees_across_languages(hour, minute, half, spelling):
    spelling = spelling if (half == "am") == ("a" in spelling.lower()) else half
    en = one(f"at {hour}:{minute:02d} {spelling}", "en")
    zh = one(f"{'上午' if half == 'am' else '下午'}{hour}点{minute}分", "zh")
    ko = one(f"{'오전' if half == 'am' else '오후'} {hour}시 {minute}분", "ko")
    assert same_time(en, zh) and same_time(en, ko)
    other = one(f"{'下午' if half == 'am' else '上午'}{hour}点{minute}分", "zh")
    assert not same_time(en, other)


@settings(deadline=None)
@given(st.integers(0, 23), st.integers(0, 59))
def test_twenty_four_hour_clock_agrees_with_its_half_of_day(hour, minute):
    en = one(f"at {hour:02d}:{minute:02d}", "en")
    half = "오전" if hour < 12 else "오후"
    assert same_time(en, one(f"{half} {hour % 12 or 12}시 {minute}분", "ko"))


_TRICKY = st.lists(st.sampled_from(list("0123456789:.：点时分半下午上早晚오전후시분반 apm") + ["p.m.", "o'clock", "GMT", "北京时间"]),
                   max_size=25).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), _TRICKY), st.sampled_from(["en", "zh", "ko"]))
def test_never_raises_and_spans_are_sane(text, lang):
    check_spans(text, find_times(text, lang))


def _times_without_the_pre_check(monkeypatch, texts):
    from appealkit import times

    with monkeypatch.context() as patch:
        patch.setattr(times, "_may_hold_en_time", lambda text: True)
        return [find_times(t, "en") for t in texts]


def test_the_pre_check_hides_no_time_on_the_corpora(monkeypatch):
    from pathlib import Path

    from appealkit.letters import load_letter

    root = Path(__file__).resolve().parents[2]
    paths = [*root.glob("letters/*/en.md"), *root.glob("tests/fixtures/*/*/en.md"),
             *root.glob("benchmarks/corpora/ntrex-dev/*/en.txt")]
    texts = [p.text for path in paths for p in load_letter(path).paragraphs]
    assert len(texts) > 1000
    found = [find_times(t, "en") for t in texts]
    assert sum(map(len, found)) > 0
    assert found == _times_without_the_pre_check(monkeypatch, texts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["3", "10", ":", "30", " ", "p", "P", "m", "M", ".", "a", "o'clock", "o’clock",
                                 "clock", "three", "at", "GMT", "２", "x"]), max_size=12).map("".join))
def test_the_pre_check_hides_no_time_on_generated_text(monkeypatch, text):
    assert find_times(text, "en") == _times_without_the_pre_check(monkeypatch, [text])[0]


def test_letters_folded_onto_ascii_are_read_not_fatal():
    """"local tıme" and "ſix o'clock" match case-insensitively: read by their ASCII spelling, never a KeyError."""
    assert [(t.hour12, t.zone) for t in find_times("at 3pm local tıme", "en")] == [(3, "local")]
    assert [t.hour12 for t in find_times("at ſix o'clock", "en")] == [6]
