"""Polarity: the negation, prohibition and obligation cues of a clause, in English, Chinese and Korean.

The cue lexicons are data (``lexicons/polarity.yaml``, one regular expression list per class and language);
this module matches them, splits sentences into clauses and says what each clause demands or denies. Spans
the caller masks (glossary renderings such as 不驱回原则 or 강제송환금지 원칙, whose negation belongs to the
term) never hold a cue.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

import yaml

from appealkit.spans import SpanSet

# Matching order: a later class never takes a span an earlier one holds ("No State Party shall" is a prohibition,
# not an obligation; 非自愿 "involuntary" is a negative prefix, not the negation 非).
KINDS = ("not_negation", "optional", "prohibition", "obligation", "negation", "implicit", "bare")
NEGATING = frozenset({"prohibition", "negation", "implicit", "bare"})
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


@dataclass(frozen=True)
class Lexicon:
    cues: dict[str, dict[str, tuple[re.Pattern[str], ...]]]  # lang → kind → patterns
    verbs: tuple[VerbClass, ...]


def _compile(pattern: str, lang: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("{RIEUL}", _RIEUL), re.IGNORECASE if lang == "en" else 0)


def parse_lexicon(data: dict) -> Lexicon:
    cues = {lang: {kind: tuple(_compile(p, lang) for p in data[lang].get(kind, [])) for kind in KINDS}
            for lang in LANGS}
    verbs = tuple(VerbClass(re.compile(rf"\b(?:{v['en']})", re.IGNORECASE),
                            {lang: tuple(v.get(lang, ())) for lang in LANGS[1:]}) for v in data["verbs"])
    return Lexicon(cues, verbs)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled lexicon (``appealkit/lexicons/polarity.yaml``)."""
    text = resources.files("appealkit").joinpath("lexicons/polarity.yaml").read_text(encoding="utf-8")
    return parse_lexicon(yaml.safe_load(text))


def find_cues(text: str, lang: str, masked: Iterable[tuple[int, int]] = ()) -> list[Cue]:
    """Every cue in ``text`` outside the masked spans, false cues (``not_negation``) left out.

    A cue inside a masked span (the 不 of 不驱回原则) or across its edge is dropped; a cue that holds a whole
    masked span keeps it ("No State Party shall" around the term "State Party"). Within a class the leftmost,
    then longest match wins (必须 over 须); linear in the matches found."""
    terms = SpanSet(masked)
    taken: list[tuple[int, int]] = []
    cues: list[Cue] = []
    for kind in KINDS:
        held = SpanSet(taken)
        found = sorted((m.start(), -m.end(), m.group()) for pattern in lexicon().cues[lang][kind]
                       for m in pattern.finditer(text) if m.end() > m.start())
        last_end = -1
        for start, neg_end, matched in found:
            end = -neg_end
            if start < last_end or held.overlaps(start, end):
                continue
            if any(s < start or e > end for s, e in terms.overlapping(start, end)):
                continue
            taken.append((start, end))
            last_end = end
            if kind != "not_negation":
                cues.append(Cue(kind, start, end, matched))
    return sorted(cues, key=lambda c: c.start)


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
    cues = find_cues(text, lang, masked)
    starts = [c.start for c in cues]
    return [Clause(s, e, text[s:e], tuple(cues[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]))
            for s, e in clause_spans(text, lang)]


def negation_range(parts: Sequence[Clause]) -> tuple[int, int, int]:
    """(certain, soft, negative): negation words and prohibitions; the cues a translation may or may not spell
    out as a negation: negative verbs (refuse ↔ 拒绝 or 不肯, fail ↔ 未能), privatives and negative prefixes
    (without / 未经 / 없이, illegal / 非法 / 불법) and, in Chinese, a bare 不 / 无 / 非 that may be a word's own;
    and how many cues have a negative meaning (negation words, prohibitions and negative verbs)."""
    return (sum(len(c.of("prohibition", "negation")) for c in parts), sum(len(c.of(*SOFT)) for c in parts),
            sum(len(c.negations) - len(c.of("bare")) for c in parts))


def lost_and_added(source: tuple[int, int, int], target: tuple[int, int, int]) -> tuple[int, int]:
    """Negations the translation lost and added, after soft cues have paired off with each other (without ↔ 未经)
    and the rest of each side's soft cues have covered the other side's certain ones (must not ↔ 必须避免).
    A translation with no cue at all where the English has a negative meaning has lost it (lacks → 有)."""
    (e_certain, e_soft, e_negative), (t_certain, t_soft, _) = source, target
    lost = e_certain - t_certain - max(0, t_soft - e_soft)
    added = t_certain - e_certain - max(0, e_soft - t_soft)
    if e_negative and not t_certain + t_soft:
        lost = max(lost, 1)
    return max(0, lost), max(0, added)


def english_verbs(text: str, after: int = 0) -> set[int]:
    """Indices of the lexicon's verb classes named in English text from ``after`` on."""
    return {i for i, verb in enumerate(lexicon().verbs) if verb.english.search(text, after)}


def target_verbs(text: str, lang: str) -> set[int]:
    """Indices of the lexicon's verb classes rendered in translated text."""
    return {i for i, verb in enumerate(lexicon().verbs) if any(r in text for r in verb.renderings.get(lang, ()))}
