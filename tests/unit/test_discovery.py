"""Discovery: every file under a checked tree is a pair to check or a file to report."""

from pathlib import Path

import pytest

from appealkit.discovery import discover, ignored, translation_lang, unknown_hint
from appealkit.errors import AppealInputError


def tree(root: Path, *names: str) -> Path:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n", encoding="utf-8")
    return root


def kinds(found, root: Path) -> dict[str, str]:
    return {f.path.relative_to(root).as_posix(): f.kind for f in found.files}


@pytest.mark.parametrize("name, lang", [("zh.md", "zh"), ("ko.md", "ko"), ("zh-Hans.md", "zh"), ("zh-CN.md", "zh"),
                                        ("zh_CN.md", "zh"), ("ko-KR.md", "ko"), ("ko_kr.md", "ko"),
                                        ("zh-Hant.md", None), ("zh-TW.md", None), ("zh.txt", None), ("En.md", None),
                                        ("en.md", None), ("fr.md", None)])
def test_translation_names_and_aliases(name, lang):
    assert translation_lang(name) == lang


def test_every_file_is_checked_or_reported(tmp_path):
    root = tree(tmp_path / "letters", "a/en.md", "a/zh.md", "a/ko-KR.md", "a/zh.txt", "a/notes.docx",
                "b/En.md", "b/zh.md", "c/zh_CN.md")
    found = discover([root])
    assert [(p.target.name, p.lang) for p in found.pairs] == [("ko-KR.md", "ko"), ("zh.md", "zh")]
    assert kinds(found, root) == {"a/en.md": "source", "a/zh.md": "translation", "a/ko-KR.md": "translation",
                                  "a/zh.txt": "unknown", "a/notes.docx": "unknown", "b/En.md": "unknown",
                                  "b/zh.md": "orphan", "c/zh_CN.md": "orphan"}
    orphan = next(f for f in found.files if f.path == root / "b" / "zh.md")
    assert "found En.md: rename it en.md" in orphan.hint


def test_hidden_files_and_translate_backups_are_not_reported(tmp_path):
    root = tree(tmp_path, "a/en.md", "a/zh.md", "a/.DS_Store", ".git/config", "a/zh.md.20261206T051500.bak",
                "a/zh.md.20261206T051500-1.bak")
    assert [f.kind for f in discover([root]).files] == ["source", "translation"]


def test_ignore_globs_like_gitignore(tmp_path):
    root = tree(tmp_path / "letters", "a/en.md", "a/zh.md", "a/notes.txt", "drafts/b/zh.md", "a/old/zh.md")
    assert {f.path.name for f in discover([root], ignore=["*.txt"]).files if f.kind == "unknown"} == set()
    left = discover([root], ignore=["*.txt", "drafts", "a/old/"]).files
    assert sorted(f.kind for f in left) == ["source", "translation"]
    assert ignored(root / "a" / "notes.txt", root, ["letters/a/*.txt"], base=tmp_path)
    assert not ignored(root / "a" / "zh.md", root, ["letters/a/*.txt"], base=tmp_path)


def test_lang_option_skips_the_other_language_silently(tmp_path):
    root = tree(tmp_path, "a/en.md", "a/zh.md", "a/ko.md")
    found = discover([root], ("zh",))
    assert [p.lang for p in found.pairs] == ["zh"] and all(f.path.name != "ko.md" for f in found.files)


def test_named_files(tmp_path):
    root = tree(tmp_path, "a/en.md", "a/zh.md", "b/zh.md", "a/notes.txt")
    assert [p.lang for p in discover([root / "a" / "en.md"]).pairs] == ["zh"]
    assert [p.target for p in discover([root / "a" / "zh.md"]).pairs] == [root / "a" / "zh.md"]
    with pytest.raises(AppealInputError, match=r"no en\.md beside"):
        discover([root / "b" / "zh.md"])
    with pytest.raises(AppealInputError, match="not a letter file"):
        discover([root / "a" / "notes.txt"])
    with pytest.raises(AppealInputError, match="no such file"):
        discover([root / "nope"])


@pytest.mark.parametrize("name, fragment", [("zh.txt", "named zh.md"), ("En.md", "named en.md"),
                                            ("ZH.md", "named zh.md"), ("zh-Hant.md", "Traditional Chinese"),
                                            ("README.md", "not a letter file")])
def test_unknown_hints(name, fragment):
    assert fragment in unknown_hint(Path(name))
