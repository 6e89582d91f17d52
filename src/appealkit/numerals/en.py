"""English figures (source side).

Precision matters more than recall here: every mention becomes a figure the
translation is required to keep, so vague or pronominal words ("one of",
"hundreds of", "first step") are not reported.

Every regex is linear: no nested unbounded quantifiers, possessive
quantifiers where a repetition may be followed by a failing token.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from decimal import Decimal
from typing import Any, NamedTuple

from appealkit import speedups
from appealkit.numerals import NumberMention, decimal_of, folded, folds_onto_ascii, to_value

_UNITS = dict(zip(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], range(1, 10)))
_TEENS = dict(
    zip(
        ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"],
        range(10, 20),
    )
)
_TENS = dict(zip(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], range(20, 100, 10)))
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE_VALUES = {"hundred": 100, **_SCALES}  # after digits: "2 million", "3 hundred"
_ORD_UNITS = dict(
    zip(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"], range(1, 10))
)
_ORD_TEENS = dict(
    zip(
        [
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
        ],
        range(10, 20),
    )
)
_ORD_TENS = dict(
    zip(
        ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"],
        range(20, 100, 10),
    )
)


class _Word(NamedTuple):
    cls: str  # "unit" | "teen" | "ten" | "hundred" | "scale" | "and"
    value: int
    ordinal: bool = False


def _lexicon() -> dict[str, _Word]:
    lex: dict[str, _Word] = {"and": _Word("and", 0), "a": _Word("unit", 1)}
    for table, cls, ordinal in (
        (_UNITS, "unit", False),
        (_TEENS, "teen", False),
        (_TENS, "ten", False),
        (_ORD_UNITS, "unit", True),
        (_ORD_TEENS, "teen", True),
        (_ORD_TENS, "ten", True),
    ):
        lex.update({w: _Word(cls, v, ordinal) for w, v in table.items()})
    lex["hundred"] = _Word("hundred", 100)
    lex["hundredth"] = _Word("hundred", 100, True)
    lex.update({w: _Word("scale", v) for w, v in _SCALES.items()})
    lex.update({w + "th": _Word("scale", v, True) for w, v in _SCALES.items()})
    return lex


_LEX = _lexicon()
_NUMBER_WORDS = sorted((w for w in _LEX if w not in ("and", "a")), key=len, reverse=True)
_NW = r"(?:" + "|".join(_NUMBER_WORDS) + r")\b"


def _first_letter_dispatch(words: list[str]) -> str:
    """A regex for ``words`` that starts with a character class.

    CPython's regex engine skips quickly to the next candidate only when a
    pattern starts with a character class or literal; the word-start check
    then runs as a lookbehind, and the rest of the word is chosen by first
    letter.  About 3x faster than a word-boundary alternation on 5 MB of prose.
    """
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    branches = "|".join(
        f"(?<={c})(?:" + "|".join(sorted(rests, key=len, reverse=True)) + ")" for c, rests in sorted(by_first.items())
    )
    return f"[{''.join(sorted(by_first))}](?<![a-z0-9_].)(?:{branches})\\b"


# Digits.  The lookbehind comes after the first digit so that the pattern
# starts with a character class (fast scanning); it rejects digits glued to a
# digit or a Latin letter (sha256, H1N1, G20 are identifiers).
_NUM = re.compile(
    r"[0-9](?<![0-9A-Za-z][0-9])"
    # "2017.11.04", "1.2.3": dotted groups are separate integers, not a decimal.
    r"(?:(?P<dot>[0-9]*+(?:\.[0-9]++){2,}+)"
    r"|(?P<num>(?:[0-9]{0,2}(?:,[0-9]{3})++(?![0-9])|[0-9]*+)(?:\.[0-9]++)?)"
    r"(?:\s{0,3}+(?P<scale>(?i:hundred|thousand|million|billion|trillion)\b)"  # also glued: £11million
    # Newspaper scale abbreviations: £2.8bn, $1.2tn; m, k and b only after a currency sign (£125m, not 100m).
    r"|(?P<abbr>bn|tn|trn|mn|m|k|b)(?![A-Za-z]))?"
    r"(?P<ordsuf>(?:st|nd|rd|th)(?![A-Za-z]))?"
    # Decades: the 1980s, the 1980's (in his 20s is an age decade: the value stays 20).
    r"(?P<decade>['’]?s(?![A-Za-z]))?)"
)
_ABBR_SCALES = {"bn": 10**9, "b": 10**9, "tn": 10**12, "trn": 10**12, "mn": 10**6, "m": 10**6, "k": 10**3}
_CURRENCY_BEFORE = re.compile(r"(?:[£$€¥₩]|\b(?:US|HK|NZ|A|C|S)\$|\b(?:USD|EUR|GBP|RMB|CNY|KRW|JPY)\s?)$")
# '80s, the eighties: decades written without the century (the twentieth is meant).
_DECADE_WORDS = dict(
    zip(
        ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"],
        range(20, 100, 10),
    )
)
_SHORT_DECADE = re.compile(
    r"['’](?P<short>[0-9]0)s\b"
    r"|\bthe\s++(?:(?:early|mid|late)-?\s*+)?(?P<word>(?i:" + "|".join(_DECADE_WORDS) + r"))\b"
)
# Runs of number words, matched on a lower-cased copy of the text.
_WORDS = re.compile(_first_letter_dispatch(_NUMBER_WORDS) + r"(?:(?:-|\s++and\s++|\s++)" + _NW + r")*+")
# Figures that are weak evidence of a fact: idioms, and numbers the target languages lexicalize.  A translation
# that drops them (the two Koreas → 朝韩 / 남북한, No. 1 → 领头羊) has usually lost nothing.
_WEAK = (
    (
        re.compile(r"\bthe\s++two\s++(?:[A-Z]?[a-z]+s|people|men|women|children)\b"),
        "'the two …' is usually lexicalized (两国, 双方, 朝韩, 양국, 남북한) or dropped with nothing lost",
    ),
    (re.compile(r"\b(?:No\.?|number|Number)\s?(?:1|one)\b"), "'No. 1' is an idiom for 'the leading one'"),
    (
        re.compile(
            r"\b(?:back|front)\s++nine\b|\b(?:final|middle|attacking|defensive)\s++third\b"
            r"|\bone\s++or\s++two\b|\btwo\s++or\s++three\b|\bcatch-22\b|\b24/7\b|\bcloud\s++nine\b",
            re.IGNORECASE,
        ),
        "the number is part of an idiom",
    ),
)


# Any of the _WEAK patterns: where this finds nothing in a window, none of them does (one search, not three).
_ANY_WEAK = re.compile(
    "|".join(f"(?{'i' if pattern.flags & re.IGNORECASE else ''}:{pattern.pattern})" for pattern, _ in _WEAK)
)


# Literal text every _WEAK pattern needs, in the text lower-cased: "two", "nine", "third", "catch-22", "24/7", or
# No/number before 1/one. (Case-insensitive matching folds ı, İ, ſ and K onto ASCII: text with one is not tested.)
_NUMBER_ONE = re.compile(r"(?:no|number)\.?\s?(?:1|one)")


def _may_hold_weak(text: str, low: str) -> bool:
    if folds_onto_ascii(text) or "two" in low or "nine" in low or "third" in low or "catch-22" in low or "24/7" in low:
        return True
    return ("1" in low or "one" in low) and _NUMBER_ONE.search(low) is not None


def _weaken(text: str, mention: NumberMention) -> NumberMention:
    """Mark a figure that sits inside an idiom or a lexicalized phrase (see ``_WEAK``)."""
    window_start, window_end = max(0, mention.start - 12), min(len(text), mention.end + 24)
    if speedups.ACTIVE.prechecks and not _ANY_WEAK.search(text, window_start, window_end):
        return mention
    for pattern, reason in _WEAK:
        for m in pattern.finditer(text, window_start, window_end):
            if m.start() <= mention.start and mention.end <= m.end():
                return replace(mention, weak=reason)
    return mention


_A_BEFORE = re.compile(r"\ba\s++$")  # "a hundred", "a million"
_WORD = re.compile(r"[A-Za-z]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

_PERCENT = re.compile(r"\s?%|\s++per\s?cent\b|\s++percent\b", re.IGNORECASE)
_AGE_AFTER = re.compile(
    r"(?:-|\s++)(?:years?|months?|weeks?|days?)(?:-|\s++)olds?\b"
    r"|\s++(?:years?|months?)\s++of\s++age\b",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|the\s+age\s+of)\s++$", re.IGNORECASE)

_QUALIFIERS = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "some": "about",
    "roughly": "about",
    "nearly": "about",
    "almost": "about",
    "close to": "about",
    "more than": "more_than",
    "over": "more_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "at least": "at_least",
    "fewer than": "less_than",
    "less than": "less_than",
    "under": "less_than",
    "up to": "up_to",
}
_QUAL_BEFORE = re.compile(
    r"\b(?P<q>" + "|".join(k.replace(" ", r"\s+") for k in sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s++$",
    re.IGNORECASE,
)
_WINDOW = 24  # longer than any qualifier/prefix phrase plus spacing
_PREFIX_ENDINGS = frozenset(w[-2:] for w in [*_QUALIFIERS, "aged", "age", "the age of"])


def find(text: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    for m in _NUM.finditer(text):
        if m.group("dot") is not None:
            out.extend(_dotted(text, m))
        elif mention := _digits(text, m):
            out.append(mention)
    low = text.lower()
    if len(low) != len(text):  # a few non-ASCII capitals lower to 2 chars
        low = text.translate(_ASCII_LOWER)
    first, decade_word = _number_words_in(low) if speedups.ACTIVE.prechecks else (0, True)
    for m in _WORDS.finditer(low, first) if first >= 0 else ():
        out.extend(_word_run(text, low, m))
    if _may_hold_short_decade(text, low, decade_word):
        out.extend(_short_decades(text))
    if out and speedups.ACTIVE.prechecks and not _may_hold_weak(text, low):
        return out
    return [_weaken(text, m) for m in out]


@functools.cache
def _number_words() -> Any:
    """An Aho–Corasick automaton of the number words and the decade words (the eighties), each with its length
    and whether it is a decade word: one pass over a paragraph is cheaper than trying _WORDS at every letter it
    may start with."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in _NUMBER_WORDS:
        automaton.add_word(word, (len(word), False))
    for word in _DECADE_WORDS:
        automaton.add_word(word, (len(word), True))
    automaton.make_automaton()
    return automaton


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def _number_words_in(low: str) -> tuple[int, bool]:
    """Where the first number word that starts a word begins in ``low`` (every _WORDS run starts with one; the
    scan may begin there), or -1; and whether a decade word is written."""
    first, decade = -1, False
    for end, (length, is_decade) in _number_words().iter(low):
        start = end + 1 - length
        if is_decade:
            decade = True
        elif (first < 0 or start < first) and (start == 0 or low[start - 1] not in _WORD_CHARS):
            first = start
    return first, decade


def _dotted(text: str, m: re.Match[str]) -> list[NumberMention]:
    res = []
    for g in re.finditer(r"[0-9]+", m.group()):
        d = decimal_of(g.group())
        if d is not None:
            s, e = m.start() + g.start(), m.start() + g.end()
            res.append(_decorate(text, s, e, d, "cardinal"))
    return res


def _digits(text: str, m: re.Match[str]) -> NumberMention | None:
    d = decimal_of(text[m.start() : m.end("num")])
    if d is None:
        return None
    end = m.end()
    scale, abbr = m.group("scale"), m.group("abbr")
    if scale:
        d *= _SCALE_VALUES[folded(scale)]
    elif abbr and (len(abbr) >= 2 or _CURRENCY_BEFORE.search(text, max(0, m.start() - 4), m.start())):
        d *= _ABBR_SCALES[abbr]
    elif abbr:  # 100m (metres), 5k (a race): a unit, not a scale
        end = m.end("num")
    kind = "ordinal" if m.group("ordsuf") else "cardinal"
    if m.group("decade"):
        if isinstance(d, int) and m.end("num") - m.start() == 4 and d % 10 == 0:
            kind = "decade"  # the 1980s
        else:
            end = min(end, m.start("decade"))  # in his 20s: the value stays 20
    return _decorate(text, m.start(), end, d, kind)


def _may_hold_short_decade(text: str, low: str, decade_word: bool) -> bool:
    """'80s is written as such; the eighties puts a decade word in the lower-cased text (``decade_word``, from the
    number-word pass). (Case-insensitive matching folds ı, İ, ſ and K onto ASCII: text with one of them is tested
    as without the pre-check.)"""
    if not speedups.ACTIVE.prechecks or folds_onto_ascii(text):
        return "'" in text or "’" in text or "ies" in low
    return decade_word or ("0s" in text and _SHORT_DECADE_DIGITS.search(text) is not None)


# The first alternative of _SHORT_DECADE, without its \b. A substring search for its "0s" (rare: the 1980s) is
# cheaper than the pattern's scan for a quote, which most prose holds.
_SHORT_DECADE_DIGITS = re.compile(r"['’][0-9]0s")


def _short_decades(text: str) -> list[NumberMention]:
    """'80s and the eighties: 1980 (a decade, as 80年代 / 80년대 write it)."""
    out = []
    for m in _SHORT_DECADE.finditer(text):
        group = "short" if m.group("short") else "word"
        tens = int(m.group("short")) if group == "short" else _DECADE_WORDS[folded(m.group("word"))]
        start = m.start() if group == "short" else m.start("word")
        out.append(NumberMention(1900 + tens, start, m.end(), text[start : m.end()], "decade"))
    return out


def _may_have_prefix(text: str, start: int) -> bool:
    """Cheap pre-check before the window searches: prefix words are followed
    by whitespace and end in one of a few letter pairs."""
    j = start - 1
    if j < 0 or not text[j].isspace():
        return False
    lo = max(0, start - 8)  # the window searches would not reach further
    while j > lo and text[j].isspace():
        j -= 1
    return text[j - 1 : j + 1].lower() in _PREFIX_ENDINGS


def _decorate(text: str, start: int, end: int, d: int | Decimal, kind: str) -> NumberMention:
    """Attach percent/age suffixes, the "aged" prefix and a leading qualifier."""
    prefixed = _may_have_prefix(text, start)
    if kind == "cardinal":
        if pm := _PERCENT.match(text, end):
            kind, end = "percent", pm.end()
        elif am := _AGE_AFTER.match(text, end):
            kind, end = "age", am.end()
        elif prefixed and (bm := _AGE_BEFORE.search(text, max(0, start - _WINDOW), start)):
            kind, start = "age", bm.start()
            prefixed = _may_have_prefix(text, start)
    qualifier = qspan = None
    if prefixed and (qm := _QUAL_BEFORE.search(text, max(0, start - _WINDOW), start)):
        qualifier = _QUALIFIERS[" ".join(folded(qm.group("q")).split())]
        qspan = qm.span("q")
    return NumberMention(to_value(d), start, end, text[start:end], kind, qualifier, qspan)


class _Tok(NamedTuple):  # NamedTuple: cheap to build, one per word
    word: str
    start: int
    end: int
    hyphen_before: bool
    info: _Word


def _word_run(text: str, low: str, m: re.Match[str]) -> list[NumberMention]:
    toks: list[_Tok] = []
    first = _WORD.match(low, m.start())
    if (
        first
        and _LEX[first.group()].cls in ("hundred", "scale")
        and (a := _A_BEFORE.search(low, max(0, m.start() - 8), m.start()))
    ):
        toks.append(_Tok("a", a.start(), a.start() + 1, False, _LEX["a"]))
    prev_end = m.start()
    for w in _WORD.finditer(low, m.start(), m.end()):
        word = w.group()
        hyphen = "-" in text[prev_end : w.start()]
        toks.append(_Tok(word, w.start(), w.end(), hyphen, _LEX[word]))
        prev_end = w.end()
    res = []
    i = 0
    while i < len(toks):
        taken = _take_number(toks, i)
        if taken is None:
            i += 1
            continue
        j, value, ordinal = taken
        mention = _word_mention(text, toks[i:j], value, ordinal)
        if mention:
            res.append(mention)
        i = j
    return res


def _word_mention(text: str, toks: list[_Tok], value: int, ordinal: bool) -> NumberMention | None:
    start, end = toks[0].start, toks[-1].end
    if len(toks) == 1:
        # "first"/"second" are discourse words far more often than figures.
        if ordinal and value <= 2:
            return None
        # Bare "one" is a pronoun/article ("one of", "no one"); it is a
        # figure only in an age or percent expression.
        if toks[0].word == "one" and not (_AGE_AFTER.match(text, end) or _PERCENT.match(text, end)):
            return None
    return _decorate(text, start, end, value, "ordinal" if ordinal else "cardinal")


def _take_number(toks: list[_Tok], i: int) -> tuple[int, int, bool] | None:
    """Consume the longest well-formed number starting at toks[i].

    Returns (end index, value, is_ordinal), or None if toks[i] cannot start a
    number (a bare "hundred", "and").
    """
    if toks[i].info.cls not in ("unit", "teen", "ten"):
        return None
    total = cur = 0
    last: str | None = None
    last_scale = 10**18
    k = i
    while k < len(toks):
        tok = toks[k]
        if not _fits(toks, k, last, cur, last_scale):
            break
        info = tok.info
        if info.cls == "hundred":
            cur *= 100
        elif info.cls == "scale":
            total, cur, last_scale = total + cur * info.value, 0, info.value
        elif info.cls != "and":
            cur += info.value
        last = info.cls
        k += 1
        if info.ordinal:
            return k, total + cur, True
    return k, total + cur, False


def _fits(toks: list[_Tok], k: int, last: str | None, cur: int, last_scale: int) -> bool:
    tok = toks[k]
    cls = tok.info.cls
    if tok.word == "a":
        return last is None
    if cls == "unit":
        if last == "ten" and tok.info.ordinal and tok.info.value <= 2:
            # "twenty-first" yes, "thirty second delay" no.
            return tok.hyphen_before
        return last in (None, "ten", "hundred", "scale", "and")
    if cls in ("teen", "ten"):
        return last in (None, "hundred", "scale", "and")
    if cls == "hundred":
        return last in ("unit", "teen", "ten") and 0 < cur < 100
    if cls == "scale":
        return last in ("unit", "teen", "ten", "hundred") and cur > 0 and tok.info.value < last_scale
    # "and" joins only "hundred and five", "thousand and twenty".
    nxt = toks[k + 1].info.cls if k + 1 < len(toks) else None
    return last in ("hundred", "scale") and nxt in ("unit", "teen", "ten")


# For the expression finder (appealkit.expressions): the qualifiers this reader knows.
QUALIFIER_BEFORE = _QUAL_BEFORE
QUALIFIER_WORDS = _QUALIFIERS
