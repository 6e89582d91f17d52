"""Write XLIFF 1.2 or 2.1 for post-editing: translate-toolkit's stores build the document and its units;
lxml adds what the stores do not write (XLIFF 2 notes and metadata in schema order, 1.2 context groups).

Each exported unit carries, besides source, target and state:
- notes that tell the translator what must survive (figures, dates, citations, terms with their renderings);
- appealkit's data for the import: the English paragraph's hash, its number, and the hash of the target as
  exported (1.2: ``<context-group name="appealkit">``; 2.x: the metadata module, ``<mda:metaGroup>``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from appealkit.formats.units import CAT_LANG_TAGS as LANG_TAGS
from appealkit.formats.xliff import APPEALKIT_GROUP, CONTEXT_PREFIX, METADATA_NS

XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"  # XLIFF 2.1 keeps the 2.0 core namespace
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
VERSIONS = ("1.2", "2.1")

# Workflow states: what appealkit knows of a translation → the XLIFF value (and 1.2 state-qualifier).
STATE_12 = {
    "new": ("new", None),
    "machine": ("needs-review-translation", "mt-suggestion"),
    "translated": ("translated", None),
    "final": ("final", None),
    "source-copy": ("needs-translation", "x-source-copy"),
}
STATE_2 = {
    "new": "initial",
    "machine": "initial",
    "translated": "translated",
    "final": "final",
    "source-copy": "initial",
}


@dataclass
class Segment:
    id: str  # "s1" (sentence mode) or "" (the paragraph is one segment)
    source: str
    target: str
    state: str  # new | machine | translated | final | source-copy (the target holds the English, to translate)
    notes: list[str] = field(default_factory=list)  # what this segment must keep


@dataclass
class ExportUnit:
    id: str  # p1, p2, …
    segments: list[Segment]
    notes: list[str] = field(default_factory=list)  # about the whole unit
    data: dict[str, str] = field(default_factory=dict)  # appealkit's data for the import


def write_xliff(units: list[ExportUnit], version: str, target_lang: str, original: str) -> bytes:
    if version not in VERSIONS:
        raise ValueError(f"XLIFF version {version}: use one of {', '.join(VERSIONS)}")
    return _xliff12(units, target_lang, original) if version == "1.2" else _xliff21(units, target_lang, original)


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


# ---------------------------------------------------------------- 1.2


def _xliff12(units: list[ExportUnit], target_lang: str, original: str) -> bytes:
    from translate.storage.xliff import xlifffile

    root = etree.Element(_q(XLIFF12_NS, "xliff"), nsmap={None: XLIFF12_NS}, version="1.2")
    file_el = etree.SubElement(root, _q(XLIFF12_NS, "file"), original=original, datatype="plaintext")
    file_el.set("source-language", "en")
    file_el.set("target-language", LANG_TAGS.get(target_lang, target_lang))
    file_el.set("product-name", "appealkit")
    etree.SubElement(file_el, _q(XLIFF12_NS, "body"))
    store = xlifffile.parsestring(etree.tostring(root))
    body = store.body
    for unit in units:
        parent = body
        if len(unit.segments) > 1 or unit.segments[0].id:  # sentence mode: a group per paragraph
            parent = etree.SubElement(body, _q(XLIFF12_NS, "group"), id=unit.id)
        for segment in unit.segments:
            tu = store.addsourceunit(segment.source, filename=original)
            ident = f"{unit.id}:{segment.id}" if segment.id else unit.id
            tu.setid(f"{original}\x04{ident}")
            _target12(tu, segment)
            for note in [*unit.notes, *segment.notes]:
                tu.addnote(note, origin="appealkit")
            # Context-group names are unique in a file: one group per unit, named after it.
            tu.createcontextgroup(
                f"{APPEALKIT_GROUP}-{ident}",
                [(CONTEXT_PREFIX + k, v) for k, v in unit.data.items()],
                purpose="information",
            )
            if parent is not body:
                parent.append(tu.xmlelement)
    etree.cleanup_namespaces(store.document.getroot())
    return bytes(store)


def _target12(tu, segment: Segment) -> None:
    state, qualifier = STATE_12[segment.state]
    tu.target = segment.target
    target = tu.xmlelement.find(_q(XLIFF12_NS, "target"))
    target.set("state", state)
    if qualifier:
        target.set("state-qualifier", qualifier)
    if segment.state == "final":
        tu.xmlelement.set("approved", "yes")
    else:
        tu.xmlelement.attrib.pop("approved", None)


# ---------------------------------------------------------------- 2.1


def _xliff21(units: list[ExportUnit], target_lang: str, original: str) -> bytes:
    from translate.storage.xliff2 import Xliff2File

    root = etree.Element(
        _q(XLIFF2_NS, "xliff"),
        nsmap={None: XLIFF2_NS, "mda": METADATA_NS},
        version="2.1",
        srcLang="en",
        trgLang=LANG_TAGS.get(target_lang, target_lang),
    )
    etree.SubElement(root, _q(XLIFF2_NS, "file"), id="f1", original=original)
    store = Xliff2File.parsestring(etree.tostring(root))
    for unit in units:
        first, *rest = unit.segments
        segment_el = store.addsourceunit(first.source)
        segment_el.setid(f"{unit.id}::{first.id}" if first.id else unit.id)
        unit_el = segment_el.getunitelement()
        _segment2(segment_el.xmlelement, first)
        for segment in rest:
            element = etree.SubElement(unit_el, _q(XLIFF2_NS, "segment"), id=segment.id)
            etree.SubElement(element, _q(XLIFF2_NS, "source")).text = segment.source
            _segment2(element, segment)
        _unit_extras2(unit_el, unit)
    return bytes(store)


def _segment2(element: etree._Element, segment: Segment) -> None:
    """State on the segment; xml:space where XLIFF 2 allows it (source and target, not segment)."""
    element.attrib.pop(XML_SPACE, None)
    element.set("state", STATE_2[segment.state])
    if segment.state == "machine":
        element.set("subState", "appealkit:machine-translation")
    source = element.find(_q(XLIFF2_NS, "source"))
    source.set(XML_SPACE, "preserve")
    target = element.find(_q(XLIFF2_NS, "target"))
    if target is None:
        target = etree.SubElement(element, _q(XLIFF2_NS, "target"))
    target.text = segment.target
    target.set(XML_SPACE, "preserve")


def _unit_extras2(unit_el: etree._Element, unit: ExportUnit) -> None:
    """The unit's metadata first, then its notes, then its segments: the order the 2.x schema requires."""
    position = 0
    if unit.data:
        metadata = etree.Element(_q(METADATA_NS, "metadata"))
        group = etree.SubElement(metadata, _q(METADATA_NS, "metaGroup"), category=APPEALKIT_GROUP)
        for key, value in unit.data.items():
            etree.SubElement(group, _q(METADATA_NS, "meta"), type=key).text = value
        unit_el.insert(position, metadata)
        position += 1
    texts = [*unit.notes, *(f"{s.id}: {n}" if s.id else n for s in unit.segments for n in s.notes)]
    if texts:
        notes = etree.Element(_q(XLIFF2_NS, "notes"))
        for text in texts:
            etree.SubElement(notes, _q(XLIFF2_NS, "note"), category="appealkit", appliesTo="source").text = text
        unit_el.insert(position, notes)
