"""XLIFF 1.2 (with Trados .sdlxliff and memoQ segmentation) and XLIFF 2.x read into bilingual units.

translate-toolkit's stores parse the file and enumerate its units; the inline content and the data appealkit
writes into its own exports (``formats.letter_xliff``) are read from each unit's XML element.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from appealkit.errors import AppealInputError
from appealkit.formats.inline import local_name, split_inline
from appealkit.formats.units import (
    SKIP_EMPTY,
    SKIP_LOCKED,
    SKIP_UNTRANSLATABLE,
    BilingualFile,
    Unit,
    has_text,
    normalize_lang,
)

XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
METADATA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
# appealkit's own data in a unit: an XLIFF 1.2 <context-group name="appealkit-<unit>"> of <context context-type="x-…">,
# an XLIFF 2 <mda:metaGroup category="appealkit"> of <mda:meta type="…">.
APPEALKIT_GROUP = "appealkit"
CONTEXT_PREFIX = "x-appealkit-"
_TRUE = {"true", "yes", "locked", "1"}


def xliff_version(data: bytes, path: Path) -> str:
    """``1.2`` or ``2`` from the root element (its version attribute, else its namespace)."""
    try:
        root = etree.fromstring(data, parser=_safe_parser())
    except etree.XMLSyntaxError as exc:
        raise AppealInputError(f"not well-formed XML: {exc.msg}", path, exc.lineno) from None
    if local_name(root) != "xliff":
        raise AppealInputError(f"not an XLIFF file (root element <{local_name(root)}>)", path, root.sourceline)
    version = root.get("version") or ""
    namespace = etree.QName(root).namespace or ""
    return "2" if version.startswith("2") or namespace == XLIFF2_NS else "1.2"


def _safe_parser() -> etree.XMLParser:
    """No entities, no network, no DTD loading: a bilingual file is untrusted input."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def read_xliff(path: Path, data: bytes) -> BilingualFile:
    if xliff_version(data, path) == "2":
        return _read_xliff2(path, data)
    return _read_xliff12(path, data)


# ---------------------------------------------------------------- XLIFF 1.2 and .sdlxliff


def _read_xliff12(path: Path, data: bytes) -> BilingualFile:
    from translate.storage.xliff import xlifffile

    store = _parse_store(xlifffile, path, data)
    units: list[Unit] = []
    for tu in store.units:
        element = tu.xmlelement
        if element.find(_ns12(element, "seg-source")) is not None:
            units += _segmented_units(element)
        else:
            units.append(_unit12(element))
    fmt = "sdlxliff" if path.suffix.lower() == ".sdlxliff" or SDL_NS in _namespaces(store) else "xliff-1.2"
    return BilingualFile(
        path,
        fmt,
        normalize_lang(store.getsourcelanguage() or "en"),
        normalize_lang(store.gettargetlanguage()),
        units,
        _file_meta(store.document.getroot()),
    )


def _file_meta(root: etree._Element) -> dict[str, str]:
    """The first <file>'s ``original``: for appealkit's exports, the English letter relative to the XLIFF."""
    first = next((el for el in root if local_name(el) == "file"), None)
    return {"original": first.get("original", "")} if first is not None else {}


def _parse_store(store_class, path: Path, data: bytes):
    try:
        return store_class.parsestring(data)
    except (etree.XMLSyntaxError, ValueError, AssertionError) as exc:
        line = getattr(exc, "lineno", None)
        raise AppealInputError(
            f"cannot read as {store_class.__name__}: {getattr(exc, 'msg', exc)}", path, line
        ) from None


def _namespaces(store) -> set[str]:
    return {ns for el in store.document.getroot().iter() if isinstance(el.tag, str) for ns in el.nsmap.values()}


def _ns12(element: etree._Element, name: str) -> str:
    namespace = etree.QName(element).namespace
    return f"{{{namespace}}}{name}" if namespace else name


def _line(element: etree._Element | None, fallback: etree._Element) -> int:
    return (element.sourceline if element is not None else None) or fallback.sourceline or 0


def _untranslatable(element: etree._Element) -> bool:
    """translate="no" on the unit or on a group around it."""
    return any(node.get("translate") == "no" for node in (element, *element.iterancestors()))


def _locked(element: etree._Element) -> bool:
    """A lock as CAT tools write it: sdl:locked, memoQ's mq:locked, or a locked attribute of any namespace."""
    return any(
        etree.QName(name).localname == "locked" and value.lower() in _TRUE for name, value in element.attrib.items()
    )


def _skip(element: etree._Element, source: str, locked: bool = False) -> str:
    if _untranslatable(element):
        return SKIP_UNTRANSLATABLE
    if locked or _locked(element):
        return SKIP_LOCKED
    return "" if has_text(source) else SKIP_EMPTY


def _unit12(element: etree._Element) -> Unit:
    source_el = element.find(_ns12(element, "source"))
    target_el = element.find(_ns12(element, "target"))
    source, source_codes = split_inline(source_el)
    target, target_codes = split_inline(target_el)
    state = target_el.get("state", "") if target_el is not None else ""
    line = target_el.sourceline if target_el is not None else element.sourceline
    return Unit(
        element.get("id") or f"line-{element.sourceline}",
        source,
        target,
        line or 0,
        source_codes,
        target_codes,
        state,
        _skip(element, source),
        _context_meta(element),
        source_line=_line(source_el, element),
    )


def _context_meta(element: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for group in element.iterchildren(_ns12(element, "context-group")):
        if not (group.get("name") or "").startswith(APPEALKIT_GROUP):
            continue
        for context in group.iterchildren(_ns12(element, "context")):
            kind = context.get("context-type", "")
            if kind.startswith(CONTEXT_PREFIX):
                meta[kind[len(CONTEXT_PREFIX) :]] = context.text or ""
    return meta


def _segmented_units(element: etree._Element) -> list[Unit]:
    """A trans-unit split into <mrk mtype="seg"> segments (Trados, memoQ): one unit per segment, aligned by mid."""
    seg_source = element.find(_ns12(element, "seg-source"))
    target_el = element.find(_ns12(element, "target"))
    targets = {m.get("mid"): m for m in _segments(target_el)}
    locked = {seg.get("id") for seg in element.iter(f"{{{SDL_NS}}}seg") if seg.get("locked", "").lower() in _TRUE}
    units = []
    for mrk in _segments(seg_source):
        mid = mrk.get("mid", "")
        source, source_codes = split_inline(mrk)
        target_mrk = targets.get(mid)
        target, target_codes = split_inline(target_mrk)
        line = (target_mrk if target_mrk is not None else mrk).sourceline or element.sourceline or 0
        state = target_el.get("state", "") if target_el is not None else ""
        units.append(
            Unit(
                f"{element.get('id')}:{mid}",
                source,
                target,
                line,
                source_codes,
                target_codes,
                state,
                _skip(element, source, mid in locked),
                _context_meta(element),
                source_line=_line(mrk, element),
            )
        )
    return units


def _segments(container: etree._Element | None) -> list[etree._Element]:
    if container is None:
        return []
    return [m for m in container.iter() if local_name(m) == "mrk" and m.get("mtype") == "seg"]


# ---------------------------------------------------------------- XLIFF 2.x


def _read_xliff2(path: Path, data: bytes) -> BilingualFile:
    from translate.storage.xliff2 import Xliff2File

    store = _parse_store(Xliff2File, path, data)
    root = store.document.getroot()
    namespace = etree.QName(root).namespace
    units = []
    for segment in root.iter(f"{{{namespace}}}segment"):
        units.append(_unit2(segment, namespace))
    return BilingualFile(
        path,
        "xliff-2",
        normalize_lang(root.get("srcLang")),
        normalize_lang(root.get("trgLang")),
        units,
        _file_meta(root),
    )


def _unit2(segment: etree._Element, namespace: str) -> Unit:
    unit = segment.getparent()
    segments = list(unit.iterchildren(f"{{{namespace}}}segment"))
    ident = unit.get("id", "")
    if len(segments) > 1:
        ident = f"{ident}:{segment.get('id') or segments.index(segment) + 1}"
    source, source_codes = split_inline(segment.find(f"{{{namespace}}}source"))
    target_el = segment.find(f"{{{namespace}}}target")
    target, target_codes = split_inline(target_el)
    line = (target_el if target_el is not None else segment).sourceline or 0
    return Unit(
        ident,
        source,
        target,
        line,
        source_codes,
        target_codes,
        segment.get("state", ""),
        _skip(unit, source),
        _metadata(unit),
        source_line=_line(segment.find(f"{{{namespace}}}source"), segment),
    )


def _metadata(unit: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for group in unit.iter(f"{{{METADATA_NS}}}metaGroup"):
        if group.get("category") == APPEALKIT_GROUP:
            for item in group.iterchildren(f"{{{METADATA_NS}}}meta"):
                meta[item.get("type", "")] = item.text or ""
    return meta
