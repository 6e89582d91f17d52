"""Moved, swapped and duplicated paragraphs, empty letters and wrong-language translations: each is one finding.

Every case is built from a shipped letter (0 errors as it is), so any other finding is one the trick caused.
"""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.checker import check_letters
from appealkit.letters import load_letter, parse_letter
from appealkit.reorder import Duplicate, Move, out_of_order

ROOT = Path(__file__).resolve().parents[2]
LETTER = ROOT / "letters" / "hrw-2015-nine-north-koreans"


def shipped(lang: str) -> tuple[str, list[str]]:
    head, body = (LETTER / f"{lang}.md").read_text(encoding="utf-8").split("\n---\n", 1)
    return head + "\n---\n", body.strip().split("\n\n")


def check(glossary, lang: str, paragraphs: list[str], head: str | None = None):
    front = shipped(lang)[0] if head is None else head
    target = parse_letter(front + "\n\n".join(paragraphs) + "\n", LETTER / f"{lang}.md")
    return check_letters(load_letter(LETTER / "en.md"), target, glossary, lang)


def new_findings(glossary, lang, paragraphs):
    baseline = {(f.rule, f.message) for f in check(glossary, lang, shipped(lang)[1]).findings}
    result = check(glossary, lang, paragraphs)
    return [f for f in result.findings if (f.rule, f.message) not in baseline], result


@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_adjacent_swap_is_one_finding(glossary, lang):
    paragraphs = shipped(lang)[1]
    paragraphs[10], paragraphs[11] = paragraphs[11], paragraphs[10]
    found, result = new_findings(glossary, lang, paragraphs)
    assert [f.rule for f in found] == ["structure-swapped-paragraphs"]
    assert "11 and 12" in found[0].message and found[0].severity == "warning"
    assert {(11,), (10,)} <= {b.target for b in result.context.beads if b.source in ((10,), (11,))}


@pytest.mark.parametrize("lang,start,end", [("zh", 10, 18), ("ko", 10, 18), ("zh", 15, 3), ("ko", 12, 6)])
def test_far_move_is_reported_once_where_it_went(glossary, lang, start, end):
    paragraphs = shipped(lang)[1]
    paragraphs.insert(end, paragraphs.pop(start))
    found, result = new_findings(glossary, lang, paragraphs)
    assert [f.rule for f in found] == ["structure-moved-paragraph"]
    message = found[0].message
    assert f"English paragraph {start + 1} " in message and f"translated paragraph {end + 1} " in message
    assert found[0].line == result.context.target.paragraphs[end].line
    assert Move(start, end) in result.context.order.moves


@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_duplicated_paragraph_is_one_finding_and_not_counted_twice(glossary, lang):
    paragraphs = shipped(lang)[1]
    paragraphs.insert(11, paragraphs[10])
    found, result = new_findings(glossary, lang, paragraphs)
    assert [f.rule for f in found] == ["structure-duplicated-paragraph"]
    assert result.context.order.duplicates == [Duplicate(11, 10)]
    assert all(11 not in bead.target for bead in result.context.beads)


def test_a_letter_that_says_the_same_thing_twice_is_not_a_duplicate(glossary):
    en = parse_letter("President Xi Jinping\n\nWe write about the nine refugees.\n\nPresident Xi Jinping\n", "x/en.md")
    zh = parse_letter("习近平主席\n\n我们就这九名难民致函。\n\n习近平主席\n", "x/zh.md")
    assert [f.rule for f in check_letters(en, zh, glossary, "zh").findings] == []


def test_shipped_letters_have_no_order_findings(glossary):
    for folder in sorted((ROOT / "letters").iterdir()):
        for lang in ("zh", "ko"):
            result = check_letters(load_letter(folder / "en.md"), load_letter(folder / f"{lang}.md"), glossary, lang)
            assert not result.context.order.moves and not result.context.order.duplicates, folder


def test_out_of_order_keeps_the_longest_increasing_run():
    assert out_of_order({0: 0, 1: 1, 2: 9, 3: 2, 4: 3}) == [2]
    assert out_of_order({0: 5, 1: 0, 2: 1, 3: 2}) == [0]
    assert out_of_order({0: 0, 1: 1, 2: 2}) == []
    assert out_of_order({}) == []


@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_empty_translation_is_one_error(glossary, lang):
    result = check(glossary, lang, [], head=f"---\nlang: {lang}\n---\n")
    assert [f.rule for f in result.findings if f.severity == "error"] == ["structure-empty-translation"]
    assert len(result.findings) <= 2  # and at most stale-source: no source_sha256 in this front matter


def test_empty_english_against_a_full_translation_is_an_error(glossary):
    empty = parse_letter("---\ntitle: x\n---\n", LETTER / "en.md")
    result = check_letters(empty, load_letter(LETTER / "zh.md"), glossary, "zh")
    assert [f.rule for f in result.findings if f.severity == "error"] == ["structure-empty-source"]
    assert len(result.findings) <= 2


@pytest.mark.parametrize("lang,written,expected", [
    ("zh", "ko", "written in Korean, not Chinese"), ("ko", "zh", "written in Chinese, not Korean"),
    ("zh", "en", "written in English, not Chinese"), ("ko", "en", "written in English, not Korean"),
])
def test_wrong_language_is_one_finding(glossary, lang, written, expected):
    paragraphs = shipped(written)[1] if written != "en" else load_letter(LETTER / "en.md").body.strip().split("\n\n")
    result = check(glossary, lang, paragraphs)
    assert [f.rule for f in result.findings if f.severity == "error"] == ["untranslated-wrong-language"]
    assert len(result.findings) <= 2 and any(expected in f.message for f in result.findings)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ9_ ,.é가一ß٣²Ⅻ\u3000ａＡ'-İ"), max_size=40))
def test_normalized_keeps_exactly_the_alphanumeric_characters(text):
    from appealkit.reorder import _normalized

    assert _normalized(text) == "".join(ch for ch in text.casefold() if ch.isalnum())
