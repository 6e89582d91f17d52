"""The fixed glossary: YAML entries mapping English terms to their zh and ko renderings.

Matching rules (the contract the glossary files rely on):
- English forms match case-insensitively, with hyphen, space or nothing between words treated alike
  and simple plurals (-s, -es) accepted; all-capital acronyms (CAT, COI) match case-sensitively.
- Target renderings match ignoring spaces and title marks (《》「」), so 강제송환금지 원칙 and
  강제송환금지원칙 are the same rendering.
- Overlaps resolve longest first: "refugees sur place" wins over "refugee".
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from appealkit.errors import AppealInputError

KINDS = ("treaty", "law", "term", "body", "place", "person", "organization")
TARGET_LANGS = ("zh", "ko")
_TITLE_MARKS = "《》〈〉「」『』<>\"“”‘’"
_IGNORED_IN_TARGET = set(_TITLE_MARKS) | {" ", "\t", "\n", "\u3000", "\u00a0"}
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Rendering:
    preferred: str
    accepted: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()

    @property
    def correct(self) -> tuple[str, ...]:
        return (self.preferred, *self.accepted)


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    en: tuple[str, ...]
    targets: dict[str, Rendering]
    note: str = ""
    source: str = ""
    year: int | None = None
    file: str = ""
    line: int = 0

    def rendering(self, lang: str) -> Rendering | None:
        return self.targets.get(lang)


@dataclass(frozen=True)
class TermMatch:
    entry: Entry
    start: int
    end: int
    text: str
    quality: str = "preferred"  # preferred | accepted | forbidden (target side); "source" for English


def english_key(form: str) -> str:
    """Comparison key for English forms: lower case, letters and digits only, no plural -s."""
    key = "".join(_WORD.findall(form.lower()))
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


def compact(text: str) -> tuple[str, list[int]]:
    """Text without spaces and title marks, and for each kept character its offset in the original."""
    kept: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char not in _IGNORED_IN_TARGET:
            kept.append("·" if char in "ㆍ・•" else char)
            offsets.append(index)
    return "".join(kept), offsets


def _english_pattern(form: str) -> str:
    words = _WORD.findall(form)
    if not words:
        return ""
    # Between words: spaces, any dash, apostrophes (People's / People’s) or nothing (nonrefoulement).
    joined = r"[\s\-‐‑–—'’.,]*".join(re.escape(word) for word in words) + r"(?:e?s)?"
    acronym = form.strip().isupper() and len(form.strip()) <= 8
    flagged = f"(?-i:{joined})" if acronym else joined
    return rf"(?<![^\W_]){flagged}(?![^\W_])"


@dataclass
class Glossary:
    entries: list[Entry]
    files: list[Path] = field(default_factory=list)
    digest: str = ""

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    @property
    def version(self) -> str:
        return self.digest[:12]

    @cached_property
    def _english_regex(self) -> tuple[re.Pattern[str], list[Entry]]:
        forms = sorted(
            ((form, entry) for entry in self.entries for form in entry.en if _english_pattern(form)),
            key=lambda item: -len(english_key(item[0])),
        )
        pattern = "|".join(f"(?P<g{i}>{_english_pattern(form)})" for i, (form, _) in enumerate(forms))
        return re.compile(pattern or r"(?!x)x", re.IGNORECASE), [entry for _, entry in forms]

    def find_in_english(self, text: str) -> list[TermMatch]:
        """Non-overlapping glossary terms in English text, longest form first at each position."""
        regex, owners = self._english_regex
        matches = []
        for match in regex.finditer(text):
            entry = owners[int(match.lastgroup[1:])]  # type: ignore[index]
            matches.append(TermMatch(entry, match.start(), match.end(), match.group(), "source"))
        return matches

    @cached_property
    def _target_forms(self) -> dict[str, list[tuple[str, Entry, str]]]:
        """Per language: (compacted form, entry, quality), longest first."""
        table: dict[str, list[tuple[str, Entry, str]]] = {}
        for lang in TARGET_LANGS:
            forms = [
                (compact(form)[0], entry, quality)
                for entry in self.entries
                if (rendering := entry.rendering(lang))
                for quality, group in (("preferred", (rendering.preferred,)), ("accepted", rendering.accepted),
                                       ("forbidden", rendering.forbidden))
                for form in group
                if compact(form)[0]
            ]
            table[lang] = sorted(forms, key=lambda item: -len(item[0]))
        return table

    def find_in_target(self, text: str, lang: str) -> list[TermMatch]:
        """Every occurrence of every rendering in target text, overlaps included.

        Which overlapping occurrence counts depends on what the source says (北京市东城区 renders both
        "Beijing" and "Dongcheng" when the source names both): see ``resolve_overlaps``.
        """
        flat, offsets = compact(text)
        found: list[TermMatch] = []
        for needle, entry, quality in self._target_forms.get(lang, []):
            start = flat.find(needle)
            while start != -1:
                o_start, o_end = offsets[start], offsets[start + len(needle) - 1] + 1
                found.append(TermMatch(entry, o_start, o_end, text[o_start:o_end], quality))
                start = flat.find(needle, start + 1)
        return sorted(found, key=lambda m: (m.start, -m.end))

    def lookup(self, term: str) -> list[Entry]:
        """Entries whose id, English form or any rendering equals the term (normalised)."""
        key = english_key(term)
        flat = compact(term)[0]
        hits = []
        for entry in self.entries:
            renderings = [f for r in entry.targets.values() for f in (*r.correct, *r.forbidden)]
            if (
                entry.id == term
                or any(english_key(form) == key for form in entry.en)
                or any(compact(form)[0] == flat for form in renderings)
            ):
                hits.append(entry)
        return hits


def resolve_overlaps(matches: Iterable[TermMatch]) -> list[TermMatch]:
    """Of overlapping occurrences of one entry, keep the longest (北京市 over 北京), so that its quality
    (preferred, accepted, forbidden) is the one reported. Occurrences of different entries may nest:
    北京市东城区 renders both "Beijing" and "Dongcheng", 朝鲜国民 still names the DPRK."""
    matches = list(matches)
    return [
        match for match in matches
        if not any(
            other is not match and other.entry.id == match.entry.id
            and other.start <= match.start and match.end <= other.end
            and (other.end - other.start) > (match.end - match.start)
            for other in matches
        )
    ]


def bundled_glossary_path() -> Path:
    bundled = resources.files("appealkit") / "data" / "glossary"
    if bundled.is_dir():
        return Path(str(bundled))
    return Path(__file__).resolve().parents[2] / "glossary"  # source checkout / editable install


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


def entry_from_mapping(raw: dict[str, Any], file: Path, line: int) -> Entry:
    """Build an Entry from a lint-clean mapping."""
    targets = {}
    for lang in TARGET_LANGS:
        spec = raw.get(lang) or {}
        targets[lang] = Rendering(
            str(spec.get("preferred", "")),
            tuple(str(x) for x in spec.get("accepted") or ()),
            tuple(str(x) for x in spec.get("forbidden") or ()),
        )
    en = raw.get("en")
    forms = (en,) if isinstance(en, str) else tuple(str(x) for x in en or ())
    return Entry(
        id=str(raw["id"]),
        kind=str(raw.get("kind", "term")),
        en=forms,
        targets=targets,
        note=str(raw.get("note") or ""),
        source=str(raw.get("source") or ""),
        year=raw.get("year"),
        file=str(file),
        line=line,
    )


def load_glossary(path: Path | str | None = None) -> Glossary:
    """Load and validate a glossary directory or file; the first lint error aborts with file:line."""
    from appealkit.glossary_lint import lint_documents, read_documents

    root = Path(path) if path is not None else default_glossary_path()
    documents = read_documents(glossary_files(root))
    problems = lint_documents(documents)
    if problems:
        first = problems[0]
        extra = f" (and {len(problems) - 1} more; run 'appeal glossary lint')" if len(problems) > 1 else ""
        raise AppealInputError(f"invalid glossary: {first.message}{extra}", first.file, first.line)
    entries = [entry_from_mapping(raw, doc.path, line) for doc in documents for raw, line in doc.entries()]
    digest = hashlib.sha256(b"".join(doc.path.read_bytes() for doc in documents)).hexdigest()
    return Glossary(entries, [doc.path for doc in documents], digest)
