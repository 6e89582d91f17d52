"""Target-side matching forgives typography, not meaning; glossary forms are text, never patterns."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.glossary import INTERPUNCTS, compact, compact_form, load_glossary, typography_key


def entries_in(glossary, text: str, lang: str) -> set[str]:
    return {m.entry.id for m in glossary.find_in_target(text, lang)}


@pytest.mark.parametrize("dot", list(INTERPUNCTS))
def test_every_interpunct_is_one_character(glossary, dot):
    assert "wgeid" in entries_in(glossary, f"유엔 강제적{dot}비자발적 실종에 관한 실무그룹", "ko")
    assert typography_key(dot) == "·"


@pytest.mark.parametrize("text", ["驱逐、遣返（推回）或引渡", "驱逐、遣返(推回)或引渡", "驱逐，遣返（推回）或引渡",
                                  "驱逐,遣返 (推回) 或引渡", "驱逐、遣返〔推回〕或引渡"])
def test_brackets_and_commas_of_either_width_are_one(glossary, text):
    assert "expel-return-extradite" in entries_in(glossary, text, "zh")


@pytest.mark.parametrize("text", ["유엔인권사무소(서울)", "유엔인권사무소（서울）", "유엔 인권사무소 (서울)"])
def test_korean_spacing_and_bracket_width_do_not_matter(glossary, text):
    assert "ohchr-seoul" in entries_in(glossary, text, "ko")


@pytest.mark.parametrize("lang, changed, entry_id", [
    ("zh", "驱逐、遣送（推回）或引渡", "expel-return-extradite"),       # 遣返 → 遣送: another word
    ("ko", "유엔 강제적·자발적 실종에 관한 실무그룹", "wgeid"),             # 비자발적 → 자발적
    ("ko", "유엔인권사무소(부산)", "ohchr-seoul"),                          # another city
    ("zh", "不驱逐原则", "non-refoulement"),
])
def test_a_changed_word_is_not_forgiven(glossary, lang, changed, entry_id):
    assert entry_id not in entries_in(glossary, changed, lang)


def test_compact_keeps_offsets_into_the_original_text():
    text = "驱逐、遣返（推回）或引渡"
    flat, offsets = compact(text)
    assert flat == compact_form(text) == "驱逐,遣返(推回)或引渡"
    assert text[offsets[5]] == "（" and text[offsets[-1]] == "渡"


def test_full_width_latin_and_digits_match_their_ascii_forms(glossary):
    assert "universal-periodic-review" in entries_in(glossary, "ＵＰＲ", "ko")


REGEX_GLOSSARY = """\
entries:
  - id: dotted
    kind: term
    en: [dotted thing]
    zh: {preferred: "a.b", accepted: ["x|y", "c*d"], forbidden: []}
    ko: {preferred: "(e)+", accepted: [], forbidden: ["[f]"]}
    note: ""
    source: "test"
"""


@pytest.fixture()
def regex_glossary(tmp_path: Path):
    path = tmp_path / "g.yaml"
    path.write_text(REGEX_GLOSSARY)
    return load_glossary(path)


@pytest.mark.parametrize("lang, text, found", [
    ("zh", "a.b", True), ("zh", "axb", False), ("zh", "x|y", True), ("zh", "x", False), ("zh", "y", False),
    ("zh", "c*d", True), ("zh", "cccd", False), ("ko", "(e)+", True), ("ko", "eee", False),
    ("ko", "[f]", True), ("ko", "f", False),
])
def test_regex_like_characters_match_literally(regex_glossary, lang, text, found):
    assert (regex_glossary.find_in_target(text, lang) != []) is found


def test_gap_forms_escape_their_pieces(tmp_path: Path):
    path = tmp_path / "g.yaml"
    path.write_text(REGEX_GLOSSARY.replace('accepted: ["x|y", "c*d"]', 'accepted: ["a+…b?"]'))
    glossary = load_glossary(path)
    assert glossary.find_in_target("a+ 中间 b?", "zh") and not glossary.find_in_target("aa 中间 b", "zh")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 3)), max_size=14))
def test_span_order_is_start_then_longest_stable(spans):
    """in_span_order (two stable sorts on C keys) orders as one sort by (start, -end), ties in input order."""
    from appealkit.glossary import TermMatch, in_span_order

    matches = [TermMatch(None, start, start + length, str(i)) for i, (start, length) in enumerate(spans)]
    expected = sorted(matches, key=lambda m: (m.start, -m.end))
    assert [m.text for m in in_span_order(matches)] == [m.text for m in expected]


def _nested_by_definition(matches, group, can_cover):
    """drop_nested's contract, pair by pair: a match goes when another one of its group that can cover it
    spans it strictly (equal spans both stay); the rest keep span order."""
    from appealkit.glossary import in_span_order

    def covers(outer, inner):
        return (
            group(outer) == group(inner)
            and can_cover(outer)
            and outer.start <= inner.start
            and inner.end <= outer.end
            and (outer.start, outer.end) != (inner.start, inner.end)
        )

    return [m for m in in_span_order(matches) if not any(covers(other, m) for other in matches)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 8), st.integers(1, 5), st.sampled_from("ab"), st.booleans()), max_size=14))
def test_drop_nested_keeps_what_no_longer_match_of_its_group_covers(spans):
    """The one-pass sweep (drop_nested, and so outermost, resolve_overlaps and credited) equals the pairwise
    definition, with and without groups and covering rules."""
    from appealkit.glossary import TermMatch, drop_nested

    matches = [
        TermMatch(None, start, start + length, f"{i}{group}", "preferred" if covering else "accepted")
        for i, (start, length, group, covering) in enumerate(spans)
    ]
    group, can_cover = (lambda m: m.text[-1]), (lambda m: m.quality == "preferred")
    assert drop_nested(matches) == _nested_by_definition(matches, lambda m: None, lambda m: True)
    assert drop_nested(matches, group, can_cover) == _nested_by_definition(matches, group, can_cover)
    assert drop_nested(matches, can_cover=can_cover) == _nested_by_definition(matches, lambda m: None, can_cover)


def test_target_tables_are_built_for_the_checked_language_only():
    """A check of zh never builds the ko automaton (half the glossary's start-up)."""
    fresh = load_glossary()
    assert [match.entry.id for match in fresh.find_in_target("保护难民", "zh")] == ["refugee"]
    assert fresh._target_automaton("zh") is not None
    assert ("automaton", "ko") not in fresh._per_language


_GLOSSARY = load_glossary()
_KEYS = sorted({key.lower() for key in _GLOSSARY._english_index})


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(_KEYS).flatmap(lambda key: st.integers(0, len(key)).map(lambda n: key[:n])),
                 st.sampled_from(_KEYS).map(lambda key: key + "x"), st.text(max_size=12)))
def test_a_form_is_begun_exactly_when_some_key_starts_with_the_text(text):
    assert _GLOSSARY._begins_a_form(text) == any(key.startswith(text) for key in _KEYS)
