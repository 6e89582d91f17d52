#!/usr/bin/env python
"""Mutation benchmark for ``appeal check``: how many injected translation errors does the checker catch?

From every approved zh.md / ko.md under letters/ this script derives deterministic mutants, each one
change to one target paragraph, in six fact classes and one meaning class:

  changed-digit     one digit of a figure changed, or a zero added/dropped (2,000 → 2,600, 60 → 600)
  dropped-sentence  one sentence holding a fact the source has is deleted (zh split on 。！？, ko on '다. ')
  dropped-treaty    the title of a treaty/law the source cites is deleted (with its 《》「」 marks)
  shifted-date      the day or the month of a date is shifted by one (2017年11月4日 → 2017年11月5日)
  moved-figure      a figure with its counter leaves paragraph k and reappears in a phrase appended to k+1
  dropped-term      a glossary term rendering (kind: term) the source has is deleted from the paragraph
  negation          a negation removed or added (不得 → 应, 不应 → 应, 没有 → 有, -서는 안 된다 → -해야 한다,
                    하지 않았다 → 했다, and the reverse), by the operators of benchmarks/negation_operators.py

Mutation operators are deliberately independent of the checker: figures, dates and sentences are found
by this file's own small recognisers, glossary renderings by plain (space- and title-mark-insensitive)
substring search of the glossary's zh/ko forms; only English glossary matching reuses
``Glossary.find_in_english`` (the glossary's own matching contract). Paragraphs are paired by index
(the reference corpus is 1:1). A site is skipped, not counted, when the mutation would not remove or
change a fact: the same figure/date/term is still in the paragraph as often as the source needs it, the
source paragraph does not have the fact, or the new value is one the source paragraph also has.

A mutant is DETECTED when ``check_letters`` reports at least one error-severity finding that the
unmutated pair did not have (multiset difference on rule, paragraphs and message) and whose source or
target paragraph is the mutated paragraph or adjacent to it (±1; for moved-figure, paragraphs k-1..k+2).
New error findings farther away are counted as noise. A negation mutant is detected by a new finding of
category ``meaning`` there, error or warning: a dropped plain negation is a warning by design, a flipped
demand (不得 → 应) an error where the English has the same verb; the error-level share is reported too.
The overall lines pool the six fact classes; the negation class has its own line.

    .venv/bin/python benchmarks/mutation.py                 # table
    .venv/bin/python benchmarks/mutation.py --verbose       # + every undetected mutant
    .venv/bin/python benchmarks/mutation.py --json out.json # + machine-readable results
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import zlib
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout even without the editable install
sys.path.insert(0, str(Path(__file__).resolve().parent))

from appealkit.checker import check_letters  # noqa: E402
from appealkit.glossary import Glossary, load_glossary  # noqa: E402
from appealkit.letters import Letter, parse_letter  # noqa: E402
from negation_operators import sites as negation_sites  # noqa: E402

FACT_CLASSES = ("changed-digit", "dropped-sentence", "dropped-treaty", "shifted-date", "moved-figure", "dropped-term")
MEANING_CLASSES = ("negation",)
CLASSES = FACT_CLASSES + MEANING_CLASSES
LANGS = ("zh", "ko")
DEFAULT_SEED = 20240611
INSTRUMENT_KINDS = ("treaty", "law")
# Tag of a mutant whose deleted glossary term still occurs as a substring of a longer glossary name of another
# entry in the paragraph (酷刑 inside 禁止酷刑公约, 난민 inside 아시아태평양난민권리네트워크): the standalone fact is
# gone, but a substring check still finds it. Counted in the headline; reported separately as well.
NESTED = "nested-survivor"

# --------------------------------------------------------------------------------------------------
# Independent recognisers (deliberately not the checker's: a benchmark must not share its blind spots)
# --------------------------------------------------------------------------------------------------

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH_RE = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|" \
            r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_EN_DATES = [
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r"(?:,?\s+(?P<year>\d{4}))?\b", re.IGNORECASE),
    re.compile(r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b", re.IGNORECASE),
    re.compile(r"\b(?:(?:early|mid|late)[-\s])?" + _MONTH_RE + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE),
]
_ZH_DATE = re.compile(r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})[日号])?")
_KO_DATE = re.compile(r"(?:(?P<year>\d{4})년\s?)?(?P<month>\d{1,2})월(?:\s?(?P<day>\d{1,2})일)?")

_EN_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}
_EN_ORD = {w: i for i, w in enumerate(
    "_ first _ third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth".split()) if w != "_"}
_EN_ORD.update({w[:-1] + "ieth": v for w, v in _EN_TENS.items()})
_EN_SCALE = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_EN_DIGITS = re.compile(r"(?<![\w/.\-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:st|nd|rd|th)?(?:\s+(million|billion|thousand))?(?![\w/])")
_WORD = re.compile(r"[A-Za-z]+")

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_MULT = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_ZH_COUNTERS = "名人位个岁届次条项起家国倍轮"
_KO_NATIVE = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}

# An Arabic figure in a target: 2,000 / 2000 / 1.5 ; optional 万/亿/千/만/억/천 multiplier.
_T_DIGITS = re.compile(r"(?<![A-Za-z0-9_/.\-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d/]|[A-Za-z])(?P<mult>万|亿|千|만|억|천)?")
_ZH_CN_FIG = re.compile(r"(?<![零〇一二两三四五六七八九十百千万亿0-9.])(?P<num>[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]{0,7})"
                        r"(?=[" + _ZH_COUNTERS + r"])")
_KO_NATIVE_FIG = re.compile(r"(?<![가-힣])(?P<num>한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?(?=명|살|가지|차례)")
# Phone/fax numbers and postcodes are entities, not figures: changed-digit leaves them alone.
_PHONE_LIKE = re.compile(r"\+?\(?\+?\d{1,4}\)?(?:[\s\-]\(?\d{2,5}\)?){2,}")
# What moves with a figure: a qualifier or ordinal prefix, the figure, a counter.
_ZH_MOVE = re.compile(r"(?:约|逾|近|超过|至少|大约|第)?(?P<fig>{fig})(?:多|余)?(?:个国家|个月|" r"[" + _ZH_COUNTERS + r"年%])")
_KO_MOVE = re.compile(r"(?:약\s?|최소\s?|제)?(?P<fig>{fig})(?:여)?\s?(?:개국|개월|명|개|세|살|년|차|회|건|곳|주년|%)")


@dataclass(frozen=True)
class Num:
    start: int
    end: int
    value: float
    text: str
    script: str  # arabic | cn | ko-native


@dataclass(frozen=True)
class DateRef:
    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    text: str
    spans: tuple[tuple[int, int], ...] = ()  # (month span, day span) in the text, for shifting


def _cn_value(s: str) -> int | None:
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _CN_DIGIT:
            if digit is not None and section == 0 and total == 0 and len(s) > 1 and all(c in _CN_DIGIT for c in s):
                digit = digit * 10 + _CN_DIGIT[ch]  # 二〇一七 style
            else:
                digit = _CN_DIGIT[ch]
        elif ch in _CN_MULT:
            section += (1 if digit is None else digit) * _CN_MULT[ch]
            digit = None
        elif ch in _CN_BIG:
            total += (section + (digit or 0)) * _CN_BIG[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def en_dates(text: str) -> list[DateRef]:
    found: list[DateRef] = []
    for pattern in _EN_DATES:
        for m in pattern.finditer(text):
            if any(d.start < m.end() and m.start() < d.end for d in found):
                continue
            gd = m.groupdict()
            year = int(gd["year"]) if gd.get("year") else None
            day = int(gd["day"]) if gd.get("day") else None
            if day is not None and not 1 <= day <= 31:
                continue
            found.append(DateRef(m.start(), m.end(), year, MONTHS[gd["mon"].lower().rstrip(".")], day, m.group()))
    return sorted(found, key=lambda d: d.start)


def target_dates(text: str, lang: str) -> list[DateRef]:
    pattern = _ZH_DATE if lang == "zh" else _KO_DATE
    found = []
    for m in pattern.finditer(text):
        if not (m["year"] or m["day"]):
            continue  # "3月" alone is too weak to call a date
        month, day = int(m["month"]), int(m["day"]) if m["day"] else None
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            continue
        if m.start() > 0 and text[m.start() - 1].isdigit():
            continue
        spans = (m.span("month"), m.span("day") if m["day"] else (-1, -1))
        found.append(DateRef(m.start(), m.end(), int(m["year"]) if m["year"] else None, month, day, m.group(), spans))
    return found


def _masked(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def entity_spans(text: str) -> list[tuple[int, int]]:
    """URLs, e-mails, phone-like digit runs, 5+-digit codes (postcodes)."""
    spans = [m.span() for m in re.finditer(r"(?:https?://|www\.)\S+|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", text)]
    for m in _PHONE_LIKE.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) >= 7:
            spans.append(m.span())
    spans += [m.span() for m in re.finditer(r"(?<![\d,])\d{5,}(?:-\d{4})?(?![\d,])", text)]
    spans += [m.span() for m in re.finditer(r"\d+(?:-\d+)+", text)]  # 1-2-1, 10016-4309
    spans += [m.span() for m in re.finditer(r"[A-Za-z]+-\d+|코로나\s?\d+", text)]  # COVID-19, 코로나19
    return spans


def en_numbers(text: str) -> list[Num]:
    """English figures outside dates and entities: digits (2,000 / 19th / 2 million) and number words."""
    fenced = [(d.start, d.end) for d in en_dates(text)] + entity_spans(text)
    nums: list[Num] = []
    for m in _EN_DIGITS.finditer(text):
        if _masked(fenced, m.start(), m.end()):
            continue
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        if m.group(3):
            value *= _EN_SCALE[m.group(3).lower()]
        nums.append(Num(m.start(), m.end(), value, m.group(), "arabic"))
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        w = words[i].group().lower()
        if w not in _EN_WORDS and w not in _EN_TENS and w not in _EN_ORD:
            i += 1
            continue
        start, total, current, j = words[i].start(), 0, 0, i
        while j < len(words):
            w = words[j].group().lower()
            gap = text[words[j - 1].end():words[j].start()] if j > i else ""
            if j > i and gap not in (" ", "-", " and "):
                break
            if w in _EN_WORDS:
                current += _EN_WORDS[w]
            elif w in _EN_TENS:
                current += _EN_TENS[w]
            elif w in _EN_ORD:
                current += _EN_ORD[w]
                j += 1
                break
            elif w in _EN_SCALE and j > i:
                if _EN_SCALE[w] == 100:
                    current *= 100
                else:
                    total += current * _EN_SCALE[w]
                    current = 0
            elif w == "and" and j > i and words[j - 1].group().lower() == "hundred":
                pass  # "two hundred and fifty"
            else:
                break
            j += 1
        if words[j - 1].group().lower() == "and":
            j -= 1
        end = words[j - 1].end()
        if re.match(r"\s+(?:countr|part(?:y|ies))", text[end:end + 12]) and words[j - 1].group().lower() in _EN_ORD:
            i = j  # "a third country", "third parties": a kind of country, not a figure
            continue
        if not _masked(fenced, start, end):
            nums.append(Num(start, end, float(total + current), text[start:end], "word"))
        i = j
    return sorted(nums, key=lambda n: n.start)


def target_numbers(text: str, lang: str) -> list[Num]:
    """Target figures outside dates and entities: Arabic digits (万/만 multipliers), 中文数字 + counter,
    Korean native numerals + counter."""
    fenced = [(d.start, d.end) for d in target_dates(text, lang)] + entity_spans(text)
    nums: list[Num] = []
    for m in _T_DIGITS.finditer(text):
        if _masked(fenced, m.start(), m.end()):
            continue
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        mult = m.group("mult")
        if mult:
            value *= {"万": 10**4, "亿": 10**8, "千": 1000, "만": 10**4, "억": 10**8, "천": 1000}[mult]
        nums.append(Num(m.start(), m.end(), value, m.group(), "arabic"))
    if lang == "zh":
        for m in _ZH_CN_FIG.finditer(text):
            value = _cn_value(m["num"])
            if value and not _masked(fenced, m.start(), m.end()):
                nums.append(Num(m.start(), m.end(), float(value), m.group(), "cn"))
    else:
        for m in _KO_NATIVE_FIG.finditer(text):
            nums.append(Num(m.start("num"), m.end("num"), float(_KO_NATIVE[m["num"]]), m["num"], "ko-native"))
    return sorted(nums, key=lambda n: n.start)


# Glossary renderings in target text, matched ignoring spaces and title marks (the glossary's contract).
_IGNORED = set("《》〈〉「」『』<>\"“”‘’ \t\u3000\u00a0")
_TITLE_OPEN, _TITLE_CLOSE = "《〈「『", "》〉」』"


def _compact(text: str) -> tuple[str, list[int]]:
    kept, offsets = [], []
    for i, ch in enumerate(text):
        if ch not in _IGNORED:
            kept.append("·" if ch in "ㆍ・•" else ch)
            offsets.append(i)
    return "".join(kept), offsets


@dataclass(frozen=True)
class Occ:
    entry_id: str
    kind: str
    start: int
    end: int
    text: str
    quality: str


class TargetGlossary:
    def __init__(self, glossary: Glossary, lang: str):
        forms = []
        for entry in glossary.entries:
            rendering = entry.rendering(lang)
            if not rendering:
                continue
            # short forms (朝鲜 for the DPRK) are correct renderings too; gap forms (朝鲜…难民) are left to the
            # checker: a plain substring search cannot honour them
            for quality, group in (("preferred", (rendering.preferred,)), ("accepted", (*rendering.accepted, *rendering.short)),
                                   ("forbidden", rendering.forbidden)):
                for form in group:
                    flat = _compact(form)[0]
                    if flat and "…" not in form:
                        forms.append((flat, entry.id, entry.kind, quality))
        self.forms = sorted(forms, key=lambda f: -len(f[0]))

    def find(self, text: str) -> list[Occ]:
        flat, offsets = _compact(text)
        occ = []
        for needle, entry_id, kind, quality in self.forms:
            pos = flat.find(needle)
            while pos != -1:
                s, e = offsets[pos], offsets[pos + len(needle) - 1] + 1
                occ.append(Occ(entry_id, kind, s, e, text[s:e], quality))
                pos = flat.find(needle, pos + 1)
        return occ

    def standalone(self, text: str) -> list[Occ]:
        """Longest occurrence per place, not nested in a longer rendering of another entry."""
        occ = self.find(text)
        keep = []
        for o in occ:
            if any(p is not o and p.start <= o.start and o.end <= p.end and (p.end - p.start) > (o.end - o.start)
                   for p in occ):
                continue
            if any(p.entry_id == o.entry_id and p.start == o.start and p.end == o.end for p in keep):
                continue
            keep.append(o)
        return sorted(keep, key=lambda o: o.start)


# Sentences ---------------------------------------------------------------------------------------
_ZH_SENT = re.compile(r"[^。！？\n]*[。！？]+[”’」』）)]*|[^。！？\n]+$")
_KO_SENT = re.compile(r".*?(?:(?<=[가-힣”’」』)\]])[.?!][”’」』)\]]*(?=\s|$)|$)")


def sentences(line: str, lang: str) -> list[tuple[int, int]]:
    if lang == "zh":
        spans = [m.span() for m in _ZH_SENT.finditer(line) if m.group().strip()]
    else:
        spans, pos = [], 0
        while pos < len(line):
            m = _KO_SENT.match(line, pos)
            if not m or m.end() == pos:
                break
            spans.append((pos, m.end()))
            pos = m.end()
        spans = [s for s in spans if line[s[0]:s[1]].strip()]
    return spans


# --------------------------------------------------------------------------------------------------
# Mutants
# --------------------------------------------------------------------------------------------------


@dataclass
class Mutant:
    cls: str
    slug: str
    lang: str
    paragraph: int  # target paragraph index (0-based)
    line: int  # file line of that paragraph
    description: str
    before: str
    after: str
    new_paragraphs: dict[int, str] = field(repr=False, default_factory=dict)
    facts: list[str] = field(default_factory=list)
    zone: tuple[int, int] = (0, 0)
    tags: list[str] = field(default_factory=list)
    # filled in by the run
    detected: bool | None = None
    new_errors_in_zone: list[str] = field(default_factory=list)
    new_other_in_zone: list[str] = field(default_factory=list)
    noise: list[str] = field(default_factory=list)
    beads_near: list[str] = field(default_factory=list)

    @property
    def file(self) -> str:
        return f"letters/{self.slug}/{self.lang}.md"


def _rng(seed: int, *parts: object) -> random.Random:
    return random.Random(zlib.crc32(":".join(map(str, (seed, *parts))).encode()))


def _snippet(text: str, start: int, end: int, pad: int = 14) -> str:
    a, b = max(0, start - pad), min(len(text), end + pad)
    return ("…" if a else "") + text[a:b].replace("\n", "⏎") + ("…" if b < len(text) else "")


class PairMaterial:
    """One translation with its source, paragraphs paired by index, and per-paragraph facts."""

    def __init__(self, slug: str, lang: str, source: Letter, target: Letter, glossary: Glossary,
                 tglossary: TargetGlossary):
        self.slug, self.lang, self.source, self.target = slug, lang, source, target
        self.glossary, self.tg = glossary, tglossary
        if len(source.paragraphs) != len(target.paragraphs):
            raise SystemExit(f"{slug}/{lang}: {len(source.paragraphs)} source vs {len(target.paragraphs)} "
                             "target paragraphs; the benchmark pairs paragraphs by index (1:1 corpus)")
        self.src_text = [p.text for p in source.paragraphs]
        self.tgt_text = [p.text for p in target.paragraphs]
        self.src_nums = [Counter(n.value for n in en_numbers(t)) for t in self.src_text]
        self.src_dates = [en_dates(t) for t in self.src_text]
        self.src_entries = [Counter(m.entry.id for m in glossary.find_in_english(t)) for t in self.src_text]
        self.src_all_values = [set(self.src_nums[i]) | {float(v) for d in self.src_dates[i]
                                                        for v in (d.year, d.month, d.day) if v}
                               for i in range(len(self.src_text))]

    # facts of arbitrary target text -------------------------------------------------------------
    def t_nums(self, text: str) -> Counter:
        return Counter(n.value for n in target_numbers(text, self.lang) if n.value != 1)

    def t_dates(self, text: str) -> Counter:
        return Counter((d.month, d.day) for d in target_dates(text, self.lang))

    def t_entries(self, text: str) -> Counter:
        return Counter(o.entry_id for o in self.tg.standalone(text) if o.quality != "forbidden")

    def src_date_count(self, k: int, month: int, day: int | None, year: int | None = None) -> int:
        return sum(1 for d in self.src_dates[k]
                   if d.month == month and d.day == day and (year is None or d.year in (None, year)))

    def make(self, cls: str, k: int, new_text: str, description: str, start: int, end: int,
             facts: list[str], extra: dict[int, str] | None = None, tags: list[str] | None = None) -> Mutant:
        paragraphs = {k: new_text, **(extra or {})}
        lo, hi = min(paragraphs), max(paragraphs)
        old = self.tgt_text[k]
        return Mutant(cls, self.slug, self.lang, k, self.target.paragraphs[k].line, description,
                      _snippet(old, start, end), "", paragraphs, facts, (lo - 1, hi + 1), tags or [])

    # operators --------------------------------------------------------------------------------
    def changed_digit(self, seed: int) -> tuple[list[Mutant], int]:
        out, skipped = [], 0
        for k, text in enumerate(self.tgt_text):
            tnums = self.t_nums(text)
            for idx, n in enumerate(target_numbers(text, self.lang)):
                if n.value == 1 or n.value not in self.src_nums[k]:
                    continue
                if tnums[n.value] > self.src_nums[k][n.value]:
                    skipped += 1  # the translation repeats it: one copy changed loses nothing
                    continue
                rng = _rng(seed, "digit", self.slug, self.lang, k, idx)
                new = _mutate_number(n, rng, self.src_all_values[k] | {n.value})
                if new is None:
                    skipped += 1
                    continue
                new_text, new_value = new
                mutated = text[:n.start] + new_text + text[n.end:]
                m = self.make("changed-digit", k, mutated, f"{n.text} → {new_text}", n.start, n.end,
                              [f"figure {n.value:g} → {new_value:g}"], tags=[_num_context(text, n)])
                m.after = _snippet(mutated, n.start, n.start + len(new_text))
                out.append(m)
        return out, skipped

    def shifted_date(self, seed: int) -> tuple[list[Mutant], int]:
        out, skipped = [], 0
        for k, text in enumerate(self.tgt_text):
            dates = target_dates(text, self.lang)
            counts = self.t_dates(text)
            for idx, d in enumerate(dates):
                if not self.src_date_count(k, d.month, d.day, d.year):
                    continue
                if counts[(d.month, d.day)] > self.src_date_count(k, d.month, d.day, d.year):
                    skipped += 1
                    continue
                rng = _rng(seed, "date", self.slug, self.lang, k, idx)
                field_ = rng.choice(("day", "month")) if d.day else "month"
                if field_ == "day":
                    new_day, new_month = (d.day + 1 if d.day < 28 else d.day - 1), d.month
                else:
                    new_month, new_day = (d.month + 1 if d.month < 12 else d.month - 1), d.day
                if self.src_date_count(k, new_month, new_day, d.year):
                    skipped += 1  # the source paragraph has the shifted date too
                    continue
                (ms, me), (ds, de) = d.spans
                span, value = ((ds, de), new_day) if field_ == "day" else ((ms, me), new_month)
                rel = (span[0] - d.start, span[1] - d.start)
                new_date = d.text[:rel[0]] + str(value) + d.text[rel[1]:]
                mutated = text[:d.start] + new_date + text[d.end:]
                m = self.make("shifted-date", k, mutated, f"{d.text} → {new_date} ({field_})", d.start, d.end,
                              [f"date {d.text}"], tags=[field_])
                m.after = _snippet(mutated, d.start, d.start + len(new_date))
                out.append(m)
        return out, skipped

    def dropped_sentence(self, seed: int) -> tuple[list[Mutant], int]:
        out, skipped = [], 0
        for k, text in enumerate(self.tgt_text):
            offset = 0
            for line in text.split("\n"):
                spans = sentences(line, self.lang)
                if len(spans) >= 2:
                    for s, e in spans:
                        a, b = offset + s, offset + e
                        sentence = text[a:b]
                        if not (re.search(r"\d", sentence) or self.tg.find(sentence)):
                            continue
                        mutated = text[:a] + text[b:]
                        if self.lang == "ko":
                            mutated = text[:a] + text[b:].lstrip(" ") if a == offset else text[:a].rstrip(" ") + text[b:]
                        lost, nested = self._lost_facts(k, text, mutated)
                        if not lost:
                            skipped += 1
                            continue
                        tags = [NESTED] if len(nested) == len(lost) else []
                        m = self.make("dropped-sentence", k, mutated, f"deleted: {sentence.strip()[:60]}"
                                      + ("…" if len(sentence.strip()) > 60 else ""), a, b, lost, tags=tags)
                        m.before = sentence.strip()
                        m.after = "(deleted)"
                        out.append(m)
                offset += len(line) + 1
        return out, skipped

    def _lost_facts(self, k: int, before: str, after: str) -> tuple[list[str], list[str]]:
        """Facts the source paragraph has that the edit took below the source's count; and, of those, the
        terms whose rendering still survives nested inside a longer glossary name (朝鲜 in 朝鲜人)."""
        lost, nested = [], []
        bn, an = self.t_nums(before), self.t_nums(after)
        for v, c in bn.items():
            if an[v] < c and an[v] < self.src_nums[k][v]:
                lost.append(f"figure {v:g}")
        bd, ad = self.t_dates(before), self.t_dates(after)
        for (mo, dy), c in bd.items():
            need = self.src_date_count(k, mo, dy)
            if ad[(mo, dy)] < c and ad[(mo, dy)] < need:
                lost.append(f"date {mo}/{dy or '-'}")
        be, ae = self.t_entries(before), self.t_entries(after)
        anywhere = {o.entry_id for o in self.tg.find(after)}
        for entry_id in be:
            if not ae[entry_id] and self.src_entries[k][entry_id]:
                lost.append(f"term {entry_id}")
                if entry_id in anywhere:
                    nested.append(entry_id)
        return lost, nested

    def _drop_rendering(self, cls: str, kinds: tuple[str, ...]) -> tuple[list[Mutant], int]:
        out, skipped = [], 0
        for k, text in enumerate(self.tgt_text):
            for o in self.tg.standalone(text):
                if o.kind not in kinds or o.quality == "forbidden" or not self.src_entries[k][o.entry_id]:
                    continue
                s, e = o.start, o.end
                if s > 0 and text[s - 1] in _TITLE_OPEN and e < len(text) and text[e] in _TITLE_CLOSE:
                    s, e = s - 1, e + 1
                mutated = text[:s] + text[e:]
                if self.lang == "ko":
                    mutated = re.sub(r"  +", " ", mutated)
                if self.t_entries(mutated)[o.entry_id]:
                    skipped += 1  # still rendered elsewhere in the paragraph
                    continue
                nested_left = any(x.entry_id == o.entry_id for x in self.tg.find(mutated))
                m = self.make(cls, k, mutated, f"deleted {text[s:e]} ({o.entry_id}, {o.quality})", s, e,
                              [f"{o.kind} {o.entry_id}"], tags=[NESTED] if nested_left else [])
                m.after = _snippet(mutated, s, s)
                out.append(m)
        return out, skipped

    def dropped_treaty(self, seed: int) -> tuple[list[Mutant], int]:
        return self._drop_rendering("dropped-treaty", INSTRUMENT_KINDS)

    def dropped_term(self, seed: int) -> tuple[list[Mutant], int]:
        return self._drop_rendering("dropped-term", ("term",))

    def moved_figure(self, seed: int) -> tuple[list[Mutant], int]:
        out, skipped = [], 0
        fig = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]{1,6}" if self.lang == "zh" \
            else r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
        pattern = re.compile((_ZH_MOVE if self.lang == "zh" else _KO_MOVE).pattern.replace("{fig}", fig))
        for k, text in enumerate(self.tgt_text[:-1]):
            nums = {(n.start, n.end): n for n in target_numbers(text, self.lang)}
            for idx, m in enumerate(pattern.finditer(text)):
                n = nums.get(m.span("fig")) or next((x for x in nums.values() if x.start == m.start("fig")), None)
                if n is None or n.value == 1 or n.value not in self.src_nums[k]:
                    continue
                if re.fullmatch(r"\d{4}(年|년)", m.group()) or m.group().endswith("条"):
                    continue  # a bare year or an article number (第46条: a citation), not a counted figure
                rest = self.t_nums(text[:m.start()] + text[m.end():])
                if rest[n.value] >= self.src_nums[k][n.value]:
                    skipped += 1  # the paragraph still has it as often as the source needs
                    continue
                moved = m.group().strip()
                mutated = text[:m.start()] + text[m.end():]
                nxt = self.tgt_text[k + 1]
                phrase = f"另有{moved}。" if self.lang == "zh" else f" 그 밖에 {moved}."
                appended = nxt + phrase
                line = self.target.paragraphs[k + 1].line
                mut = self.make("moved-figure", k, mutated, f"moved '{moved}' to the end of the paragraph at line {line}",
                                m.start(), m.end(), [f"figure {n.value:g}"], extra={k + 1: appended})
                mut.after = _snippet(mutated, m.start(), m.start()) + " | next ends: …" + appended[-24:]
                out.append(mut)
        return out, skipped

    def negation(self, seed: int) -> tuple[list[Mutant], int]:
        """Every site of the negation operators, outside glossary renderings (不驱回原则 keeps its 不)."""
        out = []
        for k, text in enumerate(self.tgt_text):
            fenced = [(o.start, o.end) for o in self.tg.find(text)]
            for site in negation_sites(text, self.lang, fenced=fenced):
                mutant = self.make("negation", k, site.new_text, f"{site.operator.kind}: {site.operator.name}",
                                   site.start, site.end, [f"{site.operator.direction} a negation"],
                                   tags=[site.operator.kind])
                mutant.after = _snippet(site.new_text, site.start, site.start + len(site.new_text) - len(text)
                                        + site.end - site.start)
                out.append(mutant)
        return out, 0

    def build(self, cls: str, seed: int) -> tuple[list[Mutant], int]:
        return getattr(self, cls.replace("-", "_"))(seed)


def _num_context(text: str, n: Num) -> str:
    before, after = text[max(0, n.start - 1):n.start], text[n.end:n.end + 1]
    if before in ("第", "제") and after in "条조":
        return "article"
    if re.match(r"\d{4}$", n.text) and after in ("年", "년"):
        return "year"
    if after in ("号", "호"):
        return "house-number"
    return "figure"


def _mutate_number(n: Num, rng: random.Random, avoid: set[float]) -> tuple[str, float] | None:
    """One-digit change, or ×10 / ÷10 (2,000 → 2,600 / 200; 60 → 600; 10 → 16). CJK numerals: swap a digit."""
    if n.script == "cn":
        chars = [i for i, ch in enumerate(n.text) if ch in "一二两三四五六七八九"]
        for _ in range(12):
            if not chars:
                return None
            i = rng.choice(chars)
            ch = rng.choice([c for c in "二三四五六七八九" if c != n.text[i]])
            text = n.text[:i] + ch + n.text[i + 1:]
            value = _cn_value(text)
            if value is not None and float(value) not in avoid:
                return text, float(value)
        return None
    if n.script == "ko-native":
        options = [w for w, v in _KO_NATIVE.items() if float(v) not in avoid and w != n.text]
        if not options:
            return None
        word = rng.choice(options)
        return word, float(_KO_NATIVE[word])
    m = re.match(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?", n.text)
    if not m:
        return None
    int_text, frac, rest = m.group(1), m.group(2) or "", n.text[m.end():]
    commas = "," in int_text
    scale = n.value / float(int_text.replace(",", "") + frac) if float(int_text.replace(",", "") + frac) else 1
    for _ in range(20):
        op = rng.choice(("digit", "digit", "times10", "div10"))
        digits = int_text.replace(",", "")
        if op == "digit":
            i = rng.randrange(len(digits))
            choices = [d for d in "0123456789" if d != digits[i] and not (i == 0 and d == "0")]
            digits = digits[:i] + rng.choice(choices) + digits[i + 1:]
        elif op == "times10" and not frac:
            digits = digits + "0"
        elif op == "div10" and not frac and digits.endswith("0") and len(digits) > 1:
            digits = digits[:-1]
        else:
            continue
        new_int = f"{int(digits):,}" if commas and int(digits) >= 1000 else digits
        value = float(digits + frac) * scale
        if value not in avoid and value != 1:
            return new_int + frac + rest, value
    return None


# --------------------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------------------


def _key(f) -> tuple:
    return (f.rule, f.source_paragraph, f.target_paragraph, f.message)


def _describe(f) -> str:
    where = f"src¶{f.source_paragraph}/tgt¶{f.target_paragraph}"
    return f"{f.severity} {f.rule} [{where}] {f.message}"


def apply(target_text: str, target: Letter, paragraphs: dict[int, str]) -> str:
    """Replace whole paragraphs (by file line range) so line numbers of everything else stay put."""
    lines = target_text.split("\n")
    for k in sorted(paragraphs, reverse=True):
        p = target.paragraphs[k]
        new_lines = paragraphs[k].split("\n")
        assert len(new_lines) == p.end_line - p.line + 1, "a mutant must keep its paragraph's line count"
        lines[p.line - 1:p.end_line] = new_lines
    return "\n".join(lines)


def discover(letters: Path, langs: tuple[str, ...] = LANGS) -> list[tuple[str, str, Path, Path]]:
    """(slug, lang, en, target) of every letter folder: en.md with zh.md / ko.md, or a plain-text corpus
    document (en.txt with zh.txt / ko.txt, as in benchmarks/corpora/ntrex-dev)."""
    found = []
    for source in sorted([*letters.glob("*/en.md"), *letters.glob("*/en.txt")]):
        for lang in langs:
            target = source.with_name(f"{lang}{source.suffix}")
            if target.is_file():
                found.append((source.parent.name, lang, source, target))
    return found


def run(letters: Path, glossary_path: Path, seed: int, classes: tuple[str, ...], limit: int | None,
        langs: tuple[str, ...] = LANGS) -> dict:
    glossary = load_glossary(glossary_path)
    tgs = {lang: TargetGlossary(glossary, lang) for lang in LANGS}
    mutants: list[Mutant] = []
    skipped: Counter = Counter()
    candidates: Counter = Counter()
    baselines = {}
    false_positives = []
    t0 = time.perf_counter()
    for slug, lang, source_path, target_path in discover(letters, langs):
        source_text, target_text = source_path.read_text("utf-8"), target_path.read_text("utf-8")
        source = parse_letter(source_text, source_path)
        target = parse_letter(target_text, target_path)
        if target.status not in (None, "approved"):
            continue
        baseline = check_letters(source, target, glossary, lang)
        base_errors = Counter((f.severity, _key(f)) for f in baseline.findings if f.severity in ("error", "warning"))
        for f in baseline.findings:
            if f.severity == "error":
                false_positives.append({"file": f"letters/{slug}/{lang}.md", "line": f.line, "rule": f.rule,
                                        "message": f.message})
        baselines[(slug, lang)] = (source, target, target_text, base_errors)
        material = PairMaterial(slug, lang, source, target, glossary, tgs[lang])
        for cls in classes:
            built, skip = material.build(cls, seed)
            skipped[cls] += skip
            candidates[cls] += len(built) + skip
            if limit is not None and len(built) > limit:
                built = sorted(_rng(seed, "pick", slug, lang, cls).sample(built, limit),
                               key=lambda m: (m.paragraph, m.description))
            mutants.extend(built)
    for mutant in mutants:
        source, target, target_text, base_errors = baselines[(mutant.slug, mutant.lang)]
        mutated = parse_letter(apply(target_text, target, mutant.new_paragraphs), target.path)
        result = check_letters(source, mutated, glossary, mutant.lang)
        remaining = Counter(base_errors)
        lo, hi = mutant.zone
        new_keys = set()
        for f in result.findings:
            key = (f.severity, _key(f))
            if remaining[key] > 0:
                remaining[key] -= 1  # the unmutated pair had it too
                continue
            idx = {x for x in (f.source_paragraph, f.target_paragraph) if x is not None}
            in_zone = any(lo <= x <= hi for x in idx)
            if in_zone:
                new_keys.add(key)
            if f.severity == "error":
                (mutant.new_errors_in_zone if in_zone else mutant.noise).append(_describe(f))
            elif in_zone and f.severity == "warning":
                mutant.new_other_in_zone.append(_describe(f))
        mutant.detected = bool(mutant.new_errors_in_zone)
        if mutant.cls in MEANING_CLASSES:
            mutant.detected = any(f.category == "meaning" and (f.severity, _key(f)) in new_keys for f in result.findings)
        if not mutant.detected:
            mutant.beads_near = [f"{list(b.source)}→{list(b.target)}" for b in result.context.beads
                                 if any(lo <= x <= hi for x in (*b.source, *b.target))]
    elapsed = time.perf_counter() - t0
    return summarise(mutants, candidates, skipped, false_positives, elapsed, seed, limit)


def _recall(detected: int, total: int) -> float | None:
    return round(100.0 * detected / total, 1) if total else None


def summarise(mutants, candidates, skipped, false_positives, elapsed, seed, limit) -> dict:
    per_class = {}
    for cls in CLASSES:
        ms = [m for m in mutants if m.cls == cls]
        if not ms and not candidates[cls]:
            continue
        det = sum(m.detected for m in ms)
        nested = [m for m in ms if NESTED in m.tags]
        per_class[cls] = {
            "sites": candidates[cls], "skipped": skipped[cls], "mutants": len(ms), "detected": det,
            "recall": _recall(det, len(ms)),
            "warning_only": sum(1 for m in ms if not m.detected and m.new_other_in_zone),
            "nested_survivor": {"mutants": len(nested), "detected": sum(m.detected for m in nested)},
            "by_lang": {lang: {"mutants": sum(m.lang == lang for m in ms),
                               "detected": sum(m.detected for m in ms if m.lang == lang)} for lang in LANGS},
        }
    noise = [len(m.noise) for m in mutants]
    meaning = [m for m in mutants if m.cls in MEANING_CLASSES]
    mutants = [m for m in mutants if m.cls in FACT_CLASSES]
    total = len(mutants)
    detected = sum(m.detected for m in mutants)
    clean = [m for m in mutants if NESTED not in m.tags]
    recalls = [row["recall"] for cls, row in per_class.items() if row["recall"] is not None and cls in FACT_CLASSES]
    return {
        "seed": seed,
        "limit_per_class_and_translation": limit,
        "translations": len({(m.slug, m.lang) for m in mutants}),
        "per_class": per_class,
        "overall": {
            "mutants": total, "detected": detected, "recall": _recall(detected, total),
            "macro_recall": round(sum(recalls) / len(recalls), 1) if recalls else None,
            "excluding_nested_survivors": {"mutants": len(clean), "detected": sum(m.detected for m in clean),
                                           "recall": _recall(sum(m.detected for m in clean), len(clean))},
        },
        "meaning": _meaning_summary(meaning),
        "false_positives": false_positives,
        "noise_mean_new_errors_outside_zone": round(sum(noise) / len(noise), 3) if noise else 0.0,
        "mutants_with_noise": sum(1 for n in noise if n),
        "seconds": round(elapsed, 2),
        "mutants_detail": [_mutant_record(m) for m in mutants + meaning],
    }


def _meaning_summary(mutants: list[Mutant]) -> dict:
    """Negation mutants: flagged (error or warning), at error level, and the flips (a demand turned round) alone."""
    flips = [m for m in mutants if "flip" in m.tags]
    return {"mutants": len(mutants), "detected": sum(m.detected for m in mutants),
            "recall": _recall(sum(m.detected for m in mutants), len(mutants)),
            "at_error_level": sum(bool(m.new_errors_in_zone) for m in mutants),
            "flips": len(flips), "flips_at_error_level": sum(bool(m.new_errors_in_zone) for m in flips)}


def _mutant_record(m: Mutant) -> dict:
    data = asdict(m)
    data.pop("new_paragraphs")
    data["file"] = m.file
    return data


def _pct(value: float | None) -> str:
    return f"{value:.1f}%" if value is not None else "-"


def print_report(report: dict, verbose: bool) -> None:
    print(f"appealkit mutation benchmark (seed {report['seed']}, {report['translations']} translations, "
          f"{report['seconds']} s)")
    print()
    header = (f"{'class':<18}{'sites':>6}{'skipped':>8}{'mutants':>8}{'detected':>9}{'recall':>8}"
              f"{'warn-only':>10}{'nested':>9}    zh det/n   ko det/n")
    print(header)
    print("-" * len(header))
    for cls, row in report["per_class"].items():
        nested = row["nested_survivor"]
        nested_txt = f"{nested['detected']}/{nested['mutants']}" if nested["mutants"] else "-"
        langs = "   ".join(f"{v['detected']:>4}/{v['mutants']:<4}" for v in row["by_lang"].values())
        print(f"{cls:<18}{row['sites']:>6}{row['skipped']:>8}{row['mutants']:>8}{row['detected']:>9}"
              f"{_pct(row['recall']):>8}{row['warning_only']:>10}{nested_txt:>9}    {langs}")
    print("-" * len(header))
    o = report["overall"]
    print(f"{'overall (pooled)':<18}{'':>6}{'':>8}{o['mutants']:>8}{o['detected']:>9}{_pct(o['recall']):>8}")
    print(f"{'overall (macro)':<18}{'':>6}{'':>8}{'':>8}{'':>9}{_pct(o['macro_recall']):>8}   mean of the class recalls")
    x = o["excluding_nested_survivors"]
    print(f"{'w/o nested':<18}{'':>6}{'':>8}{x['mutants']:>8}{x['detected']:>9}{_pct(x['recall']):>8}"
          "   without mutants whose term survives inside a longer glossary name")
    n = report["meaning"]
    if n["mutants"]:
        print(f"{'negation':<18}{'':>6}{'':>8}{n['mutants']:>8}{n['detected']:>9}{_pct(n['recall']):>8}"
              f"   meaning class: a new polarity error or warning; {n['at_error_level']} at error level, "
              f"flipped demands {n['flips_at_error_level']}/{n['flips']}")
    print()
    print("overall: the six fact classes (an error is required); negation: error or warning (see the docstring).")
    print("sites: mutation sites found; skipped: sites where the edit would not lose a fact the source has;")
    print("warn-only: missed at error level but a new warning appeared; nested: nested-survivor mutants det/n.")
    print()
    fps = report["false_positives"]
    print(f"false positives (error findings on the unmutated letters): {len(fps)}")
    for fp in fps:
        print(f"  {fp['file']}:{fp['line']}: {fp['rule']}: {fp['message']}")
    print(f"noise: {report['noise_mean_new_errors_outside_zone']:.3f} new error findings per mutant outside the "
          f"mutated paragraph ±1 ({report['mutants_with_noise']} mutants had any)")
    missed = [m for m in report["mutants_detail"] if not m["detected"]]
    if verbose and missed:
        print()
        print(f"undetected mutants ({len(missed)}):")
        for m in sorted(missed, key=lambda m: (m["cls"], NESTED in m["tags"], m["file"], m["line"])):
            tags = f" [{', '.join(m['tags'])}]" if m["tags"] else ""
            print(f"  {m['cls']:<16} {m['file']}:{m['line']} (¶{m['paragraph']}){tags}: {m['description']}")
            print(f"      facts:  {', '.join(m['facts'])}")
            print(f"      before: {m['before']}")
            print(f"      after:  {m['after']}")
            if m["new_other_in_zone"]:
                print(f"      only:   {' | '.join(m['new_other_in_zone'])}")
            print(f"      beads:  {' '.join(m['beads_near'])}")
    if verbose:
        noisy = [m for m in report["mutants_detail"] if m["noise"]]
        if noisy:
            print()
            print(f"mutants with new errors outside the zone ({len(noisy)}):")
            for m in noisy:
                print(f"  {m['cls']:<16} {m['file']}:{m['line']}: {m['description']}")
                for n in m["noise"]:
                    print(f"      {n}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=Path, default=ROOT / "letters")
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--class", dest="classes", action="append", choices=CLASSES,
                        help="only this class (repeatable)")
    parser.add_argument("--limit", type=int, default=None,
                        help="at most N mutants per class and translation (seeded sample; default: every site)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list undetected mutants and noisy ones")
    parser.add_argument("--min-recall", type=float, default=None,
                        help="exit 1 when overall recall is below this percentage")
    args = parser.parse_args(argv)
    report = run(args.letters, args.glossary, args.seed, tuple(args.classes or CLASSES), args.limit)
    print_report(report, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    if args.min_recall is not None and (report["overall"]["recall"] or 0) < args.min_recall:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
