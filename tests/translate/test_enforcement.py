"""Glossary terms the engine saw in English: n-best choice, then targeted repair, then insertion for review."""

import pytest

from appealkit.protection import protect, restore

SENTENCE = "China must not forcibly return the 10 refugees under Article 33 of the 1951 Refugee Convention."


@pytest.fixture()
def segment(glossary):
    return protect(SENTENCE, glossary, "zh")


def _fill(segment, template):
    """A hypothesis with every placeholder kept, around a prose template."""
    placeholders = " ".join(f"[[{i.index}]]" for i in segment.items)
    return template.format(p=placeholders)


def test_nbest_prefers_the_hypothesis_with_the_glossary_rendering(segment, glossary):
    hypotheses = [_fill(segment, "中国不得送回{p}。"), _fill(segment, "中国不得强制遣返{p}。")]
    result = restore(segment, hypotheses, "zh", glossary)
    assert result.hypothesis == 1 and "强制遣返" in result.text and not result.repaired_terms


def test_a_forbidden_or_partial_rendering_is_repaired_in_place(segment, glossary):
    result = restore(segment, [_fill(segment, "中国不得遣返{p}。")], "zh", glossary)
    assert "强制遣返" in result.text and "forcible-repatriation" in result.repaired_terms
    assert not result.needs_review


def test_english_copied_through_is_replaced(segment, glossary):
    result = restore(segment, [_fill(segment, "中国不得 forcibly return {p}。")], "zh", glossary)
    assert "forcibly" not in result.text and "强制遣返" in result.text


def test_a_term_that_cannot_be_placed_is_inserted_and_flagged(segment, glossary):
    result = restore(segment, [_fill(segment, "中国不得送走{p}。")], "zh", glossary)
    assert result.needs_review and "forcible-repatriation" in result.inserted_terms
    assert result.text.endswith("强制遣返）")
