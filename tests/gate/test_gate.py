"""The CI gate cannot be fooled: every trick of issue 12, tried through the real ``python -m appealkit``.

Each test starts from a shipped letter (0 errors as it is), plays one trick on a copy, and proves the gate
reports it: the rule, the exit status, and that the report is one finding, not a flood.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SLUG = "hrw-2015-nine-north-koreans"
SHIPPED = ROOT / "letters" / SLUG


def appeal(*args, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "appealkit", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env={**os.environ, **(env or {})})


@pytest.fixture
def letters(tmp_path: Path) -> Path:
    """tmp/letters/<slug>/ with en.md, zh.md and ko.md, and the repository's glossary in tmp/glossary."""
    shutil.copytree(SHIPPED, tmp_path / "letters" / SLUG)
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    return tmp_path / "letters"


def check_json(letters: Path, *options) -> tuple[int, list[dict], dict]:
    proc = appeal("check", letters, "--format", "json", "--no-cache", *options, cwd=letters.parent)
    assert proc.returncode in (0, 1), proc.stderr
    document = json.loads(proc.stdout)
    return proc.returncode, document["findings"], document


def rules(findings: list[dict], severity: str | None = None) -> list[str]:
    return sorted(f["rule"] for f in findings if severity is None or f["severity"] == severity)


def paragraphs(path: Path) -> tuple[str, list[str]]:
    head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    return head + "\n---\n", body.strip().split("\n\n")


def rewrite(path: Path, paragraphs_of: list[str], head: str) -> None:
    path.write_text(head + "\n\n".join(paragraphs_of) + "\n", encoding="utf-8")


def test_the_untouched_letter_passes(letters):
    code, findings, _ = check_json(letters)
    assert code == 0 and rules(findings, "error") == []


# ------------------------------------------------------------------ nothing passes unseen
def test_translation_without_its_english_is_an_error(letters):
    (letters / SLUG / "en.md").unlink()
    code, findings, document = check_json(letters)
    assert code == 1 and rules(findings) == ["file-orphan-translation", "file-orphan-translation"]
    assert document["pairs"] == []


def test_english_without_any_translation_is_listed_but_does_not_fail(letters):
    (letters / "new-letter").mkdir()
    shutil.copy(letters / SLUG / "en.md", letters / "new-letter" / "en.md")
    code, findings, _ = check_json(letters)
    listed = [f for f in findings if f["rule"] == "file-untranslated-letter"]
    assert code == 0 and len(listed) == 1 and listed[0]["severity"] == "info"
    assert listed[0]["file"].endswith("new-letter/en.md")


def test_misnamed_english_is_reported_and_names_the_fix(letters):
    (letters / SLUG / "en.md").rename(letters / SLUG / "En.md")
    code, findings, _ = check_json(letters)
    assert code == 1 and rules(findings) == ["file-orphan-translation", "file-orphan-translation", "file-unknown"]
    assert any("found En.md: rename it en.md" in f["message"] for f in findings)


def test_unknown_file_is_a_warning_unless_the_configuration_ignores_it(letters):
    shutil.copy(letters / SLUG / "zh.md", letters / SLUG / "zh.txt")
    code, findings, _ = check_json(letters)
    assert code == 0 and rules(findings, "warning").count("file-unknown") == 1
    assert check_json(letters, "--fail-on", "warning")[0] == 1
    (letters.parent / "appealkit.toml").write_text('exclude = ["*.txt"]\n', encoding="utf-8")
    assert "file-unknown" not in rules(check_json(letters)[1])


@pytest.mark.parametrize("zh_name, ko_name", [("zh-Hans.md", "ko-KR.md"), ("zh_CN.md", "ko_KR.md"),
                                              ("zh-CN.md", "ko.md")])
def test_language_tag_aliases_are_checked(letters, zh_name, ko_name):
    (letters / SLUG / "zh.md").rename(letters / SLUG / zh_name)
    (letters / SLUG / "ko.md").rename(letters / SLUG / ko_name)
    code, findings, document = check_json(letters)
    assert code == 0 and sorted(Path(p["target"]).name for p in document["pairs"]) == sorted([zh_name, ko_name])
    assert "file-unknown" not in rules(findings)


def test_empty_english_against_a_full_translation(letters):
    (letters / SLUG / "en.md").write_text("---\ntitle: x\nstatus: approved\n---\n", encoding="utf-8")
    code, findings, _ = check_json(letters)
    assert code == 1 and rules(findings, "error") == ["structure-empty-source", "structure-empty-source"]


def test_empty_translation_is_one_error(letters):
    (letters / SLUG / "zh.md").write_text("---\nlang: zh\n---\n", encoding="utf-8")
    code, findings, _ = check_json(letters)
    zh = [f for f in findings if f["file"].endswith("zh.md")]
    assert code == 1 and rules(zh, "error") == ["structure-empty-translation"] and len(zh) <= 2


@pytest.mark.parametrize("written, into, expected", [("ko", "zh", "written in Korean, not Chinese"),
                                                     ("zh", "ko", "written in Chinese, not Korean"),
                                                     ("en", "zh", "written in English, not Chinese")])
def test_wrong_language_is_one_clear_finding(letters, written, into, expected):
    head = paragraphs(letters / SLUG / f"{into}.md")[0]
    text = paragraphs(letters / SLUG / f"{written}.md")[1] if written != "en" else \
        (letters / SLUG / "en.md").read_text(encoding="utf-8").split("\n---\n", 1)[1].strip().split("\n\n")
    rewrite(letters / SLUG / f"{into}.md", text, head)
    code, findings, _ = check_json(letters)
    mine = [f for f in findings if f["file"].endswith(f"{into}.md")]
    assert code == 1 and rules(mine, "error") == ["untranslated-wrong-language"] and len(mine) <= 3
    assert any(expected in f["message"] for f in mine)


def test_front_matter_contradictions_are_reported_at_their_lines(letters):
    path = letters / SLUG / "zh.md"
    text = path.read_text(encoding="utf-8").replace("lang: zh", "lang: ko")
    path.write_text(text.replace("status: approved", "status: aproved").replace("translator:", "transaltor:"),
                    encoding="utf-8")
    code, findings, _ = check_json(letters)
    lines = {f["rule"]: f["line"] for f in findings if f["category"] == "file"}
    assert code == 1 and lines == {"file-front-matter-lang": 2, "file-front-matter-status": 5,
                                   "file-front-matter-key": 4}


def test_adjacent_swap_gives_a_finding(letters):
    head, body = paragraphs(letters / SLUG / "zh.md")
    body[10], body[11] = body[11], body[10]
    rewrite(letters / SLUG / "zh.md", body, head)
    _, findings, _ = check_json(letters)
    assert rules(findings, "error") == [] and "structure-swapped-paragraphs" in rules(findings, "warning")


def test_far_move_is_reported_once_where_it_went(letters):
    head, body = paragraphs(letters / SLUG / "ko.md")
    body.insert(17, body.pop(10))
    rewrite(letters / SLUG / "ko.md", body, head)
    _, findings, _ = check_json(letters)
    moved = [f for f in findings if f["rule"] == "structure-moved-paragraph"]
    assert rules(findings, "error") == [] and len(moved) == 1 and "translated paragraph 18" in moved[0]["message"]


def test_duplicated_paragraph_is_one_error(letters):
    head, body = paragraphs(letters / SLUG / "zh.md")
    body.insert(12, body[11])
    rewrite(letters / SLUG / "zh.md", body, head)
    code, findings, _ = check_json(letters)
    assert code == 1 and rules(findings, "error") == ["structure-duplicated-paragraph"]


# ------------------------------------------------------------------ the exit-code contract
@pytest.mark.parametrize("args", [("check", "--lang", "fr", "letters"), ("check", "--format", "yaml", "letters"),
                                  ("check", "--bogus", "letters"), ("--bogus",), ("nope",),
                                  ("translate", "letters/x", "--to", "fr", "--engine", "pseudo"),
                                  ("report", "letters", "--html")])
def test_usage_errors_are_one_line_exit_2(letters, args):
    proc = appeal(*args, cwd=letters.parent)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("appeal: error:"), proc.stderr


@pytest.mark.parametrize("args, status", [(("glossary", "show", "dprk"), 0), (("rules",), 0),
                                          (("check", "letters"), 0), (("check", "letters", "--format", "json"), 0),
                                          (("config",), 0)])
def test_a_closed_pipe_is_quiet_and_keeps_the_status(letters, args, status):
    proc = subprocess.Popen([sys.executable, "-m", "appealkit", *args], cwd=letters.parent, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # the reader is gone before the first line is written (like head -0)
    stderr = proc.stderr.read()
    assert proc.wait(timeout=300) == status and stderr == ""


def test_a_closed_pipe_does_not_turn_a_failing_gate_green(letters):
    (letters / SLUG / "zh.md").write_text("---\nlang: zh\n---\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "appealkit", "check", "letters"], cwd=letters.parent,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.close()
    assert proc.wait(timeout=300) == 1 and proc.stderr.read() == ""


def test_translate_without_the_mt_extra(letters, tmp_path):
    blocker = tmp_path / "blocked"
    for module in ("ctranslate2", "sentencepiece"):
        (blocker / module).mkdir(parents=True)
        (blocker / module / "__init__.py").write_text(f'raise ModuleNotFoundError("No module named {module}", '
                                                      f'name="{module}")\n', encoding="utf-8")
    path = os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")])
    proc = appeal("translate", letters / SLUG, "--to", "zh", cwd=letters.parent, env={"PYTHONPATH": path})
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "install the [mt] extra: pip install 'appealkit[mt]'" in proc.stderr
    assert "constraints.txt" not in proc.stderr and "setup.sh" not in proc.stderr and "Traceback" not in proc.stderr


def test_translate_refuses_a_source_that_is_not_english(letters):
    source = letters / "korean" / "en.md"
    source.parent.mkdir()
    shutil.copy(letters / SLUG / "ko.md", source)
    (source).write_text(source.read_text(encoding="utf-8").replace("lang: ko\n", ""), encoding="utf-8")
    proc = appeal("translate", source, "--to", "zh", "--engine", "pseudo", cwd=letters.parent)
    assert proc.returncode == 2 and "written in Korean, not English" in proc.stderr
    assert not (letters / "korean" / "zh.md").exists()


@pytest.mark.parametrize("lang, codec, name", [("zh", "gb18030", "GBK"), ("ko", "cp949", "EUC-KR"),
                                               ("zh", "utf-16", "UTF-16")])
def test_legacy_encodings_are_named_with_line_and_column(letters, lang, codec, name):
    path = letters / SLUG / f"{lang}.md"
    path.write_bytes(path.read_text(encoding="utf-8").encode(codec))
    proc = appeal("check", letters, cwd=letters.parent)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert f"{lang}.md:" in proc.stderr and f"looks like {name}: re-save as UTF-8" in proc.stderr
    assert "byte" not in proc.stderr and ("column" in proc.stderr or name == "UTF-16")


def test_big5_is_named(letters):
    path = letters / SLUG / "zh.md"
    traditional = "我們致函懇請您緊急停止強制遣返目前被中國羈押的九名朝鮮難民。"
    path.write_bytes(f"---\nlang: zh\n---\n{traditional}\n".encode("big5"))
    proc = appeal("check", letters, cwd=letters.parent)
    assert proc.returncode == 2
    assert "zh.md:4: not valid UTF-8 at column 1: looks like Big5" in proc.stderr


def test_what_translate_writes_under_out_can_be_checked(letters):
    out = letters.parent / "out"
    proc = appeal("translate", letters / SLUG, "--to", "zh,ko", "--engine", "pseudo", "--out", out,
                  cwd=letters.parent)
    assert proc.returncode in (0, 1), proc.stderr
    checked = appeal("check", out, "--format", "json", cwd=letters.parent)
    assert checked.returncode in (0, 1), checked.stderr
    document = json.loads(checked.stdout)
    assert len(document["pairs"]) == 2 and "file-orphan-translation" not in rules(document["findings"])


# ------------------------------------------------------------------ output people read
def test_translate_prints_one_line_per_letter_and_language(letters):
    out = letters.parent / "out"
    quiet = appeal("translate", letters / SLUG, "--to", "zh,ko", "--engine", "pseudo", "--out", out,
                   cwd=letters.parent)
    lines = [line for line in quiet.stdout.splitlines() if not line.startswith("  ")]  # indented: notes
    assert len(lines) == 2 and all("paragraphs" in line and "check:" in line for line in lines)
    assert "non-refoulement" not in quiet.stdout
    verbose = appeal("translate", letters / SLUG, "--to", "zh", "--engine", "pseudo", "--out", out, "-v",
                     cwd=letters.parent)
    assert "glossary entries applied:" in verbose.stdout and "dprk" in verbose.stdout


def test_text_report_says_how_many_forms_it_left_out(letters):
    en = "The Commission of Inquiry on Human Rights in the Democratic People's Republic of Korea reported.\n"
    (letters / "coi").mkdir()
    (letters / "coi" / "en.md").write_text(en, encoding="utf-8")
    (letters / "coi" / "zh.md").write_text("委员会作了报告。\n", encoding="utf-8")
    proc = appeal("check", letters / "coi", cwd=letters.parent)
    assert proc.returncode == 1 and "more: appeal glossary show)" in proc.stdout


def test_korean_hint_for_nine_is_what_translators_write(letters):
    (letters / "nine").mkdir()
    (letters / "nine" / "en.md").write_text("Nine North Koreans were detained.\n", encoding="utf-8")
    (letters / "nine" / "ko.md").write_text("북한 주민들이 구금되었다.\n", encoding="utf-8")
    proc = appeal("check", letters / "nine", cwd=letters.parent)
    assert proc.returncode == 1 and "expected: 9명 | 아홉 명" in proc.stdout and "| 구" not in proc.stdout


def test_html_page_puts_errors_first_and_opens_on_findings(letters):
    (letters / "a-first").mkdir()  # sorts first, but has no errors
    for name in ("en.md", "zh.md"):
        shutil.copy(letters / SLUG / name, letters / "a-first" / name)
    (letters / SLUG / "ko.md").write_text("---\nlang: ko\n---\n", encoding="utf-8")
    page = letters.parent / "page.html"
    proc = appeal("check", letters, "--output-html", page, cwd=letters.parent)
    assert proc.returncode == 1
    html = page.read_text(encoding="utf-8")
    assert html.index(f'id="{SLUG}-ko"') < html.index('id="a-first-zh"')
    assert 'id="only-flagged" checked' in html
