"""The glossary as TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style, both ways (lxml).

translate-toolkit's ``tbx`` store writes the older MARTIF (TBX 2008) shape, so this module builds TBX v3
with lxml element by element. One ``<conceptEntry>`` per glossary entry (its id):

- concept data: the entry's kind as ``<descrip type="subjectField">``, its note as ``<note>``, and appealkit's
  own facts as notes a person can read too (``year: 1951``, ``un: yes``, and the English forms bound to a
  context rule, which a termbase cannot express and the import does not bring back);
- one ``<langSec>`` per language (``verified: no`` as its note for a rendering no authority attests), one
  ``<termSec>`` per form with ``<termNote type="administrativeStatus">``: the preferred rendering (and the first
  English form) ``preferredTerm-admn-sts``; accepted and short forms ``admittedTerm-admn-sts`` (short forms
  also ``termType`` ``shortForm``); discouraged forms ``supersededTerm-admn-sts``; forbidden forms
  ``deprecatedTerm-admn-sts``; the reason a form is flagged as that term's ``<note>``;
- sources on the preferred term of the language they attest (the English one for all languages): the title as
  ``<admin type="source">`` (``[authority] title`` for an attested source, ``[authority, en]`` for one that
  attests the English only), its address or document symbol as ``<xref type="externalCrossReference">``.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from appealkit.errors import AppealInputError
from appealkit.formats.units import CAT_LANG_TAGS, normalize_lang
from appealkit.glossary import TARGET_LANGS, Entry, Rendering, Source

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED, ADMITTED = "preferredTerm-admn-sts", "admittedTerm-admn-sts"
SUPERSEDED, DEPRECATED = "supersededTerm-admn-sts", "deprecatedTerm-admn-sts"
UNVERIFIED_NOTE = "verified: no"
_FACT_NOTE = re.compile(r"^(year|un): (.+)$")
_ATTESTED = re.compile(r"^\[(?P<authority>[a-z-]+)(?:, (?P<lang>[a-z]+))?\] (?P<title>.*)$", re.DOTALL)


def _el(parent: etree._Element | None, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    if parent is None:
        element = etree.Element(f"{{{TBX_NS}}}{name}", attrs, nsmap={None: TBX_NS})
    else:
        element = etree.SubElement(parent, f"{{{TBX_NS}}}{name}", attrs)
    if text is not None:
        element.text = text
    return element


def _lang_section(concept: etree._Element, lang: str) -> etree._Element:
    section = _el(concept, "langSec")
    section.set(XML_LANG, CAT_LANG_TAGS[lang])
    return section


def _term(
    section: etree._Element,
    text: str,
    status: str,
    term_type: str | None = None,
    reason: str = "",
    sources: tuple[Source, ...] = (),
    free_source: str = "",
) -> None:
    sec = _el(section, "termSec")
    _el(sec, "term", text)
    _el(sec, "termNote", status, type="administrativeStatus")
    if term_type:
        _el(sec, "termNote", term_type, type="termType")
    if free_source:
        _el(sec, "admin", free_source, type="source")
    for source in sources:
        label = f"{source.authority}, {source.lang}" if source.lang == "en" else source.authority  # "": all
        _el(sec, "admin", f"[{label}] {source.title}", type="source")
        if source.url or source.symbol:
            _el(sec, "xref", source.symbol or source.url, type="externalCrossReference", target=source.url or "")
    if reason:
        _el(sec, "note", reason)


def _english_type(form: str) -> str | None:
    return "acronym" if form.isupper() and " " not in form and len(form) <= 8 else None


def _concept_notes(entry: Entry) -> list[str]:
    notes = [entry.note] if entry.note else []
    if entry.year:
        notes.append(f"year: {entry.year}")
    if entry.un:
        notes.append("un: yes")
    bound = sorted({form for rule in entry.contexts for form in rule.forms})
    if entry.contexts:
        notes.append(
            "appealkit applies context rules to "
            + (", ".join(bound) if bound else "its English forms")
            + " (see the glossary file)"
        )
    return notes


def export_tbx(entries: list[Entry], title: str = "appealkit glossary") -> bytes:
    root = _el(None, "tbx", type="TBX-Basic", style="dca")
    root.set(XML_LANG, "en")
    header = _el(root, "tbxHeader")
    _el(_el(_el(header, "fileDesc"), "sourceDesc"), "p", title)
    body = _el(_el(root, "text"), "body")
    for entry in entries:
        concept = _el(body, "conceptEntry", id=entry.id)
        _el(concept, "descrip", entry.kind, type="subjectField")
        for note in _concept_notes(entry):
            _el(concept, "note", note)
        english = _lang_section(concept, "en")
        for index, form in enumerate(entry.en):
            first = index == 0
            _term(
                english,
                form,
                PREFERRED if first else ADMITTED,
                _english_type(form),
                sources=tuple(s for s in entry.sources if s.lang in ("", "en")) if first else (),
                free_source=entry.source if first else "",
            )
        for lang in TARGET_LANGS:
            rendering = entry.rendering(lang)
            if rendering is not None and rendering.preferred:
                _rendering_section(
                    _lang_section(concept, lang), rendering, tuple(s for s in entry.sources if s.lang == lang)
                )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _rendering_section(section: etree._Element, rendering: Rendering, sources: tuple[Source, ...]) -> None:
    if not rendering.verified:
        _el(section, "note", UNVERIFIED_NOTE)  # language-level data comes before the terms
    _term(section, rendering.preferred, PREFERRED, sources=sources)
    for form in rendering.accepted:
        _term(section, form, ADMITTED)
    for form in rendering.short:
        _term(section, form, ADMITTED, "shortForm")
    for form in rendering.discouraged:
        _term(section, form, SUPERSEDED, reason=rendering.reason(form))
    for form in rendering.forbidden:
        _term(section, form, DEPRECATED, reason=rendering.reason(form))


# ---------------------------------------------------------------- import


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str, **attrs: str) -> list[etree._Element]:
    return [c for c in element if _local(c) == name and all(c.get(k) == v for k, v in attrs.items())]


def _text(element: etree._Element) -> str:
    return (element.text or "").strip()


def import_tbx(path: Path) -> list[Entry]:
    """Entries of a TBX v3 file (DCA style; TBX-Basic or any dialect using the same data categories)."""
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise AppealInputError(
            f"cannot read as TBX: {getattr(exc, 'msg', exc)}", path, getattr(exc, "lineno", None)
        ) from None
    if _local(root) != "tbx":
        raise AppealInputError(f"not a TBX v3 file (root element <{_local(root)}>)", path, root.sourceline)
    return [_entry(concept, path) for concept in root.iter() if _local(concept) == "conceptEntry"]


class _Term:
    def __init__(self, sec: etree._Element, lang: str):
        self.text = next((_text(c) for c in _children(sec, "term")), "")
        notes = {c.get("type"): _text(c) for c in _children(sec, "termNote")}
        self.status = notes.get("administrativeStatus", ADMITTED)
        self.type = notes.get("termType")
        self.reason = " ".join(_text(c) for c in _children(sec, "note"))
        self.free_source = ""
        self.sources: list[Source] = []
        for admin in _children(sec, "admin", type="source"):
            match = _ATTESTED.match(_text(admin))
            if match is None:
                self.free_source = _text(admin)
                continue
            xref = admin.getnext()
            url = symbol = ""
            if xref is not None and _local(xref) == "xref":
                url = xref.get("target", "")
                symbol = _text(xref) if _text(xref) != url else ""
            self.sources.append(
                Source(match["authority"], match["title"], url, symbol, match["lang"] or ("" if lang == "en" else lang))
            )


def _entry(concept: etree._Element, path: Path) -> Entry:
    terms: dict[str, list[_Term]] = {}
    unverified: set[str] = set()
    for section in _children(concept, "langSec"):
        lang = normalize_lang(section.get(XML_LANG))
        if any(_text(n) == UNVERIFIED_NOTE for n in _children(section, "note")):
            unverified.add(lang)
        terms.setdefault(lang, []).extend(
            t for t in (_Term(sec, lang) for sec in _children(section, "termSec")) if t.text
        )
    notes = [_text(n) for n in _children(concept, "note")]
    facts = {m[1]: m[2] for n in notes if (m := _FACT_NOTE.match(n))}
    english = sorted(terms.get("en", []), key=lambda t: t.status != PREFERRED)
    all_terms = [t for lang_terms in terms.values() for t in lang_terms]
    kind = next((_text(d) for d in _children(concept, "descrip", type="subjectField")), "term")
    return Entry(
        id=concept.get("id") or (english[0].text if english else f"line-{concept.sourceline}"),
        kind=kind,
        en=tuple(t.text for t in english if t.status not in (DEPRECATED, SUPERSEDED)),
        targets={lang: _rendering(terms[lang], lang not in unverified) for lang in TARGET_LANGS if terms.get(lang)},
        note="\n".join(
            n for n in notes if not _FACT_NOTE.match(n) and not n.startswith("appealkit applies context rules")
        ),
        source=next((t.free_source for t in all_terms if t.free_source), ""),
        year=int(facts["year"]) if facts.get("year", "").isdigit() else None,
        file=str(path),
        line=concept.sourceline or 0,
        sources=tuple(s for t in all_terms for s in t.sources),
        un=facts.get("un") == "yes",
    )


def _rendering(terms: list[_Term], verified: bool) -> Rendering:
    chosen = next((i for i, t in enumerate(terms) if t.status == PREFERRED), 0)
    rest = terms[:chosen] + terms[chosen + 1 :]  # a form also flagged survives, for the lint to report
    flagged = [t for t in rest if t.status in (DEPRECATED, SUPERSEDED)]
    correct = [t for t in rest if t not in flagged]
    return Rendering(
        terms[chosen].text,
        accepted=tuple(t.text for t in correct if t.type != "shortForm"),
        forbidden=tuple(t.text for t in flagged if t.status == DEPRECATED),
        short=tuple(t.text for t in correct if t.type == "shortForm"),
        discouraged=tuple(t.text for t in flagged if t.status == SUPERSEDED),
        reasons=tuple((t.text, t.reason) for t in flagged if t.reason),
        verified=verified,
    )


# ---------------------------------------------------------------- TBX 2008 (MARTIF), for OmegaT 3


def export_tbx_2008(entries: list[Entry]) -> bytes:
    """The glossary as TBX 2008 (``<martif>``, translate-toolkit's ``tbx`` store), the only TBX OmegaT 3 reads.

    OmegaT 3 offers every term of a language as a translation whatever its status, so this export carries the
    correct forms only (preferred first, then accepted and short forms, each with its administrative status);
    forbidden and discouraged forms, reasons and sources stay in the TBX v3 and CSV exports.
    """
    from translate.storage.tbx import tbxfile

    store = tbxfile(sourcelanguage="en")
    for paragraph in store.document.getroot().iter("p"):
        paragraph.text = "appealkit glossary"  # the header's source description
    for entry in entries:
        unit = store.addsourceunit(entry.en[0])
        unit.setid(entry.id)
        unit.set_source_terms(list(entry.en))
        for lang in TARGET_LANGS:
            rendering = entry.rendering(lang)
            if rendering is not None and rendering.preferred:
                unit.set_target_terms([rendering.preferred, *rendering.accepted, *rendering.short], CAT_LANG_TAGS[lang])
        _statuses_2008(unit.xmlelement)
        if entry.note:
            note = etree.Element("note")
            note.text = entry.note
            unit.xmlelement.insert(0, note)  # auxiliary information comes before the language sets
    return bytes(store)


def _statuses_2008(term_entry: etree._Element) -> None:
    """Each <tig>'s administrative status: the first term of a language is preferred, the others admitted."""
    for lang_set in term_entry.iterchildren("langSet"):
        for index, tig in enumerate(lang_set.iterchildren("tig")):
            note = etree.SubElement(tig, "termNote", type="administrativeStatus")
            note.text = PREFERRED if index == 0 else ADMITTED
