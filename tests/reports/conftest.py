"""Fixtures for the report tests: the real ``appeal`` entry point run once per input, and the browser.

Running ``python -m appealkit`` in a subprocess tests what CI runs (option parsing, exit codes, files written),
not a library shortcut. The shipped letters take seconds to check, so each input is checked once per session
with every output format written at the same time (``--output-<format>``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chromium_harness import chromium  # noqa: E402
from report_support import SEEDED, Run, browser_or_skip, check_all_formats  # noqa: E402


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


@pytest.fixture(scope="module")
def browser():
    browser_or_skip()
    with chromium() as driver:
        yield driver
