"""Validation of glossary files: schema, duplicate ids, contested English forms, contradictions, provenance,
context rules; and warnings for forms that need a second look (a common English word without context, regex
syntax in a form that is matched literally).

Every problem names ``file:line`` so an editor can jump to it. Errors make the glossary unusable (loading it
fails); warnings do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from appealkit.glossary import AUTHORITIES, GAP_MARK, KINDS, TARGET_LANGS, compact_form, english_key
from appealkit.glossary_context import CONTEXT_KEYS, SCOPES
from appealkit.yamlsafe import LINES_KEY, line_of, load_yaml_file

ENTRY_KEYS = {
    "id",
    "kind",
    "en",
    "zh",
    "ko",
    "note",
    "source",
    "year",
    "short",
    "context",
    "verified",
    "un",
    "stands_for",
    LINES_KEY,
}
RENDERING_KEYS = {"preferred", "accepted", "forbidden", "discouraged", "short", "verified", LINES_KEY}
SOURCE_KEYS = {"authority", "title", "url", "symbol", "lang", LINES_KEY}
FLAGGED_KEYS = {"form", "reason", LINES_KEY}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Kinds whose names are official: each needs a source with an address or a document symbol. UN bodies,
# mandates and documents are marked ``un: true``.
ATTESTED_KINDS = ("treaty", "law")
# Regex syntax a writer may expect to work as a pattern: forms are text, matched literally.
REGEX_SYNTAX = re.compile(r"\\|\.[*+?]|[\^$*+?{}\[\]|]|\(\?")
# A single English word this common (wordfreq's Zipf scale: ≥ 4 is once per 100,000 words or more) has other
# senses; its entry must say in which context it means the entry, or that it was reviewed (anywhere: true).
COMMON_WORD_ZIPF = 4.0
COMMON_WORD_KINDS = ("term", "person", "body")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    severity: str = "error"  # error | warning
    blocks_loading: bool = True  # False: a policy error (missing provenance) that fails lint, not `appeal check`

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}: {label}{self.message}"


@dataclass
class Document:
    path: Path
    data: Any

    def entries(self) -> Iterator[tuple[dict[str, Any], int]]:
        items = self.data.get("entries") if isinstance(self.data, dict) else None
        for raw in items if isinstance(items, list) else []:
            if isinstance(raw, dict):
                yield raw, line_of(raw) or 1


def read_documents(files: list[Path]) -> list[Document]:
    """Parse every file; unreadable or unparsable files raise AppealInputError (exit 2)."""
    return [Document(path, load_yaml_file(path)) for path in files]


def _strings(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def _flagged_forms(spec: dict[str, Any], key: str, problem) -> list[str] | None:
    """Forbidden or discouraged forms: strings or ``{form, reason}``; a discouraged form needs its reason,
    because the warning shows it."""
    values = spec.get(key) or []
    if not isinstance(values, list):
        problem(spec, key, f"'{key}' must be a list of strings or {{form, reason}} mappings")
        return None
    forms = []
    for value in values:
        if isinstance(value, str):
            if key == "discouraged":
                problem(spec, key, f"discouraged form '{value}' needs a reason: write {{form: ..., reason: ...}}")
            forms.append(value)
        elif isinstance(value, dict):
            for unknown in sorted(set(value) - FLAGGED_KEYS):
                problem(value, unknown, f"unknown key '{unknown}' in a {key} form")
            form, reason = value.get("form"), value.get("reason")
            if not isinstance(form, str) or not form.strip():
                problem(value, "form", f"a {key} mapping needs 'form' (text)")
                continue
            if not isinstance(reason, str) or not reason.strip():
                problem(value, "reason", f"{key} form '{form}' needs a 'reason' (text)")
            forms.append(form)
        else:
            problem(spec, key, f"'{key}' must be a list of strings or {{form, reason}} mappings")
            return None
    return forms


def _check_rendering(raw: dict[str, Any], lang: str, problem) -> None:
    spec = raw.get(lang)
    if spec is None:
        problem(raw, "", f"missing language '{lang}'")
        return
    if not isinstance(spec, dict):
        problem(raw, lang, f"'{lang}' must be a mapping with preferred/accepted/forbidden")
        return
    for key in sorted(set(spec) - RENDERING_KEYS):
        problem(spec, key, f"unknown key '{key}' in '{lang}'")
    if "verified" in spec and not isinstance(spec["verified"], bool):
        problem(spec, "verified", f"'{lang}.verified' must be true or false")
    preferred = spec.get("preferred")
    if not isinstance(preferred, str) or not preferred.strip():
        problem(spec, "", f"'{lang}.preferred' must be a non-empty string")
        return
    if GAP_MARK in preferred:
        problem(
            spec,
            "preferred",
            f"'{lang}.preferred' cannot contain the gap mark '{GAP_MARK}': "
            "machine translation inserts the preferred rendering as written",
        )
    lists: dict[str, list[str]] = {}
    for key in ("accepted", "short"):
        values = _strings(spec.get(key) or [])
        if values is None:
            problem(spec, key, f"'{lang}.{key}' must be a list of strings")
        lists[key] = values or []
    for key in ("forbidden", "discouraged"):
        lists[key] = _flagged_forms(spec, key, problem) or []
    flagged = {compact_form(x): key for key in ("forbidden", "discouraged") for x in lists[key]}
    if compact_form(preferred) in flagged:
        problem(
            spec,
            flagged[compact_form(preferred)],
            f"preferred rendering '{preferred}' is also {flagged[compact_form(preferred)]}",
        )
    for key in ("accepted", "short"):
        for form in lists[key]:
            if compact_form(form) in flagged:
                problem(
                    spec, flagged[compact_form(form)], f"{key} rendering '{form}' is also {flagged[compact_form(form)]}"
                )
    for key, values in lists.items():
        for form in values:
            if GAP_MARK in form and key == "short":
                problem(spec, key, f"'{form}': a short form cannot contain the gap mark '{GAP_MARK}'")
            elif GAP_MARK in form and not all(compact_form(piece) for piece in form.split(GAP_MARK)):
                problem(spec, key, f"'{form}': text must stand on both sides of every gap mark '{GAP_MARK}'")
    for form in (preferred, *(f for values in lists.values() for f in values)):
        _warn_regex_syntax(spec, "preferred" if form == preferred else "", form, problem)


def _warn_regex_syntax(mapping: dict[str, Any], key: str, form: str, problem) -> None:
    syntax = REGEX_SYNTAX.search(form)
    if syntax:
        problem(
            mapping,
            key,
            f"'{form}' contains '{syntax.group()}', which is not a pattern: glossary forms are text, "
            "matched literally in translations and word by word in English (write each alternative "
            f"as its own form; '{GAP_MARK}' is the only gap)",
            severity="warning",
        )


def _check_sources(raw: dict[str, Any], problem) -> None:
    """``source``: free text, or a list of {authority, title, url | symbol, lang}; treaties, laws and UN bodies
    need at least one attested item (an address or a document symbol)."""
    value = raw.get("source")
    needs_attested = raw.get("kind") in ATTESTED_KINDS or raw.get("un") is True
    if isinstance(value, list):
        attested = 0
        for item in value:
            if not isinstance(item, dict):
                problem(raw, "source", "each 'source' item must be a mapping {authority, title, url | symbol, lang}")
                continue
            for unknown in sorted(set(item) - SOURCE_KEYS):
                problem(item, unknown, f"unknown key '{unknown}' in a source")
            if item.get("authority") not in AUTHORITIES:
                problem(
                    item,
                    "authority",
                    f"source authority must be one of {', '.join(AUTHORITIES)}, got {item.get('authority')!r}",
                )
            if not isinstance(item.get("title"), str) or not item["title"].strip():
                problem(item, "title", "a source needs a 'title' (what the text is)")
            if item.get("lang") not in (None, "zh", "ko", "en"):
                problem(item, "lang", f"source lang must be zh, ko or en, got {item.get('lang')!r}")
            if not (item.get("url") or item.get("symbol")):
                problem(item, "", "a source needs a 'url' or a document 'symbol' (an address someone can check)")
            else:
                attested += 1
        if needs_attested and not attested:
            problem(
                raw,
                "source",
                f"'{raw.get('id')}' names an official instrument or UN body: it needs a source "
                "with a 'url' or 'symbol'",
                severity="policy",
            )
    elif value is not None and not isinstance(value, str):
        problem(raw, "source", "'source' must be text or a list of {authority, title, url | symbol, lang}")
    elif needs_attested:
        problem(
            raw,
            "source" if value is not None else "",
            f"'{raw.get('id')}' names an official instrument or UN "
            "body: 'source' must list where its renderings are attested ({authority, title, url | symbol})",
            severity="policy",
        )


def _check_contexts(raw: dict[str, Any], problem) -> list[tuple[dict[str, Any], str]]:
    """Validate ``context`` rules; returns the (rule, id) pairs of ``near`` to resolve once all ids are known."""
    rules = raw.get("context")
    if rules is None:
        return []
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        problem(raw, "context", "'context' must be a list of rules (mappings)")
        return []
    forms = {english_key(f) for f in _strings(raw.get("en")) or []}
    refs: list[tuple[dict[str, Any], str]] = []
    for rule in rules:
        for unknown in sorted(set(rule) - CONTEXT_KEYS - {LINES_KEY}):
            problem(
                rule, unknown, f"unknown key '{unknown}' in a context rule (known: {', '.join(sorted(CONTEXT_KEYS))})"
            )
        for key in ("forms", "near", "near_kind", "not_after", "not_before"):
            if key in rule and _strings(rule[key]) is None:
                problem(rule, key, f"context '{key}' must be a list of strings")
        for form in _strings(rule.get("forms")) or []:
            if english_key(form) not in forms:
                problem(rule, "forms", f"context form '{form}' is not one of the entry's English forms")
        for kind in _strings(rule.get("near_kind")) or []:
            if kind not in KINDS:
                problem(rule, "near_kind", f"near_kind must be one of {', '.join(KINDS)}, got {kind!r}")
        within = rule.get("within", "sentence")
        if not (within in SCOPES or (isinstance(within, int) and not isinstance(within, bool) and within > 0)):
            problem(rule, "within", f"within must be {' or '.join(SCOPES)} or a number of words, got {within!r}")
        for key in ("anywhere", "not_in_name"):
            if key in rule and not isinstance(rule[key], bool):
                problem(rule, key, f"'{key}' must be true or false")
        restricting = [key for key in ("near", "near_kind", "not_after", "not_before", "not_in_name") if rule.get(key)]
        if rule.get("anywhere") is True:
            if restricting:
                problem(
                    rule, "anywhere", f"a rule with 'anywhere: true' cannot also restrict ({', '.join(restricting)})"
                )
            if not isinstance(rule.get("reason"), str) or not rule["reason"].strip():
                problem(rule, "anywhere", "'anywhere: true' needs a 'reason' (why the word means the entry everywhere)")
        elif not restricting:
            problem(
                rule,
                "",
                "a context rule needs near, near_kind, not_after, not_before or not_in_name (or anywhere: true)",
            )
        refs += [(rule, ref) for ref in _strings(rule.get("near")) or []]
    return refs


def _common_words(raw: dict[str, Any]) -> list[str]:
    """English forms that are one common word and no context rule covers (lint warns about them)."""
    if raw.get("kind") not in COMMON_WORD_KINDS:
        return []
    frequency = _zipf()
    if frequency is None:
        return []
    covered: set[str] = set()
    for rule in raw.get("context") or []:
        if isinstance(rule, dict):
            forms = _strings(rule.get("forms")) or _strings(raw.get("en")) or []
            covered |= {english_key(f) for f in forms}
    return [
        form
        for form in _strings(raw.get("en")) or []
        if len(re.findall(r"[^\W_]+", form)) == 1
        and not form.strip().isupper()
        and english_key(form) not in covered
        and frequency(form) >= COMMON_WORD_ZIPF
    ]


def _zipf():
    """wordfreq's English Zipf frequency (the [lint] extra); None when it is not installed."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return None
    return lambda word: zipf_frequency(word, "en")


def common_word_check_available() -> bool:
    return _zipf() is not None


def _check_entry(raw: dict[str, Any], problem, word_frequency: bool = True) -> list[tuple[dict[str, Any], str]]:
    for key in sorted(set(raw) - ENTRY_KEYS):
        problem(raw, key, f"unknown key '{key}'")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not ID_PATTERN.match(entry_id):
        problem(raw, "id", f"id must be lowercase-kebab text, got {entry_id!r}")
    if raw.get("kind") not in KINDS:
        problem(raw, "kind", f"kind must be one of {', '.join(KINDS)}, got {raw.get('kind')!r}")
    forms = _strings(raw.get("en"))
    if not forms or not all(f.strip() for f in forms):
        problem(raw, "en", "'en' must be a non-empty list of English forms")
    year = raw.get("year")
    if year is not None and not (isinstance(year, int) and 1800 <= year <= 2100):
        problem(raw, "year", f"year must be a four-digit integer, got {year!r}")
    for key in ("verified", "un"):
        if key in raw and not isinstance(raw[key], bool):
            problem(raw, key, f"'{key}' must be true or false")
    for lang in TARGET_LANGS:
        _check_rendering(raw, lang, problem)
    _check_sources(raw, problem)
    stands_for = raw.get("stands_for")
    if stands_for is not None and _strings(stands_for) is None:
        problem(raw, "stands_for", "'stands_for' must be a list of entry ids")
    for form in forms or []:
        _warn_regex_syntax(raw, "en", form, problem)
    for form in _common_words(raw) if word_frequency else ():
        problem(
            raw,
            "en",
            f"English form '{form}' is a common word: outside the letters' context it means something "
            "else (add a 'context' rule such as near: [xi-jinping], or anywhere: true with a reason)",
            severity="warning",
        )
    return _check_contexts(raw, problem) + [(raw, ref) for ref in _strings(raw.get("stands_for")) or []]


def lint_documents(documents: list[Document], word_frequency: bool = True) -> list[Problem]:
    """Every problem of the glossary. ``word_frequency=False`` leaves out the common-word warnings, which
    load wordfreq's lists (a quarter of a second): loading the glossary for a check keeps errors only."""
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    forms: dict[str, tuple[str, str]] = {}
    near_refs: list[tuple[Document, dict[str, Any], str]] = []

    for doc in documents:

        def problem(
            mapping: dict[str, Any], key: str, message: str, _doc: Document = doc, severity: str = "error"
        ) -> None:
            """severity: error, warning, or policy (an error of lint that does not stop the glossary loading)."""
            line = line_of(mapping, key) or line_of(mapping) or 1
            problems.append(
                Problem(
                    str(_doc.path), line, message, "error" if severity == "policy" else severity, severity != "policy"
                )
            )

        if not isinstance(doc.data, dict) or not isinstance(doc.data.get("entries"), list):
            problems.append(Problem(str(doc.path), 1, "file must be a mapping with an 'entries' list"))
            continue
        for index, raw in enumerate(doc.data["entries"]):
            if not isinstance(raw, dict):
                problems.append(Problem(str(doc.path), 1, f"entry {index + 1} is not a mapping"))
                continue
            near_refs += [(doc, rule, ref) for rule, ref in _check_entry(raw, problem, word_frequency)]
            entry_id = raw.get("id")
            where = f"{doc.path}:{line_of(raw)}"
            if isinstance(entry_id, str):
                if entry_id in ids:
                    problem(raw, "id", f"duplicate id '{entry_id}' (first defined at {ids[entry_id]})")
                else:
                    ids[entry_id] = where
            for form in _strings(raw.get("en")) or []:
                key = english_key(form)
                if key in forms and forms[key][0] != entry_id:
                    owner, owner_where = forms[key]
                    problem(raw, "en", f"English form '{form}' is already claimed by '{owner}' ({owner_where})")
                else:
                    forms.setdefault(key, (str(entry_id), where))
    for doc, mapping, ref in near_refs:
        if ref not in ids:
            key = "stands_for" if "stands_for" in mapping and ref in (_strings(mapping["stands_for"]) or []) else "near"
            problems.append(
                Problem(
                    str(doc.path),
                    line_of(mapping, key) or line_of(mapping) or 1,
                    f"{'stands_for' if key == 'stands_for' else 'context near'} '{ref}': no entry has this id",
                )
            )
    return sorted(problems, key=lambda p: (p.file, p.line, p.message))


def errors_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def loading_errors(problems: list[Problem]) -> list[Problem]:
    """The errors that make a glossary unusable: every error but a policy one (a treaty without an attested
    source is still matched correctly; lint fails on it, a check with a user's glossary does not)."""
    return [p for p in errors_only(problems) if p.blocks_loading]
