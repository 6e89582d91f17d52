"""Every speed-up of the checker changes nothing: the same beads, matches and findings with it as without it,
on every corpus the project has (letters/, the held-out rounds, the seeded cases, the NTREX real-text corpus).

- band: alignment searches a band around the diagonal; without it, every cell of the matrix.
- automaton: glossary renderings found in one Aho–Corasick pass; without it, one search per rendering.
- cache and jobs: ``batch.check_many`` answering from ``.appeal/cache`` and checking in worker processes;
  without them, ``checker.check_pairs`` in this process.
The mutation benchmark's mutants are compared by ``benchmarks/speedup_equivalence.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from appealkit import speedups
from appealkit.alignment import align
from appealkit.batch import check_many
from appealkit.checker import build_context, check_pairs
from appealkit.facts import source_facts, target_facts
from appealkit.letters import LetterPair, discover_pairs, load_letter
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


def _outcome(results):
    return [(r.pair, r.findings, r.context.beads, r.context.joined) for r in results]


@pytest.mark.parametrize("corpus", list(PAIRS))
def test_findings_are_the_same_with_every_speed_up_off(corpus, glossary, tmp_path):
    pairs = PAIRS[corpus]
    with speedups.switched(band=False, automaton=False):
        plain = _outcome(check_pairs(pairs, glossary))
    cache = ResultCache(tmp_path / "cache", glossary.digest)
    cold = _outcome(check_many(pairs, glossary, jobs=2, cache=cache))
    warm = check_many(pairs, glossary, jobs=2, cache=cache)
    assert cold == plain
    assert _outcome(warm) == plain
    assert [r.context.source.body for r in warm] == [load_letter(p.source).body for p in pairs]


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
