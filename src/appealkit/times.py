"""Clock times (en source, zh/ko targets): 3 p.m., 7.55am, 20:00 ↔ 下午三点, 早上 7:55, 오후 8시, 오전 7시 55분.

A time is not two figures: "at 3 p.m." is kept by 下午三点 even though no 3 is written, and 20:00 by 오후 8시.
``find_times(text, lang)`` returns each time with its hour on the 12-hour dial, its minute, its 24-hour hour
when the text fixes it (p.m., 下午, 오후, or a 24-hour clock past 12) and the time zone it names, if any.

All patterns are linear (no nested unbounded quantifiers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from appealkit import speedups
from appealkit.numerals import FULLWIDTH, finalize, folded
from appealkit.numerals.zh import cn_to_int

__all__ = ["TimeMention", "find_times", "same_time"]


@dataclass(frozen=True)
class TimeMention:
    hour12: int  # 1..12 on the dial (0:30 and 12:30 are both 12)
    minute: int
    hour24: int | None  # known when the text says a.m./p.m., 上午/下午, 오전/오후, or writes a 24-hour clock
    zone: str | None  # canonical zone name (UTC, local, Beijing, Seoul, US Eastern, ...) when one is named
    hour: int  # as written (13 in 13:10, 3 in 3 p.m.)
    start: int
    end: int
    text: str

    def label(self) -> str:
        hour = f"{self.hour24:02d}" if self.hour24 is not None else str(self.hour12)
        return f"{hour}:{self.minute:02d}"


def same_time(a: TimeMention, b: TimeMention) -> bool:
    """The same clock time; a side that leaves morning or afternoon open agrees with either."""
    if (a.hour12, a.minute) != (b.hour12, b.minute):
        return False
    return a.hour24 is None or b.hour24 is None or a.hour24 == b.hour24


def find_times(text: str, lang: str) -> list[TimeMention]:
    if lang not in _FINDERS:
        raise ValueError(f"unsupported language {lang!r}")
    return finalize(text, _FINDERS[lang](text))


def _mention(
    text: str, start: int, end: int, hour: int, minute: int, half: str | None, zone: str | None
) -> TimeMention | None:
    """``half``: "am" / "pm" when the text says which half of the day, "24" for a 24-hour clock."""
    if not (0 <= hour <= 24 and 0 <= minute <= 59):
        return None
    hour24: int | None = None
    if half == "am":
        hour24 = 0 if hour == 12 else hour
    elif half == "pm":
        hour24 = hour if hour == 12 else hour + 12
    elif half == "24" or hour > 12 or hour == 0:
        hour24 = hour % 24
    if hour24 is not None and hour24 > 23:
        return None
    hour12 = (hour24 if hour24 is not None else hour) % 12 or 12
    return TimeMention(hour12, minute, hour24, zone, hour, start, end, text[start:end])


# --------------------------------------------------------------------- zones

_EN_ZONES = {
    "gmt": "UTC",
    "utc": "UTC",
    "bst": "UK",
    "cet": "CET",
    "cest": "CET",
    "et": "US Eastern",
    "est": "US Eastern",
    "edt": "US Eastern",
    "ct": "US Central",
    "cst": "US Central",
    "cdt": "US Central",
    "pt": "US Pacific",
    "pst": "US Pacific",
    "pdt": "US Pacific",
    "kst": "Seoul",
    "jst": "Tokyo",
    "hkt": "Beijing",
    "local time": "local",
    "beijing time": "Beijing",
    "seoul time": "Seoul",
    "pyongyang time": "Pyongyang",
}
_EN_ZONE = re.compile(
    r"\s?\(?(?P<zone>(?:GMT|UTC|BST|CEST|CET|EST|EDT|ET|CST|CDT|CT|PST|PDT|PT|KST|JST|HKT)(?![A-Za-z])"
    r"|(?i:local\s+time|(?:Beijing|Seoul|Pyongyang)\s+time))(?:\s?[+-]\s?\d{1,2})?\)?"
)
_ZH_ZONES = {
    "北京时间": "Beijing",
    "当地时间": "local",
    "格林尼治时间": "UTC",
    "格林威治时间": "UTC",
    "世界标准时间": "UTC",
    "美国东部时间": "US Eastern",
    "美东时间": "US Eastern",
    "东部时间": "US Eastern",
    "美西时间": "US Pacific",
    "太平洋时间": "US Pacific",
    "首尔时间": "Seoul",
    "韩国时间": "Seoul",
    "平壤时间": "Pyongyang",
    "英国时间": "UK",
    "东京时间": "Tokyo",
}
_KO_ZONES = {
    "현지 시간": "local",
    "현지시간": "local",
    "한국 시간": "Seoul",
    "한국시간": "Seoul",
    "베이징 시간": "Beijing",
    "미국 동부 시간": "US Eastern",
    "미 동부 시간": "US Eastern",
    "동부 시간": "US Eastern",
    "그리니치 표준시": "UTC",
    "평양 시간": "Pyongyang",
    "영국 시간": "UK",
}


def _zone_before(zones: dict[str, str], text: str, start: int) -> tuple[str | None, int]:
    """A zone written just before a time (北京时间下午3点, 현지 시간으로 오후 3시): (zone, new start)."""
    window = text[max(0, start - 12) : start]
    for name, zone in zones.items():
        at = window.rfind(name)
        if at >= 0 and re.fullmatch(r"\s?(?:으로|에)?\s?", window[at + len(name) :]):
            return zone, start - (len(window) - at)
    return None, start


# --------------------------------------------------------------------- en

_EN_WORD_HOURS = {
    w: n
    for n, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], 1
    )
}
_EN_TIME = re.compile(
    # 3 p.m., 2pm, 7.55am, 4.40 am, 10:30 PM
    r"(?<![0-9.,:])(?P<h>1[0-2]|0?[0-9])(?:[:.](?P<m>[0-5][0-9]))?\s?(?P<ampm>[aApP])\.?\s?[mM](?![A-Za-z])\.?"
    # three o'clock, 3 o'clock
    r"|(?<![0-9.,:])(?P<oh>1[0-2]|0?[1-9]|(?i:" + "|".join(_EN_WORD_HOURS) + r"))\s?o['’]clock"
    # 20:00, 08:30 (a 24-hour clock)
    r"|(?<![0-9.,:])(?P<h24>[01]?[0-9]|2[0-3]):(?P<m24>[0-5][0-9])(?![0-9:])"
)
# A bare H:MM is a clock time only in time-like context: "at 20:00", "20:00 GMT"; "on 3:35" of a match clock is not.
_EN_TIME_BEFORE = re.compile(
    r"\b(?:at|by|until|till|from|before|after|around|about|since|between|and|to)\s++$", re.IGNORECASE
)


# What _EN_TIME cannot match without: "o'clock", or an ASCII digit with a.m./p.m. or a colon and minutes after it.
# (The hint starts with a character class, so the regex engine skips to digits at C speed.)
_EN_TIME_HINT = re.compile(r"[0-9](?:[:.][0-9]{2})?\s?[aApP]\.?\s?[mM]|[0-9]:[0-9]{2}")


def _may_hold_en_time(text: str) -> bool:
    return "clock" in text or _EN_TIME_HINT.search(text) is not None


def _find_en(text: str) -> list[TimeMention]:
    if speedups.ACTIVE.prechecks and not _may_hold_en_time(text):  # most paragraphs: one cheap scan instead of
        return []  # the pattern's many tries
    out = []
    for m in _EN_TIME.finditer(text):
        end = m.end()
        zone_match = _EN_ZONE.match(text, end)
        zone = _EN_ZONES[" ".join(folded(zone_match.group("zone")).split())] if zone_match else None
        if zone_match:
            end = zone_match.end()
        if m.group("h") is not None:
            hour, minute, half = int(m.group("h")), int(m.group("m") or 0), m.group("ampm").lower() + "m"
        elif m.group("oh") is not None:
            word = folded(m.group("oh"))
            hour, minute, half = _EN_WORD_HOURS.get(word) or int(word), 0, None
        else:
            if not (zone or _EN_TIME_BEFORE.search(text, max(0, m.start() - 10), m.start())):
                continue
            hour, minute, half = int(m.group("h24")), int(m.group("m24")), "24"
        if t := _mention(text, m.start(), end, hour, minute, half, zone):
            out.append(t)
    return out


# --------------------------------------------------------------------- zh

_ZH_HALVES = {
    "凌晨": "am",
    "清晨": "am",
    "早上": "am",
    "早晨": "am",
    "上午": "am",
    "中午": None,
    "正午": None,
    "午后": "pm",
    "下午": "pm",
    "傍晚": "pm",
    "晚上": "pm",
    "晚间": "pm",
    "夜间": "pm",
    "夜里": "pm",
    "深夜": None,
    "早": "am",
    "晚": "pm",
}
_ZH_HALF = "|".join(sorted(_ZH_HALVES, key=len, reverse=True))
_ZH_HOUR = r"[0-9０-９]{1,2}|十[一二]?|[一二两三四五六七八九零〇]"
_ZH_TIME = re.compile(
    r"(?:(?P<half>" + _ZH_HALF + r")\s?)?"
    r"(?:(?P<h>" + _ZH_HOUR + r")\s?[点時时](?:\s?(?P<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s?分"
    r"|(?P<halfhour>半)|(?P<sharp>整|钟))?"
    r"|(?P<hc>[0-9０-９]{1,2})\s?(?P<sep>[:：.．])\s?(?P<mc>[0-9０-９]{2})(?![0-9０-９]))"
)
# N点 with nothing else is a time unless what follows makes it "N points" (3点建议, 三点共识).
_ZH_AFTER_BARE = re.compile(
    r"(?:建议|意见|要求|原则|内容|主张|共识|看法|措施|理由|原因|说明|好处|不足|问题|声明|计划|改革)"
)


def _zh_number(s: str) -> int | None:
    s = s.translate(FULLWIDTH)
    return int(s) if s.isdigit() else cn_to_int(s.replace("两", "二"))


# What _ZH_TIME cannot match without: an hour and 点/时, or digits and a separator.
_ZH_TIME_HINT = re.compile(r"[0-9０-９十一二两三四五六七八九零〇]\s?[点時时:：.．]")  # one leading class: fast


def _find_zh(text: str) -> list[TimeMention]:
    if speedups.ACTIVE.prechecks and not _ZH_TIME_HINT.search(text):
        return []
    out = []
    for m in _ZH_TIME.finditer(text):
        half_word = m.group("half")
        if m.group("hc") is not None:
            if m.group("sep") in ".．" and not half_word:
                continue  # 5.30 alone is a decimal; 下午5.30 a time
            hour, minute = _zh_number(m.group("hc")), _zh_number(m.group("mc"))
        else:
            hour = _zh_number(m.group("h"))
            minute = _zh_number(m.group("m")) if m.group("m") else (30 if m.group("halfhour") else 0)
            explicit = half_word or m.group("m") or m.group("halfhour") or m.group("sharp")
            digits = m.group("h")[0].isdigit()
            if not explicit and not (digits and not _ZH_AFTER_BARE.match(text, m.end())):
                continue  # 三点 alone: three points
        if hour is None or minute is None:
            continue
        zone, start = _zone_before(_ZH_ZONES, text, m.start())
        half = _ZH_HALVES.get(half_word) if half_word else (None if m.group("hc") is None or hour <= 12 else "24")
        if half_word in ("中午", "正午") and hour in (12, 1, 2):
            half = "pm"
        if t := _mention(text, start, m.end(), hour, minute, half, zone):
            out.append(t)
    return out


# --------------------------------------------------------------------- ko

_KO_HALVES = {"오전": "am", "새벽": "am", "아침": "am", "오후": "pm", "저녁": "pm", "밤": "pm", "낮": None}
_KO_NATIVE_HOURS = {
    "한": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
    "열한": 11,
    "열두": 12,
}
_KO_TIME = re.compile(
    r"(?<![가-힣])(?:(?P<half>오전|새벽|아침|오후|저녁|밤|낮)\s?)?"
    r"(?:(?P<h>[0-9０-９]{1,2}|" + "|".join(sorted(_KO_NATIVE_HOURS, key=len, reverse=True)) + r")\s?시"
    r"(?!간|각|즌|리즈|장|대|점|기|절|민|청|설|험|작|도|키|켜|인|골|계|위|행|외|스템)"
    r"(?:\s?(?P<m>[0-9０-９]{1,2})\s?분|\s?(?P<halfhour>반))?"
    r"|(?P<hc>[0-9０-９]{1,2})(?P<sep>[:.])(?P<mc>[0-9０-９]{2})(?![0-9]))"
)


# What _KO_TIME cannot match without: an hour (digits or the last syllable of a native hour) and 시, or digits
# around a separator.
_KO_TIME_HINT = re.compile(
    "[0-9０-９" + "".join(sorted({word[-1] for word in _KO_NATIVE_HOURS})) + r"](?:\s?시|[:.][0-9０-９])"
)


def _find_ko(text: str) -> list[TimeMention]:
    if speedups.ACTIVE.prechecks and not _KO_TIME_HINT.search(text):
        return []
    out = []
    for m in _KO_TIME.finditer(text):
        half_word = m.group("half")
        if m.group("hc") is not None:
            if m.group("sep") == "." and not half_word:
                continue  # 5.30 alone is a decimal; 오후 5.30 a time
            hour, minute = int(m.group("hc").translate(FULLWIDTH)), int(m.group("mc").translate(FULLWIDTH))
        else:
            word = m.group("h")
            native = word in _KO_NATIVE_HOURS
            if native and not (half_word or m.group("m") or m.group("halfhour")):
                continue  # 두 시 alone is rare; 세 시 could be many things: only with 오후, 분, 반
            hour = _KO_NATIVE_HOURS[word] if native else int(word.translate(FULLWIDTH))
            minute = int(m.group("m").translate(FULLWIDTH)) if m.group("m") else (30 if m.group("halfhour") else 0)
        zone, start = _zone_before(_KO_ZONES, text, m.start())
        half = _KO_HALVES.get(half_word) if half_word else (None if m.group("hc") is None or hour <= 12 else "24")
        if t := _mention(text, start, m.end(), hour, minute, half, zone):
            out.append(t)
    return out


_FINDERS = {"en": _find_en, "zh": _find_zh, "ko": _find_ko}


# =========================================================================================================
# Rendering: how `appeal translate` writes a clock time.  find_times above reads every rendering back to the
# same time (tests/unit/test_render_read.py), and checks/times.py offers the same form to a translator.
# =========================================================================================================

# The zone names written before a time: the reader's own names (above), one per zone.
ZONE_NAMES = {
    "zh": {
        "Beijing": "北京时间",
        "local": "当地时间",
        "UTC": "格林尼治时间",
        "US Eastern": "美国东部时间",
        "US Pacific": "太平洋时间",
        "Seoul": "首尔时间",
        "Pyongyang": "平壤时间",
        "UK": "英国时间",
        "Tokyo": "东京时间",
    },
    "ko": {
        "local": "현지 시간",
        "Seoul": "한국 시간",
        "Beijing": "베이징 시간",
        "US Eastern": "미국 동부 시간",
        "UTC": "그리니치 표준시",
        "Pyongyang": "평양 시간",
        "UK": "영국 시간",
    },
}
# Parts of the day in Chinese, by the hour they end at: 凌晨 before 6, 上午 before 12, 中午 12 o'clock ...
_ZH_DAY_PARTS = ((6, "凌晨"), (12, "上午"), (13, "中午"), (18, "下午"), (24, "晚上"))
_APPROXIMATELY = {"zh": "{}左右", "ko": "{}쯤"}


def render_time(time: TimeMention, lang: str, approximate: bool = False) -> str:
    """晚上7点30分 / 오후 7시 30분 when the source fixes the half of the day (7.30pm, 19:30); 8:30 as written when
    it does not; the zone's name first (英国时间, 영국 시간) when the reader knows it; 左右 / 쯤 for "about"."""
    if time.hour24 is None:
        clock = f"{time.hour12}:{time.minute:02d}"
    elif lang == "zh":
        part = next(name for limit, name in _ZH_DAY_PARTS if time.hour24 < limit)
        clock = f"{part}{time.hour12}点" + (f"{time.minute}分" if time.minute else "")
    else:
        clock = (
            ("오전 " if time.hour24 < 12 else "오후 ")
            + f"{time.hour12}시"
            + (f" {time.minute}분" if time.minute else "")
        )
    if approximate:
        clock = _APPROXIMATELY[lang].format(clock)
    zone = ZONE_NAMES[lang].get(time.zone or "")
    return f"{zone}{'' if lang == 'zh' else ' '}{clock}" if zone else clock
