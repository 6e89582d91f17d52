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
