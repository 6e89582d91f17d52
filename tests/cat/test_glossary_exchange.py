"""`appeal glossary export --format tbx|csv|tsv` and `appeal glossary import FILE`: the glossary moves into
termbases and back without losing a form, a status, a note or a source; imports merge into one YAML file and
are linted."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from lxml import etree

from appealkit.glossary import Entry, Rendering, load_glossary
from appealkit.glossary_exchange import entry_mapping, exchange_view, export_glossary, merge_into, read_termbase
from appealkit.formats.tbx import TBX_NS, export_tbx
from cat_support import GLOSSARY, appeal

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUSES = {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"}
TERM_TYPES = {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"}


@pytest.mark.parametrize("fmt", ["tbx", "csv", "tsv"])
def test_round_trip_keeps_every_entry(tmp_path, glossary, fmt):
    path = tmp_path / f"glossary.{fmt}"
    path.write_bytes(export_glossary(glossary.entries, fmt))
    back = read_termbase(path)
    assert [exchange_view(e) for e in back] == [exchange_view(e) for e in glossary.entries]


def test_tbx_is_tbx_basic_v3_in_dca_style(glossary):
    root = etree.fromstring(export_tbx(glossary.entries))
    q = lambda name: f"{{{TBX_NS}}}{name}"  # noqa: E731
    assert root.tag == q("tbx") and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    assert root.get(XML_LANG) == "en"
    assert [etree.QName(c).localname for c in root] == ["tbxHeader", "text"]
    concepts = root.findall(f".//{q('conceptEntry')}")
    assert len(concepts) == len(glossary.entries)
    assert len({c.get("id") for c in concepts}) == len(concepts)  # ids are unique xml:ids
    for concept in concepts:
        sections = concept.findall(q("langSec"))
        assert sections[0].get(XML_LANG) == "en" and all(s.get(XML_LANG) for s in sections)
        order = [etree.QName(c).localname for c in concept]
        assert order == sorted(order, key=lambda n: n == "langSec")  # concept data before language sections
        for term_sec in concept.iter(q("termSec")):
            assert etree.QName(term_sec[0]).localname == "term" and term_sec[0].text
            notes = {n.get("type"): n.text for n in term_sec.findall(q("termNote"))}
            assert notes["administrativeStatus"] in STATUSES
            assert notes.get("termType", "fullForm") in TERM_TYPES
        for section in sections:  # exactly one preferred term per language
            statuses = [n.text for n in section.iter(q("termNote")) if n.get("type") == "administrativeStatus"]
            assert statuses.count("preferredTerm-admn-sts") == 1


def test_tbx_statuses_notes_and_sources(glossary):
    entry = glossary.by_id["non-refoulement"]
    root = etree.fromstring(export_tbx([entry]))
    zh = next(s for s in root.iter(f"{{{TBX_NS}}}langSec") if s.get(XML_LANG) == "zh-CN")
    terms = {sec.find(f"{{{TBX_NS}}}term").text: sec for sec in zh}
    rendering = entry.rendering("zh")
    status = lambda sec: sec.find(f"{{{TBX_NS}}}termNote").text  # noqa: E731
    assert status(terms[rendering.preferred]) == "preferredTerm-admn-sts"
    zh_source = next(s for s in entry.sources if s.lang == "zh")
    admins = [a.text for a in terms[rendering.preferred].findall(f"{{{TBX_NS}}}admin")]
    assert f"[{zh_source.authority}] {zh_source.title}" in admins
    xrefs = [x.get("target") for x in terms[rendering.preferred].findall(f"{{{TBX_NS}}}xref")]
    assert zh_source.url in xrefs
    for form in rendering.forbidden:
        assert status(terms[form]) == "deprecatedTerm-admn-sts"
        assert terms[form].find(f"{{{TBX_NS}}}note").text == rendering.reason(form)  # why it is forbidden
    assert root.find(f".//{{{TBX_NS}}}descrip").text == entry.kind


def test_tbx_discouraged_and_unverified(glossary):
    entry = next(e for e in glossary.entries for r in e.targets.values() if r.discouraged)
    lang, rendering = next((lang, r) for lang, r in entry.targets.items() if r.discouraged)
    root = etree.fromstring(export_tbx([entry]))
    section = next(s for s in root.iter(f"{{{TBX_NS}}}langSec") if s.get(XML_LANG).startswith(lang))
    statuses = {sec.find(f"{{{TBX_NS}}}term").text: sec.find(f"{{{TBX_NS}}}termNote").text for sec in
                section.findall(f"{{{TBX_NS}}}termSec")}
    assert all(statuses[form] == "supersededTerm-admn-sts" for form in rendering.discouraged)
    unverified = next(e for e in glossary.entries for r in e.targets.values() if not r.verified)
    root = etree.fromstring(export_tbx([unverified]))
    notes = [n.text for s in root.iter(f"{{{TBX_NS}}}langSec") for n in s.findall(f"{{{TBX_NS}}}note")]
    assert "verified: no" in notes


def test_csv_has_the_termbase_import_layout(glossary):
    text = export_glossary(glossary.entries, "csv").decode("utf-8")
    assert text.startswith("\ufeff")  # Excel and memoQ detect UTF-8 by its BOM
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert list(rows[0])[:9] == ["Entry_ID", "Entry_Subject", "Entry_Note", "Entry_Source", "Entry_Sources",
                                 "Entry_Year", "Entry_UN", "en", "en_Admitted"]
    dprk = next(r for r in rows if r["Entry_ID"] == "dprk")
    assert dprk["zh-CN"] == glossary.by_id["dprk"].rendering("zh").preferred
    assert dprk["zh-CN_Short"] == ";".join(glossary.by_id["dprk"].rendering("zh").short)
    treaty = next(e for e in glossary.entries if e.year)
    assert next(r for r in rows if r["Entry_ID"] == treaty.id)["Entry_Year"] == str(treaty.year)


@pytest.fixture
def glossary_copy(tmp_path):
    target = tmp_path / "glossary"
    shutil.copytree(GLOSSARY, target)
    return target


NEW = Entry("truth-commission", "body", ("Truth Commission",),
            {"zh": Rendering("真相委员会", ("真相调查委员会",), ("真理委员会",)), "ko": Rendering("진실위원회")},
            note="from the termbase", source="UN terminology")


def test_import_of_the_glossarys_own_export_changes_nothing(tmp_path, glossary_copy):
    tbx = tmp_path / "all.tbx"
    tbx.write_bytes(export_glossary(load_glossary(glossary_copy).entries, "tbx"))
    proc = appeal("glossary", "import", tbx, "--glossary", glossary_copy)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"0 added, 0 merged, {len(load_glossary(glossary_copy).entries)} unchanged" in proc.stderr
    assert not (glossary_copy / "imported.yaml").exists()  # nothing to add: no file


def test_new_entry_is_added_then_linted_and_used(tmp_path, glossary_copy):
    tbx = tmp_path / "new.tbx"
    tbx.write_bytes(export_tbx([NEW]))
    proc = appeal("glossary", "import", tbx, "--glossary", glossary_copy)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 added" in proc.stderr
    loaded = load_glossary(glossary_copy)  # the merged glossary loads (lint-clean) and has the entry
    assert entry_mapping(loaded.by_id["truth-commission"]) == entry_mapping(NEW)
    again = appeal("glossary", "import", tbx, "--glossary", glossary_copy)
    assert again.returncode == 0 and "1 unchanged" in again.stderr


def test_merge_keeps_the_preferred_form_and_reports_the_other(tmp_path, glossary_copy):
    into = glossary_copy / "imported.yaml"
    merge_into([NEW], into, glossary_copy)
    other = Entry("truth-commission", "body", ("Truth Commission", "TC"),
                  {"zh": Rendering("真相和解委员会"), "ko": Rendering("진실위원회", forbidden=("진리위원회",))})
    report = merge_into([other], into, glossary_copy)
    assert report.merged == ["truth-commission"] and not report.problems
    assert "kept zh preferred '真相委员会'" in report.notes[0]
    merged = load_glossary(glossary_copy).by_id["truth-commission"]
    assert merged.en == ("Truth Commission", "TC")
    assert merged.rendering("zh").preferred == "真相委员会"
    assert "真相和解委员会" in merged.rendering("zh").accepted
    assert merged.rendering("ko").forbidden == ("진리위원회",)


def test_entry_of_another_file_is_reported_not_rewritten(tmp_path, glossary_copy):
    original = (glossary_copy / "terms.yaml").read_bytes()
    changed = load_glossary(glossary_copy).by_id["non-refoulement"]
    table = tmp_path / "t.csv"
    table.write_bytes(export_glossary([Entry(changed.id, changed.kind, changed.en,
                                             {**changed.targets, "zh": Rendering("不遣返原则")},
                                             changed.note, changed.source, changed.year)], "csv"))
    proc = appeal("glossary", "import", table, "--glossary", glossary_copy)
    assert proc.returncode == 0
    assert "terms.yaml" in proc.stderr and "non-refoulement differs from the termbase: edit it there" in proc.stderr
    assert (glossary_copy / "terms.yaml").read_bytes() == original


def test_contradictory_import_fails_the_lint(tmp_path, glossary_copy):
    bad = Entry("bad-term", "term", ("Truth Commission",), {"zh": Rendering("真相委员会", forbidden=("真相委员会",)),
                                                           "ko": Rendering("진실위원회")})
    tbx = tmp_path / "bad.tbx"
    tbx.write_bytes(export_tbx([bad]))
    proc = appeal("glossary", "import", tbx, "--glossary", glossary_copy)
    assert proc.returncode == 1
    assert "imported.yaml:" in proc.stdout  # lint problems as file:line: message


def test_export_command_writes_each_format(tmp_path):
    for fmt in ("tbx", "csv", "tsv"):
        proc = appeal("glossary", "export", "--format", fmt, "--glossary", GLOSSARY, "-o", tmp_path / f"g.{fmt}")
        assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "g.tsv").read_text(encoding="utf-8-sig").split("\n")[0].split("\t")[0] == "Entry_ID"
    assert etree.parse(str(tmp_path / "g.tbx")).getroot().tag == f"{{{TBX_NS}}}tbx"


def test_unknown_termbase_format_is_an_input_error(tmp_path):
    bad = tmp_path / "terms.xlsx"
    bad.write_bytes(b"PK")
    proc = appeal("glossary", "import", bad, "--glossary", GLOSSARY)
    assert proc.returncode == 2 and "unknown termbase format" in proc.stderr


def test_tbx_2008_for_omegat_carries_the_correct_forms_only(glossary):
    from appealkit.formats.tbx import export_tbx_2008

    root = etree.fromstring(export_tbx_2008(glossary.entries))
    assert root.tag == "martif" and root.get("type") == "TBX"
    entry = glossary.by_id["non-refoulement"]
    term_entry = next(e for e in root.iter("termEntry") if e.get("id") == entry.id)
    zh = next(s for s in term_entry.iter("langSet") if s.get(XML_LANG) == "zh-CN")
    terms = [(tig.findtext("term"), tig.findtext("termNote")) for tig in zh.iter("tig")]
    rendering = entry.rendering("zh")
    assert terms[0] == (rendering.preferred, "preferredTerm-admn-sts")
    assert [t for t, _ in terms] == [rendering.preferred, *rendering.accepted, *rendering.short]
    assert not set(rendering.forbidden) & {t for t, _ in terms}
