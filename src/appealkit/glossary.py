"""The fixed glossary: YAML entries mapping English terms to their zh and ko renderings.

Matching rules (the contract the glossary files rely on):
- English forms match case-insensitively, with hyphen, space or nothing between words treated alike
  and simple plurals (-s, -es) accepted; all-capital acronyms (CAT, COI) match case-sensitively.
- Target renderings match ignoring spaces and title marks (《》「」), so 강제송환금지 원칙 and
  강제송환금지원칙 are the same rendering; typography is forgiven, not meaning: every interpunct (ㆍ · ・ ⋅ ‧ •)
  is one character, brackets of every width and shape are one pair, and 、 ，, are one comma (``typography_key``).
- Forms are text, never patterns: regex-like characters in a form match themselves (only … is a gap).
- Overlaps resolve longest first: "refugees sur place" wins over "refugee".
- An English form bound by the entry's ``context`` rules counts only where they hold (glossary_context.py).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from pathlib import Path
from typing import Any, TypeVar

from appealkit import speedups
from appealkit.errors import AppealInputError
from appealkit.glossary_context import FormContext, Paragraph, applies, context_from_mapping
from appealkit.spans import in_span_order
from appealkit.textio import PACKAGE_DIR

KINDS = ("treaty", "law", "term", "body", "place", "person", "organization")
TARGET_LANGS = ("zh", "ko")
_T = TypeVar("_T")
_TITLE_MARKS = '《》〈〉「」『』<>"“”‘’'
_IGNORED_IN_TARGET = set(_TITLE_MARKS) | {" ", "\t", "\n", "\u3000", "\u00a0"}
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Rendering:
    preferred: str
    accepted: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()  # wrong in law or fact: an error
    short: tuple[
        str, ...
    ] = ()  # correct once the full (preferred) name has been written: 북한 after 조선민주주의인민공화국
    discouraged: tuple[str, ...] = ()  # attested but imprecise: a warning that gives the reason
    reasons: tuple[tuple[str, str], ...] = ()  # (forbidden or discouraged form, why)
    verified: bool = True  # False: no authoritative source seen, so a missing rendering only warns

    @property
    def correct(self) -> tuple[str, ...]:
        return (self.preferred, *self.accepted, *self.short)

    def reason(self, form: str) -> str:
        """Why a forbidden or discouraged form is flagged (matched like renderings, typography aside)."""
        key = compact_form(form)
        return next((why for flagged, why in self.reasons if compact_form(flagged) == key), "")


AUTHORITIES = ("un-document", "treaty-text", "government", "press-ngo")


@dataclass(frozen=True)
class Source:
    """Where a rendering is attested: an address or a document symbol, and how official the text is."""

    authority: str  # one of AUTHORITIES, most official first
    title: str
    url: str = ""
    symbol: str = ""  # UN document symbol or treaty number
    lang: str = ""  # the rendering it attests: zh, ko, en; empty for all

    @property
    def attested(self) -> bool:
        return bool(self.url or self.symbol)

    def describe(self) -> str:
        where = " ".join(part for part in (self.symbol, self.url) if part)
        lang = f"{self.lang}: " if self.lang else ""
        return f"[{self.authority}] {lang}{self.title}{' — ' + where if where else ''}"


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    en: tuple[str, ...]
    targets: dict[str, Rendering]
    note: str = ""
    source: str = ""  # free-text provenance (older entries); ``sources`` holds attested ones
    year: int | None = None
    file: str = ""
    line: int = 0
    sources: tuple[Source, ...] = ()
    contexts: tuple[FormContext, ...] = ()
    un: bool = False  # a UN body, mandate or document: lint requires an attested source
    stands_for: tuple[str, ...] = ()  # entries a metonym may be translated as ("Beijing said" → 中国表示)

    def rendering(self, lang: str) -> Rendering | None:
        return self.targets.get(lang)

    def binding(self, form_key: str) -> tuple[FormContext, ...]:
        """The context rules that bind an English form (by its key); empty when it applies everywhere."""
        return tuple(rule for rule in self.contexts if rule.binds and rule.covers(form_key, _form_key))


@dataclass(slots=True)  # not frozen: find_in_target builds dozens a paragraph, and frozen makes each 3× dearer
class TermMatch:
    """One occurrence of a glossary form in a text; never changed once found."""

    entry: Entry
    start: int
    end: int
    text: str
    quality: str = "preferred"  # preferred | accepted | discouraged | forbidden (target side); "source" for English


def english_key(form: str) -> str:
    """Comparison key for English forms: lower case, letters and digits only, no plural -s."""
    key = "".join(_WORD.findall(form.lower()))
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


# In an accepted or forbidden rendering, "…" stands for a few characters of the same clause, for renderings
# that a modifier splits: 朝鲜…难民 matches 逃离朝鲜的难民, 북한…난민 matches 북한을 탈출하는 난민.
GAP_MARK = "…"
_GAP_FILL = r"[^。！？；.!?;\n]{0,8}?"


def gap_pattern(form: str) -> re.Pattern[str] | None:
    """The regex of a rendering with gaps, over compacted text; None for a plain rendering."""
    if GAP_MARK not in form:
        return None
    return re.compile(_GAP_FILL.join(re.escape(compact_form(piece)) for piece in form.split(GAP_MARK)))


# Typography that never changes a word: one character for every interpunct, ASCII for full-width forms.
INTERPUNCTS = "·ㆍ・･⋅‧•∙"
_TYPOGRAPHY = (
    {ord(ch): "·" for ch in INTERPUNCTS}
    | {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # full-width ASCII （）［］，：Ｕ → ()[],:U
    | {ord("、"): ","}
    | {ord(ch): "(" for ch in "[〔【［"}
    | {ord(ch): ")" for ch in "]〕】］"}  # one bracket pair
)
_COMPACT_TABLE = {ord(ch): None for ch in _IGNORED_IN_TARGET} | _TYPOGRAPHY


def typography_key(char: str) -> str:
    """The character matching compares: 遣返（推回） and 遣返(推回) are one rendering, ⋅ and ㆍ one interpunct."""
    mapped = _TYPOGRAPHY.get(ord(char))
    return chr(mapped) if isinstance(mapped, int) else (mapped or char)


# compact_form as two substitutions: str.translate looks every character up in its table, and most characters of a
# paragraph are in none. Dropping comes first: a full-width ＂ maps to " and is kept, as in _COMPACT_TABLE.
_DROPPED_CLASS = "[" + re.escape("".join(sorted(_IGNORED_IN_TARGET - {chr(c) for c in _TYPOGRAPHY}))) + "]"
_DROPPED = re.compile(f"{_DROPPED_CLASS}{_DROPPED_CLASS}*")  # not [..]+: a leading class is skipped to at C speed
_TYPOGRAPHY_CHARS = {
    chr(code): mapped if isinstance(mapped, str) else chr(mapped) for code, mapped in _TYPOGRAPHY.items()
}
_RETYPED = re.compile("[" + re.escape("".join(sorted(_TYPOGRAPHY_CHARS))) + "]")


def _retype(match: re.Match[str]) -> str:
    return _TYPOGRAPHY_CHARS[match.group()]


def compact_form(text: str) -> str:
    """``compact(text)[0]`` without the offsets: ``text.translate(_COMPACT_TABLE)``. The commonest of each kind,
    the space of Korean and the full-width comma of Chinese, go by str.replace first (one C pass each)."""
    return _RETYPED.sub(_retype, _DROPPED.sub("", text.replace(" ", "")).replace("，", ","))


def compact(text: str) -> tuple[str, list[int]]:
    """Text without spaces and title marks, typography normalised (``typography_key``), and for each kept
    character its offset in the original. (``str.translate`` maps and drops the characters: the table maps
    each kept character to one character, so the offsets are those of the characters not dropped.)"""
    return text.translate(_COMPACT_TABLE), _kept_offsets(text)


def _kept_offsets(text: str) -> list[int]:
    """``compact(text)[1]``: the offset in ``text`` of each character compacting keeps (the offsets between the
    dropped runs)."""
    offsets: list[int] = []
    kept_from = 0
    for run in _DROPPED.finditer(text):
        offsets += range(kept_from, run.start())
        kept_from = run.end()
    offsets += range(kept_from, len(text))
    return offsets


# Everything but the letters and digits of _WORD, for ASCII text (bytes.translate is a single C pass).
_ASCII_NOT_WORD = bytes(b for b in range(128) if not chr(b).isalnum())
_NOT_WORD = re.compile(r"[\W_][\W_]*")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` with their offsets."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def words_run_together(text: str) -> str:
    """The words (letters and digits) of ``text`` run together: ``"".join(_WORD.findall(text))``. ASCII
    punctuation and spaces go in one bytes pass; what is left goes through the regex only if it is not ASCII."""
    kept = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NOT_WORD).decode("utf-8", "surrogatepass")
    return kept if kept.isascii() else _NOT_WORD.sub("", kept)


_GAP = re.compile(r"[\s\-‐‑–—'’.,()\[\]]*")  # what may separate the words of a term ("return (refouler) or")
MAX_TERM_WORDS = 16


def _is_acronym(form: str) -> bool:
    stripped = form.strip()
    return stripped.isupper() and len(stripped) <= 8


def _form_key(form: str) -> str:
    """A form's words run together, lower case unless it is an acronym (CAT is not "cat")."""
    joined = "".join(_WORD.findall(form))
    return joined if _is_acronym(form) else joined.lower()


# Names a translator may leave in the original script (a signatory list keeps "Human Rights Watch"):
# an accepted variant, never a lost fact.
KEPT_ORIGINAL_KINDS = ("organization", "person", "place")


def is_latin_acronym(form: str) -> bool:
    """One Latin word with two or more capitals: USA, HRNK, KontraS, KARAPATAN (not "ILGA 아시아")."""
    return bool(_LATIN_ACRONYM.fullmatch(form.strip()))


_LATIN_ACRONYM = re.compile(r"(?=[A-Za-z]{2,12}$)[a-z]*[A-Z][a-z]*[A-Z][A-Za-z]*")


def _kept_original(entry: Entry) -> tuple[str, ...]:
    """English forms a translation may keep as they are; short ones only when they are acronyms ("USA" in
    an address), so that a two-letter word is never taken for a name."""
    if entry.kind not in KEPT_ORIGINAL_KINDS:
        return ()
    return tuple(form for form in entry.en if len(form) > 3 or is_latin_acronym(form))


def _target_quality(compacted: str, quality: str, preferred: str, entry: Entry, form: str) -> str:
    """An accepted form that embeds the preferred one verbatim (北京市 for 北京, 联合国禁止酷刑委员会 for
    禁止酷刑委员会) uses the preferred terminology: it counts as preferred, so that an administrative
    suffix or a fuller official name is not a style warning. So does an organization's acronym kept in
    Latin script (APRRN, HRNK), as zh and ko NGO texts usually write them. (``compacted`` and ``preferred``:
    the form and the preferred rendering compacted.)"""
    acronym = entry.kind == "organization" and is_latin_acronym(form)
    if quality == "accepted" and (preferred in compacted or acronym):
        return "preferred"
    return quality


@dataclass
class Glossary:
    entries: list[Entry]
    files: list[Path] = field(default_factory=list)
    digest: str = ""

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    # Not kept by pickling (appealkit.glossary_store): memos of one process (keyed by id(), or growing with the
    # texts read) and the automata, which are rebuilt from the kept tables faster than they unpickle.
    _UNPICKLED = ("_joined_memo", "_bindings", "_english_automaton")

    def __getstate__(self) -> dict[str, Any]:
        state = {name: value for name, value in self.__dict__.items() if name not in self._UNPICKLED}
        if "_per_language" in state:
            state["_per_language"] = {key: table for key, table in self._per_language.items() if key[0] != "automaton"}
        return state

    def prepare(self, lang: str) -> None:
        """Build every table that matching in ``lang`` (and in English) uses, now rather than on first use."""
        for table in ("by_id", "has_contexts", "_english_keys_sorted", "_target_gap_forms", "_target_gap_hints"):
            getattr(self, table)
        self._target_forms(lang)

    @property
    def version(self) -> str:
        return self.digest[:12]

    @cached_property
    def _english_index(self) -> dict[str, Entry]:
        """Form keys (words run together) → entry; hyphen, space or nothing between words all match."""
        return {_form_key(form): entry for entry in self.entries for form in entry.en if _form_key(form)}

    @cached_property
    def _english_keys_sorted(self) -> list[str]:
        """Every form key, lower-cased and sorted: a text that begins one of them sorts just before it."""
        return sorted({key.lower() for key in self._english_index})

    def _begins_a_form(self, lowered: str) -> bool:
        """Whether some form key starts with ``lowered``: lets the walk stop as soon as no term can match."""
        keys = self._english_keys_sorted
        index = bisect_left(keys, lowered)
        return index < len(keys) and keys[index].startswith(lowered)

    def _lookup_words(self, words: list[str]) -> tuple[str, Entry] | None:
        """Exact case for acronyms (stored upper case), any case otherwise; then simple plurals.
        Returns the form key that matched and its entry."""
        index = self._english_index
        joined = "".join(words)
        candidates = [joined, joined.lower()]
        candidates += [c[: -len(suffix)] for c in candidates for suffix in ("es", "s") if c.endswith(suffix)]
        return next(((c, index[c]) for c in candidates if c in index), None)

    @cached_property
    def _joined_memo(self) -> dict[str, tuple[tuple[str, Entry] | None, bool]]:
        return {}

    def _lookup_joined(self, joined: str) -> tuple[tuple[str, Entry] | None, bool]:
        """``_lookup_words`` of words run together, and whether a longer form may start with them; remembered,
        since the words of letters repeat (the walk looks up every word of every paragraph)."""
        memo = self._joined_memo
        if joined not in memo:
            if len(memo) > 200_000:  # a pathological input: keep memory bounded
                memo.clear()
            memo[joined] = (self._lookup_words([joined]), self._begins_a_form(joined.lower()))
        return memo[joined]

    @cached_property
    def has_contexts(self) -> bool:
        return any(rule.binds for entry in self.entries for rule in entry.contexts)

    def find_in_english(self, text: str) -> list[TermMatch]:
        """Non-overlapping glossary terms in English text: leftmost, then longest.

        A form bound by context rules counts only where they hold. Rules that look only at the form's
        neighbourhood (not_after, not_before, not_in_name) are judged in the first walk; ``near`` rules look at
        that walk's terms (never at a form bound by ``near`` itself, so context never depends on context), in a
        second walk that runs only when such a form was met.
        """
        words = self._english_starts(text)
        if not words[1]:
            return []  # no form starts at any word
        if not self.has_contexts:
            return self._walk_english(text, words, lambda key, entry, start, end: True)
        needs_anchors: list[bool] = []
        empty = Paragraph(text, [])

        def local(key: str, entry: Entry, start: int, end: int) -> bool:
            rules, near = self._binding(entry, key)
            if near:
                needs_anchors.append(True)
                return False
            return not rules or applies(rules, empty, start, end)

        def in_paragraph(key: str, entry: Entry, start: int, end: int) -> bool:
            rules = self._binding(entry, key)[0]
            return not rules or applies(rules, paragraph, start, end)

        anchors = self._walk_english(text, words, local)
        if not needs_anchors:
            return anchors
        paragraph = Paragraph(text, anchors)
        return self._walk_english(text, words, in_paragraph)

    def _binding(self, entry: Entry, key: str) -> tuple[tuple[FormContext, ...], bool]:
        """``entry.binding(key)``, and whether a rule of it looks at other terms (``near``); remembered per
        glossary, since the same forms recur in every paragraph (by id(): the glossary holds its entries)."""
        memo = self._bindings
        found = memo.get((id(entry), key))
        if found is None:
            rules = entry.binding(key)
            found = memo[(id(entry), key)] = (rules, any(rule.near or rule.near_kind for rule in rules))
        return found

    @cached_property
    def _bindings(self) -> dict[tuple[int, str], tuple[tuple[FormContext, ...], bool]]:
        return {}

    @cached_property
    def _english_automaton(self) -> Any:
        """One Aho–Corasick automaton over a text's words run together, lower-cased: every form key. A key that
        matches in any case carries None; an acronym (CAT is not "cat") carries how it must be written. Every
        term the walk finds starts with one of these at the start of a word (a plural, "CATs", with its key)."""
        import ahocorasick

        spellings: dict[str, set[str] | None] = {}
        for key in self._english_index:
            lowered = key.lower()
            if not key.isupper():  # acronym keys are stored as written, the others lower case
                spellings[lowered] = None
            elif (exact := spellings.setdefault(lowered, set())) is not None:
                exact.add(key)
        if not spellings:
            return None
        automaton = ahocorasick.Automaton()
        for lowered, exact in spellings.items():
            automaton.add_word(lowered, (len(lowered), None if exact is None else frozenset(exact)))
        automaton.make_automaton()
        return automaton

    def _english_starts(self, text: str) -> tuple[list[tuple[int, int, str]], Iterable[int]]:
        """The text's words, and the indices of those where a term may start (all of them without the
        ``automaton`` speed-up, or when lower-casing the words run together would move offsets)."""
        joined = words_run_together(text) if speedups.ACTIVE.automaton else ""
        lowered = joined.lower()
        if not joined or len(lowered) != len(joined) or "Σ" in joined:  # İ lowers to two characters, Σ by context
            tokens = _tokens(text)
            return tokens, range(len(tokens))
        automaton = self._english_automaton
        hits = {
            end + 1 - length
            for end, (length, exact) in (automaton.iter(lowered) if automaton is not None else ())
            if exact is None or joined[end + 1 - length : end + 1] in exact
        }
        if not hits:
            return [], ()
        tokens = _tokens(text)
        offsets = accumulate((len(word) for _, _, word in tokens), initial=0)
        return tokens, [index for index, offset in zip(range(len(tokens)), offsets) if offset in hits]

    def _walk_english(
        self,
        text: str,
        words: tuple[list[tuple[int, int, str]], Iterable[int]],
        allowed: Callable[[str, Entry, int, int], bool],
    ) -> list[TermMatch]:
        """The matching walk: words are compared run together, so "non-refoulement", "nonrefoulement" and
        "Non Refoulement" are one term; a word-by-word walk keeps this linear in the text (a regex alternation
        of every form was 100× slower). A candidate ``allowed`` rejects does not match, and a shorter one at the
        same place may. ``words``: the text's words and where the walk starts (``_english_starts``)."""
        tokens, starts = words
        matches: list[TermMatch] = []
        memo = self._joined_memo
        resume = 0  # the word after the last match
        for i in starts:
            if i < resume:
                continue
            known = memo.get(tokens[i][2])
            if known is not None and known[0] is None and not known[1]:  # most words: no term is or starts here
                continue
            best: tuple[int, Entry] | None = None
            joined = ""
            for j in range(i, min(len(tokens), i + MAX_TERM_WORDS)):
                if j > i:
                    gap_start, gap_end = tokens[j - 1][1], tokens[j][0]
                    one_space = gap_end == gap_start + 1 and text[gap_start] == " "  # the common gap, no regex
                    if not one_space and not _GAP.fullmatch(text, gap_start, gap_end):
                        break
                joined += tokens[j][2]
                found, extends = memo.get(joined) or self._lookup_joined(joined)
                if found is not None and allowed(found[0], found[1], tokens[i][0], tokens[j][1]):
                    best = (j, found[1])
                if not extends:
                    break
            if best is None:
                continue
            j, entry = best
            start, end = tokens[i][0], tokens[j][1]
            matches.append(TermMatch(entry, start, end, text[start:end], "source"))
            resume = j + 1
        return matches

    @cached_property
    def _per_language(self) -> dict[tuple[str, str], Any]:
        """The target tables, built per language on first use: a check of zh never builds those of ko."""
        return {}

    def _target_table(self, kind: str, lang: str, build: Callable[[str], _T]) -> _T:
        table = self._per_language
        if (kind, lang) not in table:
            table[kind, lang] = build(lang)
        return table[kind, lang]

    def _target_forms(self, lang: str) -> list[tuple[str, Entry, str]]:
        """(compacted form, entry, quality) of every plain rendering in ``lang``, longest first."""
        return self._target_table("forms", lang, self._build_target_forms)

    def _build_target_forms(self, lang: str) -> list[tuple[str, Entry, str]]:
        forms: list[tuple[str, Entry, str]] = []
        for entry in self.entries:
            rendering = entry.rendering(lang)
            if not rendering:
                continue
            preferred = compact_form(rendering.preferred)
            for quality, group in (
                ("preferred", (rendering.preferred,)),
                ("accepted", (*rendering.accepted, *rendering.short, *_kept_original(entry))),
                ("discouraged", rendering.discouraged),
                ("forbidden", rendering.forbidden),
            ):
                for form in group:
                    compacted = compact_form(form)
                    if compacted and GAP_MARK not in form:
                        forms.append((compacted, entry, _target_quality(compacted, quality, preferred, entry, form)))
        return sorted(forms, key=lambda item: -len(item[0]))

    def _target_automaton(self, lang: str) -> Any:
        """One Aho–Corasick automaton over every plain rendering in ``lang`` (None: there is none).

        Each compacted form maps to its (entry, quality) pairs in ``_target_forms`` order, so that matches of
        equal span come out in the order of the search per form, which this replaces."""
        return self._target_table("automaton", lang, self._build_target_automaton)

    def _build_target_automaton(self, lang: str) -> Any:
        import ahocorasick

        payloads: dict[str, list[tuple[Entry, str]]] = {}
        for needle, entry, quality in self._target_forms(lang):
            payloads.setdefault(needle, []).append((entry, quality))
        if not payloads:
            return None
        automaton = ahocorasick.Automaton()
        for needle, items in payloads.items():
            automaton.add_word(needle, (len(needle), items))
        automaton.make_automaton()
        return automaton

    @cached_property
    def _target_gap_forms(self) -> dict[str, list[tuple[re.Pattern[str], Entry, str, tuple[str, ...]]]]:
        """Per language: renderings with gaps (朝鲜…难民), as regexes over compacted text, each with the
        compacted pieces between its gaps (a text without one of them cannot match)."""
        table: dict[str, list[tuple[re.Pattern[str], Entry, str, tuple[str, ...]]]] = {
            lang: [] for lang in TARGET_LANGS
        }
        for entry in self.entries:
            for lang, rendering in entry.targets.items():
                for quality, group in (
                    ("accepted", rendering.accepted),
                    ("discouraged", rendering.discouraged),
                    ("forbidden", rendering.forbidden),
                ):
                    table.setdefault(lang, []).extend(
                        (pattern, entry, quality, tuple(compact_form(piece) for piece in form.split(GAP_MARK)))
                        for form in group
                        if (pattern := gap_pattern(form))
                    )
        return table

    @cached_property
    def _target_gap_hints(self) -> dict[str, re.Pattern[str]]:
        """Per language: one pattern for the first piece of every rendering with gaps, that each needs."""
        return {
            lang: re.compile("|".join(next((re.escape(p) for p in pieces if p), "") for *_, pieces in forms))
            for lang, forms in self._target_gap_forms.items()
            if forms
        }

    def find_in_target(self, text: str, lang: str) -> list[TermMatch]:
        """Every occurrence of every rendering in target text, overlaps included.

        Which overlapping occurrence counts depends on what the source says (北京市东城区 renders both
        "Beijing" and "Dongcheng" when the source names both): see ``resolve_overlaps``.
        """
        fast = speedups.ACTIVE.automaton
        flat = compact_form(text)
        found: list[TermMatch] = []
        # Offsets into the original, built at the first match (most paragraphs have none); when compacting
        # dropped nothing, a character's offset is its index.
        offsets: Sequence[int] | None = None if fast else _kept_offsets(text)

        def add(start: int, end: int, entry: Entry, quality: str) -> None:
            nonlocal offsets
            if offsets is None:
                offsets = range(len(text)) if len(flat) == len(text) else _kept_offsets(text)
            o_start, o_end = offsets[start], offsets[end - 1] + 1
            found.append(TermMatch(entry, o_start, o_end, text[o_start:o_end], quality))

        if fast:
            automaton = self._target_automaton(lang)
            hits = list(automaton.iter(flat)) if automaton is not None else []
            kept: Sequence[int] = ()
            if hits:
                offsets = kept = range(len(text)) if len(flat) == len(text) else _kept_offsets(text)
            for last, (length, payloads) in hits:  # add() inlined: letters hold dozens of renderings a paragraph
                o_start, o_end = kept[last + 1 - length], kept[last] + 1
                span = text[o_start:o_end]
                for entry, quality in payloads:
                    found.append(TermMatch(entry, o_start, o_end, span, quality))
        else:
            for needle, entry, quality in self._target_forms(lang):
                start = flat.find(needle)
                while start != -1:
                    add(start, start + len(needle), entry, quality)
                    start = flat.find(needle, start + 1)
        gap_forms = self._target_gap_forms.get(lang, [])
        if fast and gap_forms and not self._target_gap_hints[lang].search(flat):
            gap_forms = []  # none of their first pieces is in the text
        for pattern, entry, quality, pieces in gap_forms:
            if fast and not _holds_all(flat, pieces):
                continue
            for match in pattern.finditer(flat):
                add(match.start(), match.end(), entry, quality)
        return in_span_order(found)

    def lookup(self, term: str) -> list[Entry]:
        """Entries whose id, English form or any rendering equals the term (normalised)."""
        key = english_key(term)
        flat = compact_form(term)
        hits = []
        for entry in self.entries:
            renderings = [f for r in entry.targets.values() for f in (*r.correct, *r.discouraged, *r.forbidden)]
            if (
                entry.id == term
                or any(english_key(form) == key for form in entry.en)
                or any(compact_form(form) == flat for form in renderings)
            ):
                hits.append(entry)
        return hits

    def nearest(self, term: str, limit: int = 5) -> list[Entry]:
        """Entries whose id, English form or rendering is closest to a term that matched none (a typo:
        "refoulment"), best first; difflib's ratio over normalised keys."""
        keys: dict[str, list[Entry]] = {}
        for entry in self.entries:
            names = [entry.id, *(english_key(form) for form in entry.en)]
            names += [compact_form(f) for r in entry.targets.values() for f in (r.preferred, *r.accepted)]
            for name in names:
                keys.setdefault(name, []).append(entry)
        import difflib  # only for a term that matched nothing

        query = compact_form(term) if not term.isascii() else english_key(term)
        close = difflib.get_close_matches(query, list(keys), n=limit * 3, cutoff=0.6)
        ranked: dict[str, Entry] = {}
        for key in close:
            for entry in keys[key]:
                ranked.setdefault(entry.id, entry)
        return list(ranked.values())[:limit]


def _holds_all(text: str, pieces: tuple[str, ...]) -> bool:
    """``all(piece in text for piece in pieces)`` without a generator (it runs per rendering with gaps)."""
    for piece in pieces:  # noqa: SIM110
        if piece not in text:
            return False
    return True


_NOWHERE = (-1, -1)  # no covering match yet: (end, start)


def drop_nested(
    matches: Iterable[TermMatch],
    group: Callable[[TermMatch], str] | None = None,
    can_cover: Callable[[TermMatch], bool] | None = None,
) -> list[TermMatch]:
    """Drop matches strictly inside a longer match of the same ``group`` (all one group when None) that
    ``can_cover`` them (any match when None).

    One pass over matches sorted by start, then by decreasing end; equal spans all stay (朝鲜 renders
    both "DPRK" and "North Korea").
    """
    matches = list(matches)
    if len(matches) < 2:  # most paragraphs: nothing to drop, nothing to sort
        return matches
    kept: list[TermMatch] = []
    reach: dict[str | None, tuple[int, int]] = {}  # group → (furthest end of a covering match, its start)
    for match in in_span_order(matches):
        key = group(match) if group else None
        end, start = reach.get(key, _NOWHERE)
        if end > match.end or (end == match.end and start < match.start):
            continue
        kept.append(match)
        if match.end > end and (can_cover is None or can_cover(match)):
            reach[key] = (match.end, match.start)
    return kept


def outermost(matches: Iterable[TermMatch]) -> list[TermMatch]:
    """Names not nested in a longer name: anchors should not count 中国 inside 中国图们市 as China."""
    return drop_nested(matches)


def resolve_overlaps(matches: Iterable[TermMatch]) -> list[TermMatch]:
    """Of overlapping occurrences of one entry, keep the longest (北京市 over 北京), so that its quality
    (preferred, accepted, forbidden) is the one reported."""
    return drop_nested(matches, group=lambda m: m.entry.id)


def credited(matches: Iterable[TermMatch], source_ids: set[str]) -> list[TermMatch]:
    """The target occurrences that render a source term.

    An occurrence nested in the rendering of another term the source also names is that term's, not its
    own: 酷刑 inside 禁止酷刑公约 does not render a separate "torture", 难民 inside 联合国难民署 no separate
    "refugee". Two exceptions: places nest in addresses (北京市东城区 renders "Beijing" too), and a longer
    name the source does not mention is incidental (朝鲜国民 for "DPRK nationals" still renders "DPRK").
    """
    return drop_nested(
        resolve_overlaps(matches), can_cover=lambda m: m.entry.id in source_ids and m.entry.kind != "place"
    )


def bundled_glossary_path() -> Path:
    bundled = PACKAGE_DIR / "data" / "glossary"  # as the wheel installs it
    if bundled.is_dir():
        return bundled
    return PACKAGE_DIR.parents[1] / "glossary"  # source checkout / editable install


def default_glossary_path(cwd: Path | None = None) -> Path:
    local = (cwd or Path.cwd()) / "glossary"
    return local if local.is_dir() else bundled_glossary_path()


def glossary_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise AppealInputError("no such glossary file or directory", path)
    files = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
    if not files:
        raise AppealInputError("no .yaml files in glossary directory", path)
    return files


def _flagged(values: Any) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Forbidden or discouraged forms: plain strings, or ``{form, reason}`` mappings."""
    forms: list[str] = []
    reasons: list[tuple[str, str]] = []
    for value in values or ():
        form = str(value.get("form")) if isinstance(value, dict) else str(value)
        forms.append(form)
        if isinstance(value, dict) and value.get("reason"):
            reasons.append((form, str(value["reason"])))
    return tuple(forms), tuple(reasons)


def rendering_from_mapping(spec: dict[str, Any], entry_verified: bool = True) -> Rendering:
    forbidden, forbidden_reasons = _flagged(spec.get("forbidden"))
    discouraged, discouraged_reasons = _flagged(spec.get("discouraged"))
    return Rendering(
        str(spec.get("preferred", "")),
        tuple(str(x) for x in spec.get("accepted") or ()),
        forbidden,
        tuple(str(x) for x in spec.get("short") or ()),
        discouraged,
        forbidden_reasons + discouraged_reasons,
        bool(spec.get("verified", entry_verified)),
    )


def sources_from_value(value: Any) -> tuple[str, tuple[Source, ...]]:
    """``source`` is free text (unattested) or a list of ``{authority, title, url | symbol, lang}``."""
    if not isinstance(value, list):
        return str(value or ""), ()
    return "", tuple(
        Source(
            str(item.get("authority", "")),
            str(item.get("title", "")),
            str(item.get("url") or ""),
            str(item.get("symbol") or ""),
            str(item.get("lang") or ""),
        )
        for item in value
        if isinstance(item, dict)
    )


def entry_from_mapping(raw: dict[str, Any], file: Path, line: int) -> Entry:
    """Build an Entry from a lint-clean mapping."""
    verified = bool(raw.get("verified", True))
    targets = {lang: rendering_from_mapping(raw.get(lang) or {}, verified) for lang in TARGET_LANGS}
    en = raw.get("en")
    forms = (en,) if isinstance(en, str) else tuple(str(x) for x in en or ())
    source, sources = sources_from_value(raw.get("source"))
    return Entry(
        id=str(raw["id"]),
        kind=str(raw.get("kind", "term")),
        en=forms,
        targets=targets,
        note=str(raw.get("note") or ""),
        source=source,
        year=raw.get("year"),
        file=str(file),
        line=line,
        sources=sources,
        contexts=tuple(context_from_mapping(rule) for rule in raw.get("context") or () if isinstance(rule, dict)),
        un=bool(raw.get("un", False)),
        stands_for=tuple(str(x) for x in raw.get("stands_for") or ()),
    )


def load_glossary(path: Path | str | None = None) -> Glossary:
    """Load and validate a glossary directory or file; the first lint error aborts with file:line. A glossary
    whose files are unchanged since a clean load is read back ready to match (appealkit.glossary_store)."""
    from appealkit import glossary_store
    from appealkit.glossary_lint import lint_documents, loading_errors, read_documents

    root = Path(path) if path is not None else default_glossary_path()
    files = glossary_files(root)
    digest = glossary_digest(files)
    stored = glossary_store.recall(files, digest)
    if stored is not None:
        return stored
    documents = read_documents(files)
    problems = loading_errors(lint_documents(documents, word_frequency=False))
    if problems:
        first = problems[0]
        extra = f" (and {len(problems) - 1} more; run 'appeal glossary lint')" if len(problems) > 1 else ""
        raise AppealInputError(f"invalid glossary: {first.message}{extra}", first.file, first.line)
    entries = [entry_from_mapping(raw, doc.path, line) for doc in documents for raw, line in doc.entries()]
    loaded = Glossary(entries, files, digest)
    glossary_store.remember(loaded)
    return loaded


def glossary_digest(files: Iterable[Path]) -> str:
    """SHA-256 of the glossary files' bytes, in order: its identity for the result cache."""
    return hashlib.sha256(b"".join(path.read_bytes() for path in files)).hexdigest()
