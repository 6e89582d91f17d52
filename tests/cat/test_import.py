"""`appeal import`: a post-edited XLIFF written back into the letter, edits remembered, the result checked;
stale files and competing Markdown edits refused."""

from __future__ import annotations

import pytest
import yaml

from appealkit.letters import load_letter, split_front_matter
from appealkit.memory import TranslationMemory
from cat_support import GLOSSARY, appeal, copy_letter, set_target, xliff_targets

SLUG = "hrw-2015-nine-north-koreans"
P7_RIGHT, P7_WRONG = "90多个国家", "80多个国家"


@pytest.fixture
def letter(tmp_path):
    return copy_letter(SLUG, tmp_path)


def run(*args, cwd):
    return appeal(*args, "--glossary", GLOSSARY, cwd=cwd)


def export(letter, *extra):
    proc = run("export", letter, "--to", "zh", *extra, cwd=letter.parent)
    assert proc.returncode == 0, proc.stderr
    return letter / "zh.xlf"


def test_import_without_edits_changes_nothing(letter):
    before = (letter / "zh.md").read_bytes()
    xlf = export(letter)
    proc = run("import", xlf, cwd=letter.parent)
    assert proc.returncode == 0, proc.stderr
    assert (letter / "zh.md").read_bytes() == before
    assert "0 edited" in proc.stderr


def test_edited_unit_is_written_back_remembered_and_checked(letter):
    xlf = export(letter)
    edited = xliff_targets(xlf)["p7"].replace(P7_RIGHT, P7_WRONG)
    set_target(xlf, "p7", edited, state="translated")
    proc = run("import", xlf, "--format", "json", cwd=letter.parent)
    assert proc.returncode == 1, proc.stderr  # the check of the imported translation finds the error
    import json

    report = json.loads(proc.stdout)
    (changed,) = [f for f in report["findings"] if f["rule"] == "figure-changed"]
    assert changed["source_text"] == "90" and changed["file"].endswith("zh.md")
    written = load_letter(letter / "zh.md")
    assert P7_WRONG in written.paragraphs[6].text and len(written.paragraphs) == 19
    assert written.meta["translator"] == "appealkit maintainers"  # front matter kept
    assert written.meta["status"] == "draft"  # a unit is no longer final
    assert written.meta["source_sha256"] == load_letter(letter / "en.md").body_sha256
    with TranslationMemory(letter.parent / ".appeal" / "tm.sqlite") as memory:
        english = load_letter(letter / "en.md").paragraphs[6].text
        entry = memory.get(english, "zh")
        assert entry.human == edited and entry.human_status == "post-edited"
        assert len(memory.entries()) == 1  # only the edited unit


def test_all_final_units_keep_the_letter_approved(letter):
    xlf = export(letter)
    fixed = xliff_targets(xlf)["p5"] + "。"
    set_target(xlf, "p5", fixed)  # still state="final"
    assert run("import", xlf, cwd=letter.parent).returncode == 0
    assert load_letter(letter / "zh.md").meta["status"] == "approved"
    with TranslationMemory(letter.parent / ".appeal" / "tm.sqlite") as memory:
        assert memory.entries()[0].human_status == "approved"


def test_changed_english_is_refused_with_the_paragraphs(letter):
    xlf = export(letter)
    en = letter / "en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("over 90 countries", "over 100 countries"), encoding="utf-8")
    before = (letter / "zh.md").read_bytes()
    proc = run("import", xlf, cwd=letter.parent)
    assert proc.returncode == 2
    assert "paragraph 7 changed ('Human Rights Watch is an international" in proc.stderr
    assert proc.stderr.count("\n") == 1
    assert (letter / "zh.md").read_bytes() == before


def test_added_english_paragraph_is_refused(letter):
    xlf = export(letter)
    en = letter / "en.md"
    en.write_text(en.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    proc = run("import", xlf, cwd=letter.parent)
    assert proc.returncode == 2 and "paragraph 20 added ('A new closing paragraph.')" in proc.stderr


def test_markdown_edit_made_after_the_export_is_kept(letter):
    xlf = export(letter)
    zh = letter / "zh.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("尊敬的习近平主席：", "尊敬的习近平主席阁下："), encoding="utf-8")
    set_target(xlf, "p7", xliff_targets(xlf)["p7"] + "（译注）")
    proc = run("import", xlf, cwd=letter.parent)
    assert proc.returncode == 0, proc.stderr
    text = zh.read_text(encoding="utf-8")
    assert "尊敬的习近平主席阁下：" in text and "（译注）" in text  # both edits survive
    assert "Markdown edits kept in paragraphs 6" in proc.stderr


def test_conflicting_edits_refused_unless_forced_with_a_backup(letter):
    xlf = export(letter)
    zh = letter / "zh.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace(P7_RIGHT, "九十多个国家"), encoding="utf-8")
    set_target(xlf, "p7", xliff_targets(xlf)["p7"].replace(P7_RIGHT, "逾90个国家"))
    before = zh.read_bytes()
    proc = run("import", xlf, cwd=letter.parent)
    assert proc.returncode == 2 and "paragraph(s) 7 were edited both" in proc.stderr
    assert zh.read_bytes() == before
    proc = run("import", xlf, "--force", cwd=letter.parent)
    assert proc.returncode == 0, proc.stderr
    assert "逾90个国家" in zh.read_text(encoding="utf-8")
    (backup,) = letter.glob("zh.md.*.bak")
    assert backup.read_bytes() == before


def test_xliff21_sentence_round_trip(letter):
    xlf = export(letter, "--version", "2.1", "--segment", "sentence")
    targets = xliff_targets(xlf)
    assert "9名朝鲜难民" in targets["p8:s1"] and targets["p8:s2"]  # paragraph 8 split into sentences
    set_target(xlf, "p8:s1", targets["p8:s1"].replace("9名", "8名"))
    proc = run("import", xlf, cwd=letter.parent)
    assert proc.returncode == 1  # nine → 8 is a changed figure
    paragraph = load_letter(letter / "zh.md").paragraphs[7].text
    assert "8名朝鲜难民" in paragraph and paragraph.endswith(targets["p8:s4"])  # sentences joined back


def test_new_translation_from_memory_only_export(tmp_path):
    letter = tmp_path / "letter"
    letter.mkdir()
    (letter / "en.md").write_text("Nine people were detained.\n\nThey are at risk.\n", encoding="utf-8")
    xlf = export(letter)
    set_target(xlf, "p1", "九人被拘留。", state="translated")
    set_target(xlf, "p2", "他们面临危险。", state="translated")
    proc = run("import", xlf, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    meta, body, _ = split_front_matter((letter / "zh.md").read_text(encoding="utf-8"))
    assert body.strip() == "九人被拘留。\n\n他们面临危险。"
    assert meta["lang"] == "zh" and meta["status"] == "draft" and len(meta["segments"]) == 2
    assert yaml.safe_load(yaml.safe_dump(meta)) == meta


def test_xliff_not_from_appealkit_is_an_input_error(tmp_path):
    from cat_support import FIXTURES

    proc = appeal("import", FIXTURES / "seeded-1.2.xlf", cwd=tmp_path)
    assert proc.returncode == 2 and "no appealkit paragraph data" in proc.stderr
