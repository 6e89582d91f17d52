"""Pseudo-localisation engine: runs every step of the pipeline but leaves the prose as recognisable
pseudo-text (accented, bracketed, tagged with the language). Output made with it can never be approved.
"""

from __future__ import annotations

import re

from appealkit.protection import PLACEHOLDER

_ACCENTS = str.maketrans("AEIOUaeiouCcNnSsYy", "ÅÉÎÕÛåéîõûÇçÑñŠšÝý")
_MARKERS = {"zh": ("〔", "〕"), "ko": ("〔", "〕")}


def pseudo_text(text: str, lang: str) -> str:
    """Accent the prose but keep placeholders byte-for-byte, so restoration is exercised for real."""
    pieces: list[str] = []
    cursor = 0
    for match in PLACEHOLDER.finditer(text):
        pieces += [text[cursor : match.start()].translate(_ACCENTS), match.group(0)]
        cursor = match.end()
    pieces.append(text[cursor:].translate(_ACCENTS))
    opening, closing = _MARKERS.get(lang, ("[", "]"))
    return f"{opening}{lang}{closing} " + re.sub(r"\s+", " ", "".join(pieces)).strip()


class PseudoEngine:
    name = "pseudo"

    def translate_batch(self, segments: list[str], lang: str, n_best: int = 1) -> list[list[str]]:
        return [[pseudo_text(segment, lang)] for segment in segments]

    def describe(self, lang: str) -> dict[str, str]:
        return {"engine": "pseudo", "model": "pseudo-localization", "model_version": "1"}
