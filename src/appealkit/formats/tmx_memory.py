"""The translation memory as TMX 1.4b, both ways (translate-toolkit's ``tmx`` store).

Each memory segment becomes up to two ``<tu>``: the latest human translation and the machine draft, told apart
by ``<prop type="x-appealkit-origin">`` (``human`` / ``machine``), with the human status
(``x-appealkit-status``), the engine (``x-appealkit-engine``) and whether the draft needed repair
(``x-appealkit-review``). A ``<tu>`` without that property (a CAT tool's own memory, OmegaT's
``project_save.tmx``) is a human translation.

Importing merges without losing edits: a human translation the memory already holds is never replaced by a
different one from the file (reported as a conflict, unless ``prefer_file``), and machine drafts never
replace anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from appealkit import __version__
from appealkit.formats.tmx_read import parse_tmx, tuv_texts
from appealkit.formats.units import CAT_LANG_TAGS
from appealkit.memory import TranslationMemory

PROP_PREFIX = "x-appealkit-"
HUMAN, MACHINE = "human", "machine"


def _tu(store, source: str, lang: str, text: str, props: dict[str, str]) -> None:
    store.addtranslation(source, "en", text, CAT_LANG_TAGS.get(lang, lang))
    element = store.units[-1].xmlelement
    for position, (key, value) in enumerate(props.items()):  # <prop> comes before <tuv> in the DTD
        prop = etree.Element("prop", type=PROP_PREFIX + key)
        prop.text = value
        element.insert(position, prop)


def export_tmx(memory: TranslationMemory, langs: tuple[str, ...] = ("zh", "ko")) -> bytes:
    """TMX of the memory's real translations (pseudo-localised test output is left out)."""
    from translate.storage.tmx import tmxfile

    store = tmxfile(sourcelanguage="en")
    header = store.document.getroot().find("header")
    header.set("creationtool", "appealkit")
    header.set("creationtoolversion", __version__)
    header.set("segtype", "paragraph")
    for entry in memory.entries():
        if entry.lang not in langs:
            continue
        if entry.human:
            _tu(
                store,
                entry.source,
                entry.lang,
                entry.human,
                {"origin": HUMAN, "status": entry.human_status or "post-edited"},
            )
        if entry.machine:
            _tu(
                store,
                entry.source,
                entry.lang,
                entry.machine,
                {"origin": MACHINE, "engine": entry.engine or "unknown", "review": "yes" if entry.review else "no"},
            )
    return bytes(store)


@dataclass
class MergeReport:
    human_added: int = 0
    machine_added: int = 0
    unchanged: int = 0
    replaced: int = 0
    conflicts: list[tuple[str, str, str, str]] = field(default_factory=list)  # (lang, English, memory, file)


def _props(tu: etree._Element) -> dict[str, str]:
    return {
        p.get("type", "")[len(PROP_PREFIX) :]: (p.text or "")
        for p in tu.iterchildren("prop")
        if p.get("type", "").startswith(PROP_PREFIX)
    }


def import_tmx(path: Path, memory: TranslationMemory, prefer_file: bool = False) -> MergeReport:
    store = parse_tmx(path, path.read_bytes())
    report = MergeReport()
    for tu in (unit.xmlelement for unit in store.units):
        texts = tuv_texts(tu)
        if "en" not in texts:
            continue
        props = _props(tu)
        source = texts["en"][0]
        for lang in ("zh", "ko"):
            if lang in texts and texts[lang][0].strip():
                _merge_one(memory, report, source, lang, texts[lang][0], props, prefer_file)
    return report


def _merge_one(
    memory: TranslationMemory,
    report: MergeReport,
    source: str,
    lang: str,
    text: str,
    props: dict[str, str],
    prefer_file: bool,
) -> None:
    entry = memory.get(source, lang)
    if props.get("origin") == MACHINE:
        if entry is not None and entry.machine:
            report.unchanged += 1
        else:
            memory.store_machine(source, lang, text, props.get("engine") or "tmx", review=props.get("review") == "yes")
            report.machine_added += 1
        return
    if entry is None or not entry.human:
        memory.store_human(source, lang, text, props.get("status") or "post-edited")
        report.human_added += 1
    elif entry.human.strip() == text.strip():
        report.unchanged += 1
    elif prefer_file:
        memory.store_human(source, lang, text, props.get("status") or "post-edited")
        report.replaced += 1
    else:
        report.conflicts.append((lang, source, entry.human, text))
