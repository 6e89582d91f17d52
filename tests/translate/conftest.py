"""Shared set-up of the pipeline tests: a copy of one shipped English letter in a temporary letters/ folder."""

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parents[2]
SLUG = "aprrn-2017-ten-refugees-shenyang"


@pytest.fixture()
def work(tmp_path):
    """The English letter, copied to <tmp>/letters/<slug>/en.md: translations are written beside it."""
    source = tmp_path / "letters" / SLUG / "en.md"
    source.parent.mkdir(parents=True)
    shutil.copy(ROOT / "letters" / SLUG / "en.md", source)
    return source
