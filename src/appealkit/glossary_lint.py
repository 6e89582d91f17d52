"""Validation of glossary files: schema, duplicate ids, contested English forms, contradictions.

Every problem names ``file:line`` so an editor can jump to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from appealkit.glossary import GAP_MARK, KINDS, TARGET_LANGS, compact_form, english_key
from appealkit.yamlsafe import LINES_KEY, line_of, load_yaml_file

ENTRY_KEYS = {"id", "kind", "en", "zh", "ko", "note", "source", "year", "short", LINES_KEY}
RENDERING_KEYS = {"preferred", "accepted", "forbidden", "short", LINES_KEY}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


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
    preferred = spec.get("preferred")
    if not isinstance(preferred, str) or not preferred.strip():
        problem(spec, "", f"'{lang}.preferred' must be a non-empty string")
        return
    if GAP_MARK in preferred:
        problem(spec, "preferred", f"'{lang}.preferred' cannot contain the gap mark '{GAP_MARK}': "
                                   "machine translation inserts the preferred rendering as written")
    lists = {}
    for key in ("accepted", "forbidden", "short"):
        values = _strings(spec.get(key) or [])
        if values is None:
            problem(spec, key, f"'{lang}.{key}' must be a list of strings")
        lists[key] = values or []
    forbidden = {compact_form(x) for x in lists["forbidden"]}
    if compact_form(preferred) in forbidden:
        problem(spec, "forbidden", f"preferred rendering '{preferred}' is also forbidden")
    for key in ("accepted", "short"):
        for form in lists[key]:
            if compact_form(form) in forbidden:
                problem(spec, "forbidden", f"{key} rendering '{form}' is also forbidden")
    for key, values in lists.items():
        for form in values:
            if GAP_MARK in form and key == "short":
                problem(spec, key, f"'{form}': a short form cannot contain the gap mark '{GAP_MARK}'")
            elif GAP_MARK in form and not all(compact_form(piece) for piece in form.split(GAP_MARK)):
                problem(spec, key, f"'{form}': text must stand on both sides of every gap mark '{GAP_MARK}'")


def _check_entry(raw: dict[str, Any], problem) -> None:
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
    for lang in TARGET_LANGS:
        _check_rendering(raw, lang, problem)


def lint_documents(documents: list[Document]) -> list[Problem]:
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    forms: dict[str, tuple[str, str]] = {}

    for doc in documents:
        def problem(mapping: dict[str, Any], key: str, message: str, _doc: Document = doc) -> None:
            line = line_of(mapping, key) or line_of(mapping) or 1
            problems.append(Problem(str(_doc.path), line, message))

        if not isinstance(doc.data, dict) or not isinstance(doc.data.get("entries"), list):
            problems.append(Problem(str(doc.path), 1, "file must be a mapping with an 'entries' list"))
            continue
        for index, raw in enumerate(doc.data["entries"]):
            if not isinstance(raw, dict):
                problems.append(Problem(str(doc.path), 1, f"entry {index + 1} is not a mapping"))
                continue
            _check_entry(raw, problem)
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
    return sorted(problems, key=lambda p: (p.file, p.line, p.message))
