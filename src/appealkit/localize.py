"""Target-language renderings of protected facts: dates (CLDR patterns via babel), figures with counters,
article citations and glossary terms with their title marks."""

from __future__ import annotations

import datetime
import re

from babel.dates import format_skeleton

from appealkit.citations import ArticleRef
from appealkit.dates import DateMention
from appealkit.facts import INSTRUMENT_KINDS, Citation
from appealkit.glossary import Entry
from appealkit.numerals import NumberMention

# Parts of a month or year have no CLDR pattern: these are the forms terminology.md attests.
DATE_PARTS = {
    "zh": {"early": "初", "mid": "中旬", "late": "底"},
    "ko": {"early": "초", "mid": "중순", "late": "말"},
}
MONTH_PARTS = {"zh": {"early": "上旬", "mid": "中旬", "late": "下旬"}, "ko": {"early": "초순", "mid": "중순", "late": "하순"}}
TITLE_MARKS = {"zh": ("《", "》"), "ko": ("「", "」")}
PERSON_COUNTER = {"zh": "名", "ko": "명"}
AGE_UNIT = {"zh": "岁", "ko": "세"}
# English nouns after which a count of people takes a counter (9名 / 9명).
_PEOPLE = re.compile(
    r"^\s*(?:[A-Z][a-z]+\s+){0,2}(?:people|persons?|individuals?|nationals?|refugees?|north koreans?|koreans?|"
    r"women|men|children|child|detainees?|defectors?|escapees?|athletes?|officials?|members?|asylum[- ]seekers?)\b",
    re.IGNORECASE,
)


def render_date(date: DateMention, lang: str) -> str:
    """2017年11月4日 / 2017년 11월 4일 from CLDR skeletons; 中旬/중순 and 初/초 for parts."""
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


def render_figure(number: NumberMention, lang: str, following: str = "") -> str:
    """A figure in digits with what the target language attaches to it (ordinal prefix, age unit, counter)."""
    value = f"{number.value:,}" if isinstance(number.value, int) and number.value >= 10000 else f"{number.value:g}"
    if number.kind == "ordinal":
        return f"第{value}" if lang == "zh" else f"제{value}"
    if number.kind == "age":
        return f"{value}{AGE_UNIT[lang]}"
    if number.kind == "percent":
        return f"{value}%"
    if _PEOPLE.match(following):
        return f"{value}{PERSON_COUNTER[lang]}"
    return value


def render_term(entry: Entry, lang: str) -> str:
    rendering = entry.rendering(lang)
    text = rendering.preferred if rendering else entry.en[0]
    if entry.kind in INSTRUMENT_KINDS and lang == "zh":
        opening, closing = TITLE_MARKS[lang]
        return f"{opening}{text}{closing}"
    return text


def render_article(article: ArticleRef, lang: str) -> str:
    if lang == "zh":
        return f"第{article.article}条" + (f"第{article.paragraph}款" if article.paragraph else "")
    return f"제{article.article}조" + (f" 제{article.paragraph}항" if article.paragraph else "")


def render_citation(citation: Citation, lang: str) -> str:
    """1951年《关于难民地位的公约》第33条 / 1951년 난민의 지위에 관한 협약 제33조."""
    parts = []
    if citation.year:
        parts.append(f"{citation.year}年" if lang == "zh" else f"{citation.year}년")
    if citation.instrument:
        parts.append(render_term(citation.instrument.entry, lang))
    if citation.article:
        parts.append(render_article(citation.article, lang))
    return ("" if lang == "zh" else " ").join(parts)
