"""Every speed-up of the checker changes nothing: the same beads, matches and findings with it as without it,
on every corpus the project has (letters/, the held-out rounds, the seeded cases, the NTREX real-text corpus).

- band: alignment searches a band around the diagonal; without it, every cell of the matrix.
- automaton: glossary renderings found in one Aho–Corasick pass; without it, one search per rendering (and the
  English walk starts at every word, not only where the automaton saw a form begin).
- prefilter: a polarity cue class searched only where its necessary literals occur; without it, always.
- prechecks: a fact recogniser skips text that lacks what each of its matches needs; without it, it scans all.
- reportable: the polarity rules align and read only sentence pairs with a cue they can report on (a negation,
  prohibition, negative verb or repeat); without it, every pair with any cue.
- cache and jobs: ``batch.check_many`` answering from ``.appeal/cache`` and checking in worker processes;
  without them, ``checker.check_pairs`` in this process.
The mutation benchmark's mutants are compared by ``benchmarks/speedup_equivalence.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appealkit import speedups
from appealkit.alignment import align
from appealkit.batch import check_many
from appealkit.checker import build_context, check_pairs
from appealkit.facts import source_facts, target_facts
from appealkit.glossary import (
    _COMPACT_TABLE,
    _GAP,
    _IGNORED_IN_TARGET,
    _WORD,
    MAX_TERM_WORDS,
    TermMatch,
    compact,
    compact_form,
    typography_key,
)
from appealkit.glossary_context import Paragraph, applies
from appealkit.letters import LetterPair, discover_pairs, load_letter
from appealkit.polarity import find_cues
from appealkit.result_cache import ResultCache

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def corpus_pairs(root: Path) -> list[LetterPair]:
    """Letter folders (en.md + zh.md / ko.md) and plain-text documents (en.txt + zh.txt / ko.txt)."""
    pairs = discover_pairs([root])
    for source in sorted(root.glob("*/en.txt")):
        pairs += [LetterPair(source, source.with_name(f"{lang}.txt"), lang, source.parent.name)
                  for lang in ("zh", "ko") if source.with_name(f"{lang}.txt").is_file()]
    return pairs


CORPORA = {
    "letters": [ROOT / "letters"],
    "heldout": sorted(FIXTURES.glob("heldout*")),
    "seeded": [FIXTURES / "seeded", ROOT / "benchmarks" / "seeded"],
    "ntrex-dev": [ROOT / "benchmarks" / "corpora" / "ntrex-dev"],
}
PAIRS = {name: [pair for root in roots for pair in corpus_pairs(root)] for name, roots in CORPORA.items()}


def test_every_corpus_is_found():
    assert {name: len(pairs) > 0 for name, pairs in PAIRS.items()} == {name: True for name in PAIRS}
    assert len(PAIRS["ntrex-dev"]) >= 100 and len(PAIRS["heldout"]) == 26


def _facts(pair: LetterPair, glossary):
    source, target = load_letter(pair.source), load_letter(pair.target)
    return ([source_facts(p.text, glossary) for p in source.paragraphs],
            [target_facts(p.text, pair.lang, glossary) for p in target.paragraphs])


@pytest.mark.parametrize("corpus", list(PAIRS))
def test_band_gives_the_beads_of_the_full_search(corpus, glossary):
    different = []
    for pair in PAIRS[corpus]:
        src, tgt = _facts(pair, glossary)
        if align(src, tgt, pair.lang) != align(src, tgt, pair.lang, exhaustive=True):
            different.append(str(pair.target))
    assert different == []


@pytest.mark.parametrize("corpus", list(PAIRS))
def test_automaton_finds_what_the_search_per_rendering_finds(corpus, glossary):
    texts = [(p.text, pair.lang) for pair in PAIRS[corpus] for p in load_letter(pair.target).paragraphs]
    with speedups.switched(automaton=True):
        fast = [glossary.find_in_target(text, lang) for text, lang in texts]
    with speedups.switched(automaton=False):
        plain = [glossary.find_in_target(text, lang) for text, lang in texts]
    assert sum(map(len, plain)) > 0
    assert fast == plain


def _walk(glossary, text, allowed):
    """The English walk as it was before it remembered lookups: every word sequence looked up afresh, and the
    walk stopped where no form key begins with the words (every prefix of every key, as a set)."""
    prefixes = {key.lower()[:n] for key in glossary._english_index for n in range(1, len(key) + 1)}
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    matches, i = [], 0
    while i < len(tokens):
        best = None
        for j in range(i, min(len(tokens), i + MAX_TERM_WORDS)):
            if j > i and not _GAP.fullmatch(text, tokens[j - 1][1], tokens[j][0]):
                break
            words = [t[2] for t in tokens[i : j + 1]]
            found = glossary._lookup_words(words)
            if found is not None and allowed(found[0], found[1], tokens[i][0], tokens[j][1]):
                best = (j, found[1])
            if "".join(words).lower() not in prefixes:
                break
        if best is None:
            i += 1
            continue
        j, entry = best
        start, end = tokens[i][0], tokens[j][1]
        matches.append(TermMatch(entry, start, end, text[start:end], "source"))
        i = j + 1
    return matches


def plain_find_in_english(glossary, text):
    """find_in_english without its shortcut: always two walks when the glossary has context-bound forms (the
    first judges the rules that look only at the form's neighbourhood, the second the ``near`` rules too)."""
    empty = Paragraph(text, [])

    def local(key, entry, start, end):
        rules = entry.binding(key)
        return not any(rule.near or rule.near_kind for rule in rules) and applies(rules, empty, start, end)

    paragraph = Paragraph(text, _walk(glossary, text, local))
    return _walk(glossary, text, lambda key, entry, start, end: applies(entry.binding(key), paragraph, start, end))


@pytest.mark.parametrize("corpus", list(PAIRS))
def test_english_matching_finds_what_the_plain_walk_finds(corpus, glossary):
    texts = sorted({p.text for pair in PAIRS[corpus] for p in load_letter(pair.source).paragraphs})
    assert glossary.has_contexts
    found = [glossary.find_in_english(text) for text in texts]
    assert sum(map(len, found)) > 0
    assert found == [plain_find_in_english(glossary, text) for text in texts]
    with speedups.switched(automaton=False):
        assert found == [glossary.find_in_english(text) for text in texts]


@pytest.mark.parametrize("corpus", list(PAIRS))
def test_compact_is_the_character_loop(corpus):
    texts = [p.text for pair in PAIRS[corpus] for p in load_letter(pair.target).paragraphs]
    texts.append("遣返（推回）、《禁止酷刑公约》 ⋅ ㆍ・ Ｕ［１］\u3000「朝鲜」<x> “y” ＂z＂ ＜w＞ \\ ^ ]")
    for text in texts:
        kept = [(typography_key(ch), i) for i, ch in enumerate(text) if ch not in _IGNORED_IN_TARGET]
        assert compact(text) == ("".join(ch for ch, _ in kept), [i for _, i in kept])
        assert compact_form(text) == text.translate(_COMPACT_TABLE)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(sorted(_IGNORED_IN_TARGET)),
                                  st.sampled_from([chr(c) for c in _COMPACT_TABLE]))))
def test_compact_form_is_the_translation_table(text):
    """compact_form drops, then retypes, in two substitutions: what one str.translate over the table gives; and
    compact's offsets are those of the characters kept."""
    assert compact_form(text) == text.translate(_COMPACT_TABLE)
    assert compact(text)[1] == [index for index, char in enumerate(text) if char not in _IGNORED_IN_TARGET]


def _outcome(results):
    return [(r.pair, r.findings, r.context.beads, r.context.joined) for r in results]


@pytest.mark.parametrize("corpus", list(PAIRS))
def test_findings_are_the_same_with_every_speed_up_off(corpus, glossary, tmp_path):
    pairs = PAIRS[corpus]
    with speedups.switched(**speedups.ALL_OFF):
        plain = _outcome(check_pairs(pairs, glossary))
    cache = ResultCache(tmp_path / "cache", glossary.digest)
    cold = _outcome(check_many(pairs, glossary, jobs=2, cache=cache))
    warm = check_many(pairs, glossary, jobs=2, cache=cache)
    assert cold == plain
    assert _outcome(warm) == plain
    assert [r.context.source.body for r in warm] == [load_letter(p.source).body for p in pairs]


@pytest.mark.parametrize("corpus", list(PAIRS))
def test_prefilter_finds_the_cues_of_every_search(corpus):
    texts = [(p.text, "en") for pair in PAIRS[corpus] for p in load_letter(pair.source).paragraphs]
    texts += [(p.text, pair.lang) for pair in PAIRS[corpus] for p in load_letter(pair.target).paragraphs]
    with speedups.switched(prefilter=True):
        fast = [find_cues(text, lang) for text, lang in texts]
    with speedups.switched(prefilter=False):
        plain = [find_cues(text, lang) for text, lang in texts]
    assert sum(map(len, plain)) > 0
    assert fast == plain


def test_build_context_reads_the_switches(glossary):
    """The switches reach the checker: with the band off, alignment scores every cell."""
    pair = PAIRS["letters"][0]
    source, target = load_letter(pair.source), load_letter(pair.target)
    with speedups.switched(band=False):
        assert build_context(source, target, pair.lang, glossary).beads == \
            align(*_facts(pair, glossary), pair.lang, exhaustive=True)
    with pytest.raises(ValueError, match="unknown speed-up"):
        with speedups.switched(turbo=True):
            pass


@pytest.mark.parametrize("corpus", list(PAIRS))
def test_prechecks_and_automaton_change_no_fact(corpus, glossary):
    """Every paragraph's facts (figures, dates, times, weekdays, citations, entities, terms) with the fact
    recognisers' pre-checks and the English automaton as without them."""
    fast = [_facts(pair, glossary) for pair in PAIRS[corpus]]
    with speedups.switched(prechecks=False, automaton=False):
        plain = [_facts(pair, glossary) for pair in PAIRS[corpus]]
    assert sum(len(f.figures) + len(f.dates) for src, tgt in plain for f in src + tgt) > 0
    assert fast == plain


def _english_words(glossary) -> list[str]:
    forms = sorted({form for entry in glossary.entries for form in entry.en})
    return forms[::3] + ["President", "Xi Jinping", "Director", "CAT/C/GC/4", "refugees", "the", "of", "and",
                         "-", ",", "(", ")", "2017", "Convention", "Article 3", "s", "es", "nationals"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_english_matching_on_generated_text(glossary, data):
    words = data.draw(st.lists(st.sampled_from(_english_words(glossary)), max_size=20))
    text = data.draw(st.sampled_from([" ", "-", ""])).join(words)
    assert glossary.find_in_english(text) == plain_find_in_english(glossary, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_english_automaton_on_generated_text(glossary, data):
    """The automaton only chooses where the walk starts: forms in any case, acronyms written in lower case, plurals,
    and letters that lower-case to two characters (İ) or by context (Σ), or are not ASCII at all."""
    forms = sorted({form for entry in glossary.entries for form in entry.en})
    words = data.draw(st.lists(st.one_of(
        st.sampled_from(forms[::2]),
        st.sampled_from(forms[1::2]).map(str.upper),
        st.sampled_from(forms[1::2]).map(str.lower),
        st.sampled_from(["İ", "Σ", "é", "’s", "s", "es", "UN", "un", "Un", "CATs", "cats", "the", "(", "2017"]),
    ), max_size=14))
    text = data.draw(st.sampled_from([" ", "-", "", "’"])).join(words)
    with speedups.switched(automaton=False):
        plain = glossary.find_in_english(text)
    assert glossary.find_in_english(text) == plain == plain_find_in_english(glossary, text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), lang=st.sampled_from(["zh", "ko"]))
def test_automaton_on_generated_text(glossary, data, lang):
    """Renderings run together, overlapping and nested (北京市东城区, 朝鲜…难民 with a gap), with filler."""
    forms = sorted({f for e in glossary.entries if (r := e.rendering(lang)) for f in (r.preferred, *r.accepted,
                                                                                      *r.forbidden, *r.short)})
    pieces = data.draw(st.lists(st.sampled_from([*forms[::2], "的", " ", "《", "》", "・", "（", "）", "2017年"]),
                                max_size=15))
    text = "".join(pieces)
    with speedups.switched(automaton=False):
        plain = glossary.find_in_target(text, lang)
    assert glossary.find_in_target(text, lang) == plain
