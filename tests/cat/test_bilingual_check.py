"""`appeal check FILE` on CAT tools' bilingual files: units aligned by id, findings at unit id and line in
every report format, inline codes out of the checked text, lost codes reported, skipped units counted."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from hypothesis import given, strategies as st
from junitparser import JUnitXml
from lxml import etree

from appealkit.checker import check_bilingual
from appealkit.formats import read_bilingual
from appealkit.formats.inline import split_inline
from cat_support import FIXTURES, ROOT, appeal

SARIF_SCHEMA = ROOT / "tests" / "reports" / "sarif-schema-2.1.0.json"


def findings_of(path, glossary, lang=None):
    return [f for found in read_bilingual(path, lang) for f in check_bilingual(found, glossary, lang).findings]


def by_unit(findings):
    table: dict[str, set[str]] = {}
    for f in findings:
        table.setdefault(f.unit, set()).add(f.rule)
    return table


def test_xliff12_units_checked_by_id_with_codes_kept_out(glossary):
    findings = findings_of(FIXTURES / "seeded-1.2.xlf", glossary)
    table = by_unit(findings)
    assert table["p1"] == {"figure-changed", "structure-inline-code-lost"}  # 2,000 → 200; <x id="2"/> dropped
    # an empty target is a missing unit: one cause, one finding (issue 9), not also the date it held
    assert table["p4"] == {"structure-missing-paragraph"}
    assert "p5" not in table  # <ph> codes around the date: not text, and kept in the translation
    lost = next(f for f in findings if f.rule == "structure-inline-code-lost")
    assert lost.found is None and lost.expected == ("x:2",)
    changed = next(f for f in findings if f.rule == "figure-changed")
    assert (changed.line, changed.source_line) == (7, 6)  # the <target> and <source> lines of unit p1


def test_xliff12_skipped_units_are_counted(glossary):
    (found,) = read_bilingual(FIXTURES / "seeded-1.2.xlf")
    assert found.target_lang == "zh" and found.format == "xliff-1.2"
    assert found.skipped == {"empty by design": 1, "not translatable": 1}  # p3 holds only a code; p2 in a
    assert check_bilingual(found, glossary).skipped == found.skipped      # translate="no" group


def test_xliff2_segments_are_units_and_language_comes_from_the_file(glossary):
    (found,) = read_bilingual(FIXTURES / "seeded-2.0.xlf")
    assert (found.format, found.target_lang) == ("xliff-2", "ko")
    assert [u.id for u in found.units] == ["u1:s1", "u1:s2", "u2"]
    assert found.skipped == {"not translatable": 1}
    table = by_unit(check_bilingual(found, glossary).findings)
    assert table == {"u1:s1": {"figure-changed", "structure-inline-code-lost"}}  # <pc> kept, <ph id="2"/> lost


def test_sdlxliff_segments_aligned_by_mid_and_locked_segments_skipped(glossary):
    (found,) = read_bilingual(FIXTURES / "seeded.sdlxliff")
    assert found.format == "sdlxliff"
    assert [(u.id, u.skip) for u in found.units] == [("a1b2:1", ""), ("a1b2:2", "locked")]
    assert by_unit(check_bilingual(found, glossary).findings) == {"a1b2:1": {"figure-changed"}}


def test_po_entries_with_lines_header_and_obsolete_left_out(glossary):
    (found,) = read_bilingual(FIXTURES / "seeded.po")
    assert found.target_lang == "ko"
    assert [(u.line, u.state) for u in found.units] == [(7, ""), (12, "fuzzy")]
    assert found.units[1].id.startswith("signature|")
    findings = check_bilingual(found, glossary).findings
    assert [(f.rule, f.line) for f in findings] == [("figure-changed", 7)]


def test_tmx_gives_one_result_per_target_language(glossary):
    ko, zh = read_bilingual(FIXTURES / "seeded.tmx")  # sorted by language
    assert (ko.target_lang, zh.target_lang) == ("ko", "zh")
    assert by_unit(check_bilingual(zh, glossary).findings) == {"one": {"figure-changed"},
                                                               "tu2": {"structure-inline-code-lost"}}
    assert check_bilingual(ko, glossary).findings == []  # 2,000 kept; the second tu has no Korean
    (only_ko,) = read_bilingual(FIXTURES / "seeded.tmx", "ko")
    assert only_ko.target_lang == "ko"


def test_lang_option_overrides_the_file(glossary):
    (found,) = read_bilingual(FIXTURES / "seeded.po", "zh")
    assert found.target_lang == "zh"


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    proc = appeal("check", FIXTURES / "seeded-1.2.xlf", "--glossary", ROOT / "glossary", "--format", "json",
                  *[arg for fmt in ("text", "sarif", "junit", "github", "html")
                    for arg in (f"--output-{fmt}", out / f"report.{fmt}")])
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout), {p.suffix[1:]: p.read_text(encoding="utf-8") for p in out.iterdir()}


def test_every_format_locates_findings_at_unit_and_line(reports):
    document, files = reports
    seeded = next(f for f in document["findings"] if f["rule"] == "figure-changed")
    assert (seeded["unit"], seeded["line"]) == ("p1", 7)
    assert document["pairs"][0]["skipped"] == {"empty by design": 1, "not translatable": 1}
    assert "unit p1 at line 7:" in files["text"] and "2 unit(s) skipped" in files["text"]
    assert "::error file=tests/cat/fixtures/seeded-1.2.xlf,line=7,title=figure-changed [zh] unit p1::" in files["github"]
    assert "unit p4, line 21" in files["html"]
    junit = JUnitXml.fromstring(files["junit"].encode("utf-8"))
    texts = [r.text for suite in junit for case in suite for r in case.result]
    assert any("seeded-1.2.xlf:7: unit p1, error figure-changed" in t for t in texts)


def test_sarif_names_the_unit_and_stays_valid(reports):
    _, files = reports
    sarif = json.loads(files["sarif"])
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "figure-changed")
    location = result["locations"][0]
    assert location["logicalLocations"] == [{"name": "p1", "kind": "element"}]
    assert location["physicalLocation"]["region"] == {"startLine": 7}  # no columns: codes were taken out
    assert result["properties"]["unit"] == "p1"
    assert result["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 6}


def test_clean_file_exits_zero_and_unknown_language_exits_two(tmp_path):
    clean = tmp_path / "clean.po"
    clean.write_text('msgid ""\nmsgstr "Language: zh\\n"\n\nmsgid "Nine people."\nmsgstr "九人。"\n', encoding="utf-8")
    assert appeal("check", clean).returncode == 0
    unknown = tmp_path / "fr.po"
    unknown.write_text('msgid ""\nmsgstr "Language: fr\\n"\n\nmsgid "Nine."\nmsgstr "Neuf."\n', encoding="utf-8")
    proc = appeal("check", unknown)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "fr.po" in proc.stderr


def test_malformed_xliff_is_one_line_naming_file_and_line(tmp_path):
    broken = tmp_path / "broken.xlf"
    broken.write_text('<xliff version="1.2">\n<file>\n</xliff>\n', encoding="utf-8")
    proc = appeal("check", broken)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"appeal: error: {broken}:3:") and proc.stderr.count("\n") == 1


def test_checking_letters_does_not_import_the_cat_libraries():
    """`appeal check letters/` stays light: translate-toolkit and lxml load only for a bilingual file."""
    code = ("import sys; from click.testing import CliRunner; from appealkit.cli import main; "
            "r = CliRunner().invoke(main, ['check', 'letters/']); "
            "print(r.exit_code, 'translate' in sys.modules, 'lxml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.stdout.split() == ["0", "False", "False"], out.stderr


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)


@given(st.lists(st.tuples(_TEXT, st.sampled_from(["x", "ph", "g", "bpt", "none"]), st.integers(1, 9)), max_size=6))
def test_split_inline_keeps_every_text_and_lists_every_code(pieces):
    source = etree.Element("source")
    expected_text, expected_codes, last = "", [], None
    source.text = ""
    for text, code, ident in pieces:
        if code == "none":
            holder = last if last is not None else source
            attr = "tail" if last is not None else "text"
            setattr(holder, attr, (getattr(holder, attr) or "") + text)
            expected_text += text
            continue
        last = etree.SubElement(source, code, id=str(ident))
        if code == "g":
            last.text = text
            expected_text += text
        elif code in ("ph", "bpt"):
            last.text = text  # native markup: not translatable text
        expected_codes.append(f"{code}:{ident}")
    assert split_inline(source) == (expected_text, tuple(expected_codes))
