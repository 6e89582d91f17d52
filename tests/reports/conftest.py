"""Fixtures for the report tests: the real ``appeal`` entry point run once per input, and the browser.

Running ``python -m appealkit`` in a subprocess tests what CI runs (option parsing, exit codes, files written),
not a library shortcut. The shipped letters take seconds to check, so each input is checked once per session
with every output format written at the same time (``--output-<format>``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from chromium_harness import chromium, unavailable  # noqa: E402

ROOT = HERE.parent.parent
LETTERS = ROOT / "letters"
GLOSSARY = ROOT / "glossary"
SEEDED = ROOT / "tests" / "fixtures" / "seeded"
SEEDED_SLUG = "coalition-2023-asian-games"
SCHEMA = HERE / "sarif-schema-2.1.0.json"
FORMATS = ("text", "json", "sarif", "junit", "github", "html")


def appeal(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the real command line, as CI does."""
    env = {k: v for k, v in os.environ.items() if k != "APPEAL_DEBUG"}
    return subprocess.run([sys.executable, "-m", "appealkit", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=600)


@dataclass
class Run:
    """One `appeal check` run: its process, and the report written in each format."""

    proc: subprocess.CompletedProcess
    files: dict[str, Path]
    cwd: Path

    def text(self, fmt: str) -> str:
        return self.files[fmt].read_text(encoding="utf-8")

    def json(self) -> dict:
        return json.loads(self.text("json"))

    def sarif(self) -> dict:
        return json.loads(self.text("sarif"))


def check_all_formats(out: Path, *paths: str | Path, cwd: Path = ROOT, extra: tuple[str, ...] = ()) -> Run:
    files = {fmt: out / f"report.{fmt}" for fmt in FORMATS}
    options = [arg for fmt, path in files.items() for arg in (f"--output-{fmt}", path)]
    proc = appeal("check", *paths, "--glossary", GLOSSARY, *options, *extra, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return Run(proc, files, cwd)


@pytest.fixture(scope="session")
def shipped_run(tmp_path_factory) -> Run:
    """The shipped letters, every format from one run of the real command."""
    return check_all_formats(tmp_path_factory.mktemp("shipped"), "letters")  # relative, as in CI


@pytest.fixture(scope="session")
def seeded_copy(tmp_path_factory) -> Path:
    """A working directory holding a copy of the seeded letter (tests that edit it make their own copy)."""
    work = tmp_path_factory.mktemp("seeded-work")
    shutil.copytree(SEEDED, work / "letters")
    return work


@pytest.fixture(scope="session")
def seeded_run(tmp_path_factory, seeded_copy) -> Run:
    """The letter with seeded errors (2,000 → 200, a dropped treaty, a changed date), run from its own cwd."""
    return check_all_formats(tmp_path_factory.mktemp("seeded-out"), "letters", cwd=seeded_copy)


@pytest.fixture
def seeded_work(tmp_path) -> Path:
    """A private, editable copy of the seeded letter in a fresh working directory."""
    shutil.copytree(SEEDED, tmp_path / "letters")
    return tmp_path


def browser_or_skip() -> None:
    """Skip with the reason when Chromium is missing, except in CI (CI set) where that is a failure."""
    reason = unavailable()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason}", pytrace=False)
    pytest.skip(f"headless Chromium unavailable: {reason}")


@pytest.fixture(scope="module")
def browser():
    browser_or_skip()
    with chromium() as driver:
        yield driver
