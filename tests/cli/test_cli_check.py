"""End to end through the real entry point: exit codes, formats, one-line errors, hostile input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SLUG = "hrw-2015-nine-north-koreans"


def appeal(*args, cwd=ROOT, timeout=120):
    return subprocess.run([sys.executable, "-m", "appealkit", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture()
def letter(tmp_path):
    folder = tmp_path / "letters" / SLUG
    shutil.copytree(ROOT / "letters" / SLUG, folder)
    return folder


def test_shipped_letters_pass_the_gate():
    result = appeal("check", "letters/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "10 translations checked: 0 error(s)" in result.stdout


def test_default_path_is_letters():
    assert appeal("check").returncode == 0


def test_json_contract(letter):
    zh = letter / "zh.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("9名", "6名", 1), encoding="utf-8")
    result = appeal("check", letter.parent, "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["version"] == 1 and set(report["summary"]) >= {"error", "warning", "info"}
    finding = next(f for f in report["findings"] if f["severity"] == "error")
    for key in ("rule", "category", "severity", "message", "source_text", "expected", "file", "line", "source_line"):
        assert key in finding
    assert finding["category"] == "figure" and finding["file"].endswith("zh.md")
    again = json.loads(appeal("check", letter.parent, "--format", "json").stdout)
    assert again["findings"] == report["findings"]  # deterministic


def test_fail_on_warning_and_output_file(letter, tmp_path):
    stale = letter / "ko.md"
    stale.write_text(stale.read_text(encoding="utf-8").replace("source_sha256: ", "source_sha256: 00", 1), encoding="utf-8")
    assert appeal("check", letter.parent).returncode == 0
    out = tmp_path / "report.json"
    result = appeal("check", letter.parent, "--fail-on", "warning", "--format", "json", "--output", out)
    assert result.returncode == 1 and result.stdout == ""
    assert any(f["rule"] == "stale-source" for f in json.loads(out.read_text())["findings"])


def test_explicit_pair_of_plain_text_files(tmp_path):
    en, zh = tmp_path / "letter.txt", tmp_path / "letter.zh.txt"
    en.write_text("Dear President,\n\nPlease release the 10 refugees detained since 4 November 2017.\n")
    zh.write_text("尊敬的主席：\n\n请释放自2017年11月4日起被拘押的难民。\n")
    result = appeal("check", en, zh)
    assert result.returncode == 1 and "figure-missing" in result.stdout
    assert appeal("check", en, zh, "--lang", "ko").returncode == 1


def test_text_report_groups_by_file_and_paragraph(letter):
    zh = letter / "zh.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("9名", "名", 1), encoding="utf-8")
    out = appeal("check", letter.parent).stdout
    assert f"{letter / 'zh.md'} (zh)" in out and "paragraph at line" in out and "expected:" in out
    assert "\x1b[" not in out  # no colour when not a terminal


@pytest.mark.parametrize("content,fragment", [
    (b"---\nlang: zh\nstatus: [draft\n---\nbody\n", "malformed front matter"),
    (b"caf\xe9 \xff\n", "not valid UTF-8"),
    (b"\x00\x01binary", "binary file"),
])
def test_bad_input_is_one_line_exit_2(letter, content, fragment):
    (letter / "zh.md").write_bytes(content)
    result = appeal("check", letter.parent)
    assert result.returncode == 2
    assert fragment in result.stderr and "zh.md" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_missing_file_unknown_language_and_bad_glossary(tmp_path, letter):
    assert appeal("check", tmp_path / "nope.md", tmp_path / "nope.zh.md").returncode == 2
    en = tmp_path / "a.txt"
    en.write_text("Hello there, this is an English letter.\n")
    other = tmp_path / "b.txt"
    other.write_text("Bonjour, ceci est une lettre en français.\n")
    result = appeal("check", en, other)
    assert result.returncode == 2 and "--lang" in result.stderr
    bad = tmp_path / "glossary"
    bad.mkdir()
    (bad / "x.yaml").write_text("entries:\n  - id: [unclosed\n")
    result = appeal("check", letter.parent, "--glossary", bad)
    assert result.returncode == 2 and "x.yaml:" in result.stderr and "Traceback" not in result.stderr


def test_usage_errors_exit_2():
    assert appeal("check", "--format", "yaml").returncode == 2
    assert appeal("check", "--lang", "fr", "letters").returncode == 2


@pytest.mark.parametrize("body", ["", "1," * 50_000, "２" * 100_000 + "年", "統一 一些 万一 " * 10_000])
def test_hostile_targets_do_not_crash(tmp_path, body):
    """Timings of these inputs are measured by benchmarks/hostile_input.py, not asserted here."""
    en = tmp_path / "en.txt"
    en.write_text("Reportedly 2,000 North Koreans were returned on 4 November 2017.\n")
    zh = tmp_path / "zh.txt"
    zh.write_text(body)
    result = appeal("check", en, zh, "--lang", "zh")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr


def test_megabyte_single_line_file_is_refused_in_one_line(tmp_path):
    en = tmp_path / "en.txt"
    en.write_text("Reportedly 2,000 North Koreans were returned.\n")
    zh = tmp_path / "zh.txt"
    zh.write_text("遣返" * 2_500_000)
    result = appeal("check", en, zh, "--lang", "zh")
    assert result.returncode == 2 and "zh.txt:1:" in result.stderr and "characters" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_glossary_lint_and_show():
    assert appeal("glossary", "lint").returncode == 0
    broken = appeal("glossary", "lint", "tests/fixtures/glossary_broken")
    assert broken.returncode == 1 and "terms.yaml:8:" in broken.stdout
    assert appeal("glossary", "lint", "tests/fixtures/glossary_unparsable").returncode == 2
    shown = appeal("glossary", "show", "non-refoulement")
    assert shown.returncode == 0 and "不驱回原则" in shown.stdout and "강제송환금지 원칙" in shown.stdout
    assert appeal("glossary", "show", "不驱回原则").returncode == 0
    assert appeal("glossary", "show", "no such thing at all").returncode == 1


def test_rules_command_documents_every_rule():
    listed = appeal("rules").stdout
    assert "figure-missing" in listed and "citation-article" in listed
    assert "every notation" in appeal("rules", "figure-missing").stdout


def test_check_never_imports_heavy_mt_modules():
    code = ("import sys; from click.testing import CliRunner; from appealkit.cli import main;"
            "r = CliRunner().invoke(main, ['check', 'letters']);"
            "heavy = [m for m in ('argostranslate', 'torch', 'spacy', 'ctranslate2', 'stanza') if m in sys.modules];"
            "print(r.exit_code, heavy)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr


def test_works_from_any_directory_with_the_bundled_glossary(tmp_path):
    result = appeal("check", ROOT / "letters", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lint = appeal("glossary", "lint", cwd=tmp_path)
    assert lint.returncode == 0 and "6 file(s)" in lint.stderr


def test_a_flipped_negation_fails_the_gate_with_one_polarity_error_at_the_clause(letter):
    """Issue 14: 在任何情况下都不得强迫他们返回 → 都应强迫他们返回 passed with 0 errors."""
    zh = letter / "zh.md"
    text = zh.read_text(encoding="utf-8")
    assert text.count("不得强迫") == 1
    zh.write_text(text.replace("不得强迫", "应强迫"), encoding="utf-8")
    result = appeal("check", letter.parent, "--format", "json")
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [f for f in json.loads(result.stdout)["findings"] if f["severity"] == "error"]
    assert [(f["rule"], f["category"], f["file"].endswith("zh.md")) for f in errors] == [("polarity-inverted", "meaning", True)]
    (error,) = errors
    line = next(n for n, row in enumerate(zh.read_text(encoding="utf-8").splitlines(), 1) if "应强迫" in row)
    assert error["line"] == line
    assert "under no circumstances force them back" in error["source_text"]
    assert "都应强迫他们返回" in error["found"]
    paragraph = zh.read_text(encoding="utf-8").splitlines()[line - 1]
    assert paragraph[slice(*error["target_span"])] == "应"
    text_report = appeal("check", letter.parent)
    assert text_report.returncode == 1 and "polarity-inverted" in text_report.stdout
    assert "1 error(s)" in text_report.stdout
