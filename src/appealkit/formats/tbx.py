"""The glossary as TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style, both ways (lxml).

translate-toolkit's ``tbx`` store writes the older MARTIF (TBX 2008) shape, so this module builds TBX v3
with lxml element by element. One ``<conceptEntry>`` per glossary entry (its id):

- ``<descrip type="subjectField">`` carries the entry's kind (treaty, body, place…); the entry's note is a
  concept ``<note>``, its treaty year a ``<note>year: 1951</note>``;
- one ``<langSec>`` per language, one ``<termSec>`` per form, with ``<termNote type="administrativeStatus">``:
  the preferred rendering (and the first English form) ``preferredTerm-admn-sts``, accepted forms and short
  forms ``admittedTerm-admn-sts`` (short forms also ``termType`` ``shortForm``), forbidden forms
  ``deprecatedTerm-admn-sts``; the entry's source is ``<admin type="source">`` on each preferred target term.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from appealkit.errors import AppealInputError
from appealkit.formats.units import CAT_LANG_TAGS, normalize_lang
from appealkit.glossary import TARGET_LANGS, Entry, Rendering

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
_YEAR_NOTE = re.compile(r"^year:\s*(\d{4})$")


def _el(parent: etree._Element | None, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.Element(f"{{{TBX_NS}}}{name}", attrs, nsmap={None: TBX_NS}) if parent is None else \
        etree.SubElement(parent, f"{{{TBX_NS}}}{name}", attrs)
    if text is not None:
        element.text = text
    return element


def _term(lang_sec: etree._Element, text: str, status: str, term_type: str | None = None,
          source: str = "") -> None:
    sec = _el(lang_sec, "termSec")
    _el(sec, "term", text)
    _el(sec, "termNote", status, type="administrativeStatus")
    if term_type:
        _el(sec, "termNote", term_type, type="termType")
    if source:
        _el(sec, "admin", source, type="source")


def _english_type(form: str) -> str | None:
    return "acronym" if form.isupper() and " " not in form and len(form) <= 8 else None


def export_tbx(entries: list[Entry], title: str = "appealkit glossary") -> bytes:
    root = _el(None, "tbx", type="TBX-Basic", style="dca")
    root.set(XML_LANG, "en")
    header = _el(root, "tbxHeader")
    _el(_el(_el(header, "fileDesc"), "sourceDesc"), "p", title)
    body = _el(_el(root, "text"), "body")
    for entry in entries:
        concept = _el(body, "conceptEntry", id=entry.id)
        _el(concept, "descrip", entry.kind, type="subjectField")
        if entry.note:
            _el(concept, "note", entry.note)
        if entry.year:
            _el(concept, "note", f"year: {entry.year}")
        english = _el(concept, "langSec")
        english.set(XML_LANG, "en")
        for index, form in enumerate(entry.en):
            _term(english, form, PREFERRED if index == 0 else ADMITTED, _english_type(form))
        for lang in TARGET_LANGS:
            rendering = entry.rendering(lang)
            if rendering is None or not rendering.preferred:
                continue
            section = _el(concept, "langSec")
            section.set(XML_LANG, CAT_LANG_TAGS[lang])
            _term(section, rendering.preferred, PREFERRED, source=entry.source)
            for form in rendering.accepted:
                _term(section, form, ADMITTED)
            for form in rendering.short:
                _term(section, form, ADMITTED, "shortForm")
            for form in rendering.forbidden:
                _term(section, form, DEPRECATED)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ---------------------------------------------------------------- import

def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _child_text(element: etree._Element, name: str, **attrs: str) -> list[str]:
    return [(child.text or "").strip() for child in element.iter()
            if _local(child) == name and all(child.get(k) == v for k, v in attrs.items())]


def import_tbx(path: Path) -> list[Entry]:
    """Entries of a TBX v3 file (DCA style; TBX-Basic or any dialect using the same data categories)."""
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise AppealInputError(f"cannot read as TBX: {getattr(exc, 'msg', exc)}", path,
                               getattr(exc, "lineno", None)) from None
    if _local(root) != "tbx":
        raise AppealInputError(f"not a TBX v3 file (root element <{_local(root)}>)", path, root.sourceline)
    return [_entry(concept, path) for concept in root.iter() if _local(concept) == "conceptEntry"]


def _entry(concept: etree._Element, path: Path) -> Entry:
    forms: dict[str, list[tuple[str, str, str | None, str]]] = {}
    for section in (c for c in concept if _local(c) == "langSec"):
        lang = normalize_lang(section.get(XML_LANG))
        for sec in (c for c in section if _local(c) == "termSec"):
            term = next((c.text or "" for c in sec if _local(c) == "term"), "").strip()
            status = next(iter(_child_text(sec, "termNote", type="administrativeStatus")), ADMITTED)
            term_type = next(iter(_child_text(sec, "termNote", type="termType")), None)
            source = next(iter(_child_text(sec, "admin", type="source")), "")
            if term:
                forms.setdefault(lang, []).append((term, status, term_type, source))
    notes = [(c.text or "").strip() for c in concept if _local(c) == "note"]
    year = next((int(m.group(1)) for n in notes if (m := _YEAR_NOTE.match(n))), None)
    english = sorted(forms.get("en", []), key=lambda f: f[1] != PREFERRED)
    targets = {lang: _rendering(forms.get(lang, [])) for lang in TARGET_LANGS if forms.get(lang)}
    sources = [f[3] for lang in TARGET_LANGS for f in forms.get(lang, []) if f[3]]
    ident = concept.get("id") or (english[0][0] if english else f"line-{concept.sourceline}")
    return Entry(id=ident, kind=(_child_text(concept, "descrip", type="subjectField") or ["term"])[0],
                 en=tuple(f[0] for f in english if f[1] != DEPRECATED), targets=targets,
                 note="\n".join(n for n in notes if not _YEAR_NOTE.match(n)),
                 source=sources[0] if sources else "", year=year, file=str(path), line=concept.sourceline or 0)


def _rendering(forms: list[tuple[str, str, str | None, str]]) -> Rendering:
    chosen = next((i for i, f in enumerate(forms) if f[1] == PREFERRED), 0)
    preferred, rest = forms[chosen][0], forms[:chosen] + forms[chosen + 1:]  # a contradiction survives for lint
    return Rendering(preferred,
                     accepted=tuple(f[0] for f in rest if f[1] != DEPRECATED and f[2] != "shortForm"),
                     forbidden=tuple(f[0] for f in rest if f[1] == DEPRECATED),
                     short=tuple(f[0] for f in rest if f[1] != DEPRECATED and f[2] == "shortForm"))
