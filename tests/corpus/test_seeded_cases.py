"""Hand-seeded realistic errors (benchmarks/seeded/): each one is reported near where it was made.

The detection rule is the benchmark's own (benchmarks/seeded_errors.py), imported rather than repeated.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("seeded_errors", ROOT / "benchmarks" / "seeded_errors.py")
seeded_errors = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(seeded_errors)
CASES = seeded_errors.load_cases(ROOT / "benchmarks" / "seeded" / "cases.yaml")


def test_cases_cover_every_category_in_both_languages():
    assert len(CASES) >= 60
    for lang in ("zh", "ko"):
        assert {c["category"] for c in CASES if c["lang"] == lang} >= {
            "figure", "qualifier", "date", "citation", "term", "entity", "structure"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_seeded_error_is_detected(case, glossary):
    result = seeded_errors.run_case(case, glossary)
    assert result["detected"], (case["error"], result["near"])
    assert result["new_elsewhere"] == [], "new findings far from the seeded error are noise"
