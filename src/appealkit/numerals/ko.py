"""Korean figures (target side).

Korean writes figures as Arabic digits (1,170명), digits with Sino-Korean
multipliers (2천, 3만 5천, 1억 2천만), Sino-Korean words (이천, 십구) or native
words before a counter (아홉 명, 네 살, 열한 명).  Hangul numeral syllables are
also ordinary syllables (구금, 요구, 사람, 이 편지, 세계, 한국), so words are
reported only when

  * Sino-Korean: the word starts a word, has 십/백/천/만/억 as its first or
    second syllable and is followed by a counter (이천 명, 사십 세, 만 명); or
    it follows 제 (제삼국, 제십구 회).  A lone digit syllable (구, 사, 이) never
    counts;
  * native: the word starts a word and is followed by a counter which is
    itself followed by a particle or a non-Hangul character (한 명이, 네 살),
    so 한 개인 (an individual) is not "one 개"; or it is a stand-alone form
    (둘, 셋, 넷, 다섯 ... 아홉) followed by a particle or a non-Hangul
    character (여성 둘이, 둘과), so 둘러싸인 and 인터넷 are words; or 두/세/네/스무 before a noun
    for people or groups (두 여성, 세 아이), not 네, 알겠습니다.

Digits are always figures.  The numeral grammar is shared with Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from appealkit import speedups
from appealkit.numerals import FULLWIDTH, NumberMention, decimal_of, to_value
from appealkit.numerals.forms import currency_name, decimal_text, grouped, render_figure_as
from appealkit.numerals.zh import Atom, parse_atoms

_SINO_DIGIT = {"영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
_SINO_MULT = {"십": 10, "백": 100, "천": 1000, "만": 10**4, "억": 10**8}
_NATIVE_TENS = {"열": 10, "스물": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80, "아흔": 90}
_NATIVE_UNITS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}

# Counters after a native numeral, glued or spaced (두 명, 두명); short ones that would make words when glued
# (두골 skull, 세대 generation, 한판) count only after a space: 두 골, 세 대.
_COUNTER_NATIVE = (
    r"개국|개월|번째|사람|가지|차례|시간|마리|군데|바퀴|경기|세트|라운드|켤레|그루|송이|명|살|개|번|달|곳|건|권|분|채|"
    r"척|장| (?:골|점|판|홀|대|벌|병|잔|팀)"
)
_COUNTER_SINO = (
    r"개국|개월|번째|퍼센트|시간|달러|페이지|파운드|유로|위안|피트|인치|마일|미터|킬로미터|킬로그램|경기|"
    r"명|세|살|년|월|일|조|항|회|차|번|개|배|건|곳|원|분|초|주|층|호|권|쪽|점|골|엔|%|％"
)
# A lone Sino-Korean digit is a figure only as a word of its own before a counter and a space or particle
# (오 주 남았다, 삼 년, 오 점을), and only the syllables that are rarely words alone: not 일 (work), 사 (company),
# 구 (district); 이 ("this") only before a unit of measure (이 피트).
_LONE_COUNTERS = r"주|년|개월|시간|분|초|점|명|배|세|회|차|층|권|곳|건|개|골|경기|퍼센트|" + (
    _UNITS := r"피트|인치|마일|미터|킬로미터|킬로그램|달러|파운드|유로|위안"
)
# After a counter that follows a word numeral: a particle or non-Hangul.
_COUNTER_END = re.compile(r"(?![가-힣])|[이가을를은는의에도와과로으만씩째나까부밖뿐들간께및다정]")

_ARAB = (
    r"[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})++(?![0-9０-９])(?:[.．][0-9０-９]++)?"
    r"|[0-9０-９]++(?:[.．][0-9０-９]++)?"
)
_SINO_WORD = r"[일이삼사오육칠팔구]?[십백천만억][영공일이삼사오육칠팔구십백천만억]*+"
_SINO_DIGITS = "일이삼사오육칠팔구"
_SINO_ALL = "영공" + _SINO_DIGITS + "십백천만억"


def _native_words() -> list[str]:
    """Every native numeral word; tens and units may be written apart (열 다섯 마리)."""
    units = list(_NATIVE_UNITS)
    tens = [t + gap + u for t in _NATIVE_TENS for u in ["", *units] for gap in ("", " ") if u or not gap]
    return ["스무", *units, *tens]


def _dispatch(words: list[str]) -> tuple[str, str]:
    """(first-syllable class, lookbehind-dispatched rest) for ``words``."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    rest = "|".join(
        f"(?<={c})(?:" + "|".join(sorted(rests, key=len, reverse=True)) + ")" for c, rests in sorted(by_first.items())
    )
    return "".join(sorted(by_first)), rest


_NATIVE_FIRST, _NATIVE_REST = _dispatch(_native_words())
# Stand-alone native numerals (둘, 넷, 다섯): "two other women" → 또 다른 여성 둘.  Only the forms that
# are not also common words (열 is also heat; 하나의 is mostly the article "a"), at a word start, before
# a particle or a non-Hangul character (not 둘러싸다, 인터넷).
_ALONE = {"둘": 2, "셋": 3, "넷": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
_ALONE_FIRST, _ALONE_REST = _dispatch(list(_ALONE))
_ALONE_END = r"(?=(?![가-힣])|(?:이|가|을|를|은|는|의|에|도|와|과|로|으로|만|씩|뿐|밖에)(?![가-힣])|이(?:며|고|다))"
# Native numerals that have a separate form before a noun (두 여성, 세 아이, 네 남성, 스무 난민): read only
# before a noun for people or groups, since 두/세/네 are also ordinary syllables and 네 is "yes".
_ADNOMINAL_NOUNS = (
    r"여성|남성|여자|남자|아이|아동|어린이|소녀|소년|사람|가족|난민|주민|탈북민|탈북자|국가|나라|단체|기관|"
    r"자녀|아들|딸|형제|자매|부부|청년|노인|아기|영아|유아|학생|피해자|수감자|구금자|북한|외국인|국민|활동가"
)

# The pattern starts with a character class so that the regex engine skips
# non-candidates at C speed; lookbehinds then dispatch on the first
# character (digit, 제, Sino-Korean or native syllable).
_TOKEN = re.compile(
    r"[0-9０-９제" + _SINO_ALL + _NATIVE_FIRST + _ALONE_FIRST + r"]"
    r"(?:"
    # Digits, not glued to a digit or a Latin letter (sha256, H1N1, G20).
    r"(?<=[0-9０-９])(?<![0-9０-９A-Za-z].)"
    r"(?:(?P<dot>[0-9０-９]*+(?:[.．][0-9０-９]++){2,}+)"
    r"|(?P<arab>[0-9０-９]{0,2}(?:[,，][0-9０-９]{3})++(?![0-9０-９])(?:[.．][0-9０-９]++)?"
    r"|[0-9０-９]*+(?:[.．][0-9０-９]++)?)"
    # 2천, 1.5억; and 2000 만 명 with a space before 만/억 when a counter, particle or non-Hangul follows
    r"(?P<amult>[십백천만억]++| [만억]++(?=명|원|달러|파운드|유로|위안|엔|여|[의이을가은는]|[^가-힣]|$))?)"
    # 제 + digits anywhere (협약제3조); 제 + words only at a word start, and
    # only 삼 or a word with a multiplier (제사 is a rite, 제일 "most").
    r"|(?<=제)(?:(?P<jed>" + _ARAB + r")|(?<![가-힣].)(?P<jes>" + _SINO_WORD + r"|삼))"
    # Words: only at a word start (one lookbehind for all of them: most syllables it stops at are inside a word).
    r"|(?<![가-힣].)(?:"
    # Sino-Korean word with a multiplier in its first two syllables; 만세 (hurrah) is not "10,000 years old".
    r"(?:(?<=[" + _SINO_DIGITS + r"])[십백천만억]|(?<=[십백천억])|(?<=만)(?!세))"
    r"(?P<sino>[" + _SINO_ALL + r"]*+)"
    # Native word directly before a counter.
    r"|(?:" + _NATIVE_REST + r")(?P<native>)(?= ?(?:" + _COUNTER_NATIVE + r"))"
    r"|(?:"
    + _ALONE_REST
    + r")(?P<alone>)"
    + _ALONE_END
    + r"|(?:(?<=세)|(?<=네)|(?<=스)무)(?P<adnominal>)(?= (?:"
    + _ADNOMINAL_NOUNS
    + r"))"
    # 두 as a word of its own is a numeral before any noun (두 손자, 첫 두 바퀴, 두 마지막 시도); 세 is also "tax".
    r"|(?<=두)(?P<adnominal2>)(?= [가-힣])"
    r"|(?:(?<=[삼오육칠팔])(?= (?:" + _LONE_COUNTERS + r"))|(?<=이)(?= (?:" + _UNITS + r")))"
    r"(?P<lone>)"
    r"))"
)
_SINO_COUNTER = re.compile(r"여? ?(?:" + _COUNTER_SINO + r")")  # 이백여 명: about 200
_LONE_COUNTER = re.compile(r" (?:" + _LONE_COUNTERS + r")")
_UNIT_COUNTER = re.compile(r" (?:" + _UNITS + r")")
_NATIVE_COUNTER = re.compile(r" ?(?:" + _COUNTER_NATIVE + r")")
_DATE_UNIT = re.compile(r" ?[년월일]")

_QUAL_BEFORE = re.compile(r"(?<![가-힣])(?P<q>약|대략|거의|최소한|최소|적어도|최대)\s?$")
_QUAL_LAST_CHARS = frozenset("약략의소한도대 ")  # cheap pre-check before the search
_QUAL_WORD = {
    "약": "about",
    "대략": "about",
    "거의": "about",
    "최소한": "at_least",
    "최소": "at_least",
    "적어도": "at_least",
    "최대": "up_to",
}
_QUAL_AFTER = re.compile(
    r" ?(?:" + _COUNTER_SINO + "|" + _COUNTER_NATIVE + r")?(?:이|가|을|를|은|는|도)? ?(?:약간 |조금 |채 )?"
    r"(?P<q>이상|넘는|넘게|넘어|넘었|넘은|남짓|가량|정도|쯤|안팎|내외|미만|이하|이내|까지|안 되|안 된|남지 않)"
)
_QUAL_AFTER_WORD = {
    "이상": "more_than",
    "넘는": "more_than",
    "넘게": "more_than",
    "넘어": "more_than",
    "남짓": "more_than",
    "가량": "about",
    "정도": "about",
    "쯤": "about",
    "안팎": "about",
    "내외": "about",
    "미만": "less_than",
    "이하": "up_to",
    "이내": "up_to",
    "넘었": "more_than",
    "넘은": "more_than",
    "까지": "up_to",
    "안 되": "less_than",
    "안 된": "less_than",
    "남지 않": "less_than",  # 6개월도 채 남지 않은
}
# What follows a number decides its kind: 19번째 / 25% / 25퍼센트 / 4세 / 네 살
# (세/살 then a particle or non-Hangul: not 세계, 세기, 살해) / 11개월 된.
_SUFFIX = re.compile(
    r"(?P<ordinal> ?번째)|(?P<percent>[%％]| ?퍼센트|프로(?![가-힣]))"
    r"|(?P<age> ?(?:세|살)(?:(?![가-힣])|(?=[의이가을를은는도에까부와과로만짜])))"
    r"|(?P<months>개월)"
)
_MONTHS_OLD = re.compile(r" ?(?:된|짜리|(?:의 )?(?:아기|영아|유아|아이|아동|갓난아기))")


@dataclass
class _Num:
    """A numeral found by the tokenizer, before suffix/qualifier handling."""

    start: int
    end: int
    atoms: list[Atom]
    ordinal_start: int | None = None  # position of 제
    word: bool = False  # Hangul numeral word (not digits)


# Words that are numbers without looking like numerals: day counts (이틀 = two days), approximate ranges
# (한두 = one or two; each part gets its own span), and 양국 (the two countries).  (value, length) per part.
_LEXICAL: dict[str, tuple[tuple[int, int], ...]] = {
    "하루": ((1, 2),),
    "이틀": ((2, 2),),
    "사흘": ((3, 2),),
    "나흘": ((4, 2),),
    "닷새": ((5, 2),),
    "엿새": ((6, 2),),
    "이레": ((7, 2),),
    "여드레": ((8, 3),),
    "아흐레": ((9, 3),),
    "열흘": ((10, 2),),
    "보름": ((15, 2),),
    "한두": ((1, 1), (2, 1)),
    "두세": ((2, 1), (3, 1)),
    "서너": ((3, 1), (4, 1)),
    "네댓": ((4, 1), (5, 1)),
    "너덧": ((4, 1), (5, 1)),
    "대여섯": ((5, 1), (6, 2)),
    "예닐곱": ((6, 1), (7, 2)),
    "양국": ((2, 2),),
    "양측": ((2, 2),),
    "양팀": ((2, 2),),
}
_MAY_BE_LEXICAL = re.compile(r"분의|년대|[틀흘새레름두너댓덧섯곱국측팀루]")
_LEXICAL_WORD = re.compile(
    r"(?<![가-힣])(?:" + "|".join(sorted(_LEXICAL, key=len, reverse=True)) + r")"
    r"(?=(?![가-힣])|[이가을를은는의에도와과로만씩째간께동]| ?(?:" + _COUNTER_NATIVE + r"))"
)
# Fractions: 사분의 일, 4분의 1, 십분의 삼.
_FRACTION = re.compile(
    r"(?<![가-힣0-9])(?P<den>[일이삼사오육칠팔구십백천]+|[0-9]+) ?분의 ?(?P<num>[일이삼사오육칠팔구십]+|[0-9]+)"
)
# Decades: 1980년대, 80년대, 20세기 30년대.
_DECADE = re.compile(
    r"(?:(?P<cent>[0-9０-９]{2}) ?세기 ?)?(?<![0-9０-９])(?P<dec>(?:[1１][89８９]|[2２][0０])?[0-9０-９][0０]) ?년대"
)


# One of the words _LEXICAL_WORD reads (a plain alternation of literals: scanned at C speed, unlike the pattern
# itself, which starts with a lookbehind).
_ANY_LEXICAL = re.compile("|".join(map(re.escape, sorted(_LEXICAL, key=len, reverse=True))))


def _lexical(text: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    checked = speedups.ACTIVE.prechecks  # each scan below runs only where its literal is written
    for m in _LEXICAL_WORD.finditer(text) if not checked or _ANY_LEXICAL.search(text) else ():
        start = m.start()
        for value, length in _LEXICAL[m.group()]:
            out.append(NumberMention(value, start, start + length, text[start : start + length], "cardinal"))
            start += length
    for m in _FRACTION.finditer(text) if not checked or "분의" in text else ():
        for group in ("den", "num"):
            word = m.group(group)
            number = int(word) if word.isdigit() else _sino_value(text, *m.span(group))
            if number is not None:
                out.append(NumberMention(number, *m.span(group), word, "cardinal"))
    for m in _DECADE.finditer(text) if not checked or "년대" in text else ():
        dec = int(m.group("dec").translate(FULLWIDTH))
        if m.group("cent"):
            dec = (int(m.group("cent").translate(FULLWIDTH)) - 1) * 100 + dec % 100
        elif dec < 100:
            dec += 2000 if dec < 20 else 1900  # 80년대 is the 1980s
        out.append(NumberMention(dec, m.start(), m.end(), m.group(), "decade"))
    return out


def _sino_value(text: str, start: int, end: int) -> int | None:
    pieces = parse_atoms(_sino_num(text, start, end).atoms, korean=True)
    return int(pieces[0][2]) if len(pieces) == 1 else None


def find(text: str) -> list[NumberMention]:
    out: list[NumberMention] = _lexical(text) if _MAY_BE_LEXICAL.search(text) else []
    for num in _numerals(text):
        if len(num.atoms) == 1:  # fast path: a lone number
            out.append(_mention(text, num, num.start, num.end, num.atoms[0].value, True, True))
            continue
        for i, j, value in parse_atoms(num.atoms, korean=True):
            s, e = num.atoms[i].start, num.atoms[j - 1].end
            first, last = i == 0, j == len(num.atoms)
            out.append(_mention(text, num, s, e, value, first, last))
    return out


def _numerals(text: str) -> list[_Num]:
    nums: list[_Num] = []
    for m in _TOKEN.finditer(text):
        if m.group("arab") is not None:
            _add_arab(text, m, nums)
        elif m.group("dot") is not None:
            nums.extend(
                _digit_num(text, m.start() + g.start(), m.start() + g.end())
                for g in re.finditer(r"[0-9０-９]+", m.group())
            )
        elif m.group("jed") is not None or m.group("jes") is not None:
            kind = "jed" if m.group("jed") is not None else "jes"
            num = _digit_num(text, *m.span(kind)) if kind == "jed" else _sino_num(text, *m.span(kind))
            num.ordinal_start = m.start()
            nums.append(num)
        elif m.group("sino") is not None:
            if _counter_follows(text, m.end(), _SINO_COUNTER):
                nums.append(_sino_num(text, m.start(), m.end()))
        elif (
            (m.group("native") is not None and _counter_follows(text, m.end(), _NATIVE_COUNTER))
            or m.group("adnominal") is not None
            or m.group("adnominal2") is not None
        ):
            nums.append(_native_num(m))
        elif m.group("lone") is not None:
            counter = _UNIT_COUNTER if m.group() == "이" else _LONE_COUNTER
            if _counter_follows(text, m.end(), counter):
                nums.append(_sino_num(text, m.start(), m.end()))
        elif m.group("alone") is not None:
            nums.append(
                _Num(m.start(), m.end(), [Atom("num", _ALONE[m.group()], m.start(), m.end(), False)], word=True)
            )
    return [n for n in nums if n.atoms]


def _counter_follows(text: str, end: int, counter: re.Pattern[str]) -> bool:
    c = counter.match(text, end)
    return bool(c and _COUNTER_END.match(text, c.end()))


def _digit_num(text: str, s: int, e: int) -> _Num:
    d = decimal_of(text[s:e])
    return _Num(s, e, [] if d is None else [Atom("num", d, s, e, False)])


def _sino_num(text: str, s: int, e: int) -> _Num:
    atoms = []
    for p in range(s, e):
        ch = text[p]
        if ch in _SINO_MULT:
            v = _SINO_MULT[ch]
            atoms.append(Atom("big" if v >= 10**4 else "mult", v, p, p + 1, True))
        else:
            v = _SINO_DIGIT[ch]
            atoms.append(Atom("zero" if v == 0 else "num", v, p, p + 1, True))
    return _Num(s, e, atoms, word=True)


def _native_num(m: re.Match[str]) -> _Num:
    w = m.group()
    value = 20 if w == "스무" else 0
    for tens, v in _NATIVE_TENS.items():
        if w.startswith(tens):
            value, w = v, w[len(tens) :]
    value += _NATIVE_UNITS.get(w.lstrip(), 0)
    return _Num(m.start(), m.end(), [Atom("num", value, m.start(), m.end(), False)], word=True)


def _add_arab(text: str, m: re.Match[str], nums: list[_Num]) -> None:
    """Digits, with 천/만/억 attached (2천, 3만5천) and the spaced 만/억 groups
    of Korean notation (3만 5천, 3억 2,500만 1,234)."""
    s, e = m.start(), m.end("arab")
    d = decimal_of(text[s:e])
    if d is None:
        return
    atoms = [Atom("num", d, s, e, False)]
    if m.group("amult"):
        for p in range(m.start("amult"), m.end("amult")):
            if text[p] == " ":
                continue
            v = _SINO_MULT[text[p]]
            atoms.append(Atom("big" if v >= 10**4 else "mult", v, p, p + 1, True))
    prev = nums[-1] if nums else None
    if (
        prev is not None
        and prev.end >= s - 1  # cheap test first: adjacent or one character apart
        and not prev.word
        and prev.ordinal_start is None
        and _joins(text, prev, m, d)
    ):
        prev.atoms.extend(atoms)
        prev.end = m.end()
    else:
        nums.append(_Num(s, m.end(), atoms))


def _joins(text: str, prev: _Num, m: re.Match[str], value: int | Decimal) -> bool:
    """Does this digit token continue the previous number?"""
    if len(prev.atoms) >= 40:
        return False  # no real figure is that long
    if m.start() == prev.end:
        return True  # 3만5천
    unit = _SINO_MULT.get(text[prev.end - 1], 0)
    if m.start() != prev.end + 1 or text[prev.end] != " " or unit < 10**4:
        return False
    # After a space only a smaller group continues the number: 3만 5천,
    # 3억 2,500만 1,234 -- but 1만 1만 is two numbers, and 2만 2017년 a year.
    if amult := m.group("amult"):
        return max(_SINO_MULT[c] for c in amult.strip()) < unit
    return value < unit and not _DATE_UNIT.match(text, m.end())


def _mention(text: str, num: _Num, s: int, e: int, value: int | Decimal, first: bool, last: bool) -> NumberMention:
    kind, start, end = "cardinal", s, e
    qualifier: str | None = None
    qspan: tuple[int, int] | None = None
    if first and num.ordinal_start is not None:
        kind, start = "ordinal", num.ordinal_start
    if last and kind == "cardinal":
        kind, end = _suffix_kind(text, s, e)
    if last:
        qualifier, qspan = _qualifier_after(text, e, end)
    if (
        first
        and kind != "ordinal"
        and text[start - 1 : start] in _QUAL_LAST_CHARS
        and (qm := _QUAL_BEFORE.search(text, max(0, start - 5), start))
    ):
        qualifier, qspan = _QUAL_WORD[qm.group("q")], qm.span("q")
    return NumberMention(to_value(value), start, end, text[start:end], kind, qualifier, qspan)


def _suffix_kind(text: str, s: int, e: int) -> tuple[str, int]:
    m = _SUFFIX.match(text, e)
    if not m:
        return "cardinal", e
    if m.lastgroup != "months":
        return m.lastgroup or "cardinal", m.end()
    # "11개월" is an age as "생후 11개월", "11개월 된/짜리", "11개월 아기";
    # otherwise a duration (6개월 동안).
    if _MONTHS_OLD.match(text, m.end()) or text.endswith("생후 ", 0, s) or text.endswith("생후", 0, s):
        return "age", m.end()
    return "cardinal", e


def _qualifier_after(text: str, e: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    if text[e : e + 1] == "여":  # 600여 명, 30여 년
        return "more_than", (e, e + 1)
    if m := _QUAL_AFTER.match(text, end):
        return _QUAL_AFTER_WORD[m.group("q")], m.span("q")
    return None, None


# =========================================================================================================
# Rendering: how `appeal translate` writes a fact in Korean.  The reader above reads every rendering back
# to the value it was made from (tests/unit/test_render_read.py proves it with hypothesis), and the forms
# the checker offers a translator (numerals.forms.localized_forms) are these renderings plus the variants
# documented there.
# =========================================================================================================

MAN, EOK = 10**4, 10**8
PERSON_COUNTER = "명"
# CLDR's Korean names are formal (미국 달러, 영국 파운드, 일본 엔화); news writes the short ones.
CURRENCY_NAMES = {"USD": "달러", "GBP": "파운드", "JPY": "엔", "CNY": "위안", "KRW": "원"}
_QUALIFIED = {
    "about": "약 {}",
    "more_than": "{} 이상",
    "at_least": "최소 {}",
    "less_than": "{} 미만",
    "up_to": "최대 {}",
}


def render_number(value: int | float) -> str:
    """A figure as Korean news writes it: 2000, 12,345, 1100만, 22억, 12억 5000만.

    만 and 억 groups, separated by a space, for a multiple of 10,000; CLDR-grouped digits otherwise.
    """
    if float(value).is_integer():
        number = int(value)
        if MAN <= number < MAN * EOK and number % MAN == 0:
            eok, man = divmod(number // MAN, MAN)
            return " ".join(([f"{eok}억"] if eok else []) + ([f"{man}만"] if man else []))
        return grouped(number, "ko") if number >= MAN else str(number)
    return decimal_text(value)


def render_figure(value: int | float, kind: str, people: bool = False) -> str:
    """제19 (ordinal), 4세 (age), 25% (percent), 9명 (a count of people: the only noun class given a counter)."""
    return render_figure_as(value, kind, people, render_number, "제", "세", PERSON_COUNTER)


def render_money(value: int | float, currency: str) -> str:
    """1100만 파운드, 22억 유로, 36억 달러: the amount with 만/억, a space, the currency's name."""
    return f"{render_number(value)} {currency_name(currency, 'ko', CURRENCY_NAMES)}"


def render_ratio(part: int, whole: int, before_noun: bool = False) -> str:
    """5명 중 1명 (one in five people), 10분의 3 (3 in 10 of anything else)."""
    if before_noun:
        return f"{whole}{PERSON_COUNTER} 중 {part}{PERSON_COUNTER}"
    return f"{whole}분의 {part}"


def render_decade(year: int) -> str:
    """1980년대."""
    return f"{year}년대"


def before_noun(text: str) -> str:
    """A count of people before its noun takes 의: 9명의 난민, 60명 이상의 난민."""
    return f"{text}의"


def render_range(low: str, high: str) -> str:
    """10~15: two rendered ends."""
    return f"{low}~{high}"


def render_qualified(text: str, qualifier: str | None) -> str:
    """약 60명, 670명 이상, 최소 92명, 10% 미만, 최대 5년: the qualifier the reader recognises."""
    return _QUALIFIED[qualifier].format(text) if qualifier in _QUALIFIED else text
