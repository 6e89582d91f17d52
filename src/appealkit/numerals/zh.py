"""Chinese (Simplified) figures (target side).

Recall matters: a translator may write 2000, ２０００, 2,000, 2，000, 2千, 两千
or 二千.  But numeral characters also live inside ordinary words (统一, 一些,
十分, 千万, 四处), so a run written only in Chinese numerals is reported
only when it is

  (a) preceded by 第 (ordinal), or
  (b) followed by a measure word / unit (名 人 岁 年 % 多 余 ...), or
  (c) at least two characters long and contains a multiplier (十 百 千 万 亿),

and it is not part of an idiom on the stop-list.  Runs with Arabic digits are
always figures.

The numeral grammar (``Atom``/``parse_atoms``) is shared with Korean, whose
Sino-Korean numerals follow the same structure.  Conversion is hand-written
rather than done with cn2an, whose "smart" mode rewrites 统一 to 统1.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

from appealkit.numerals import FULLWIDTH, NumberMention, decimal_of, to_value
from appealkit.numerals.forms import currency_name, decimal_text, grouped, render_figure_as, spelled


class Atom(NamedTuple):  # a NamedTuple: several are built per figure, and it is cheap
    kind: str  # "num" | "zero" | "mult" (10/100/1000) | "big" (10**4, 10**8)
    value: int | Decimal  # Decimal only for Arabic decimals (1.5万)
    start: int
    end: int
    native: bool  # a CJK/Hangul digit rather than an Arabic digit group


def parse_atoms(atoms: list[Atom], korean: bool = False) -> list[tuple[int, int, int | Decimal]]:
    """Split a run of atoms into numbers: [(first atom, end atom, value)].

    Greedy: each number takes atoms while they stay well-formed, so "三四"
    (three or four) gives 3 and 4, "十九" gives 19, "一千零一" 1001.
    ``korean``: Korean drops 일 before every multiplier (천백칠십 = 1170,
    whereas Chinese 千百 is an idiom) and has no abbreviated tail (천팔백일
    is 1801, whereas Chinese 一千八百一 is 1810).
    """
    pieces = []
    i = 0
    while i < len(atoms):
        j, value = _parse_one(atoms, i, korean)
        pieces.append((i, j, value))
        i = j
    return pieces


def _parse_one(atoms: list[Atom], i: int, korean: bool) -> tuple[int, int | Decimal]:
    if i + 1 == len(atoms) or atoms[i + 1].kind == "num":
        a = atoms[i]  # fast path: a lone number (the common case)
        if a.kind in ("num", "zero"):
            return i + 1, a.value
    yi: int | Decimal = 0
    wan: int | Decimal = 0
    small: int | Decimal = 0
    cur: int | Decimal | None = None
    last_small = 10**4  # the next 十/百/千 must be smaller than this
    last_mult = 0  # multiplier applied just before, for 一千二 = 1200
    zero = wan_done = yi_done = False
    k = i
    while k < len(atoms):
        a = atoms[k]
        if a.kind == "num":
            if cur is not None:
                break
            cur = a.value
        elif a.kind == "zero":
            if cur is not None:
                break
            if k == i:
                cur = 0
            zero = True
        elif a.kind == "mult":
            if a.value >= last_small:
                break
            if cur is None:
                if not (korean or k == i or zero or atoms[k - 1].kind == "big"):
                    break  # 百千, 千百: not a number
                cur = 1  # 十九 = 19, 一万十 = 10010
            small += cur * a.value
            cur, last_small, last_mult, zero = None, int(a.value), int(a.value), False
        else:  # 万 / 亿
            section = small + (cur or 0)
            if a.value == 10**8:
                section += wan * 10**4
            if (a.value == 10**4 and wan_done) or (a.value == 10**8 and yi_done):
                break
            if section == 0:
                if k != i:
                    break
                section = 1
            if a.value == 10**4:
                wan, wan_done = section, True
            else:
                yi, wan, wan_done, yi_done = section, 0, False, True
            small, cur, last_small, last_mult, zero = 0, None, 10**4, int(a.value), False
        k += 1
    tail_digit = k - i >= 2 and atoms[k - 1].native and atoms[k - 2].kind in ("mult", "big")
    if not korean and cur is not None and tail_digit:
        cur = cur * last_mult // 10  # 一千二 = 1200, 两万五 = 25000, 十二 = 12
    return k, yi * 10**8 + wan * 10**4 + small + (cur or 0)


_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_MULT = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_CN_CHARS = "".join(_DIGIT) + "".join(_MULT)
_MAX_RUN = 40  # longer numeral runs are not figures (and would be slow)

# Measure words / units that make a numeral run a figure.  Multi-character
# ones first.  A lone 一 is so common in words (一起, 一种, 一部分) that it
# needs one of the stricter set.
_MEASURE = (
    r"个月|周岁|小时|世纪|公里|美元|欧元|英镑|日元|韩元|港元|人民币|分钟|英尺|英寸|英里|公斤|千克|公顷|平方|"
    r"[名人位个岁年月日号条款项届次倍家国天周批起例份页%％所座间件种类枚轮场期元米吨秒代"
    # classifiers of news text: 两辆 警车, 领先两分, 六套 电视网, 后九洞, 十支 球队, 四成 (40%)
    r"辆支套张只头匹架艘棵块片本部台局盘洞分球票枪层栋幢户颗粒根首篇封段章双对群队组趟遍回步口度成镑码]"
)
_MEASURE_ALL = re.compile(_MEASURE)
_CN_NUMERAL = "零〇一二两三四五六七八九十百千"
# A numeral linked to another one: a score (三比一), a fraction (四分之一, 十分之三), a range (三到五, 三至五年).
_LINKED_AFTER = re.compile(r"(?:比|分之|[到至~～－—–-])[" + _CN_NUMERAL + r"0-9０-９]")
_LINKED_BEFORE = re.compile(r"(?:[" + _CN_NUMERAL + r"0-9０-９](?:比|分之|[到至~～－—–-]))$")
_MEASURE_ONE = re.compile(r"个月|周岁|小时|[名人位个岁年月日号条款项届次天周例份]")

# One token: a run of Chinese numerals, or one Arabic number (2,000 / 2，000 /
# 1.5 / ２０００), or a dotted group (2017.11.4).  The pattern starts with a
# character class so that the regex engine skips non-candidates at C speed;
# the lookbehinds then dispatch on the first character.  A single numeral
# character is a candidate only after 第 / 百分之 / a digit (2千) or before a
# measure word: the lone 一 of 统一, 一些, 一直 never reaches Python code.
# Digits glued to a digit or a Latin letter (sha256, H1N1, G20) are
# identifiers.
_TOKEN = re.compile(
    r"[0-9０-９" + _CN_CHARS + r"]"
    r"(?:(?<=[" + _CN_CHARS + r"])"
    r"(?:(?P<cn>[" + _CN_CHARS + r"]++)"
    r"|(?P<cn1>)(?:(?<=第.)|(?<=百分之.)|(?<=[0-9０-９].)|(?<=分之.)|(?<=比.)|(?<=[至到~～].)"
    # 2000 万, 550多万: a multiplier after a space or 多/余 continues the digits before it
    r"|(?<=[0-9０-９] [万亿千])|(?<=[0-9０-９十百千][多余][万亿千])"
    r"|(?=[多余来]?(?:" + _MEASURE + r"))|(?=[多余][万亿])|(?=比|分之|[到至~～][" + _CN_NUMERAL + r"])))"
    r"|(?<=[0-9０-９])(?<![0-9０-９A-Za-z].)"
    r"(?:(?P<dot>[0-9０-９]*+(?:[.．][0-9０-９]++){2,}+)"
    r"|(?P<arab>[0-9０-９]{0,2}(?:[,，][0-9０-９]{3})++(?![0-9０-９])(?:[.．][0-9０-９]++)?"
    r"|[0-9０-９]*+(?:[.．][0-9０-９]++)?)))"
)

# Whole runs that are words, not numbers.
_STOP_RUNS = frozenset({"千万", "万一", "万万", "亿万", "千千", "千百", "百千", "万千", "千千万万"})
# Idioms and words containing numerals; a run inside one is not a figure.
_STOP_PHRASES = re.compile(
    "十分(?!之)|万分(?!之)|百姓|万岁|十字|百分比|千方百计|一千零一夜|一国两制|三番五次|五花八门|"
    "四面八方|七上八下|一五一十|乱七八糟|九死一生|千辛万苦|万无一失|成千上万|成百上千|"
    "十万火急|十全十美|一模一样|一心一意|三心二意|一清二楚|独一无二|一家人|九牛一毛|"
    "一举两得|一石二鸟|两全其美|三言两语|一干二净|一穷二白|四分五裂|五体投地|七嘴八舌|"
    "千军万马|万水千山|千家万户|接二连三|三三两两|不三不四|说一不二|丢三落四|一年四季|"
    "一来二去|数以百计|数以千计|数以万计|千载难逢|万众一心|千篇一律"
)
# Characters before a lone 一 that make it a word: 统一 唯一 万一 同一 另一 每一 ...
_YI_BLOCK = frozenset("统唯万同另每这那任上下独其单划专逐")

_QUAL_BEFORE = re.compile(
    r"(?P<q>大约|大概|将近|接近|差不多|约莫|约|近|逾|超过|多于|至少|最少|起码|不到|不足|少于|低于|最多|至多|最高)"
    r"(?:[有了]|可?达到?)?\s?$"
)
_QUAL_LAST_CHARS = frozenset("约概近多莫逾过于少码到足有了达高 \t\u3000")  # 约有两百名: a word between
_QUAL_WORD = {
    "大约": "about",
    "大概": "about",
    "将近": "about",
    "接近": "about",
    "差不多": "about",
    "约莫": "about",
    "约": "about",
    "近": "about",
    "逾": "more_than",
    "超过": "more_than",
    "多于": "more_than",
    "至少": "at_least",
    "最少": "at_least",
    "起码": "at_least",
    "不到": "less_than",
    "不足": "less_than",
    "少于": "less_than",
    "低于": "less_than",
    "最多": "up_to",
    "至多": "up_to",
    "最高": "up_to",
}
# 约 and 近 end many words: 公约 条约 签约 / 最近 附近 亲近.
_NOT_QUAL_AFTER = {"约": frozenset("公条协契合预节制签规特缔邀履毁誓"), "近": frozenset("最附亲邻靠贴")}
# After the number: 60多名 / 60余名, 一年多 / 3个多月, 二十来个, 18岁以上,
# 30岁左右.
_QUAL_AFTER = re.compile(
    r"(?P<more>[多余])|(?P<lai>来)(?=" + _MEASURE + r")"
    # 多 after a measure word: 一年多 (then punctuation or 的/来/前/后...), 3个多月;
    # not 两国多次 (many times).
    r"|个(?P<more3>多)(?=" + _MEASURE + r")"
    r"|(?:" + _MEASURE + r")(?P<more2>[多余])(?:(?![\u4e00-\u9fff])|(?=[的来前后以了时里间之]))"
    # 七年多战争: after a unit of time 多 is always "more than"
    r"|(?:年|天|周|小时)(?P<more4>多)"
    r"|(?:" + _MEASURE + r")?\s?(?P<q>以上|左右|上下|以下|以内)"
)
_QUAL_AFTER_WORD = {"以上": "more_than", "左右": "about", "上下": "about", "以下": "less_than", "以内": "up_to"}
# Kind from what follows: 25% / 4岁 (not 岁月 "years, time") / 11个月大 or
# 11个月的婴儿 (an age; a bare 11个月 is a duration).
# 四成 is 40% (成 = tenths; not 成千, 成为 after the number: 一成不变 never reaches here).
_SUFFIX = re.compile(
    r"(?P<percent>[%％])|(?P<age>周岁|岁(?!月)|个月大|个月(?=的?(?:婴儿|宝宝|女婴|男婴|幼儿)))"
    r"|(?P<tenths>成)(?![为了功立员果就绩长千])"
)

Part = tuple[str, int, int]  # ("arab" | "cn", start, end)


# What may stand between digits and the multiplier that scales them: 2000 万, 550多万, 1.25 亿.
_SCALE_GAP = frozenset({" ", "\u00a0", "多", "余", " 多"})
# Decades: 20世纪80年代, 上世纪 八十年代, 80年代, 本世纪初 (the early 2000s).
_DECADE = re.compile(
    r"(?:(?P<cent>[0-9０-９]{2}|二十一|二十|十九)\s?世纪\s?|(?P<rel>上个?世纪|本世纪)\s?)?"
    r"(?<![0-9０-９])(?P<dec>[0-9０-９]0|[1-9１-９]0|[一二三四五六七八九]十|[0０〇零]{1,2})\s?年代"
    r"|(?P<early>本世纪|21\s?世纪|二十一世纪)之?初"
)


def _decades(text: str) -> list[NumberMention]:
    out = []
    for m in _DECADE.finditer(text):
        if m.group("early"):
            value = 2000
        else:
            dec = m.group("dec").translate(FULLWIDTH)
            tens = int(dec) if dec.isdigit() else (cn_to_int(dec) or 0)
            if m.group("cent"):
                cent = m.group("cent").translate(FULLWIDTH)
                value = ((int(cent) if cent.isdigit() else cn_to_int(cent) or 20) - 1) * 100 + tens
            elif m.group("rel"):
                value = (1900 if m.group("rel").startswith("上") else 2000) + tens
            else:
                value = (2000 if tens < 20 else 1900) + tens  # 80年代 is the 1980s, 00年代 the 2000s
        out.append(NumberMention(value, m.start(), m.end(), m.group(), "decade"))
    return out


def _continues(text: str, run: list[Part], start: int) -> bool:
    """Does a token at ``start`` continue ``run``: adjacent (2千), or a multiplier after a space or 多 (2000 万)?"""
    if len(run) >= _MAX_RUN:
        return False
    end = run[-1][2]
    return end == start or (text[end:start] in _SCALE_GAP and text[start] in "万亿千")


def find(text: str) -> list[NumberMention]:
    out: list[NumberMention] = _decades(text) if "年代" in text or "世纪" in text else []
    run: list[Part] = []
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if m.group("dot") is not None:  # 2017.11.4: separate integers
            if run:
                out.extend(_run_mentions(text, run))
                run = []
            for g in re.finditer(r"[0-9０-９]+", m.group()):
                out.extend(_run_mentions(text, [("arab", s + g.start(), s + g.end())]))
            continue
        part = ("arab" if m.group("arab") is not None else "cn", s, e)
        # Adjacent tokens form one run: 2千, 1.5万, 3万5千; and 2000 万, 550多万.
        if run and _continues(text, run, s):
            run.append(part)
            continue
        if run:
            out.extend(_run_mentions(text, run))
        run = [part]
    if run:
        out.extend(_run_mentions(text, run))
    return out


def atoms_of(text: str, parts: list[Part]) -> list[Atom] | None:
    """Atoms of a run: one per Chinese character, one per Arabic group."""
    atoms: list[Atom] = []
    for kind, s, e in parts:
        if kind == "cn":
            atoms.extend(_cn_atom(text[p], p) for p in range(s, e))
        else:
            d = decimal_of(text[s:e])
            if d is None:
                return None
            atoms.append(Atom("num", d, s, e, False))
    return atoms


def _cn_atom(ch: str, pos: int) -> Atom:
    if ch in _MULT:
        v = _MULT[ch]
        return Atom("big" if v >= 10**4 else "mult", v, pos, pos + 1, True)
    v = _DIGIT[ch]
    return Atom("zero" if v == 0 else "num", v, pos, pos + 1, True)


def cn_to_int(s: str) -> int | None:
    """Value of an isolated Chinese numeral string (二〇一七 -> 2017, 十一 -> 11)."""
    if not s or len(s) > _MAX_RUN or any(c not in _DIGIT and c not in _MULT for c in s):
        return None
    if not any(c in _MULT for c in s):
        return int("".join(str(_DIGIT[c]) for c in s))
    pieces = parse_atoms([_cn_atom(c, i) for i, c in enumerate(s)])
    if len(pieces) != 1:
        return None
    return int(pieces[0][2])


def _pieces(text: str, run: list[Part]) -> list[tuple[int, int, int | Decimal]] | None:
    """(start, end, value) of the numbers in a run."""
    start, end = run[0][1], run[-1][2]
    s = text[start:end]
    if len(s) > _MAX_RUN:
        return None
    if all(c in _DIGIT for c in s) and (len(s) >= 3 or "〇" in s or "零" in s):
        # Digit-by-digit reading: 二〇一七 is 2017.  Two plain digits (三四)
        # are "three or four" and fall through to the greedy parser.
        return [(start, end, int("".join(str(_DIGIT[c]) for c in s)))]
    atoms = atoms_of(text, run)
    if atoms is None:
        return None
    return [(atoms[i].start, atoms[j - 1].end, v) for i, j, v in parse_atoms(atoms)]


def _run_mentions(text: str, run: list[Part]) -> list[NumberMention]:
    start, end = run[0][1], run[-1][2]
    pct = start - 3 if start >= 3 and text.startswith("百分之", start - 3) else None
    if len(run) == 1 and run[0][0] == "arab":  # fast path: 2,000 / ２０００ / 3.5
        v = decimal_of(text[start:end])
        return [] if v is None else [_mention(text, start, end, v, pct, True, True)]
    if end - start == 1:  # fast path: one numeral character (一名, 九名, 第三)
        if pct is None and not _cn_run_is_figure(text, start, end):
            return []
        ch = text[start]
        return [_mention(text, start, end, _DIGIT.get(ch, _MULT.get(ch, 0)), pct, True, True)]
    pieces = _pieces(text, run)
    if not pieces:
        return []
    arabic = any(kind == "arab" for kind, _, _ in run)
    if pct is None and not arabic and not _cn_run_is_figure(text, start, end):
        return []
    last = len(pieces) - 1
    mentions = [_mention(text, s, e, v, pct, n == 0, n == last) for n, (s, e, v) in enumerate(pieces)]
    more = next((p for p in range(start, end) if text[p] in "多余"), None)
    if more is not None and len(mentions) == 1 and mentions[0].qualifier is None:  # 550多万: more than 5.5 million
        mentions[0] = replace(mentions[0], qualifier="more_than", qualifier_span=(more, more + 1))
    return mentions


def _cn_run_is_figure(text: str, s: int, e: int) -> bool:
    word = text[s:e]
    prev = text[s - 1] if s else "\0"  # "\0": `"" in "数几"` would be True
    if word in _STOP_RUNS or (word == "百" and text.startswith("分之", e)):
        return False  # 千万, 万一; the 百 of 百分之 marks a percentage
    if prev == "第":
        return not _in_stop_phrase(text, s, e)
    if prev in "数几" or (prev in "上成" and word[0] in "十百千万亿"):
        return False  # 数十, 几百, 上千, 成千: vague, not figures
    nxt = text[e : e + 1] or "\0"
    if nxt == "几":
        return False  # 十几, 二十几
    linked = bool(_LINKED_AFTER.match(text, e) or _LINKED_BEFORE.search(text, max(0, s - 3), s))
    if word == "一":
        ok = (prev not in _YI_BLOCK and bool(_MEASURE_ONE.match(text, e))) or (linked and prev in "比之至到")
    else:
        after = e + 1 if nxt in "多余来" else e
        ok = (
            bool(_MEASURE_ALL.match(text, after)) or linked or (len(word) >= 2 and any(c in "十百千万亿" for c in word))
        )
    # The idiom check is the costliest, so it runs last.
    return ok and not _in_stop_phrase(text, s, e)


def _in_stop_phrase(text: str, s: int, e: int) -> bool:
    window = _STOP_PHRASES.finditer(text, max(0, s - 5), min(len(text), e + 5))
    return any(m.start() < e and m.end() > s for m in window)


def _mention(text: str, s: int, e: int, v: int | Decimal, pct: int | None, first: bool, last: bool) -> NumberMention:
    """One mention.  Prefixes (百分之, 第, 约) apply to the first number of a
    run, suffixes (%, 岁, 多, 以上) to the last."""
    kind, start, end = "cardinal", s, e
    qualifier: str | None = None
    qspan: tuple[int, int] | None = None
    if first and pct is not None:
        kind, start = "percent", pct
    elif first and s and text[s - 1] == "第":
        kind, start = "ordinal", s - 1
    if last:
        if kind == "cardinal" and (sm := _SUFFIX.match(text, e)):
            kind, end = sm.lastgroup or kind, sm.end()
            if kind == "tenths":
                kind, v = "percent", v * 10
        if qm := _QUAL_AFTER.match(text, e):
            if qm.group("q"):
                qualifier, qspan = _QUAL_AFTER_WORD[qm.group("q")], qm.span("q")
            elif more := next((g for g in ("more2", "more3", "more4") if qm.group(g)), None):
                qualifier, qspan = "more_than", qm.span(more)
            else:
                qualifier, qspan = ("more_than" if qm.group("more") else "about"), (e, e + 1)
    if first and kind != "ordinal" and (before := _qualifier_before(text, start)):
        qualifier, qspan = before
    return NumberMention(to_value(v), start, end, text[start:end], kind, qualifier, qspan)


def _qualifier_before(text: str, start: int) -> tuple[str, tuple[int, int]] | None:
    if not start or text[start - 1] not in _QUAL_LAST_CHARS:
        return None  # cheap pre-check: most numbers have no qualifier
    m = _QUAL_BEFORE.search(text, max(0, start - 7), start)  # 最高可达到 6
    if not m:
        return None
    q = m.group("q")
    before = text[m.start() - 1] if m.start() else ""
    if before in _NOT_QUAL_AFTER.get(q, ()):
        return None
    return _QUAL_WORD[q], m.span("q")


# =========================================================================================================
# Rendering: how `appeal translate` writes a fact in Chinese.  The reader above reads every rendering back
# to the value it was made from (tests/unit/test_render_read.py proves it with hypothesis), and the forms
# the checker offers a translator (numerals.forms.localized_forms) are these renderings plus the variants
# documented there.
# =========================================================================================================

WAN, YI = 10**4, 10**8
PERSON_COUNTER = "名"
# CLDR names (babel) serve, except where Chinese news writes the amount with 元.
CURRENCY_NAMES = {"CNY": "元人民币"}
_QUALIFIED = {"about": "约{}", "more_than": "超过{}", "at_least": "至少{}", "less_than": "不到{}", "up_to": "最多{}"}


def render_number(value: int | float) -> str:
    """A figure as Chinese news writes it: 2000, 12,345, 1100万, 123.4万, 22亿, 3.6亿.

    万, 亿 and 万亿 for a round figure (a multiple of 10,000; of 1,000,000 for 亿), CLDR-grouped digits otherwise.
    """
    if float(value).is_integer():
        number = int(value)
        if number >= WAN * YI and number % 10**10 == 0:
            return f"{decimal_text(Decimal(number) / (WAN * YI))}万亿"
        if number >= YI and number % 10**6 == 0:
            return f"{decimal_text(Decimal(number) / YI)}亿"
        if number >= WAN and (number % WAN == 0 or (number >= 10**6 and number % 100 == 0)):
            return f"{decimal_text(Decimal(number) / WAN)}万"
        return grouped(number, "zh") if number >= WAN else str(number)
    return decimal_text(value)


def render_figure(value: int | float, kind: str, people: bool = False) -> str:
    """第19 (ordinal), 4岁 (age), 25% (percent), 9名 (a count of people: the only noun class given a counter)."""
    return render_figure_as(value, kind, people, render_number, "第", "岁", PERSON_COUNTER)


def render_money(value: int | float, currency: str) -> str:
    """1100万英镑, 22亿欧元, 36亿美元: the amount with 万/亿, then the currency's CLDR name."""
    return render_number(value) + currency_name(currency, "zh", CURRENCY_NAMES)


def render_ratio(part: int, whole: int, before_noun: bool = False) -> str:
    """五分之一 (one in five), 十分之三 (3 in 10); 的 when a noun follows (五分之一的儿童)."""

    def numeral(n: int) -> str:
        return spelled(n, "zh") if n < 100 else str(n)

    return f"{numeral(whole)}分之{numeral(part)}" + ("的" if before_noun else "")


def render_decade(year: int) -> str:
    """20世纪80年代 for the 1980s; a decade that starts a century by its year (2000年代)."""
    if year % 100 == 0:
        return f"{year}年代"
    return f"{year // 100 + 1}世纪{year % 100}年代"


def before_noun(text: str) -> str:
    """A count of people goes straight before its noun: 9名难民."""
    return text


def render_range(low: str, high: str) -> str:
    """10至15: two rendered ends."""
    return f"{low}至{high}"


def render_qualified(text: str, qualifier: str | None) -> str:
    """约60名, 超过670名, 至少92名, 不到10%, 最多5年: the qualifier the reader recognises, before the figure."""
    return _QUALIFIED[qualifier].format(text) if qualifier in _QUALIFIED else text
