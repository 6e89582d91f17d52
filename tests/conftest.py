"""Shared fixtures: the repository's glossary and letters."""

from pathlib import Path

import pytest

from appealkit.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "letters"
GLOSSARY = ROOT / "glossary"


@pytest.fixture(scope="session")
def glossary():
    return load_glossary(GLOSSARY)


@pytest.fixture(scope="session")
def letters_dir() -> Path:
    return LETTERS

# argostranslate ships a top-level 'tests' package that shadows this folder: import helpers as 'support.*'.
import sys  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
