"""`appeal export`: letters as XLIFF 1.2 / 2.1 for post-editing, valid against the official schemas, with states,
the facts each unit must keep as notes, and the English paragraph hashes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from appealkit.cat_export import export_letter, output_paths
from appealkit.checker import check_bilingual
from appealkit.formats import read_bilingual
from appealkit.letters import load_letter
from appealkit.memory import TranslationMemory, segment_hash
from cat_schemas import assert_valid_xliff
from cat_support import GLOSSARY, LETTERS, ROOT, appeal, copy_letter

SLUGS = sorted(p.name for p in LETTERS.iterdir() if (p / "en.md").is_file())


@pytest.mark.parametrize("version", ["1.2", "2.1"])
@pytest.mark.parametrize("segment", ["paragraph", "sentence"])
def test_every_shipped_letter_exports_valid_xliff(tmp_path, version, segment):
    for slug in SLUGS:
        proc = appeal("export", LETTERS / slug, "--to", "zh,ko", "--version", version, "--segment", segment,
                      "-o", f"{tmp_path}/", "--glossary", GLOSSARY)
        assert proc.returncode == 0, proc.stderr
        for lang in ("zh", "ko"):
            path = tmp_path / f"{slug}.{lang}.xlf"
            assert_valid_xliff(path)
            (found,) = read_bilingual(path)
            assert found.target_lang == lang and found.source_lang == "en"
            paragraphs = load_letter(LETTERS / slug / "en.md").paragraphs
            numbers = {int(u.meta["paragraph"]) for u in found.units}
            assert numbers == set(range(1, len(paragraphs) + 1))
            for unit in found.units:
                english = paragraphs[int(unit.meta["paragraph"]) - 1].text
                assert unit.meta["source-sha256"] == segment_hash(english)
                assert unit.source in english


def test_export_goes_beside_the_letter_by_default(tmp_path):
    letter = copy_letter("hrw-2015-nine-north-koreans", tmp_path)
    proc = appeal("export", letter, "--glossary", GLOSSARY)
    assert proc.returncode == 0, proc.stderr
    assert (letter / "zh.xlf").is_file() and (letter / "ko.xlf").is_file()


def test_output_paths():
    source = Path("letters/x/en.md")
    assert output_paths(source, ["zh"], None) == {"zh": Path("letters/x/zh.xlf")}
    assert output_paths(source, ["zh"], "out.xlf") == {"zh": Path("out.xlf")}
    assert output_paths(source, ["zh", "ko"], "out") == {"zh": Path("out/x.zh.xlf"), "ko": Path("out/x.ko.xlf")}
    assert output_paths(source, ["ko"], "out/") == {"ko": Path("out/x.ko.xlf")}


def _units(path: Path):
    (found,) = read_bilingual(path)
    return {u.id: u for u in found.units}


def test_approved_translation_exports_final_with_fact_notes(tmp_path, glossary):
    written = export_letter(LETTERS / "hrw-2015-nine-north-koreans", ["zh"], glossary, output=tmp_path / "x.xlf")
    tree = etree.parse(str(written["zh"]))
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    p3 = tree.find(".//x:trans-unit[@id='p3']", ns)
    assert p3.find("x:target", ns).get("state") == "final" and p3.get("approved") == "yes"
    note = p3.find("x:note", ns)
    assert note.get("from") == "appealkit"
    assert "date: November 24, 2015 → 2015年11月24日" in note.text
    p7 = tree.find(".//x:trans-unit[@id='p7']", ns).find("x:note", ns).text
    assert "figure: over 90 → 超过90" in p7  # the whole expression, as translation writes it (issue 15)
    units = _units(written["zh"])
    assert units["p3"].target == "2015年11月24日" and units["p3"].state == "final"


def test_forbidden_renderings_are_named_in_the_notes(tmp_path, glossary):
    entry = next(e for e in glossary.entries if e.rendering("zh") and e.rendering("zh").forbidden
                 and e.kind == "term")
    letter = tmp_path / "letter"
    letter.mkdir()
    (letter / "en.md").write_text(f"We recall the {entry.en[0]}.\n", encoding="utf-8")
    written = export_letter(letter, ["zh"], glossary)
    (unit,) = _units(written["zh"]).values()
    notes = etree.parse(str(written["zh"])).getroot().find(".//{*}note").text
    assert f"never {', '.join(entry.rendering('zh').forbidden)}" in notes
    assert unit.target == "" and unit.state == "new"


def test_without_a_translation_the_memory_gives_drafts_and_edits(tmp_path, glossary):
    letter = tmp_path / "letter"
    letter.mkdir()
    (letter / "en.md").write_text("Nine people were detained.\n\nThey are at risk.\n", encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.store_machine("Nine people were detained.", "zh", "九人被拘留。", "argos")
        memory.store_human("They are at risk.", "zh", "他们面临危险。")
        written = export_letter(letter, ["zh"], glossary, memory, version="1.2")
    units = _units(written["zh"])
    assert (units["p1"].target, units["p1"].state) == ("九人被拘留。", "needs-review-translation")
    assert (units["p2"].target, units["p2"].state) == ("他们面临危险。", "translated")
    tree = etree.parse(str(written["zh"]))
    assert tree.find(".//{*}target").get("state-qualifier") == "mt-suggestion"


def test_xliff21_states_notes_and_metadata(tmp_path, glossary):
    written = export_letter(LETTERS / "hrw-2015-nine-north-koreans", ["ko"], glossary, version="2.1",
                            output=tmp_path / "ko.xlf")
    root = etree.parse(str(written["ko"])).getroot()
    assert root.get("version") == "2.1" and root.get("trgLang") == "ko-KR"
    unit = root.find(".//{*}unit[@id='p3']")
    children = [etree.QName(c).localname for c in unit]
    assert children == ["metadata", "notes", "segment"]  # the order the XLIFF 2 schema requires
    assert unit.find("{*}segment").get("state") == "final"
    assert "2015년 11월 24일" in unit.find(".//{*}note").text


def test_sentence_segments_pair_the_translation_when_it_splits_alike(tmp_path, glossary):
    letter = tmp_path / "letter"
    letter.mkdir()
    (letter / "en.md").write_text("Nine people were detained. They are at risk.\n\nOne more paragraph here.\n",
                                  encoding="utf-8")
    (letter / "zh.md").write_text("九人被拘留。他们面临危险。\n\n另一段。又一句。\n", encoding="utf-8")
    written = export_letter(letter, ["zh"], glossary, version="2.1", segmentation="sentence")
    units = _units(written["zh"])
    assert units["p1:s1"].target == "九人被拘留。" and units["p1:s2"].target == "他们面临危险。"
    assert units["p2"].target == ""  # two Chinese sentences for one English one: not guessed
    assert "另一段。又一句。" in etree.parse(str(written["zh"])).getroot().findall(".//{*}unit")[1].find(".//{*}note").text


def test_prefill_source_copies_the_english_for_in_place_tools(tmp_path, glossary):
    written = export_letter(LETTERS / "hrw-2015-nine-north-koreans", ["zh"], glossary, output=tmp_path / "z.xlf",
                            prefill="source")
    assert_valid_xliff(written["zh"])
    units = _units(written["zh"])
    assert all(u.target == u.source and u.state == "needs-translation" for u in units.values())


def test_exported_seeded_letter_is_checked_unit_by_unit(tmp_path, glossary):
    """The XLIFF carries the seeded errors of tests/fixtures/seeded: `appeal check FILE.xlf` finds them."""
    seeded = ROOT / "tests" / "fixtures" / "seeded" / "coalition-2023-asian-games"
    written = export_letter(seeded, ["zh"], glossary, output=tmp_path / "seeded.xlf")
    (found,) = read_bilingual(written["zh"])
    findings = check_bilingual(found, glossary).findings
    texts = {(f.category, f.source_text) for f in findings if f.severity == "error"}
    assert ("figure", "2,000") in texts
    assert any(cat == "citation" and "Convention against Torture" in text for cat, text in texts)
    assert any(cat == "date" and "September 7, 2023" in text for cat, text in texts)
    assert all(f.unit and f.unit.startswith("p") for f in findings)


def test_export_refuses_a_folder_without_english(tmp_path):
    proc = appeal("export", tmp_path, "--glossary", GLOSSARY)
    assert proc.returncode == 2 and "no en.md" in proc.stderr
