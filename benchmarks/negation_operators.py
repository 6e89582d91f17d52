"""Negation mutation operators for zh and ko, shared by ``mutation.py`` (class ``flipped-negation``) and
``polarity.py`` (recall on the letters and on the NTREX corpus).

Each operator removes a negation from a translation or adds one, the way an MT engine or a tired translator
does (不得 → 应, 没有 → 有, -서는 안 된다 → -해야 한다, 하지 않았다 → 했다, and the reverse). The operators are
this file's own regular expressions, written without the checker's lexicon (``appealkit/lexicons``), so that
the benchmark does not share its blind spots; the exclusions list only compounds in which the characters are
not a negation or a modal (不仅 "not only", 不断 "continuously", 要求 "demand", 社会 "society" …).

``kind`` says what the checker must do: ``flip`` turns a prohibition into a bare obligation or back (a certain
inversion: the ``polarity-inverted`` error is expected when the English has the same demand); ``drop`` and
``add`` remove or add a plain negation (the ``polarity-changed`` warning is expected).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ZH_AFTER_YING = "对用急邀聘付变答征届接有"          # 应对 应用 … 应有 "due"
_ZH_BEFORE_YING = "回反相供适效对响答呼感照顺理不"    # 回应 反应 … 理应 不应
_ZH_BEFORE_HUI = "社协委员机大国学工宴峰理博运约聚开都年例省部议商总分茶晚酒舞体领误动公教"
_ZH_AFTER_HUI = "议见谈员面晤长计所场堂话合同友费"


@dataclass(frozen=True)
class Operator:
    name: str
    lang: str
    direction: str  # "remove" (a negation disappears) or "add"
    kind: str       # "flip" | "drop" | "add"
    pattern: re.Pattern[str]
    replacement: str


def _op(name: str, lang: str, direction: str, kind: str, pattern: str, replacement: str) -> Operator:
    return Operator(name, lang, direction, kind, re.compile(pattern), replacement)


OPERATORS: tuple[Operator, ...] = (
    # zh: a prohibition becomes a bare obligation, and back
    _op("不得→应", "zh", "remove", "flip", r"(?<!不)不得(?![不已了])", "应"),
    _op("不应→应", "zh", "remove", "flip", r"不应(?=该|当|[\u4e00-\u9fff])", "应"),
    _op("不要→要", "zh", "remove", "flip", r"(?<![需只想])不要(?!求|紧)", "要"),
    _op("切勿→务必", "zh", "remove", "flip", r"切勿", "务必"),
    _op("应→不应", "zh", "add", "flip", rf"(?<![{_ZH_BEFORE_YING}])应(?=该|当)?(?![{_ZH_AFTER_YING}])", "不应"),
    _op("必须→不得", "zh", "add", "flip", r"(?<![不无])必须(?!不)", "不得"),
    # zh: a plain negation dropped
    _op("没有→有", "zh", "remove", "drop", r"没有", "有"),
    _op("未能→能", "zh", "remove", "drop", r"未能", "能"),
    _op("从未→曾", "zh", "remove", "drop", r"从未", "曾"),
    _op("尚未→已", "zh", "remove", "drop", r"尚未", "已"),
    _op("并未→已", "zh", "remove", "drop", r"并未", "已"),
    _op("无法→能够", "zh", "remove", "drop", r"无法", "能够"),
    _op("不是→是", "zh", "remove", "drop", r"(?<![而并])不是(?!说)", "是"),
    _op("不会→会", "zh", "remove", "drop", r"不会(?!不)", "会"),
    _op("不能→能", "zh", "remove", "drop", r"(?<![不])不能(?!不)", "能"),
    _op("并不→", "zh", "remove", "drop", r"并不(?=[\u4e00-\u9fff])", ""),
    _op("不再→再", "zh", "remove", "drop", r"不再", "再"),
    # zh: a plain negation added
    _op("可以→不可以", "zh", "add", "add", r"(?<![不])可以", "不可以"),
    _op("能够→不能", "zh", "add", "add", r"(?<![不])能够", "不能"),
    _op("已经→尚未", "zh", "add", "add", r"已经", "尚未"),
    _op("会→不会", "zh", "add", "add",
        rf"(?<![{_ZH_BEFORE_HUI}不])会(?![{_ZH_AFTER_HUI}不])(?=[\u4e00-\u9fff])", "不会"),
    _op("是→不是", "zh", "add", "add", r"(?<=[他她它们这那者人国府方])是(?=[\u4e00-\u9fff])(?!否)", "不是"),
    # ko: a prohibition becomes a bare obligation, and back
    _op("-서는 안 된다→-야 한다", "ko", "remove", "flip", r"서는\s?안\s?(된다|됩니다|되며|되고|되는|될)",
        "야 한다"),
    _op("하지 말 것→할 것", "ko", "remove", "flip", r"하지\s?말\s?것", "할 것"),
    _op("-야 한다→-서는 안 된다", "ko", "add", "flip", r"야\s?(?:한다|합니다)", "서는 안 된다"),
    _op("할 것을→하지 말 것을", "ko", "add", "flip", r"할\s?것을", "하지 말 것을"),
    # ko: a plain negation dropped
    _op("하지 않았다→했다", "ko", "remove", "drop", r"하지\s?(?:않았|못했)", "했"),
    _op("하지 않는다→한다", "ko", "remove", "drop", r"하지\s?않는다", "한다"),
    _op("하지 않습니다→합니다", "ko", "remove", "drop", r"하지\s?않습니다", "합니다"),
    _op("하지 않은→한", "ko", "remove", "drop", r"하지\s?(?:않은|못한)", "한"),
    _op("하지 않고→하고", "ko", "remove", "drop", r"하지\s?않고", "하고"),
    _op("없다→있다", "ko", "remove", "drop",   # not 수밖에 없다 "had to", 여지가 없다 "no doubt"
        r"(?<![가-힣])(?<!밖에\s)(?<!여지가\s)없(?=다|는|었|습|어|을|으|음)", "있"),
    _op("아니다→이다", "ko", "remove", "drop", r"아니(?=다|며|었)", "이"),
    _op("아닙니다→입니다", "ko", "remove", "drop", r"아닙(?=니다)", "입"),
    _op("아닌→인", "ko", "remove", "drop", r"(?<![가-힣])아닌(?=\s)", "인"),
    _op("못 →", "ko", "remove", "drop", r"(?<![가-힣])못\s(?=[가-힣])", ""),
    _op("안 →", "ko", "remove", "drop", r"(?<![가-힣])안\s(?=[가-힣])", ""),
    # ko: a plain negation added
    _op("했다→하지 않았다", "ko", "add", "add", r"했(?=다|습니다|으며|고)", "하지 않았"),
    _op("한다→하지 않는다", "ko", "add", "add", r"(?<=[가-힣])한다(?=[.\s,]|$)", "하지 않는다"),
    _op("있다→없다", "ko", "add", "add", r"(?<![가-힣])(?<!고\s)있(?=다|는|었|습)", "없"),  # not 하고 있다
)


def operators(lang: str) -> list[Operator]:
    return [op for op in OPERATORS if op.lang == lang]


@dataclass(frozen=True)
class Site:
    """One place an operator applies: the paragraph, the match's span, and the text after the change."""

    operator: Operator
    start: int
    end: int
    new_text: str


def sites(text: str, lang: str, kinds: tuple[str, ...] = ("flip", "drop", "add"),
          fenced: list[tuple[int, int]] = ()) -> list[Site]:
    """Every non-overlapping application of the language's operators to one paragraph, in text order, outside
    the ``fenced`` spans (glossary renderings: the 不 of 不驱回原则 belongs to the term)."""
    found: list[Site] = []
    taken: list[tuple[int, int]] = list(fenced)
    for op in operators(lang):
        if op.kind not in kinds:
            continue
        for match in op.pattern.finditer(text):
            start, end = match.span()
            if any(s < max(end, start + 1) and start < e for s, e in taken):
                continue
            taken.append((start, max(end, start + 1)))
            found.append(Site(op, start, end, text[:start] + match.expand(op.replacement) + text[end:]))
    return sorted(found, key=lambda s: s.start)
