"""Inline content of XLIFF 1.2 / 2.x and TMX segments: the text a translator writes, and the codes around it.

Codes (formatting, placeholders) are not language: ``<x/>``, ``<ph>…</ph>``, ``<bpt>…</bpt>`` contribute
no text, ``<g>`` and ``<pc>`` contribute only what they wrap, annotations (``<mrk>``, ``<sm/>``, ``<hi>``) are
transparent. Each code is recorded as ``tag:id`` so that a code the translation lost can be reported.
"""

from __future__ import annotations

from lxml import etree

# Codes whose content is native markup, not text (XLIFF 1.2 and TMX; ``ph`` is XLIFF 2's standalone code too).
_OPAQUE = {"ph", "bpt", "ept", "it", "ut", "sub"}
# Codes with no content at all.
_EMPTY = {"x", "bx", "ex", "sc", "ec"}
# Codes that wrap translatable text.
_WRAPPING = {"g", "pc"}
# Annotations and markers: their text is translatable and they are not codes.
_TRANSPARENT = {"mrk", "sm", "em", "hi"}


def local_name(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _code_key(element: etree._Element, name: str) -> str:
    ident = element.get("id") or element.get("startRef") or element.get("rid") or element.get("i") or element.get("x")
    return f"{name}:{ident}" if ident else name


def split_inline(element: etree._Element | None) -> tuple[str, tuple[str, ...]]:
    """(plain text, code keys in document order) of a ``<source>``, ``<target>``, ``<seg>`` or ``<mrk>``."""
    if element is None:
        return "", ()
    parts: list[str] = []
    codes: list[str] = []
    _walk(element, parts, codes)
    return "".join(parts), tuple(codes)


def _walk(element: etree._Element, parts: list[str], codes: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        name = local_name(child)
        if name == "cp":  # XLIFF 2: a character XML cannot carry
            parts.append(_code_point(child.get("hex", "")))
        elif name in _OPAQUE or name in _EMPTY:
            codes.append(_code_key(child, name))
        elif name in _WRAPPING:
            codes.append(_code_key(child, name))
            _walk(child, parts, codes)
        elif name in _TRANSPARENT or name:
            _walk(child, parts, codes)  # unknown elements (a tool's own markers) keep their text
        if child.tail:
            parts.append(child.tail)


def _code_point(hex_value: str) -> str:
    try:
        return chr(int(hex_value, 16))
    except ValueError:
        return ""
