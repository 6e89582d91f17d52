"""Suppressions (``.appeal-ignore.yaml``): accepted findings that must not fail the gate.

An entry names the rule, the letter, the language and the source span it silences, says why (``reason`` is
required), and carries a fingerprint of the source and target paragraphs it was written against. When either
paragraph is edited the fingerprint no longer matches, so the entry lapses by itself and the finding comes back
for review; an entry that matches nothing is reported as a ``suppression-unused`` warning.

This module also holds the identity of a finding (``finding_fingerprint``) that the SARIF writer uses: both
need "the same problem in the same text", independent of line numbers.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from appealkit.errors import AppealInputError
from appealkit.findings import Finding
from appealkit.textio import atomic_write
from appealkit.yamlsafe import LINES_KEY, line_of, load_yaml_file

if TYPE_CHECKING:  # the checker imports every rule; keep this module importable on its own
    import yaml

    from appealkit.checker import PairResult

DEFAULT_IGNORE_FILE = Path(".appeal-ignore.yaml")
IGNORE_VERSION = 1

# A synthesized rule: the rule registry is not this module's to extend, so its metadata lives here and the
# report writers list it beside RULES.
UNUSED_RULE_ID = "suppression-unused"
UNUSED_CATEGORY = "structure"
UNUSED_SEVERITY = "warning"
UNUSED_SUMMARY = "A suppression in the ignore file matches no finding any more."
UNUSED_RATIONALE = (
    "Housekeeping of the ignore file, never a wrong fact in a letter; but an entry left behind could "
    "silence a future finding, so it is not just information."
)
UNUSED_DOC = (
    UNUSED_SUMMARY + "\n\n"
    "Either the problem was fixed, or the source or target paragraph changed so that the entry's fingerprint "
    "lapsed. Review the paragraph: delete the entry if the problem is gone, or re-run "
    "`appeal check --write-baseline --reason TEXT` if the finding is still acceptable."
)

_REQUIRED = ("rule", "letter", "language", "reason", "fingerprint")
_OPTIONAL = ("source", "span")
_TOP_LEVEL = ("version", "suppressions")
LANGUAGES = ("zh", "ko")  # the checker's target languages: an entry for any other could never match
_HEADER = (
    "# appealkit suppressions: findings accepted on purpose, each with its reason.\n"
    "# An entry lapses by itself when its source or target paragraph changes (fingerprint).\n"
    "# Written by `appeal check --write-baseline --reason TEXT`; edit reasons freely, never fingerprints.\n"
)


@dataclass(frozen=True)
class Suppression:
    rule: str
    letter: str
    language: str
    reason: str
    fingerprint: str
    source: str | None = None
    span: tuple[int, int] | None = None
    file: str = ""
    line: int = 0

    def to_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"rule": self.rule, "letter": self.letter, "language": self.language}
        if self.source is not None:
            data["source"] = self.source
        if self.span is not None:
            data["span"] = list(self.span)
        data["fingerprint"] = self.fingerprint
        data["reason"] = self.reason
        return data


@dataclass(frozen=True)
class SuppressedFinding:
    finding: Finding
    suppression: Suppression


@dataclass
class Outcome:
    """Results with suppressed findings removed and unused suppressions added as warnings."""

    results: list[PairResult]
    suppressed: list[SuppressedFinding] = field(default_factory=list)
    unused: list[Suppression] = field(default_factory=list)


# ------------------------------------------------------------------ identity of a finding


# Han, kana, CJK punctuation and fullwidth forms. Chinese puts no space where a line is wrapped, so a line
# break next to one of these is not a word boundary: re-wrapping "保护\n200名" to "保护200名" is no edit.
_CJK = "\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"


@functools.cache  # compiled when a finding's identity is first needed (3 ms: the CJK ranges), not on import
def _space_by_cjk() -> re.Pattern[str]:
    return re.compile(f"\\s+(?=[{_CJK}])|(?<=[{_CJK}])\\s+")


def normalize(text: str) -> str:
    """Whitespace, width and case insensitive: re-wrapping a paragraph is not a change of its text.

    Whitespace next to CJK is dropped before NFKC (which turns fullwidth ，（ into ASCII); elsewhere runs of
    whitespace become one space, so English words stay apart.
    """
    return " ".join(unicodedata.normalize("NFKC", _space_by_cjk().sub("", text)).casefold().split())


def _digest(*parts: str, size: int = 16) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def letter_name(result: PairResult) -> str:
    """The ``letter:`` of an entry: the letter's folder name, also when a pair was given as two files in the
    current directory (the checker's slug is then empty, and an empty ``letter`` could not be read back)."""
    return result.pair.slug or Path(result.pair.source).resolve().parent.name or "letter"


def paragraph_texts(result: PairResult, finding: Finding) -> tuple[str | None, str | None]:
    """The source and target paragraph a finding points at (None where it points at none)."""
    ctx = result.context
    src = ctx.source.paragraphs[finding.source_paragraph].text if finding.source_paragraph is not None else None
    tgt = ctx.target.paragraphs[finding.target_paragraph].text if finding.target_paragraph is not None else None
    return src, tgt


def paragraph_fingerprint(result: PairResult, finding: Finding) -> str:
    """``<source hash>:<target hash>``; a finding without a paragraph on one side hashes that whole body,
    so that its suppression still lapses when that side is edited."""
    src, tgt = paragraph_texts(result, finding)
    src = src if src is not None else result.context.source.body
    tgt = tgt if tgt is not None else result.context.target.body
    return f"{_digest(normalize(src))}:{_digest(normalize(tgt))}"


def finding_fingerprint(result: PairResult, finding: Finding) -> str:
    """Stable across line moves: rule, letter, language, the source text and the target paragraph's text.

    A finding with no target paragraph (a fact dropped with its whole paragraph) uses its source paragraph
    instead, which still moves with the text and not with line numbers.
    """
    src, tgt = paragraph_texts(result, finding)
    anchor = tgt if tgt is not None else "\x00source:" + (src or "")
    return _digest(
        finding.rule, letter_name(result), result.pair.lang, normalize(finding.source_text), normalize(anchor), size=32
    )


def unique_fingerprints(result: PairResult, findings: Sequence[Finding]) -> list[str]:
    """One fingerprint per finding, ``hash:n`` numbering repeats (the same figure missing twice in one
    paragraph), as GitHub does for its own line hashes."""
    seen: Counter[str] = Counter()
    out = []
    for finding in findings:
        base = finding_fingerprint(result, finding)
        seen[base] += 1
        out.append(f"{base}:{seen[base]}")
    return out


# ------------------------------------------------------------------ reading the ignore file


def _field(entry: dict[str, Any], key: str, path: Path, line: int | None) -> str:
    value = entry.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise AppealInputError(f"suppression entry needs a non-empty '{key}'", path, line)
    if not isinstance(value, (str, int, float)):
        raise AppealInputError(f"suppression '{key}' must be text", path, line_of(entry, key) or line)
    return str(value)


def _span(entry: dict[str, Any], path: Path, line: int | None) -> tuple[int, int] | None:
    value = entry.get("span")
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(type(v) is int and v >= 0 for v in value)
        or value[0] > value[1]
    ):
        raise AppealInputError(
            "suppression 'span' must be [start, end] character offsets", path, line_of(entry, "span") or line
        )
    return value[0], value[1]


def _entry(entry: Any, path: Path, fallback_line: int | None) -> Suppression:
    if not isinstance(entry, dict):
        raise AppealInputError("each suppression must be a mapping (rule:, letter:, ...)", path, fallback_line)
    line = line_of(entry) or fallback_line
    _no_unknown_keys(entry, (*_REQUIRED, *_OPTIONAL), "suppression key", path, line)
    values = {key: _field(entry, key, path, line) for key in _REQUIRED}
    language = values["language"].lower()
    if language not in LANGUAGES:
        raise AppealInputError(
            f"suppression 'language' must be one of {', '.join(LANGUAGES)}, not '{values['language']}'",
            path,
            line_of(entry, "language") or line,
        )
    source = entry.get("source")
    if source is not None and not isinstance(source, str):
        raise AppealInputError("suppression 'source' must be text", path, line_of(entry, "source") or line)
    return Suppression(
        values["rule"],
        values["letter"],
        language,
        values["reason"],
        values["fingerprint"],
        source,
        _span(entry, path, line),
        str(path),
        line or 0,
    )


def _no_unknown_keys(mapping: dict[str, Any], known: Sequence[str], what: str, path: Path, line: int | None) -> None:
    """A misspelt key would silently do nothing (``suppresions:`` drops every entry): refuse it instead."""
    unknown = sorted(str(k) for k in mapping if k not in known and k != LINES_KEY)
    if unknown:
        raise AppealInputError(
            f"unknown {what} '{unknown[0]}' (expected {', '.join(known)})", path, line_of(mapping, unknown[0]) or line
        )


def load_suppressions(path: Path | str) -> list[Suppression]:
    """Parse an ignore file (safe YAML loader); any problem is an AppealInputError naming file and line."""
    path = Path(path)
    document = load_yaml_file(path)
    if document is None:
        return []
    if not isinstance(document, dict):
        raise AppealInputError("ignore file must be a mapping with a 'suppressions:' list", path, 1)
    _no_unknown_keys(document, _TOP_LEVEL, "key", path, 1)
    version = document.get("version", IGNORE_VERSION)
    if version != IGNORE_VERSION:
        raise AppealInputError(
            f"unsupported ignore file version {version!r} (expected {IGNORE_VERSION})",
            path,
            line_of(document, "version"),
        )
    entries = document.get("suppressions") or []
    if not isinstance(entries, list):
        raise AppealInputError("'suppressions' must be a list of entries", path, line_of(document, "suppressions"))
    return [_entry(e, path, line_of(document, "suppressions")) for e in entries]


def load_ignore_file(explicit: Path | None, creating: bool = False) -> tuple[Path | None, list[Suppression]]:
    """The ignore file in force and its entries: --ignore-file when given (it must exist unless a baseline is
    about to create it), else ./.appeal-ignore.yaml when present (or as the file a baseline creates)."""
    path = explicit if explicit is not None else DEFAULT_IGNORE_FILE
    if path.is_file():
        return path, load_suppressions(path)
    if creating:
        return path, []
    if explicit is not None:
        raise AppealInputError("no such ignore file", explicit)
    return None, []


# ------------------------------------------------------------------ applying


def matches(suppression: Suppression, result: PairResult, finding: Finding, fingerprint: str | None = None) -> bool:
    """``fingerprint``: the finding's ``paragraph_fingerprint`` when the caller has already computed it."""
    if (suppression.rule, suppression.letter, suppression.language) != (
        finding.rule,
        letter_name(result),
        result.pair.lang,
    ):
        return False
    if suppression.source is not None and normalize(suppression.source) != normalize(finding.source_text):
        return False
    span = tuple(finding.source_span) if finding.source_span is not None else None
    if suppression.span is not None and span is not None and suppression.span != span:
        return False
    return suppression.fingerprint == (fingerprint or paragraph_fingerprint(result, finding))


def unused_finding(suppression: Suppression, duplicate_of: Suppression | None = None) -> Finding:
    """The warning for a suppression that silenced nothing; it points at the entry in the ignore file."""
    what = f"'{suppression.source}'" if suppression.source else "its finding"
    head = (
        f"{suppression.file}:{suppression.line}: suppression of {suppression.rule} for {what} "
        f"({suppression.letter}, {suppression.language})"
    )
    if duplicate_of is not None:  # the finding is there and suppressed: "the problem was fixed" would mislead
        message = f"{head} repeats the entry at line {duplicate_of.line}, which already suppresses it; delete it"
    else:
        message = (
            f"{head} matches no finding: the problem was fixed or the paragraph changed; review it, "
            f"then delete the entry or re-baseline"
        )
    return Finding(
        UNUSED_RULE_ID,
        UNUSED_CATEGORY,
        UNUSED_SEVERITY,
        message,
        suppression.source or "",
        (),
        suppression.file,
        suppression.line,
        suppression.file,
        suppression.line,
        suppression.language,
        source_span=suppression.span,
    )


def _identity(entry: Suppression) -> tuple:
    """What makes two entries the same suppression (the reason and the place in the file do not)."""
    return entry.letter, entry.language, entry.rule, entry.source or "", entry.span or (), entry.fingerprint


class _Index:
    """Entries by (rule, letter, language, fingerprint): with thousands of findings and entries, trying every
    entry on every finding (and hashing paragraphs each time) took longer than checking the letters."""

    def __init__(self, suppressions: Sequence[Suppression]):
        self.entries = suppressions
        self.by_key: dict[tuple[str, str, str, str], list[int]] = {}
        for i, s in enumerate(suppressions):
            self.by_key.setdefault((s.rule, s.letter, s.language, s.fingerprint), []).append(i)
        self.rules = {key[:3] for key in self.by_key}

    def first_match(self, result: PairResult, finding: Finding) -> int | None:
        head = (finding.rule, letter_name(result), result.pair.lang)
        if head not in self.rules:
            return None
        fingerprint = paragraph_fingerprint(result, finding)
        candidates = self.by_key.get((*head, fingerprint), ())
        return next((i for i in candidates if matches(self.entries[i], result, finding, fingerprint)), None)


def apply_suppressions(results: Iterable[PairResult], suppressions: Sequence[Suppression]) -> Outcome:
    """Drop suppressed findings; report entries for the checked letters that matched nothing.

    Entries for letters or languages not checked in this run are left alone: checking one letter must not
    call every other letter's suppressions unused.
    """
    outcome = Outcome(results=[])
    index = _Index(suppressions)
    used: set[int] = set()
    checked: set[tuple[str, str]] = set()
    for result in results:
        checked.add((letter_name(result), result.pair.lang))
        kept = []
        for finding in result.findings:
            hit = index.first_match(result, finding)
            if hit is None:
                kept.append(finding)
            else:
                used.add(hit)
                outcome.suppressed.append(SuppressedFinding(finding, suppressions[hit]))
        outcome.results.append(replace(result, findings=kept))
    used_by_identity = {_identity(suppressions[i]): suppressions[i] for i in sorted(used, reverse=True)}
    for i, suppression in enumerate(suppressions):
        if i not in used and (suppression.letter, suppression.language) in checked:
            outcome.unused.append(suppression)
    _attach(outcome.results, outcome.unused, used_by_identity)
    return outcome


def _attach(
    results: list[PairResult], unused: Sequence[Suppression], used_by_identity: dict[tuple, Suppression]
) -> None:
    """Each unused entry as a warning on the first result of its letter and language, sorted once."""
    position: dict[tuple[str, str], int] = {}
    for i, result in enumerate(results):
        position.setdefault((letter_name(result), result.pair.lang), i)
    extra: dict[int, list[Finding]] = {}
    for entry in unused:
        warning = unused_finding(entry, used_by_identity.get(_identity(entry)))
        extra.setdefault(position[(entry.letter, entry.language)], []).append(warning)
    for i, findings in extra.items():
        results[i] = replace(results[i], findings=sorted([*results[i].findings, *findings], key=Finding.sort_key))


def suppression_for(result: PairResult, finding: Finding, reason: str) -> Suppression:
    span = (finding.source_span[0], finding.source_span[1]) if finding.source_span is not None else None
    return Suppression(
        finding.rule,
        letter_name(result),
        result.pair.lang,
        reason,
        paragraph_fingerprint(result, finding),
        finding.source_text,
        span,
    )


# ------------------------------------------------------------------ writing a baseline


def baseline(outcome: Outcome, existing: Sequence[Suppression], reason: str) -> list[Suppression]:
    """Every current finding as a suppression, keeping entries (and their reasons) that still match.

    Unused entries of the checked letters are dropped (they lapsed); entries of letters not checked in this
    run are kept untouched.
    """
    if not reason.strip():
        raise AppealInputError("--write-baseline needs a non-empty --reason")
    unused = {id(s) for s in outcome.unused}
    kept = [s for s in existing if id(s) not in unused]
    new = [
        suppression_for(r, f, reason.strip()) for r in outcome.results for f in r.findings if f.rule != UNUSED_RULE_ID
    ]
    return _dedupe([*kept, *new])


def _dedupe(entries: Iterable[Suppression]) -> list[Suppression]:
    """First of each identical entry, in order: existing entries keep their place (small diffs on
    re-baselining), new ones follow in the order of the letters."""
    seen: dict[tuple, Suppression] = {}
    for entry in entries:
        seen.setdefault(_identity(entry), entry)
    return list(seen.values())


class _FlowList(list):
    """A list written inline (``span: [120, 139]``): a span is one value, not two lines."""


@functools.cache
def _dumper() -> type[yaml.SafeDumper]:
    """PyYAML's safe dumper, writing ``_FlowList`` inline; PyYAML is imported only when a file is written."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
    return Dumper


def dump_suppressions(entries: Sequence[Suppression]) -> str:
    items = [e.to_yaml() for e in entries]
    for item in items:
        if "span" in item:
            item["span"] = _FlowList(item["span"])
    import yaml

    body = yaml.dump(
        {"version": IGNORE_VERSION, "suppressions": items},
        Dumper=_dumper(),
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return _HEADER + body


def write_suppressions(path: Path | str, entries: Sequence[Suppression]) -> None:
    atomic_write(path, dump_suppressions(entries))
