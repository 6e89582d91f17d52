"""Necessary literals of a regular expression (appealkit.regex_literals): every match contains one of them."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appealkit import polarity
from appealkit.regex_literals import necessary_literals


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bnot\b", {"not"}),
        (r"n[’']t\b", {"n't", "n’t"}),
        (r"\bun(?:aware|known)\w*", {"unaware", "unknown"}),
        (r"\bno\s+(?:[a-z]+\s+){0,3}?(?:must|should|shall|may)\b", {"must", "should", "shall", "may"}),
        (r"(?<!\ba\s)\b(?:few|little)\b", {"few", "little"}),
        (r"\bnon-?[a-z]{3,}", {"non", "non-"}),
        (r"x?y", {"xy", "y"}),
        (r"(?:ab){2}", {"abab"}),
        (r"(?:ab)+c", {"ab"}),
        (r"不得|不应(?:该|当)?", {"不得", "不应", "不应该", "不应当"}),
        (r"(?<=[也亦])不", {"不"}),
    ],
)
def test_literals_of_common_shapes(pattern: str, literals: set[str]) -> None:
    assert necessary_literals(pattern) == literals


@pytest.mark.parametrize("pattern", [r"a|b*", r"\w+", r"[^x]y?", r".", r"(a)\1", r"(?i)not", r"x*", r"[a-z]{3}"])
def test_no_claim_where_a_match_needs_no_literal(pattern: str) -> None:
    literals = necessary_literals(pattern)
    assert literals is None or all(lit and all(c in pattern for c in lit) for lit in literals)
    if pattern in (r"a|b*", r"\w+", r"x*", r"(?i)not", r"[a-z]{3}"):
        assert literals is None


def test_an_unparsable_pattern_gives_no_claim() -> None:
    assert necessary_literals("(unclosed") is None


LEXICON_PATTERNS = [
    (lang, kind, pattern.pattern)
    for lang, kinds in polarity.lexicon().cues.items()
    for kind, pattern in kinds.items()
    if pattern.pattern != r"(?!x)x"  # an empty class never matches
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
@pytest.mark.parametrize(("lang", "kind", "pattern"), LEXICON_PATTERNS, ids=[f"{l}-{k}" for l, k, _ in LEXICON_PATTERNS])
def test_every_match_of_a_lexicon_class_holds_one_of_its_literals(lang, kind, pattern, data) -> None:
    """Soundness on the shipped lexicon: strings that match the class (generated from the pattern) each
    contain one of the class's necessary literals, so the prefilter never skips a class that matches."""
    literals = necessary_literals(pattern)
    assert literals, f"{lang} {kind}: no literals, the class would always be searched"
    compiled = re.compile(pattern)
    text = data.draw(st.from_regex(compiled, fullmatch=False).filter(lambda s: compiled.search(s) is not None))
    match = compiled.search(text)
    assert any(lit in match.group() for lit in literals)
