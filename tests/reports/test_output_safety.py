"""Where `appeal check` and `appeal report` write: never over their inputs, never two reports in one file,
streams written into (not replaced), and a file that cannot be written is an input error (exit 2)."""

from __future__ import annotations

import json
import os
import stat
import threading

import pytest

from report_support import GLOSSARY, SEEDED_SLUG, appeal


def one_line_error(proc, *words: str) -> None:
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert all(word in lines[0] for word in words), lines[0]


@pytest.mark.parametrize("first, second", [("--output", "--output-sarif"), ("--output-json", "--output-sarif")])
def test_one_file_for_two_formats_is_refused(seeded_work, first, second):
    """The last report written silently replaced the other one."""
    proc = appeal("check", "letters", "--glossary", GLOSSARY, first, "same.out", second, "./same.out",
                  cwd=seeded_work)
    assert proc.returncode == 2 and "same.out" in proc.stderr
    assert not (seeded_work / "same.out").exists()


def test_the_same_format_twice_in_one_file_is_fine(seeded_work):
    proc = appeal("check", "letters", "--glossary", GLOSSARY, "--format", "sarif", "--output", "a.sarif",
                  "--output-sarif", "a.sarif", cwd=seeded_work)
    assert proc.returncode == 1, proc.stderr
    assert json.loads((seeded_work / "a.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


@pytest.mark.parametrize("command", [
    ("check", "letters", "--output", f"letters/{SEEDED_SLUG}/zh.md"),
    ("check", "letters", "--output-html", f"letters/../letters/{SEEDED_SLUG}/en.md"),
    ("report", "letters", "--html", f"letters/{SEEDED_SLUG}/en.md"),
])
def test_a_report_never_overwrites_a_checked_letter(seeded_work, command):
    letter = seeded_work / command[-1]
    before = letter.read_bytes()
    proc = appeal(*command, "--glossary", GLOSSARY, cwd=seeded_work)
    one_line_error(proc, command[-1], "overwrite")
    assert letter.read_bytes() == before


def test_a_report_never_overwrites_the_ignore_file(seeded_work):
    assert appeal("check", "letters", "--glossary", GLOSSARY, "--write-baseline", "--reason", "ok",
                  cwd=seeded_work).returncode == 0
    ignore = seeded_work / ".appeal-ignore.yaml"
    before = ignore.read_bytes()
    proc = appeal("check", "letters", "--glossary", GLOSSARY, "--output-junit", ".appeal-ignore.yaml",
                  cwd=seeded_work)
    one_line_error(proc, ".appeal-ignore.yaml", "overwrite")
    assert ignore.read_bytes() == before


@pytest.mark.parametrize("where", ["a-directory", "a-file/report.sarif"])
def test_an_unwritable_report_is_an_input_error(seeded_work, where):
    """It was `appeal: internal error: IsADirectoryError ...` with exit 3."""
    (seeded_work / "a-directory").mkdir()
    (seeded_work / "a-file").write_text("", encoding="utf-8")
    for option in ("--output", "--output-sarif"):
        proc = appeal("check", "letters", "--glossary", GLOSSARY, option, where, cwd=seeded_work)
        one_line_error(proc, where, "cannot write")
    proc = appeal("report", "letters", "--glossary", GLOSSARY, "--html", where, cwd=seeded_work)
    one_line_error(proc, where, "cannot write")


def test_an_unwritable_baseline_is_an_input_error(seeded_work):
    (seeded_work / "ignore-dir").mkdir()
    proc = appeal("check", "letters", "--glossary", GLOSSARY, "--ignore-file", "ignore-dir", "--write-baseline",
                  "--reason", "ok", cwd=seeded_work)
    one_line_error(proc, "ignore-dir", "cannot write")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_pipe_is_written_into_not_replaced(seeded_work):
    """An atomic rename replaced a FIFO (or /dev/stdout, as root) with a regular file; the reader got nothing."""
    fifo = seeded_work / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    proc = appeal("check", "letters", "--glossary", GLOSSARY, "--output-sarif", fifo, cwd=seeded_work)
    reader.join(timeout=30)
    assert proc.returncode == 1, proc.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received and json.loads(received[0])["version"] == "2.1.0"


def test_a_symlinked_report_is_written_through_the_link(seeded_work):
    (seeded_work / "reports").mkdir()
    target = seeded_work / "reports" / "appeal.json"
    target.write_text("old", encoding="utf-8")
    (seeded_work / "latest.json").symlink_to(target)
    proc = appeal("check", "letters", "--glossary", GLOSSARY, "--format", "json", "--output", "latest.json",
                  cwd=seeded_work)
    assert proc.returncode == 1, proc.stderr
    assert (seeded_work / "latest.json").is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 1
