"""Shared fixtures: the repository's glossary and letters; in CI a skipped test is a failure."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from appealkit.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "letters"
GLOSSARY = ROOT / "glossary"

# Parsed data files (appealkit.data_cache) are cached for this session only, never in the user's ~/.cache; the
# subprocesses of the CLI tests inherit the variable.
if "APPEAL_DATA_CACHE" not in os.environ:
    os.environ["APPEAL_DATA_CACHE"] = tempfile.mkdtemp(prefix="appeal-data-cache-")
    atexit.register(shutil.rmtree, os.environ["APPEAL_DATA_CACHE"], ignore_errors=True)


@pytest.fixture(scope="session")
def glossary():
    return load_glossary(GLOSSARY)


@pytest.fixture(scope="session")
def letters_dir() -> Path:
    return LETTERS

# argostranslate ships a top-level 'tests' package that shadows this folder: import helpers as 'support.*'.
import sys  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (CI set, as .ci/run does) nothing may be skipped: a missing browser or [mt] extra would
    otherwise let the gate pass without running the tests that need them."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which must run every test: {report.longrepr}"


def pytest_collection_modifyitems(config, items):
    """Tests marked ``network`` ask pip's index (PyPI): they run in CI (.ci/run sets CI) or with
    APPEAL_NETWORK_TESTS=1, and are skipped elsewhere so that an offline run stays green and quick."""
    if os.environ.get("CI") or os.environ.get("APPEAL_NETWORK_TESTS"):
        return
    skip = pytest.mark.skip(reason="needs PyPI: runs under CI (.ci/run) or with APPEAL_NETWORK_TESTS=1")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)
