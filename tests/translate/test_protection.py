"""Placeholder protection and restoration under every way NMT mangles placeholders."""

import pytest

from appealkit.protection import protect, restore

from fake_engines import (
    ScriptedEngine, add_spaces, change_brackets, drop_first, duplicate_all, reverse_order, single_bracket,
    spaces_inside, translate_inside,
)

SENTENCE = ("China must respect Article 33 of the 1951 Refugee Convention and release the 10 refugees "
            "detained since 4 November 2017.")


@pytest.fixture()
def segment(glossary):
    return protect(SENTENCE, glossary, "zh")


def _decode(segment, *manglers):
    return ScriptedEngine(*manglers).translate_batch([segment.text], "zh", n_best=len(manglers))[0]


def test_protect_replaces_facts_with_numbered_placeholders(segment):
    kinds = {item.kind for item in segment.items}
    assert {"citation", "figure", "date"} <= kinds
    assert "1951" not in segment.text and "Article 33" not in segment.text and "[[1]]" in segment.text
    targets = [item.target for item in segment.items]
    assert "1951年《关于难民地位的公约》第33条" in targets
    assert "2017年11月4日" in targets
    assert any(t.startswith("10") for t in targets)


@pytest.mark.parametrize("mangle", [reverse_order, change_brackets, add_spaces, spaces_inside, translate_inside, single_bracket])
def test_mangled_placeholders_are_restored(segment, mangle):
    result = restore(segment, _decode(segment, mangle), "zh")
    assert not result.missing and not result.needs_review
    for item in segment.items:
        assert item.target in result.text
    assert "[[" not in result.text and "【" not in result.text


def test_duplicated_placeholders_are_kept_once_and_flagged(segment):
    result = restore(segment, _decode(segment, duplicate_all), "zh")
    assert result.text.count("2017年11月4日") == 1
    assert result.needs_review


def test_nbest_prefers_a_hypothesis_that_keeps_every_item(segment):
    result = restore(segment, _decode(segment, drop_first, change_brackets), "zh")
    assert result.hypothesis == 1 and not result.needs_review


def test_when_every_hypothesis_drops_an_item_it_is_inserted_and_flagged(segment):
    result = restore(segment, _decode(segment, drop_first), "zh")
    assert result.needs_review
    for item in segment.items:
        assert item.target in result.text  # never dropped silently


def test_sentence_without_facts_passes_through(glossary):
    segment = protect("We write to you.", glossary, "ko")
    assert segment.items == [] and restore(segment, ["안녕하십니까."], "ko").text == "안녕하십니까."
