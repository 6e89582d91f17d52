"""TMX read into bilingual units for checking: each <tu> with an English and a zh or ko <tuv>."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from appealkit.errors import AppealInputError
from appealkit.formats.inline import split_inline
from appealkit.formats.units import SKIP_EMPTY, BilingualFile, Unit, has_text, normalize_lang

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse_tmx(path: Path, data: bytes):
    """translate-toolkit's TMX store, or an input error naming the file."""
    from translate.storage.tmx import tmxfile

    try:
        return tmxfile.parsestring(data)
    except (etree.XMLSyntaxError, ValueError, AssertionError) as exc:
        raise AppealInputError(
            f"cannot read as TMX: {getattr(exc, 'msg', exc)}", path, getattr(exc, "lineno", None)
        ) from None


def tuv_texts(tu: etree._Element) -> dict[str, tuple[str, tuple[str, ...], int]]:
    """Language (normalized) → (text, inline codes, line of its <seg>) for one <tu>; the first tuv of a
    language wins."""
    found: dict[str, tuple[str, tuple[str, ...], int]] = {}
    for tuv in tu:
        if etree.QName(tuv).localname != "tuv":
            continue
        lang = normalize_lang(tuv.get(XML_LANG) or tuv.get("lang"))
        seg = next((child for child in tuv if etree.QName(child).localname == "seg"), None)
        if lang and lang not in found and seg is not None:
            text, codes = split_inline(seg)
            found[lang] = (text, codes, seg.sourceline or tu.sourceline or 0)
    return found


def read_tmx(path: Path, data: bytes, lang: str | None = None) -> list[BilingualFile]:
    """One bilingual file per target language the memory holds (zh and ko), or only ``lang``."""
    store = parse_tmx(path, data)
    by_lang: dict[str, list[Unit]] = {}
    for index, tu in enumerate((u.xmlelement for u in store.units), start=1):
        texts = tuv_texts(tu)
        if "en" not in texts:
            continue
        source, source_codes, source_line = texts["en"]
        for target_lang, (target, target_codes, line) in texts.items():
            if target_lang == "en" or (lang and target_lang != lang):
                continue
            ident = tu.get("tuid") or f"tu{index}"
            by_lang.setdefault(target_lang, []).append(
                Unit(
                    ident,
                    source,
                    target,
                    line,
                    source_codes,
                    target_codes,
                    skip="" if has_text(source) else SKIP_EMPTY,
                    source_line=source_line,
                )
            )
    return [BilingualFile(path, "tmx", "en", target_lang, units) for target_lang, units in sorted(by_lang.items())]
