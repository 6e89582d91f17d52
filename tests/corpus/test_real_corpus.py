"""The checker on real professional translations (NTREX-128 dev half): labelled slips stay caught.

benchmarks/corpora/ntrex-dev-adjudication.yaml labels every error finding once read on both sides; the
benchmark benchmarks/real_corpus.py reports the full picture (false errors per document, warnings, mutation
recall). These tests are its regression gate."""

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "benchmarks" / "corpora" / "ntrex-dev"
ADJUDICATION = ROOT / "benchmarks" / "corpora" / "ntrex-dev-adjudication.yaml"
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_corpus  # noqa: E402


@pytest.fixture(scope="module")
def labels():
    return real_corpus.Labels.load(ADJUDICATION)


@pytest.fixture(scope="module", params=["zh", "ko"])
def measured(request, labels, glossary):
    return request.param, real_corpus.precision(CORPUS, labels, glossary, request.param)


def test_adjudication_rows_point_at_real_english(labels):
    rows = yaml.safe_load(ADJUDICATION.read_text("utf-8"))["findings"]
    assert len(rows) == len(labels.verdicts), "one label per (doc, lang, line, source)"
    for row in rows:
        lines = (CORPUS / row["doc"] / "en.txt").read_text("utf-8").split("\n")
        assert row["source"].lower().rstrip(".") in lines[row["line"] - 1].lower(), row
        assert row["reason"].strip(), row


def test_every_labelled_slip_is_still_an_error(measured):
    lang, result = measured
    assert result["slips"] > 0
    assert result["slips_missed"] == [], f"[{lang}] slips no longer reported as errors"


def test_false_errors_stay_below_a_tenth_per_document(measured):
    lang, result = measured
    assert result["false_errors_per_doc"] <= 0.1, f"[{lang}] {result['false_errors']} false errors"


def test_every_error_on_real_text_has_been_read(measured):
    """A new error finding on the corpus must be read on both sides and labelled (slip or false) in
    benchmarks/corpora/ntrex-dev-adjudication.yaml: `benchmarks/real_corpus.py --list` shows it."""
    lang, result = measured
    unlabelled = [r for r in result["findings"] if r["verdict"] == "unlabelled"]
    assert not unlabelled, f"[{lang}] unlabelled: {unlabelled}"
