"""Front matter checked at file:line; Korean count hints; file findings join the results of their letters."""

from pathlib import Path

from appealkit.checks.files import FileContext
from appealkit.checks.files import front_matter_key, front_matter_lang, front_matter_status
from appealkit.discovery import TreeFile, discover
from appealkit.letters import parse_letter
from appealkit.numerals.forms import localized_forms, native_korean
from appealkit.tree_check import report_files


def context(front: str, name: str = "zh.md", kind: str = "translation", lang: str = "zh") -> FileContext:
    return FileContext(TreeFile(Path(name), kind, lang), parse_letter(f"---\n{front}---\n正文。\n", name))


def test_lang_contradicting_the_file_name_at_its_line():
    [hit] = front_matter_lang(context("status: draft\nlang: ko\n"))
    assert hit.line == 3 and "lang: ko" in hit.message and "zh.md" in hit.message
    assert list(front_matter_lang(context("lang: zh-Hans\n"))) == []
    assert list(front_matter_lang(context("lang: zh_CN\n"))) == []


def test_status_outside_the_known_values():
    [hit] = front_matter_status(context("lang: zh\nstatus: aproved\n"))
    assert hit.line == 3 and "did you mean 'approved'" in hit.message
    assert list(front_matter_status(context("status: pseudo\n"))) == []
    [english] = front_matter_status(context("status: pseudo\n", "en.md", "source", "en"))
    assert "known: draft, approved" in english.message or "did you mean" in english.message


def test_misspelt_keys_but_not_a_teams_own():
    hits = list(front_matter_key(context("lang: zh\nstauts: draft\nsorce_sha256: abc\nreviewer: Kim\n")))
    assert [(h.line, h.expected) for h in hits] == [(3, ("status",)), (4, ("source_sha256",))]


def test_korean_count_hints_show_what_translators_write():
    assert localized_forms(9, "ko", "cardinal", " North Koreans were returned") == ("9명", "아홉 명")
    assert localized_forms(4, "ko", "age") == ("4세", "네 살", "4살")
    assert localized_forms(12, "ko", "cardinal", " trucks") == ("12", "열두")
    assert "구" not in localized_forms(9, "ko") and localized_forms(9, "zh") == ("9", "九")
    assert [native_korean(n) for n in (1, 2, 10, 20, 21, 99)] == ["한", "두", "열", "스무", "스물한", "아흔아홉"]


def test_file_findings_join_their_letter_or_a_result_of_their_own(tmp_path):
    for name, text in {"a/en.md": "Nine refugees.\n", "a/notes.txt": "x\n", "b/zh.md": "九名难民。\n"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = discover([tmp_path])
    results = report_files(found.files, [])
    assert [(r.checked, [f.rule for f in r.findings]) for r in results] == [
        (False, ["file-untranslated-letter", "file-unknown"]), (False, ["file-orphan-translation"])]
    assert all(f.category == "file" and f.line == 1 for r in results for f in r.findings)
