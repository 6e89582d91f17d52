"""Chinese figures: every notation a translator uses, and no figures invented
from ordinary words that contain numeral characters."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.numerals import find_numbers
from support.mentions import check_well_formed
from appealkit.numerals.zh import cn_to_int


def nums(text: str) -> list[tuple[int | float, str, str]]:
    return [(m.value, m.kind, m.text) for m in find_numbers(text, "zh")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arabic digits: plain, full-width, both kinds of separator, decimals
        ("2000名", [(2000, "cardinal", "2000")]),
        ("２０００名", [(2000, "cardinal", "２０００")]),
        ("2,000名朝鲜人", [(2000, "cardinal", "2,000")]),
        ("2，000名朝鲜人", [(2000, "cardinal", "2，000")]),
        ("1,170名", [(1170, "cardinal", "1,170")]),
        ("北京市西城区 100017", [(100017, "cardinal", "100017")]),
        ("3.5倍", [(3.5, "cardinal", "3.5")]),
        # digits with Chinese multipliers
        ("2千人", [(2000, "cardinal", "2千")]),
        ("2万人", [(20000, "cardinal", "2万")]),
        ("1.5万人", [(15000, "cardinal", "1.5万")]),
        ("3亿元", [(300_000_000, "cardinal", "3亿")]),
        ("600万人", [(6_000_000, "cardinal", "600万")]),
        ("3万5千人", [(35000, "cardinal", "3万5千")]),
        # Chinese numerals
        ("两千名", [(2000, "cardinal", "两千")]),
        ("二千名", [(2000, "cardinal", "二千")]),
        ("一千一百七十名", [(1170, "cardinal", "一千一百七十")]),
        ("十九名", [(19, "cardinal", "十九")]),
        ("九名朝鲜难民", [(9, "cardinal", "九")]),
        ("二十五人", [(25, "cardinal", "二十五")]),
        ("一千零一人", [(1001, "cardinal", "一千零一")]),
        ("十万零一十人", [(100010, "cardinal", "十万零一十")]),
        ("两千万人", [(20_000_000, "cardinal", "两千万")]),
        ("一亿二千万人", [(120_000_000, "cardinal", "一亿二千万")]),
        ("一万二", [(12000, "cardinal", "一万二")]),  # colloquial 一万二千
        ("两万五", [(25000, "cardinal", "两万五")]),
        ("零名", [(0, "cardinal", "零")]),
        ("〇名", [(0, "cardinal", "〇")]),
        ("二十多年", [(20, "cardinal", "二十")]),
        ("持续了三十年", [(30, "cardinal", "三十")]),
        # digit-by-digit reading (years)
        ("二〇一七年", [(2017, "cardinal", "二〇一七")]),
        # "three or four": two numbers
        ("三四个人", [(3, "cardinal", "三"), (4, "cardinal", "四")]),
        # a lone 一 with a measure word
        ("其中包括一名儿童", [(1, "cardinal", "一")]),
        ("一个网络", [(1, "cardinal", "一")]),
        # percentages
        ("25%的人", [(25, "percent", "25%")]),
        ("25％的人", [(25, "percent", "25％")]),
        ("百分之二十五", [(25, "percent", "百分之二十五")]),
        ("百分之25", [(25, "percent", "百分之25")]),
        ("百分之百", [(100, "percent", "百分之百")]),
        # ordinals
        ("第十九届亚运会", [(19, "ordinal", "第十九")]),
        ("第19届亚运会", [(19, "ordinal", "第19")]),
        ("前往第三国", [(3, "ordinal", "第三")]),
        ("第5次定期报告", [(5, "ordinal", "第5")]),
        ("第一次", [(1, "ordinal", "第一")]),
        ("第4条第1款", [(4, "ordinal", "第4"), (1, "ordinal", "第1")]),
        # ages
        ("一名4岁儿童", [(1, "cardinal", "一"), (4, "age", "4岁")]),
        ("四岁的孩子", [(4, "age", "四岁")]),
        ("4周岁", [(4, "age", "4周岁")]),
        ("11个月大的婴儿", [(11, "age", "11个月大")]),
        ("11个月的婴儿", [(11, "age", "11个月")]),
        ("11个月", [(11, "cardinal", "11")]),  # a duration, not an age
        # identifiers and URLs are not figures; Covid-19 is
        ("source_sha256", []),
        ("新冠肺炎（Covid-19）", [(19, "cardinal", "19")]),
        ("见https://www.hrw.org/news/2015/11/21/x。", []),
        ("2017.11.4", [(2017, "cardinal", "2017"), (11, "cardinal", "11"), (4, "cardinal", "4")]),
    ],
)
def test_notations(text: str, expected: list[tuple[int | float, str, str]]) -> None:
    assert nums(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "统一", "一些", "一直", "一起", "一旦", "唯一", "万一", "一般", "三思", "百姓",
        "老百姓", "千万不要", "十分重要", "万分感谢", "一贯", "一致", "四处", "五花八门",
        "一千零一夜", "一国两制", "万岁", "另一名", "每一个", "下一步", "上一次", "同一天",
        "一处安全屋", "一种", "一部分", "一方面", "一系列", "一定", "一样", "一切", "一再",
        "数十名", "几百人", "上千人", "成千上万", "十几个", "千方百计", "三番五次",
        "四面八方", "独一无二", "接二连三", "亿万", "百分比", "十字架", "两岸关系",
        "二战", "一审", "九死一生", "一五一十",
    ],
)
def test_words_are_not_figures(text: str) -> None:
    assert nums(text) == []


@pytest.mark.parametrize(
    ("text", "qualifier", "qword"),
    [
        ("约600名", "about", "约"),
        ("大约600人", "about", "大约"),
        ("近600名", "about", "近"),
        ("将近600名", "about", "将近"),
        ("接近600名", "about", "接近"),
        ("30岁左右", "about", "左右"),
        ("二十来个", "about", "来"),
        ("逾320个", "more_than", "逾"),
        ("超过600名", "more_than", "超过"),
        ("60多名", "more_than", "多"),
        ("60余名", "more_than", "余"),
        ("30多年", "more_than", "多"),
        ("被拘留一年多", "more_than", "多"),
        ("3个多月", "more_than", "多"),
        ("18岁以上", "more_than", "以上"),
        ("600名以上", "more_than", "以上"),
        ("至少9人", "at_least", "至少"),
        ("至少1,170名", "at_least", "至少"),
        ("不到5人", "less_than", "不到"),
        ("最多10年", "up_to", "最多"),
    ],
)
def test_qualifiers(text: str, qualifier: str, qword: str) -> None:
    (m,) = find_numbers(text, "zh")
    assert m.qualifier == qualifier
    assert m.qualifier_span is not None
    assert text[m.qualifier_span[0] : m.qualifier_span[1]] == qword


@pytest.mark.parametrize("text", ["最近3天", "附近3个村", "公约3", "条约3条", "签约3家", "两国多次会谈"])
def test_words_ending_in_qualifier_characters(text: str) -> None:
    (m,) = find_numbers(text, "zh")
    assert m.qualifier is None


def test_cn_to_int() -> None:
    assert cn_to_int("二〇一七") == 2017
    assert cn_to_int("十一") == 11
    assert cn_to_int("三十一") == 31
    assert cn_to_int("统一") is None
    assert cn_to_int("") is None


# ------------------------------------------------------------------ properties

_CN = "零一二三四五六七八九"


def _section(n: int, liang: bool) -> str:
    """Chinese numerals for 0 < n < 10000, with 零 for inner gaps."""
    out, gap = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d == 0:
            gap = gap or bool(out)
            continue
        if gap:
            out, gap = out + "零", False
        digit = "两" if liang and d == 2 and unit >= 1000 else _CN[d]
        out += digit + name
    return out


def to_chinese(n: int, liang: bool = False, short_ten: bool = False) -> str:
    """Test-side formatter: 1170 -> 一千一百七十, 100010 -> 十万零一十."""
    if n == 0:
        return "零"
    out = ""
    for unit, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        group = n // unit % 10**4 if unit < 10**8 else n // unit
        if group == 0:
            if out and n % unit:
                out += "" if out.endswith("零") else "零"
            continue
        if out and group < 1000 and not out.endswith("零"):
            out += "零"
        out += _section(group, liang) + name
    if short_ten and out.startswith("一十"):
        out = out[1:]  # 十九 rather than 一十九
    return out


@settings(deadline=None)  # timing varies on shared CI machines
@given(st.integers(0, 10**9), st.booleans(), st.booleans())
def test_chinese_numerals_round_trip(n: int, liang: bool, short_ten: bool) -> None:
    cn = to_chinese(n, liang, short_ten)
    text = f"共有{cn}名难民"
    (m,) = find_numbers(text, "zh")
    assert (m.value, m.text) == (n, cn)


@settings(deadline=None)  # the first call imports cn2an
@given(st.integers(0, 10**9))
def test_matches_cn2an_formatting(n: int) -> None:
    # An independent formatter: cn2an (installed in dev environments only).
    cn2an = pytest.importorskip("cn2an")
    cn = cn2an.an2cn(n)
    (m,) = find_numbers(f"{cn}人", "zh")
    assert m.value == n


@settings(deadline=None)  # timing varies on shared CI machines
@given(st.integers(0, 10**9), st.sampled_from([",", "，"]), st.booleans())
def test_arabic_round_trip(n: int, sep: str, fullwidth: bool) -> None:
    digits = f"{n:,}".replace(",", sep)
    if fullwidth:
        digits = digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    (m,) = find_numbers(f"约{digits}名", "zh")
    assert (m.value, m.text, m.qualifier) == (n, digits, "about")


@settings(deadline=None)  # timing varies on shared CI machines
@given(st.integers(1, 99_999), st.sampled_from(["万", "亿"]))
def test_mixed_multiplier_round_trip(n: int, unit: str) -> None:
    (m,) = find_numbers(f"{n}{unit}人", "zh")
    assert m.value == n * (10**4 if unit == "万" else 10**8)


_TRICKY = st.lists(
    st.sampled_from(
        list("0123456789０１,，.．%％ 一二两三四五六七八九十百千万亿零〇第年月日号岁名人个多余来几数上")
        + ["百分之", "约", "近", "逾", "超过", "以上", "左右", "周岁", "个月大", "统一", "十分", "千万"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _TRICKY))
def test_never_raises_and_spans_are_sane(text: str) -> None:
    check_well_formed(text, find_numbers(text, "zh"))


# ------------------------------------------------------------------ news notations (issue 9)

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("超过 2000 万人", [(20_000_000, "cardinal", "2000 万")]),
        ("1.25 亿英镑", [(125_000_000, "cardinal", "1.25 亿")]),
        ("28亿 英镑", [(2_800_000_000, "cardinal", "28亿")]),
        ("550多万叙利亚人", [(5_500_000, "cardinal", "550多万")]),
        ("十多万人", [(100_000, "cardinal", "十多万")]),
        ("两辆警车", [(2, "cardinal", "两")]),
        ("领先两分", [(2, "cardinal", "两")]),
        ("六套电视网络", [(6, "cardinal", "六")]),
        ("后九洞", [(9, "cardinal", "九")]),
        ("三比一", [(3, "cardinal", "三"), (1, "cardinal", "一")]),
        ("四分之一", [(4, "cardinal", "四"), (1, "cardinal", "一")]),
        ("十分之三", [(10, "cardinal", "十"), (3, "cardinal", "三")]),
        ("四成", [(40, "percent", "四成")]),
        ("三到五年", [(3, "cardinal", "三"), (5, "cardinal", "五")]),
        ("20世纪80年代", [(1980, "decade", "20世纪80年代")]),
        ("上世纪 八十年代", [(1980, "decade", "上世纪 八十年代")]),
        ("80年代", [(1980, "decade", "80年代")]),
        ("本世纪之初", [(2000, "decade", "本世纪之初")]),
    ],
)
def test_news_notations(text: str, expected: list[tuple[int | float, str, str]]) -> None:
    assert nums(text) == expected


@pytest.mark.parametrize("text", ["百分之二十五", "十分重要", "万分感谢", "一成不变", "数十人", "几十人", "成千上万"])
def test_news_words_that_stay_words(text: str) -> None:
    assert [m for m in find_numbers(text, "zh") if m.kind != "percent"] == []


def test_qualifier_with_a_word_between() -> None:
    (m,) = find_numbers("约有两百名", "zh")
    assert (m.value, m.qualifier) == (200, "about")
    (m,) = find_numbers("550多万", "zh")
    assert m.qualifier == "more_than"


@settings(deadline=None)
@given(st.integers(1, 99_999), st.sampled_from(["万", "亿"]), st.sampled_from([" ", "多", "\u00a0"]))
def test_multiplier_after_a_gap_round_trip(n: int, unit: str, gap: str) -> None:
    (m,) = find_numbers(f"{n}{gap}{unit}人", "zh")
    assert m.value == n * (10**4 if unit == "万" else 10**8)
    assert m.qualifier == ("more_than" if gap == "多" else None)
