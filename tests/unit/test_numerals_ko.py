"""Korean figures: digits, digits with 천/만/억, Sino-Korean and native words
before counters, and no figures invented from ordinary syllables."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.numerals import find_numbers
from support.mentions import check_well_formed


def nums(text: str) -> list[tuple[int | float, str, str]]:
    return [(m.value, m.kind, m.text) for m in find_numbers(text, "ko")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits
        ("북한 주민 2,000명", [(2000, "cardinal", "2,000")]),
        ("최소 1,170명의", [(1170, "cardinal", "1,170")]),
        ("베이징시 시청구 100017", [(100017, "cardinal", "100017")]),
        ("3.5배", [(3.5, "cardinal", "3.5")]),
        ("２０００명", [(2000, "cardinal", "２０００")]),
        # digits with Sino-Korean multipliers, spaced groups
        ("2천 명", [(2000, "cardinal", "2천")]),
        ("2만 명", [(20000, "cardinal", "2만")]),
        ("3억 원", [(300_000_000, "cardinal", "3억")]),
        ("3만 5천 명", [(35000, "cardinal", "3만 5천")]),
        ("3만5천 명", [(35000, "cardinal", "3만5천")]),
        ("1억 2천만 원", [(120_000_000, "cardinal", "1억 2천만")]),
        ("3억 2,500만 1,234명", [(325_001_234, "cardinal", "3억 2,500만 1,234")]),
        # a year after 만 is not part of the number, nor is another 만-group
        ("2만 2017년", [(20000, "cardinal", "2만"), (2017, "cardinal", "2017")]),
        ("1만 1만", [(10000, "cardinal", "1만"), (10000, "cardinal", "1만")]),
        ("천팔백일 명", [(1801, "cardinal", "천팔백일")]),
        # Sino-Korean words before a counter
        ("이천 명", [(2000, "cardinal", "이천")]),
        ("천백칠십 명", [(1170, "cardinal", "천백칠십")]),
        ("십구 세", [(19, "age", "십구 세")]),
        ("이십 년", [(20, "cardinal", "이십")]),
        ("만 명", [(10000, "cardinal", "만")]),
        ("십이월", [(12, "cardinal", "십이")]),
        # native words before a counter
        ("북한 난민 아홉 명", [(9, "cardinal", "아홉")]),
        ("열한 명", [(11, "cardinal", "열한")]),
        ("열 명", [(10, "cardinal", "열")]),
        ("스물두 명", [(22, "cardinal", "스물두")]),
        ("한 명이", [(1, "cardinal", "한")]),
        ("두 사람", [(2, "cardinal", "두")]),
        ("세 가지", [(3, "cardinal", "세")]),
        ("다섯 개", [(5, "cardinal", "다섯")]),
        ("일곱 번", [(7, "cardinal", "일곱")]),
        ("여덟 달", [(8, "cardinal", "여덟")]),
        # ordinals
        ("제19회 아시안게임", [(19, "ordinal", "제19")]),
        ("제19차 회의", [(19, "ordinal", "제19")]),
        ("제3국으로", [(3, "ordinal", "제3")]),
        ("제삼국으로", [(3, "ordinal", "제삼")]),
        ("제5차 정기보고서", [(5, "ordinal", "제5")]),
        ("19번째", [(19, "ordinal", "19번째")]),
        ("세 번째", [(3, "ordinal", "세 번째")]),
        ("제4조 제1항", [(4, "ordinal", "제4"), (1, "ordinal", "제1")]),
        ("협약제3조", [(3, "ordinal", "제3")]),
        # ages
        ("4세 아동", [(4, "age", "4세")]),
        ("4세의 아동", [(4, "age", "4세")]),
        ("네 살 아이", [(4, "age", "네 살")]),
        ("4살 아이", [(4, "age", "4살")]),
        ("스무 살", [(20, "age", "스무 살")]),
        ("생후 11개월 된 아기", [(11, "age", "11개월")]),
        ("11개월 된 아기", [(11, "age", "11개월")]),
        ("11개월 아기", [(11, "age", "11개월")]),
        ("6개월 동안", [(6, "cardinal", "6")]),  # a duration, not an age
        ("21세기", [(21, "cardinal", "21")]),  # century, not age
        # percent
        ("25%", [(25, "percent", "25%")]),
        ("25 퍼센트", [(25, "percent", "25 퍼센트")]),
        ("25퍼센트", [(25, "percent", "25퍼센트")]),
        # identifiers and URLs
        ("source_sha256", []),
        ("코로나19", [(19, "cardinal", "19")]),
        ("https://www.hrw.org/news/2015/11/21/x 참조", []),
        ("2017.11.4", [(2017, "cardinal", "2017"), (11, "cardinal", "11"), (4, "cardinal", "4")]),
        # stand-alone native numerals before a particle or punctuation
        ("또 다른 여성 둘도", [(2, "cardinal", "둘")]),
        ("그중 넷은", [(4, "cardinal", "넷")]),
        ("셋, 넷", [(3, "cardinal", "셋"), (4, "cardinal", "넷")]),
        ("다섯이다", [(5, "cardinal", "다섯")]),
        ("아홉과", [(9, "cardinal", "아홉")]),
        # 두/세/네/스무 before a noun for people or groups
        ("두 여성이", [(2, "cardinal", "두")]),
        ("세 아이", [(3, "cardinal", "세")]),
        ("스무 난민", [(20, "cardinal", "스무")]),
    ],
)
def test_notations(text: str, expected: list[tuple[int | float, str, str]]) -> None:
    assert nums(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "구금", "요구", "사람", "이 편지", "세계", "네트워크", "열린", "한국", "한편", "두려움",
        "구 명",  # a lone Sino-Korean syllable is never enough
        "이 사람", "사 년", "오 일", "한 개인", "세 개혁", "만세", "제일 중요한", "제사", "제이",
        "받아들이십시오", "주십시오", "수십 명", "수백만 명", "몇십 명", "천사", "백성", "십자가",
        "만일", "오만한", "사천성", "이만 줄입니다", "세대", "한다", "한계",
        "하나의", "둘째", "첫 번째", "둘러싸인", "인터넷", "열이 나다", "하나님", "셋방", "네, 알겠습니다", "세 계획",
    ],
)
def test_words_are_not_figures(text: str) -> None:
    assert nums(text) == []


@pytest.mark.parametrize(
    ("text", "qualifier", "qword"),
    [
        ("약 600명", "about", "약"),
        ("약600명", "about", "약"),
        ("대략 600명", "about", "대략"),
        ("거의 600명", "about", "거의"),
        ("600명가량", "about", "가량"),
        ("600명 정도", "about", "정도"),
        ("600여 명", "more_than", "여"),
        ("600여명", "more_than", "여"),
        ("30여 년", "more_than", "여"),
        ("90여 개국", "more_than", "여"),
        ("600명 이상", "more_than", "이상"),
        ("600명이상", "more_than", "이상"),
        ("600명이 넘는", "more_than", "넘는"),
        ("1년 넘게", "more_than", "넘게"),
        ("최소 9명", "at_least", "최소"),
        ("적어도 9명", "at_least", "적어도"),
        ("최대 10년", "up_to", "최대"),
        ("18세 미만", "less_than", "미만"),
    ],
)
def test_qualifiers(text: str, qualifier: str, qword: str) -> None:
    (m,) = find_numbers(text, "ko")
    assert m.qualifier == qualifier
    assert m.qualifier_span is not None
    assert text[m.qualifier_span[0] : m.qualifier_span[1]] == qword


@pytest.mark.parametrize("text", ["계약 3건", "요약 3개"])
def test_words_ending_in_qualifier_syllables(text: str) -> None:
    (m,) = find_numbers(text, "ko")
    assert m.qualifier is None


# ------------------------------------------------------------------ properties


def to_korean_mixed(n: int, styles: list[int]) -> str:
    """Test-side formatter in news style: 3억 2,500만 1,234 / 3만 5천.

    Each 만-group is written with digits (2,500), digits without a separator
    (2500) or 천-notation (2천500, 5천); groups are separated by spaces.
    """
    if n == 0:
        return "0"
    parts = []
    for i, (unit, name) in enumerate(((10**8, "억"), (10**4, "만"), (1, ""))):
        group = n // unit % 10**4 if unit < 10**8 else n // unit
        if not group:
            continue
        style = styles[i % len(styles)]
        if style == 2 and group >= 1000:
            thousands, rest = divmod(group, 1000)
            text = f"{thousands}천" + (str(rest) if rest else "")
        elif style == 1:
            text = str(group)
        else:
            text = f"{group:,}"
        parts.append(text + name)
    return " ".join(parts)


@settings(deadline=None)  # timing varies on shared CI machines
@given(st.integers(0, 10**9), st.lists(st.integers(0, 2), min_size=3, max_size=3))
def test_mixed_notation_round_trip(n: int, styles: list[int]) -> None:
    written = to_korean_mixed(n, styles)
    (m,) = find_numbers(f"모두 {written}명이 구금되었다", "ko")
    assert (m.value, m.text) == (n, written)


@settings(deadline=None)  # timing varies on shared CI machines
@given(st.integers(0, 10**9))
def test_digits_round_trip(n: int) -> None:
    (m,) = find_numbers(f"약 {n:,}명", "ko")
    assert (m.value, m.text, m.qualifier) == (n, f"{n:,}", "about")


_NATIVE = {1: "한", 2: "두", 3: "세", 4: "네", 5: "다섯", 6: "여섯", 7: "일곱", 8: "여덟", 9: "아홉"}
_NATIVE_TENS = {10: "열", 20: "스물", 30: "서른", 40: "마흔", 50: "쉰", 60: "예순", 70: "일흔",
                80: "여든", 90: "아흔"}


@settings(deadline=None)  # timing varies on shared CI machines
@given(st.integers(1, 99), st.sampled_from(["명", "개", "번", "사람", "가지"]))
def test_native_numbers_round_trip(n: int, counter: str) -> None:
    tens, units = divmod(n, 10)
    word = (_NATIVE_TENS[tens * 10] if tens else "") + (_NATIVE[units] if units else "")
    if n == 20:
        word = "스무"
    (m,) = find_numbers(f"북한 주민 {word} {counter}이 있다", "ko")
    assert (m.value, m.text) == (n, word)


_SINO_DIGITS = "영일이삼사오육칠팔구"


def to_sino(n: int) -> str:
    """Sino-Korean words for 10 <= n < 10**8 (일 dropped before 십/백/천)."""
    out = ""
    for unit, name in ((10**4, "만"), (1, "")):
        group = n // unit % 10**4
        if not group:
            continue
        for u, mult in ((1000, "천"), (100, "백"), (10, "십"), (1, "")):
            d = group // u % 10
            if d:
                out += ("" if d == 1 and mult else _SINO_DIGITS[d]) + mult
        out += name
    return out


@settings(deadline=None)  # timing varies on shared CI machines
@given(st.integers(10, 10**8 - 1))
def test_sino_korean_round_trip(n: int) -> None:
    word = to_sino(n)
    found = find_numbers(f"모두 {word} 명", "ko")
    if not any(c in word[:2] for c in "십백천만"):
        # The multiplier must sit in the first two syllables (구만 yes,
        # 구십구만... always has one there); skip shapes we do not claim.
        return
    (m,) = found
    assert (m.value, m.text) == (n, word)


_TRICKY = st.lists(
    st.sampled_from(
        list("0123456789,.%％ 일이삼사오육칠팔구십백천만억제명세살년월일여약개번째")
        + ["한 ", "두 ", "세 ", "네 ", "열", "스무", "아홉", "이상", "넘는", "개월", "생후 ", "된",
           "퍼센트", "사람", "제삼", "최소"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _TRICKY))
def test_never_raises_and_spans_are_sane(text: str) -> None:
    check_well_formed(text, find_numbers(text, "ko"))


# ------------------------------------------------------------------ news notations (issue 9)

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("돼지 열 다섯 마리", [(15, "cardinal", "열 다섯")]),
        ("스물 두 명", [(22, "cardinal", "스물 두")]),
        ("오 주 남았습니다", [(5, "cardinal", "오")]),
        ("삼 년 동안", [(3, "cardinal", "삼")]),
        ("오 점을 내줬다", [(5, "cardinal", "오")]),
        ("이 피트 넓이", [(2, "cardinal", "이")]),
        ("이백여 명", [(200, "cardinal", "이백")]),
        ("네 군데의 매장", [(4, "cardinal", "네")]),
        ("그의 두 손자들이", [(2, "cardinal", "두")]),
        ("첫 두 바퀴", [(2, "cardinal", "두")]),
        ("지난 이틀 동안", [(2, "cardinal", "이틀")]),
        ("나흘 뒤", [(4, "cardinal", "나흘")]),
        ("한두 번", [(1, "cardinal", "한"), (2, "cardinal", "두")]),
        ("대여섯 명", [(5, "cardinal", "대"), (6, "cardinal", "여섯")]),
        ("양국 정상", [(2, "cardinal", "양국")]),
        ("사분의 일", [(4, "cardinal", "사"), (1, "cardinal", "일")]),
        ("4분의 1", [(4, "cardinal", "4"), (1, "cardinal", "1")]),
        ("1980년대", [(1980, "decade", "1980년대")]),
        ("80년대", [(1980, "decade", "80년대")]),
        ("2000 만 명", [(20_000_000, "cardinal", "2000 만")]),
        ("28억 파운드", [(2_800_000_000, "cardinal", "28억")]),
        ("1억 2500만 파운드", [(125_000_000, "cardinal", "1억 2500만")]),
        ("불과 3명", [(3, "cardinal", "3")]),
        ("고작 세 명", [(3, "cardinal", "세")]),
    ],
)
def test_news_notations(text: str, expected: list[tuple[int | float, str, str]]) -> None:
    assert nums(text) == expected


@pytest.mark.parametrize("text", ["이 점이 중요하다", "이 년", "세대", "두골", "세 개혁", "수십 명", "구 명단", "하루하루가"])
def test_news_words_that_stay_words(text: str) -> None:
    assert nums(text) == []


@settings(deadline=None)
@given(st.integers(11, 99))
def test_native_numbers_with_a_space_round_trip(n: int) -> None:
    tens = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"][n // 10]
    units = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"][n % 10]
    word = f"{tens} {units}" if units else tens
    (m,) = find_numbers(f"모두 {word} 명", "ko")
    assert (m.value, m.text) == (n, word)
