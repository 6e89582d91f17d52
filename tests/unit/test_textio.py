"""Atomic writes: readers see the old file or the whole new one; permissions are kept; errors leave nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from appealkit.textio import atomic_output, atomic_write


def test_replacing_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "zh.md"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    atomic_write(target, "新的译文\n")
    assert target.read_text(encoding="utf-8") == "新的译文\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_new_file_is_not_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "ko.md", "번역\n")
    finally:
        os.umask(old)
    assert (tmp_path / "ko.md").stat().st_mode & 0o777 == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "model.argosmodel"
    target.write_bytes(b"complete")
    with pytest.raises(ConnectionError):
        with atomic_output(target) as out:
            out.write(b"half a downl")
            raise ConnectionError("network gone")
    assert target.read_bytes() == b"complete"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.argosmodel"]
