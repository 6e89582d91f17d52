"""`appeal translate` (pseudo engine), `appeal score` and `appeal stats` through the real entry point."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

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
    result = appeal("translate", f"letters/{SLUG}", "--to", "zh", "--engine", "pseudo", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert "glossary terms applied:" in result.stdout and "check:" in result.stdout
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
