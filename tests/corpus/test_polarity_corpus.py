"""Negations on real text: recall on negation mutants of the shipped letters and of NTREX (≥ 90 % per language),
and no polarity-inverted error on the unmodified professional translations (benchmarks/polarity.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import polarity as benchmark  # noqa: E402

NTREX = ROOT / "benchmarks" / "corpora" / "ntrex-dev"


@pytest.fixture(scope="module")
def table(glossary) -> dict:
    docs = benchmark.letters_documents(ROOT / "letters") + benchmark.ntrex_documents(NTREX)
    return benchmark.summarise(benchmark.run(docs, glossary, limit=None, seed=benchmark.DEFAULT_SEED))


@pytest.mark.parametrize("corpus", ["letters/zh", "letters/ko", "ntrex/zh", "ntrex/ko"])
def test_recall_on_negation_mutants_is_at_least_90_percent(table, corpus) -> None:
    row = table[corpus]
    assert row["mutants"] >= 20
    assert row["flagged"] / row["mutants"] >= 0.90, row


def test_no_polarity_error_on_professional_translations(table) -> None:
    assert all(row["errors"] == 0 for row in table.values()), table


def test_every_flipped_demand_of_the_letters_is_flagged(table) -> None:
    for lang in ("zh", "ko"):
        flips = table[f"letters/{lang}"]["flip"]
        assert flips["flagged"] == flips["mutants"] and flips["errors"] >= 2, flips
