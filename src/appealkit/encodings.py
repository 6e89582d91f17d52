"""Which legacy encoding a file that is not UTF-8 is probably in, so the error can say how to fix it.

Letters must be UTF-8. Files saved by older Windows editors arrive as GBK (Simplified Chinese), Big5
(Traditional Chinese), EUC-KR (Korean), UTF-16 (Notepad's "Unicode") or Windows-1252 (English with curly
quotes). General detectors guess badly on a few dozen CJK characters (charset-normalizer takes eight GBK
characters for Korean), so this asks a narrower question: of the encodings that decode the bytes without
error, which one turns them into the characters such a letter is written in? The file name's language
(zh.md, ko.md) breaks the ties that bytes alone cannot: EUC-KR Hangul are valid GBK Han characters.
"""

from __future__ import annotations

from dataclasses import dataclass

# (codec, name shown to people). GB18030 is the superset of GBK and GB2312 that Python decodes strictly.
GBK, BIG5, EUC_KR, CP1252 = ("gb18030", "GBK"), ("big5", "Big5"), ("cp949", "EUC-KR"), ("cp1252", "Windows-1252")
# Without a language, EUC-KR comes first: Korean bytes are also valid GBK Han characters, but GBK bytes read
# as EUC-KR give Hanja among the Hangul, so a tie means Korean.
CANDIDATES = {"zh": (GBK, BIG5), "ko": (EUC_KR,), "en": (CP1252,), None: (EUC_KR, GBK, BIG5, CP1252)}
MIN_PLAUSIBLE = 0.8  # share of the non-ASCII characters that a letter in that encoding would contain


@dataclass(frozen=True)
class BadBytes:
    """Where UTF-8 decoding first fails: 1-based line and column (in characters), and the encoding guessed."""

    line: int
    column: int
    encoding: str | None


def _plausible_char(codec: str, ch: str) -> bool:
    """Would a letter written in this encoding contain this character? (Punctuation counts everywhere.)"""
    if not ch.isalpha():
        return ch.isprintable()
    if codec == "gb18030":  # a Simplified Chinese letter: GB2312's Han characters
        return "\u4e00" <= ch <= "\u9fff" and _encodes(ch, "gb2312")
    if codec == "big5":  # Big5's frequently used characters, A440-C67E
        return "\u4e00" <= ch <= "\u9fff" and _encodes(ch, "big5") and b"\xa4\x40" <= ch.encode("big5") <= b"\xc6\x7e"
    if codec == "cp949":
        return "\uac00" <= ch <= "\ud7a3"  # Hangul syllables
    return ch in "àáâäçèéêëíîïñóôöúûüÀÁÂÄÇÈÉÊËÍÎÏÑÓÔÖÚÛÜœŒß"  # Western European letters


def _encodes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def plausibility(data: bytes, codec: str) -> float:
    """Share of the non-ASCII characters a letter in ``codec`` would contain; 0 when the bytes do not decode."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return 0.0
    wide = [ch for ch in text if ord(ch) > 127]
    return sum(_plausible_char(codec, ch) for ch in wide) / len(wide) if wide else 0.0


def utf16_name(data: bytes) -> str | None:
    """UTF-16 (or 32) by its byte-order mark, or by NUL bytes every other byte (ASCII text saved as UTF-16)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = data[:2000]
    if len(sample) >= 4:
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        if max(odd, even) >= 0.3 * (len(sample) // 2) and min(odd, even) <= 0.05 * (len(sample) // 2):
            return "UTF-16"
    return None


def guess_encoding(data: bytes, lang: str | None = None) -> str | None:
    """The legacy encoding the bytes are most plausibly in (its usual name), or None when none fits."""
    best, name = 0.0, None
    for codec, candidate in CANDIDATES.get(lang, CANDIDATES[None]):
        score = plausibility(data, codec)
        if score > best:  # strictly: the earlier candidate wins a tie
            best, name = score, candidate
    return name if best >= MIN_PLAUSIBLE else None


def locate_bad_utf8(data: bytes, error: UnicodeDecodeError, lang: str | None = None) -> BadBytes:
    """Line and column of the first byte that is not UTF-8, and the encoding the file is probably in."""
    start = data.rfind(b"\n", 0, error.start) + 1
    line = data.count(b"\n", 0, error.start) + 1
    column = len(data[start : error.start].decode("utf-8", errors="replace")) + 1
    return BadBytes(line, column, guess_encoding(data, lang))
