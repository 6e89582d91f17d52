"""Target-language renderings of protected facts: numeric expressions and dates (written by the language
modules ``numerals.zh`` / ``numerals.ko`` and ``dates``, the same modules the checker reads with), article
citations and glossary terms with their title marks."""

from __future__ import annotations

import importlib
from types import ModuleType

from appealkit.citations import ArticleRef
from appealkit.dates import render_date
from appealkit.expressions import Expression
from appealkit.facts import INSTRUMENT_KINDS, Citation
from appealkit.glossary import Entry
from appealkit.times import render_time

__all__ = ["render_article", "render_citation", "render_date", "render_expression", "render_term", "render_time"]

TITLE_MARKS = {"zh": ("《", "》"), "ko": ("「", "」")}


def numerals(lang: str) -> ModuleType:
    """The language module that both reads (for the checker) and writes (for translation) figures."""
    return importlib.import_module(f"appealkit.numerals.{lang}")


def render_expression(expression: Expression, lang: str) -> str:
    """One numeric expression as the target language writes it: 1100万英镑, 五分之一, 오후 7시 30분, 1980년대."""
    module = numerals(lang)
    figures = expression.figures
    if expression.kind == "money":
        text = module.render_money(figures[0].value, expression.currency)
    elif expression.kind == "ratio":
        return module.render_ratio(expression.part, int(figures[-1].value), expression.people)
    elif expression.kind == "clock" and expression.time is not None:
        return render_time(expression.time, lang, approximate=expression.qualifier == "about")
    elif expression.kind == "decade":
        return module.render_decade(int(figures[0].value))
    elif expression.kind == "range":
        low, high = figures
        low_kind = "cardinal" if low.kind == high.kind == "percent" else low.kind
        text = module.render_range(
            module.render_figure(low.value, low_kind), module.render_figure(high.value, high.kind, expression.people)
        )
    else:
        text = module.render_figure(figures[0].value, figures[0].kind, expression.people)
    text = module.render_qualified(text, expression.qualifier)
    return module.before_noun(text) if expression.people else text


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
