"""How a figure may be written in each language: used to tell a translator what was expected, and the
pieces the renderers of ``zh`` and ``ko`` share."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

ZH_DIGITS = "零一二三四五六七八九"
KO_DIGITS = ["", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
SMALL_UNITS = ((1000, "千", "천"), (100, "百", "백"), (10, "十", "십"))


def _below_10000(value: int, lang: str) -> str:
    """Chinese or Sino-Korean reading of 1..9999 (十九 / 십구; 一千一百七十 / 천백칠십)."""
    parts: list[str] = []
    zero_pending = False
    for unit, zh, ko in SMALL_UNITS:
        digit, value = divmod(value, unit)
        if digit:
            if lang == "zh":
                if zero_pending:
                    parts.append("零")
                lead = "" if (unit == 10 and digit == 1 and not parts) else ZH_DIGITS[digit]
                parts.append(lead + zh)
            else:
                parts.append(("" if digit == 1 else KO_DIGITS[digit]) + ko)
            zero_pending = False
        elif parts:
            zero_pending = True
    if value:
        if lang == "zh" and zero_pending:
            parts.append("零")
        parts.append(ZH_DIGITS[value] if lang == "zh" else KO_DIGITS[value])
    return "".join(parts)


def spelled(value: int, lang: str) -> str:
    """Native numeral spelling for 0 < value < 10**8 in zh or ko; '' otherwise."""
    if not 0 < value < 10**8 or lang not in ("zh", "ko"):
        return ""
    high, low = divmod(value, 10000)
    text = (_below_10000(high, lang) + ("万" if lang == "zh" else "만")) if high else ""
    if low:
        if lang == "zh" and high and low < 1000:
            text += "零"
        text += _below_10000(low, lang)
    return text


# Korean counts things up to 99 with native numerals before a counter (아홉 명, 네 살), not with the
# Sino-Korean digit a dictionary gives (구): a hint must show what translators write.
KO_NATIVE_UNITS = ("", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉")
KO_NATIVE_TENS = ("", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔")
# What English counts in people (counter 명): up to three words after the figure ("nine North Korean refugees").
_PEOPLE = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,3}?(?:people|persons|individuals|refugees|defectors|asylum[- ]seekers|detainees|"
    r"prisoners|children|women|men|girls|boys|migrants|members|activists|signatories|citizens|nationals|"
    r"\w+ans|\w+ese)\b",
    re.IGNORECASE,
)


def native_korean(value: int) -> str:
    """The native numeral before a counter, 1..99 (한, 아홉, 스무, 열한)."""
    tens, units = divmod(value, 10)
    return "스무" if (tens, units) == (2, 0) else KO_NATIVE_TENS[tens] + KO_NATIVE_UNITS[units]


def korean_count_forms(value: int, kind: str, after: str) -> tuple[str, ...]:
    """How a Korean translator writes a count below 100: 9명 / 아홉 명 for people, 9세 / 아홉 살 for an age."""
    native = native_korean(value)
    if kind == "age":
        return (f"{value}세", f"{native} 살", f"{value}살")
    if _PEOPLE.match(after):
        return (f"{value}명", f"{native} 명")
    return (str(value), native)


def localized_forms(value: float, lang: str, kind: str = "cardinal", after: str = "") -> tuple[str, ...]:
    """Renderings of a figure the checker accepts, most common first: 2000, 2,000, 两千/이천, 2千/2천, 1100万.

    The first is what `appeal translate` writes for it (``render_number`` of the language module), then the
    documented variants a translator may use instead: plain digits, CLDR-grouped digits, the native
    spelling (two forms in Chinese, 二千 and 两千; in Korean from 10 up, before a counter), digits with 千/천
    and digits with 万/만. A spelled form is read as a figure before a counter (两千名, 이천 명).
    A Korean count below 100 is shown as translators write it: ``kind`` and ``after`` (the English after the
    figure) choose the counter (9명 / 아홉 명, 4세 / 네 살).
    """
    import importlib

    rendered = importlib.import_module(f"appealkit.numerals.{lang}").render_number(value)
    if not float(value).is_integer():
        return (rendered,)
    number = int(value)
    if lang == "ko" and 0 < number < 100 and kind in ("cardinal", "age"):
        return korean_count_forms(number, kind, after)
    forms = [rendered, str(number)]
    if number >= 1000:
        forms.append(f"{number:,}")
    word = spelled(number, lang) if lang == "zh" or number >= 10 else ""  # 일, 이, 구 alone are not numbers
    if word:
        forms.append(word)
        if lang == "zh" and word.startswith("二") and number >= 100:
            forms.append("两" + word[1:])
    if number >= 1000 and number % 1000 == 0 and number < 10000:
        forms.append(f"{number // 1000}{'千' if lang == 'zh' else '천'}")
    if number >= 10000 and number % 10000 == 0:
        forms.append(f"{number // 10000}{'万' if lang == 'zh' else '만'}")
    return tuple(dict.fromkeys(forms))


# ---------------------------------------------------------------------------------------------------------
# Shared pieces of the renderers in zh.py and ko.py (CLDR data through babel).
# ---------------------------------------------------------------------------------------------------------


def render_figure_as(
    value: int | float,
    kind: str,
    people: bool,
    render_number: Callable[[int | float], str],
    ordinal: str,
    age: str,
    counter: str,
) -> str:
    """A figure with its language's marks: ``ordinal`` before an ordinal (第19, 제19), ``age`` after an age (4岁,
    4세), % after a percentage, and ``counter`` after a count of people (9名, 9명: the only noun class given a
    counter); other figures as ``render_number`` writes them."""
    if kind == "ordinal":
        return f"{ordinal}{decimal_text(value)}"
    if kind == "age":
        return f"{decimal_text(value)}{age}"
    number = render_number(value)
    if kind == "percent":
        return f"{number}%"
    return f"{number}{counter}" if people else number


def decimal_text(value: int | float | Decimal) -> str:
    """2000, 3.6, 0.25, 110: digits without an exponent or trailing zeros."""
    if isinstance(value, int):
        return str(value)
    number = Decimal(repr(value)) if isinstance(value, float) else value
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def grouped(value: int | float, lang: str) -> str:
    """Digits with the locale's CLDR grouping and decimal symbols (12,345,678 in zh and ko)."""
    from babel.numbers import format_decimal  # babel is imported only when rendering: `appeal check` stays fast

    return format_decimal(value, locale=lang, decimal_quantization=False)


def currency_name(code: str, lang: str, overrides: dict[str, str]) -> str:
    """The currency's CLDR display name (英镑, 유로), unless the language module names the form news uses."""
    from babel.numbers import get_currency_name

    return overrides.get(code) or get_currency_name(code, locale=lang)
