"""Legal citations: article and paragraph references in en/zh/ko, and UN document symbols.

The instrument an article belongs to is resolved through the glossary by the caller (facts.py):
here we only find "Article 33", "article 4(1)", "Art. 4 para. 2", 第4条第1款, 제4조 제1항, A/70/302.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from appealkit import speedups
from appealkit.numerals import find_numbers


@dataclass(frozen=True)
class ArticleRef:
    article: int
    paragraph: int | None
    start: int
    end: int
    text: str


_EN_ARTICLE = re.compile(
    r"\b(?:Articles?|Art\.?|art\.?)\s*(\d{1,3})"
    r"(?:\s*\((\d{1,2})\)|\.(\d{1,2})(?!\d))?"
    r"(?:,?\s*(?:para(?:graph)?\.?|§)\s*(\d{1,2}))?",
    re.IGNORECASE,
)
_EN_PARAGRAPH_OF = re.compile(r"\bparagraph\s+(\d{1,2})\s+of\s+article\s+(\d{1,3})\b", re.IGNORECASE)

_DIGIT = re.compile(r"\d")

_CJK_DIGITS = r"[0-9０-９零〇一二两三四五六七八九十百]+"
_ZH_ARTICLE = re.compile(rf"第\s*({_CJK_DIGITS})\s*条(?:\s*第\s*({_CJK_DIGITS})\s*款)?")
_KO_ARTICLE = re.compile(r"제\s*(\d{1,3})\s*조(?:\s*(?:제\s*)?(\d{1,2})\s*항)?")

# UN symbols: A/70/302, CAT/C/GC/4, A/HRC/25/63, E/CN.4/2005/34. At least one slash, upper-case series.
UN_SYMBOL = re.compile(
    r"(?<![\w/])(?:A|S|E|CAT|CCPR|CERD|CEDAW|CRC|HRC|CRPD|CMW|CED)(?:/[A-Z0-9][A-Za-z0-9.\-]{0,12}){1,5}(?![\w/])"
)


def _cjk_int(text: str) -> int | None:
    found = find_numbers(f"第{text}", "zh") or find_numbers(text, "zh")
    return int(found[0].value) if found else None


def find_articles(text: str, lang: str) -> list[ArticleRef]:
    """Article (and paragraph) references in one language, in text order."""
    refs: list[ArticleRef] = []
    if lang == "en" and speedups.ACTIVE.prechecks and ("art" not in text.lower() or not _DIGIT.search(text)):
        return refs  # both English patterns need "art" (Article, Art., article) and a number
    if lang == "en":
        for match in _EN_PARAGRAPH_OF.finditer(text):
            refs.append(ArticleRef(int(match[2]), int(match[1]), match.start(), match.end(), match[0]))
        taken = [(r.start, r.end) for r in refs]
        for match in _EN_ARTICLE.finditer(text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            para = match[2] or match[3] or match[4]
            refs.append(ArticleRef(int(match[1]), int(para) if para else None, match.start(), match.end(), match[0]))
    elif lang == "zh":
        for match in _ZH_ARTICLE.finditer(text):
            article = _cjk_int(match[1])
            if article is not None:
                para = _cjk_int(match[2]) if match[2] else None
                refs.append(ArticleRef(article, para, match.start(), match.end(), match[0]))
    elif lang == "ko":
        for match in _KO_ARTICLE.finditer(text):
            para = int(match[2]) if match[2] else None
            refs.append(ArticleRef(int(match[1]), para, match.start(), match.end(), match[0]))
    return sorted(refs, key=lambda r: r.start) if len(refs) > 1 else refs


def find_symbols(text: str) -> list[tuple[int, int, str]]:
    if speedups.ACTIVE.prechecks and "/" not in text:
        return []  # a symbol has one slash at least
    return [(m.start(), m.end(), m[0].rstrip(".")) for m in UN_SYMBOL.finditer(text)]
