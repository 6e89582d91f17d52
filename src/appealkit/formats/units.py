"""Bilingual units: what every CAT format (XLIFF, PO, TMX) is read into before checking or importing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# Why a unit was not checked; the counts are reported.
SKIP_UNTRANSLATABLE = "not translatable"
SKIP_LOCKED = "locked"
SKIP_EMPTY = "empty by design"


@dataclass(frozen=True)
class Unit:
    """One source/target pair as the CAT tool holds it; ``source`` and ``target`` are the checked text, with
    inline codes taken out and listed in ``source_codes`` / ``target_codes`` (``tag:id`` keys)."""

    id: str
    source: str
    target: str
    line: int
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()
    state: str = ""  # the file's own state value (XLIFF state, "fuzzy" for PO), "" when none
    skip: str = ""  # one of the SKIP_* reasons, "" when the unit is checked
    meta: dict[str, str] = field(default_factory=dict, compare=False)  # appealkit's own data (hashes, paragraph)
    source_line: int = 0  # the line of the source element, when it differs from the target's

    @property
    def lines(self) -> tuple[int, int]:
        """(source line, target line) in the file."""
        return self.source_line or self.line, self.line

    @property
    def lost_codes(self) -> list[str]:
        """Inline codes of the source that the target no longer has (a repeated code counts each time)."""
        return sorted((Counter(self.source_codes) - Counter(self.target_codes)).elements())


@dataclass
class BilingualFile:
    path: Path
    format: str  # xliff-1.2, xliff-2, sdlxliff, po, tmx
    source_lang: str
    target_lang: str  # normalized: zh, ko, or the file's own tag when it is neither
    units: list[Unit]
    meta: dict[str, str] = field(default_factory=dict)  # file-level appealkit data (letter path, body hash)

    @property
    def checked(self) -> list[Unit]:
        return [u for u in self.units if not u.skip]

    @property
    def skipped(self) -> dict[str, int]:
        return dict(sorted(Counter(u.skip for u in self.units if u.skip).items()))


def normalize_lang(tag: str | None) -> str:
    """``zh-CN``, ``zh_Hans``, ``zho`` → ``zh``; ``ko-KR``, ``kor`` → ``ko``; ``en-US`` → ``en``."""
    base = (tag or "").strip().lower().replace("_", "-").split("-")[0]
    return {"zho": "zh", "chi": "zh", "cmn": "zh", "kor": "ko", "eng": "en"}.get(base, base)


def has_text(text: str) -> bool:
    """A unit with no letter or digit (only codes, spaces or punctuation) has nothing to translate."""
    return any(ch.isalnum() for ch in text)


# Language tags written into XLIFF and TMX: the regional tags CAT tools' project languages use.
CAT_LANG_TAGS = {"en": "en", "zh": "zh-CN", "ko": "ko-KR"}
