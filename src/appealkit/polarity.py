"""Polarity: the negation, prohibition and obligation cues of a clause, in English, Chinese and Korean.

The cue lexicons are data (``lexicons/polarity.yaml``, one regular expression list per class and language);
this module matches them, splits sentences into clauses and says what each clause demands or denies. Spans
the caller masks (glossary renderings such as 不驱回原则 or 강제송환금지 원칙, whose negation belongs to the
term) never hold a cue.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from appealkit import speedups
from appealkit.data_cache import cached_parse
from appealkit.regex_analysis import hoist_boundaries, literal_table, top_level_alternatives
from appealkit.spans import SpanSet
from appealkit.textio import read_bundled
from appealkit.yamlsafe import load_yaml_text

# Matching order: a later class never takes a span an earlier one holds ("No State Party shall" is a prohibition,
# not an obligation; 非自愿 "involuntary" is a negative prefix, not the negation 非).
KINDS = ("not_negation", "optional", "prohibition", "obligation", "repeat", "negation", "implicit", "bare")
NEGATING = frozenset({"prohibition", "negation", "implicit", "repeat", "bare"})
SOFT = ("implicit", "optional", "bare")  # may be rendered with or without a negation word
LANGS = ("en", "zh", "ko")
# Any Hangul syllable ending in ㄹ (할, 낼, 볼): the future adnominal before 것 in a Korean demand.
_RIEUL = "[" + "".join(chr(0xAC00 + 28 * i + 8) for i in range(19 * 21)) + "]"
# Where a sentence divides into clauses. 、 is left alone: it lists (驱逐、遣返或引渡), it does not divide.
_CLAUSE_BREAK = {
    "en": re.compile(r"[,;:()\u2014\u2013]|\s(?=(?:but|while|whereas)\s)", re.IGNORECASE),
    "zh": re.compile(r"[,;:，；：()（）\u2014]"),
    "ko": re.compile(r"[,;:，；：()（）\u2014]"),
}


@dataclass(frozen=True)
class Cue:
    """One cue: its class (``KINDS``) and its span in the text it was found in."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Clause:
    """A clause of a sentence, its span in that sentence and the cues inside it (same offsets)."""

    start: int
    end: int
    text: str
    cues: tuple[Cue, ...]

    def of(self, *kinds: str) -> list[Cue]:
        return [c for c in self.cues if c.kind in kinds]

    @property
    def negations(self) -> list[Cue]:
        """Cues that deny or forbid: prohibitions, plain negations and negative verbs (avoid, 拒绝)."""
        return [c for c in self.cues if c.kind in NEGATING]

    @property
    def is_prohibition(self) -> bool:
        return bool(self.of("prohibition"))

    @property
    def is_bare_obligation(self) -> bool:
        """A demand to act with nothing in the clause that denies it: 应强迫他们返回."""
        return bool(self.of("obligation")) and not self.negations


@dataclass(frozen=True)
class VerbClass:
    """A verb of appeals and its renderings: how the rule knows two clauses carry 'the same verb'."""

    english: re.Pattern[str]
    renderings: dict[str, tuple[str, ...]]


class ClassPatterns(Mapping[str, re.Pattern[str]]):
    """kind → the class's patterns of one language as one alternation, in order. A class is compiled when first
    searched: with the prefilter, a short text may never need most of them; ``subset`` compiles the alternation
    of some of its alternatives (those that can match a given text)."""

    def __init__(self, lang: str, data: dict[str, list[str]]) -> None:
        self.lang = lang
        self.alternatives = {kind: _alternatives(data.get(kind, [])) for kind in KINDS}
        self.sources = {kind: pattern_source(self.alternatives[kind]) for kind in KINDS}
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._subsets: dict[tuple[str, tuple[int, ...]], re.Pattern[str]] = {}

    def __getitem__(self, kind: str) -> re.Pattern[str]:
        if kind not in self._compiled:
            self._compiled[kind] = re.compile(self.sources[kind])
        return self._compiled[kind]

    def subset(self, kind: str, indices: tuple[int, ...]) -> re.Pattern[str]:
        """The alternation of the class's alternatives ``indices`` (in order): where the others cannot match,
        it finds what the whole class finds, and is searched faster (often a single literal-led pattern)."""
        if len(indices) == len(self.alternatives[kind]):
            return self[kind]
        key = (kind, indices)
        if key not in self._subsets:
            alternatives = self.alternatives[kind]
            self._subsets[key] = re.compile(pattern_source([alternatives[i] for i in indices]))
        return self._subsets[key]

    def __iter__(self) -> Iterator[str]:
        return iter(KINDS)

    def __len__(self) -> int:
        return len(KINDS)


class CuePatterns(Mapping[str, ClassPatterns]):
    """lang → its ``ClassPatterns``; a language's patterns are prepared when first read (checking Chinese
    translations never touches the Korean cues)."""

    def __init__(self, data: dict) -> None:
        self._data = data
        self._langs: dict[str, ClassPatterns] = {}

    def __getitem__(self, lang: str) -> ClassPatterns:
        if lang not in self._langs:
            if lang not in LANGS:
                raise KeyError(lang)
            self._langs[lang] = ClassPatterns(lang, self._data[lang])
        return self._langs[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)


@dataclass(frozen=True)
class Lexicon:
    cues: CuePatterns
    verbs: tuple[VerbClass, ...]


# Characters that re.IGNORECASE matches to an ASCII letter although their lower case is another character
# (ı ~ i, ſ ~ s, ϐ ~ β …: the extra cases of re._casefix). English is matched case-sensitively on its lower-cased
# text (about twice as fast); text holding one of these is matched case-insensitively as written.
CASE_EXTRAS = frozenset(
    "\u00b5\u0131\u017f\u0345\u0390\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434\u043e\u0441\u0442\u044a\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06"
)


def pattern_source(alternatives: list[str]) -> str:
    """One regular expression per class: its alternatives in order, the first listed winning at a position (the
    data lists longer forms first: 必须 before 须, 不得不 before 不得). English patterns are lower case and run
    on lower-cased text (``find_cues``); alternatives that start with ``\\b`` share one test."""
    return hoist_boundaries(alternatives) or r"(?!x)x"


def _alternatives(patterns: list[str]) -> list[str]:
    """Every pattern's top-level alternatives, in order (a pattern that cannot be split stays whole)."""
    alternatives: list[str] = []
    for pattern in (p.replace("{RIEUL}", _RIEUL) for p in patterns):
        alternatives += top_level_alternatives(pattern) or [f"(?:{pattern})"]
    return alternatives


@cache
def _ignoring_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern.pattern, re.IGNORECASE)


def _matchable(text: str, lang: str) -> tuple[str, bool]:
    """The text the cue patterns run on, and whether they must ignore case: English is lower-cased unless
    that would move an offset or a character matches a letter only case-insensitively."""
    if lang != "en":
        return text, False
    lowered = text.lower()
    if len(lowered) == len(text) and (text.isascii() or CASE_EXTRAS.isdisjoint(text)):
        return lowered, False
    return text, True


def parse_lexicon(data: dict) -> Lexicon:
    cues = CuePatterns(data)
    verbs = tuple(
        VerbClass(re.compile(rf"\b(?:{v['en']})", re.IGNORECASE), {lang: tuple(v.get(lang, ())) for lang in LANGS[1:]})
        for v in data["verbs"]
    )
    return Lexicon(cues, verbs)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled lexicon (``appealkit/lexicons/polarity.yaml``)."""
    return parse_lexicon(load_yaml_text(read_bundled("lexicons/polarity.yaml")))


def find_cues(text: str, lang: str, masked: Iterable[tuple[int, int]] = ()) -> list[Cue]:
    """Every cue in ``text`` outside the masked spans, false cues (``not_negation``) left out.

    A cue inside a masked span (the 不 of 不驱回原则) or across its edge is dropped; a cue that holds a whole
    masked span keeps it ("No State Party shall" around the term "State Party"). A class never takes text an
    earlier class holds; where a match is refused, the search resumes one character later. ``masked`` is read
    only when some class may match (a generator of spans is not run for a text with nothing to search)."""
    haystack, ignore_case = _matchable(text, lang)
    patterns = lexicon().cues[lang]
    searched: Sequence[tuple[str, re.Pattern[str]]]
    if ignore_case:
        searched = [(kind, _ignoring_case(patterns[kind])) for kind in KINDS]
    elif not speedups.ACTIVE.prefilter:
        searched = [(kind, patterns[kind]) for kind in KINDS]
    else:
        searched = _prefiltered(lang, _cue_filter(lang).possible(haystack))
    if not searched:
        return []
    terms = SpanSet(masked)
    taken: list[tuple[int, int]] = []
    cues: list[Cue] = []
    for kind, pattern in searched:
        held, position = SpanSet(taken), 0
        while (match := pattern.search(haystack, position)) is not None:
            start, end = match.span()
            if (
                end == start
                or held.overlaps(start, end)
                or any(s < start or e > end for s, e in terms.overlapping(start, end))
            ):
                position = start + 1
                continue
            taken.append((start, end))
            if kind != "not_negation":
                cues.append(Cue(kind, start, end, text[start:end]))
            position = end
    return sorted(cues, key=lambda c: c.start)


class CueFilter:
    """Which alternatives of which cue classes can match a text at all: one Aho–Corasick pass for the necessary
    literals of every alternative (``regex_analysis``). An alternative that cannot match anywhere in the text
    never wins a position, so searching only the others finds the same matches; a class none of whose
    alternatives can match takes no span and gives no cue, and is not searched. An alternative without
    literals is always searched."""

    def __init__(self, literals: dict[str, list[list[str] | None]]):
        import ahocorasick

        self._always_places: set[tuple[str, int]] = set()  # alternatives without literals: always searched
        starts: dict[str, set[tuple[str, int]]] = {}
        for kind in KINDS:
            for index, alternative in enumerate(literals.get(kind, [])):
                if alternative is None:
                    self._always_places.add((kind, index))
                for literal in alternative or ():
                    starts.setdefault(literal, set()).add((kind, index))
        self._automaton = ahocorasick.Automaton()
        for literal, places in starts.items():
            self._automaton.add_word(literal, frozenset(places))
        if starts:
            self._automaton.make_automaton()

    def possible(self, text: str) -> frozenset[tuple[str, int]]:
        """The alternatives that may match ``text``, as (class, index) pairs."""
        places: set[tuple[str, int]] = set(self._always_places)
        if len(self._automaton):
            for _end, found in self._automaton.iter(text):
                places.update(found)  # a set union in C per occurrence, not a Python loop per place
        return frozenset(places)


@cache
def _cue_filter(lang: str) -> CueFilter:
    return CueFilter(_cue_literals()[lang])


@lru_cache(maxsize=4096)
def _prefiltered(lang: str, possible: frozenset[tuple[str, int]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """What ``find_cues`` searches in a text whose literals allow these alternatives (``CueFilter.possible``): the
    classes that may match, in matching order (``KINDS``), each as the alternation of those of its alternatives.
    Kept per set of alternatives, which texts share (855 sets for the 4,858 sentences of letters/ and NTREX dev)."""
    by_kind: dict[str, list[int]] = {}
    for kind, index in possible:
        by_kind.setdefault(kind, []).append(index)
    patterns = lexicon().cues[lang]
    return tuple((kind, patterns.subset(kind, tuple(sorted(by_kind[kind])))) for kind in KINDS if kind in by_kind)


@cache
def _cue_literals() -> dict[str, dict[str, list[list[str] | None]]]:
    """Necessary literals of every alternative of every class of every language, derived once from the
    alternatives themselves and kept in appealkit.data_cache (keyed by them and by the module of
    ``literal_table``)."""
    records = [
        f"{lang}\x1f{kind}\x1f{alternative}"
        for lang in LANGS
        for kind in KINDS
        for alternative in lexicon().cues[lang].alternatives[kind]
    ]
    return cached_parse("\x1e".join(records), "cue-literals", literal_table)


def clause_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Clause boundaries of a sentence: punctuation that divides (commas, semicolons, brackets, dashes) and,
    in English, but / while / whereas. Empty pieces are dropped."""
    spans, start = [], 0
    for match in _CLAUSE_BREAK[lang].finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def clauses(text: str, lang: str, masked: Iterable[tuple[int, int]] = ()) -> list[Clause]:
    """The clauses of a sentence with their cues; offsets are the sentence's."""
    return split_clauses(text, lang, find_cues(text, lang, masked))


def split_clauses(text: str, lang: str, cues: Sequence[Cue]) -> list[Clause]:
    """The clauses of a sentence whose cues (``find_cues``) a caller already has: each clause holds the cues that
    start inside it."""
    starts = [c.start for c in cues]
    return [
        Clause(s, e, text[s:e], tuple(cues[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]))
        for s, e in clause_spans(text, lang)
    ]


@dataclass(frozen=True)
class NegationCount:
    """The negations of one side of an aligned sentence pair."""

    certain: int  # negation words and prohibitions
    repeats: int  # (zh) a negation repeated over coordinated verbs: 也不会, 既未…也未
    soft: int  # cues a translation may or may not spell out as a negation: negative verbs (refuse ↔ 拒绝
    # or 不肯), privatives and negative prefixes (without / 未经, illegal / 非法), a bare 不 / 无
    negative: int  # cues with a negative meaning: negation words, prohibitions, negative verbs
    prohibitions: int  # demands not to act (must not, 不得, -서는 안 되-)

    @property
    def at_least(self) -> int:
        """Negations for certain: a repeated one counts once, and only when there is no other."""
        return self.certain or min(1, self.repeats)


def count_negations(parts: Sequence[Clause]) -> NegationCount:
    kinds = Counter(cue.kind for clause in parts for cue in clause.cues)
    certain = kinds["prohibition"] + kinds["negation"]
    return NegationCount(
        certain,
        kinds["repeat"],
        sum(kinds[kind] for kind in SOFT),
        certain + kinds["repeat"] + kinds["implicit"],
        kinds["prohibition"],
    )


def lost_and_added(source: NegationCount, target: NegationCount) -> tuple[int, int]:
    """Negations the translation lost and added.

    Soft cues first pair off with each other (without ↔ 未经); the rest of each side's soft cues may cover the
    other side's certain ones (must not ↔ 必须避免). A translation may repeat one English "not" over each verb
    it governs (did not X or Y → 既未X，也未Y): repeats count against a loss, not as additions. Two things no
    soft cue explains: a translation with no cue at all where the English has a negative meaning (lacks → 有),
    and a prohibition on one side with nothing negative on the other (stipulates the exchange → 不应交换)."""
    lost = source.certain - target.certain - target.repeats - max(0, target.soft - source.soft)
    added = target.at_least - source.at_least - max(0, source.soft - target.soft)
    if source.negative and not target.certain + target.repeats + target.soft:
        lost = max(lost, 1)
    lost = max(lost, source.prohibitions - target.negative)
    added = max(added, target.prohibitions - source.negative)
    return max(0, lost), max(0, added)


def english_verbs(text: str, after: int = 0) -> set[int]:
    """Indices of the lexicon's verb classes named in English text from ``after`` on."""
    return {i for i, verb in enumerate(lexicon().verbs) if verb.english.search(text, after)}


def target_verbs(text: str, lang: str) -> set[int]:
    """Indices of the lexicon's verb classes rendered in translated text."""
    return {i for i, verb in enumerate(lexicon().verbs) if any(r in text for r in verb.renderings.get(lang, ()))}
