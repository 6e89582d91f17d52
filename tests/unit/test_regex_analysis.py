"""Necessary literals of a regular expression (appealkit.regex_analysis): every match contains one of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appealkit import polarity
from appealkit.regex_analysis import hoist_boundaries, necessary_literals, top_level_alternatives


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


# ---------------------------------------------------------------- top-level alternatives, hoisted \b
@pytest.mark.parametrize(
    ("pattern", "pieces"),
    [
        (r"\bnot\b|n[’'|]t\b", [r"\bnot\b", r"n[’'|]t\b"]),
        (r"(?:a|b)c|d", [r"(?:a|b)c", "d"]),
        (r"[]|]x|[^]|]y|\|z", [r"[]|]x", r"[^]|]y", r"\|z"]),
        ("single", ["single"]),
    ],
)
def test_top_level_alternatives(pattern: str, pieces: list[str]) -> None:
    assert top_level_alternatives(pattern) == pieces


def test_hoisting_groups_adjacent_boundary_alternatives_only() -> None:
    assert hoist_boundaries([r"\bnot", r"\bno\b", r"(?<!x)\bfew", r"\bz"]) == r"\b(?:not|no\b)|(?<!x)\bfew|\b(?:z)"


_PIECES = ["not", "no", "never", " ", "  ", "n't", "don’t", "must", "may", "un", "lawful", "few", "a few", ".", ",",
           "stop", "immediately", "shall", "no one", "state", "refuse", "de", "nuclear", "non-", "binding", "-", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(alphabet="abnot '.-", max_size=4), max_size=14))
def test_hoisted_classes_match_what_the_plain_alternation_matches(pieces: list[str]) -> None:
    """Each English cue class compiled with hoisted \\b finds the same matches as the plain alternation."""
    text = "".join(pieces)
    for kind, patterns in _RAW["en"].items():
        plain = re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x")
        hoisted = polarity.lexicon().cues["en"][kind]
        assert [m.span() for m in hoisted.finditer(text)] == [m.span() for m in plain.finditer(text)], kind


def _raw_lexicon() -> dict:
    import yaml

    data = yaml.safe_load((Path(polarity.__file__).parent / "lexicons" / "polarity.yaml").read_text("utf-8"))
    return {lang: {k: [p.replace("{RIEUL}", polarity._RIEUL) for p in v] for k, v in data[lang].items()}
            for lang in polarity.LANGS}


_RAW = _raw_lexicon()


@pytest.mark.parametrize("lang", polarity.LANGS)
def test_hoisted_classes_match_the_plain_alternation_on_every_corpus_sentence(lang: str) -> None:
    root = Path(__file__).resolve().parents[2]
    texts = [line for f in sorted(root.glob(f"benchmarks/corpora/ntrex-dev/*/{lang}.txt"))
             for line in f.read_text("utf-8").splitlines()]
    texts += [f.read_text("utf-8") for f in sorted(root.glob(f"letters/*/{lang}.md"))]
    texts = [t.lower() for t in texts] if lang == "en" else texts
    assert len(texts) > 100
    for kind, patterns in _RAW[lang].items():
        plain = re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x")
        hoisted = polarity.lexicon().cues[lang][kind]
        for text in texts:
            assert [m.span() for m in hoisted.finditer(text)] == [m.span() for m in plain.finditer(text)], kind


@pytest.mark.parametrize("pattern", ["(unclosed|x", "a)|b", "[ab|c", "a||b", "|a"])
def test_unbalanced_or_empty_alternatives_are_not_split(pattern: str) -> None:
    assert top_level_alternatives(pattern) is None
