"""`appeal translate` (pseudo engine), `appeal score` and `appeal stats` through the real entry point."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from appealkit.letters import load_letter

ROOT = Path(__file__).resolve().parents[2]
SLUG = "hrw-2015-nine-north-koreans"


def appeal(*args, cwd):
    return subprocess.run([sys.executable, "-m", "appealkit", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def test_pseudo_translation_then_post_edit_stats(tmp_path):
    shutil.copytree(ROOT / "letters" / SLUG, tmp_path / "letters" / SLUG)
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    (tmp_path / "letters" / SLUG / "zh.md").unlink()
    result = appeal("translate", f"letters/{SLUG}", "--to", "zh", "--engine", "pseudo", "-v", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert "glossary entries applied:" in result.stdout and "check:" in result.stdout  # the ids: behind -v
    written = load_letter(tmp_path / "letters" / SLUG / "zh.md")
    assert written.meta["status"] == "pseudo" and written.meta["pseudo"] is True
    assert (tmp_path / ".appeal" / "tm.sqlite").is_file()

    again = appeal("translate", f"letters/{SLUG}", "--to", "zh", "--engine", "pseudo", cwd=tmp_path)
    assert "0 translated" in again.stdout

    target = tmp_path / "letters" / SLUG / "zh.md"
    first = written.paragraphs[6].text
    target.write_text(target.read_text(encoding="utf-8").replace(first, "我们致函阁下。"), encoding="utf-8")
    stats = appeal("stats", "letters", cwd=tmp_path)
    assert stats.returncode == 0 and SLUG in stats.stdout
    row = next(line for line in stats.stdout.splitlines() if SLUG in line).split()
    assert row[1] == "zh" and int(row[3]) == 1  # one paragraph post-edited


def test_translate_refuses_a_hand_made_translation_without_force(tmp_path):
    shutil.copytree(ROOT / "letters" / SLUG, tmp_path / "letters" / SLUG)
    result = appeal("translate", f"letters/{SLUG}/en.md", "--to", "ko", "--engine", "pseudo", cwd=tmp_path)
    assert result.returncode == 2 and "--force" in result.stderr and "Traceback" not in result.stderr
    forced = appeal("translate", f"letters/{SLUG}/en.md", "--to", "ko", "--engine", "pseudo", "--force", cwd=tmp_path)
    assert "backup of the previous file" in forced.stdout
    assert list((tmp_path / "letters" / SLUG).glob("ko.md.*.bak"))


def test_translate_rejects_unknown_languages(tmp_path):
    result = appeal("translate", ROOT / "letters" / SLUG / "en.md", "--to", "fr", "--engine", "pseudo", cwd=tmp_path)
    assert result.returncode == 2 and "unsupported language" in result.stderr


def test_score_uses_sacrebleu_with_the_chinese_tokenizer(tmp_path):
    reference = ROOT / "letters" / SLUG / "zh.md"
    same = appeal("score", reference, reference, cwd=tmp_path)
    assert same.returncode == 0 and "chrF 100.00" in same.stdout and "BLEU 100.00" in same.stdout
    assert "tok:zh" in same.stdout
    other = appeal("score", ROOT / "letters" / "aprrn-2017-ten-refugees-shenyang" / "zh.md", reference, cwd=tmp_path)
    chrf = float(other.stdout.split()[1])
    assert 0 < chrf < 60


def _letter(tmp_path):
    shutil.copytree(ROOT / "letters" / SLUG, tmp_path / "letters" / SLUG)
    for lang in ("zh", "ko"):
        (tmp_path / "letters" / SLUG / f"{lang}.md").unlink()
    return f"letters/{SLUG}"


def _one_line_error(result):
    return result.returncode == 2 and "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) <= 2


def test_unwritable_outputs_and_a_corrupt_memory_are_input_errors(tmp_path):
    letter = _letter(tmp_path)
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    out_file = appeal("translate", letter, "--to", "zh", "--engine", "pseudo", "--out", "a-file", cwd=tmp_path)
    assert out_file.returncode == 2 and "Traceback" not in out_file.stderr and "'a-file' is a file" in out_file.stderr
    memory_under_file = appeal("translate", letter, "--to", "zh", "--engine", "pseudo", "--memory", "a-file/tm.sqlite",
                               cwd=tmp_path)
    assert _one_line_error(memory_under_file) and "a-file/tm.sqlite" in memory_under_file.stderr
    (tmp_path / "bad.sqlite").write_bytes(b"not a database" * 500)
    corrupt = appeal("translate", letter, "--to", "zh", "--engine", "pseudo", "--memory", "bad.sqlite", cwd=tmp_path)
    assert _one_line_error(corrupt) and "bad.sqlite" in corrupt.stderr and "--memory" in corrupt.stderr
    assert not (tmp_path / letter / "zh.md").exists()


def test_a_letter_without_paragraphs_writes_nothing(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "en.md").write_text("---\nstatus: approved\n---\n", encoding="utf-8")
    result = appeal("translate", "empty", "--to", "zh", "--engine", "pseudo", cwd=tmp_path)
    assert _one_line_error(result) and "no paragraphs" in result.stderr
    assert not (tmp_path / "empty" / "zh.md").exists()


def test_pseudo_output_is_not_passed_off_as_a_real_draft(tmp_path):
    pytest.importorskip("ctranslate2")  # the [mt] extra (tiny_argos needs its numpy)
    from support.tiny_argos import argos_env

    letter = _letter(tmp_path)
    env = {**os.environ, **argos_env(tmp_path / "argos")}  # no model installed
    pseudo = subprocess.run([sys.executable, "-m", "appealkit", "translate", letter, "--to", "zh", "--engine", "pseudo",
                             "--out", "pseudo"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert pseudo.returncode in (0, 1), pseudo.stderr
    real = subprocess.run([sys.executable, "-m", "appealkit", "translate", letter, "--to", "zh", "--engine", "argos"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert real.returncode == 2 and "appeal models install" in real.stderr  # not 19 paragraphs "from memory"
    assert not (tmp_path / letter / "zh.md").exists()


def test_score_refuses_empty_files_and_mixed_languages(tmp_path):
    zh, ko = ROOT / "letters" / SLUG / "zh.md", ROOT / "letters" / SLUG / "ko.md"
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    for args in (("empty.md", zh), (zh, "empty.md"), ("empty.md", "empty.md", "--lang", "zh")):
        result = appeal("score", *args, cwd=tmp_path)
        assert _one_line_error(result) and "empty.md" in result.stderr
    mixed = appeal("score", ko, zh, cwd=tmp_path)
    assert _one_line_error(mixed) and "ko" in mixed.stderr
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00bad")
    assert _one_line_error(appeal("score", "bad.md", zh, cwd=tmp_path))

    shorter = tmp_path / "short.md"
    shorter.write_text("\n\n".join(p.text for p in load_letter(zh).paragraphs[:5]), encoding="utf-8")
    partial = appeal("score", shorter, zh, cwd=tmp_path)
    assert partial.returncode == 0 and "scored as one document" in partial.stdout


FIVE = ROOT / "tests" / "fixtures" / "five_examples" / "en.md"
NATIVE = {"zh": ["1100万英镑", "22亿欧元", "五分之一的", "英国时间晚上7点30分左右", "20世纪80年代", "36亿美元", "强制遣返"],
          "ko": ["1100만 파운드", "22억 유로", "5명 중 1명", "영국 시간 오후 7시 30분쯤", "1980년대", "36억 달러",
                 "강제송환"]}


def test_issue_15_examples_come_out_as_the_target_writes_them(tmp_path):
    """The five sentences of issue 15 through `appeal translate --engine pseudo`, then `appeal check`."""
    letter = tmp_path / "letters" / "five" / "en.md"
    letter.parent.mkdir(parents=True)
    shutil.copy(FIVE, letter)
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    result = appeal("translate", "letters/five", "--to", "zh,ko", "--engine", "pseudo", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang, forms in NATIVE.items():
        body = (letter.parent / f"{lang}.md").read_text(encoding="utf-8")
        for form in forms:
            assert form in body, (lang, form)
        assert "5名" not in body and "[[" not in body and "forcibly" not in body.lower()
    check = appeal("check", "letters/five", "--format", "json", cwd=tmp_path)
    import json

    findings = json.loads(check.stdout)["findings"]
    assert not [f for f in findings if f["severity"] == "error" and f["category"] in ("figure", "date", "term")]


def test_translate_summary_names_sentences_over_the_placeholder_bound(tmp_path):
    letter = tmp_path / "letters" / "five" / "en.md"
    letter.parent.mkdir(parents=True)
    shutil.copy(FIVE, letter)
    result = appeal("translate", "letters/five", "--to", "zh", "--engine", "pseudo", "--max-placeholder-share", "0.1",
                    cwd=tmp_path)
    assert "over the placeholder bound (10% of the words): paragraph 1: Newcastle pulls out" in result.stdout


@pytest.mark.parametrize("lang, camp, kwanliso", [("zh", "政治犯收容所", "管理所"), ("ko", "정치범수용소", "관리소")])
def test_translate_inserts_the_corrected_political_prison_camp_rendering(tmp_path, lang, camp, kwanliso):
    """Audit W1: "political prison camp" was machine-translated as 管理所 / 관리소 (kwanliso transliterated)."""
    shutil.copytree(ROOT / "letters" / SLUG, tmp_path / "letters" / SLUG)
    (tmp_path / "letters" / SLUG / f"{lang}.md").unlink()
    result = appeal("translate", f"letters/{SLUG}", "--to", lang, "--engine", "pseudo", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    body = load_letter(tmp_path / "letters" / SLUG / f"{lang}.md").body
    sentence = next(p.text for p in load_letter(tmp_path / "letters" / SLUG / f"{lang}.md").paragraphs if camp in p.text)
    assert f"{camp}" in body and sentence.index(camp) < sentence.index(kwanliso)  # "political prison camps (kwanliso)"
