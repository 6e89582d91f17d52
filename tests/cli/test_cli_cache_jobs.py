"""``appeal check`` with the result cache and worker processes: the output is byte for byte the output of a
run without them, in every format; stale entries are never used; an input error is the same one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ("text", "json", "sarif", "junit", "github", "html")


def appeal(*args, cwd: Path):
    return subprocess.run([sys.executable, "-m", "appealkit", *map(str, args)], cwd=cwd, capture_output=True,
                          timeout=300)


@pytest.fixture()
def workdir(tmp_path):
    """letters/ and two held-out rounds (merged and split paragraphs, findings), checked from tmp_path."""
    shutil.copytree(ROOT / "letters", tmp_path / "letters")
    for name in ("heldout5", "heldout7"):
        shutil.copytree(ROOT / "tests" / "fixtures" / name, tmp_path / name)
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    return tmp_path


def _outputs(workdir: Path, *options) -> dict[str, tuple[int, bytes, bytes]]:
    runs = {}
    for fmt in FORMATS:
        result = appeal("check", "letters", "heldout5", "heldout7", "--format", fmt, *options, cwd=workdir)
        runs[fmt] = (result.returncode, result.stdout, result.stderr)
    return runs


def test_cache_and_jobs_give_the_bytes_of_a_plain_run(workdir):
    plain = _outputs(workdir, "--no-cache", "--jobs", "1")
    assert not (workdir / ".appeal").exists(), "--no-cache must not write the cache"
    assert plain["text"][0] == 1 and b"error(s)" in plain["text"][1]
    cold = _outputs(workdir, "--jobs", "2")
    entries = list((workdir / ".appeal" / "cache").rglob("*.json"))
    assert len(entries) == 10 + 8  # one per pair: letters/ and the two rounds
    warm = _outputs(workdir, "--jobs", "1")
    assert cold == plain
    assert warm == plain


def test_an_edited_translation_is_checked_again(workdir):
    first = appeal("check", "letters", "--format", "json", cwd=workdir)
    zh = workdir / "letters" / "hrw-2015-nine-north-koreans" / "zh.md"
    zh.write_text(zh.read_text("utf-8").replace("2015年11月", "2016年11月", 1), "utf-8")
    edited = appeal("check", "letters", "--format", "json", cwd=workdir)
    plain = appeal("check", "letters", "--format", "json", "--no-cache", cwd=workdir)
    assert first.returncode == 0 and edited.returncode == 1
    assert edited.stdout == plain.stdout


def test_an_edited_glossary_invalidates_the_cache(workdir):
    appeal("check", "letters", cwd=workdir)
    glossary = next((workdir / "glossary").glob("*.yaml"))
    glossary.write_text(glossary.read_text("utf-8") + "\n  - id: [unclosed\n", "utf-8")
    broken = appeal("check", "letters", cwd=workdir)
    assert broken.returncode == 2 and b"invalid" in broken.stderr.lower(), broken.stderr


def test_the_first_bad_pair_is_reported_whatever_the_jobs(workdir):
    for slug in ("hrw-2015-nine-north-koreans", "amnesty-2017-eight-north-koreans"):
        assert (workdir / "letters" / slug / "ko.md").is_file()
    (workdir / "letters" / "hrw-2015-nine-north-koreans" / "ko.md").write_text("---\nlang: [ko\n---\n", "utf-8")
    (workdir / "letters" / "amnesty-2017-eight-north-koreans" / "zh.md").write_bytes(b"\xff\xfe")
    serial = appeal("check", "letters", "heldout5", "heldout7", "--no-cache", "--jobs", "1", cwd=workdir)
    parallel = appeal("check", "letters", "heldout5", "heldout7", "--jobs", "2", cwd=workdir)
    assert serial.returncode == parallel.returncode == 2
    assert serial.stderr == parallel.stderr and b"amnesty-2017-eight-north-koreans/zh.md" in serial.stderr


def test_jobs_must_be_positive(workdir):
    result = appeal("check", "letters", "--jobs", "0", cwd=workdir)
    assert result.returncode == 2 and b"--jobs" in result.stderr
