"""The glossary in and out of translators' termbases: export as TBX / CSV / TSV, import merged into one YAML
glossary file, then linted.

Merging never rewrites the hand-curated glossary files: imported entries go into one file (``into``), created
or updated there. An imported entry whose id belongs to another glossary file is compared with it and, when
they differ, reported for the user to edit that file. Within ``into``, an entry is merged form by form:
its preferred renderings stay (a different imported preferred form becomes an accepted one, reported), forms
are united, and its note, source and kind stay when set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from appealkit.errors import AppealInputError
from appealkit.glossary import TARGET_LANGS, Entry, Rendering, Source, entry_from_mapping, glossary_files
from appealkit.glossary_lint import Problem, lint_documents, read_documents
from appealkit.textio import atomic_write
from appealkit.yamlsafe import LINES_KEY

EXPORT_FORMATS = ("tbx", "tbx-2008", "csv", "tsv")
HEADER = (
    "# Glossary entries imported from a termbase (appeal glossary import). Same schema as the other\n"
    "# glossary files; 'appeal glossary lint' checks it with them.\n"
)


def export_glossary(entries: list[Entry], fmt: str) -> bytes:
    if fmt == "tbx":
        from appealkit.formats.tbx import export_tbx

        return export_tbx(entries)
    if fmt == "tbx-2008":
        from appealkit.formats.tbx import export_tbx_2008

        return export_tbx_2008(entries)
    from appealkit.formats.termtable import export_table

    return export_table(entries, "\t" if fmt == "tsv" else ",").encode("utf-8")


def read_termbase(path: Path) -> list[Entry]:
    suffix = path.suffix.lower()
    if suffix == ".tbx":
        from appealkit.formats.tbx import import_tbx

        return import_tbx(path)
    if suffix in (".csv", ".tsv", ".tab", ".txt"):
        from appealkit.formats.termtable import import_table

        return import_table(path)
    raise AppealInputError("unknown termbase format: give a .tbx, .csv or .tsv file", path)


def _flagged_forms(rendering: Rendering, forms: tuple[str, ...]) -> list[Any]:
    """Forbidden or discouraged forms as the YAML writes them: a string, or ``{form, reason}``."""
    return [{"form": form, "reason": why} if (why := rendering.reason(form)) else form for form in forms]


def entry_mapping(entry: Entry) -> dict[str, Any]:
    """An entry as the glossary YAML writes it (the inverse of ``entry_from_mapping``), without its context
    rules: those are appealkit's matching rules, which no termbase format carries."""
    mapping: dict[str, Any] = {"id": entry.id, "kind": entry.kind}
    if entry.year:
        mapping["year"] = entry.year
    if entry.un:
        mapping["un"] = True
    mapping["en"] = list(entry.en)
    for lang in TARGET_LANGS:
        rendering = entry.rendering(lang)
        if rendering is None:
            continue
        spec: dict[str, Any] = {
            "preferred": rendering.preferred,
            "accepted": list(rendering.accepted),
            "forbidden": _flagged_forms(rendering, rendering.forbidden),
        }
        if rendering.discouraged:
            spec["discouraged"] = _flagged_forms(rendering, rendering.discouraged)
        if rendering.short:
            spec["short"] = list(rendering.short)
        if not rendering.verified:
            spec["verified"] = False
        mapping[lang] = spec
    mapping["note"] = entry.note
    mapping["source"] = [_source_mapping(s) for s in entry.sources] if entry.sources else entry.source
    return mapping


def exchange_view(entry: Entry) -> dict[str, Any]:
    """What a termbase round trip must keep: ``entry_mapping`` with the sources in a fixed order (a TBX files
    them under the language they attest)."""
    mapping = entry_mapping(entry)
    if isinstance(mapping["source"], list):
        mapping["source"] = sorted(mapping["source"], key=lambda item: sorted(item.items()))
    return mapping


def _source_mapping(source: Source) -> dict[str, str]:
    fields = {
        "authority": source.authority,
        "lang": source.lang,
        "title": source.title,
        "url": source.url,
        "symbol": source.symbol,
    }
    return {key: value for key, value in fields.items() if value}


@dataclass
class GlossaryMerge:
    into: Path
    added: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the user should look at
    problems: list[Problem] = field(default_factory=list)  # lint of the glossary with the merged file


def _union(first: list[str], second: tuple[str, ...] | list[str]) -> list[str]:
    return [*first, *(x for x in second if x not in first)]


def _union_flagged(first: Any, second: list[Any]) -> list[Any]:
    """Flagged forms (strings or ``{form, reason}``) united by form."""
    current = list(first or [])
    known = {item["form"] if isinstance(item, dict) else item for item in current}
    return current + [item for item in second if (item["form"] if isinstance(item, dict) else item) not in known]


def _merge_entry(current: dict[str, Any], imported: Entry, notes: list[str]) -> dict[str, Any]:
    merged = dict(current)
    merged["en"] = _union(list(current.get("en") or []), imported.en)
    for lang, rendering in imported.targets.items():
        spec = dict(current.get(lang) or {})
        preferred = spec.get("preferred") or rendering.preferred
        accepted = list(spec.get("accepted") or [])
        if rendering.preferred != preferred:
            notes.append(
                f"{imported.id}: kept {lang} preferred '{preferred}'; the termbase's '{rendering.preferred}' "
                "is now accepted"
            )
            accepted = _union(accepted, [rendering.preferred])
        spec |= {
            "preferred": preferred,
            "accepted": _union(accepted, rendering.accepted),
            "forbidden": _union_flagged(spec.get("forbidden"), _flagged_forms(rendering, rendering.forbidden)),
        }
        discouraged = _union_flagged(spec.get("discouraged"), _flagged_forms(rendering, rendering.discouraged))
        if discouraged:
            spec["discouraged"] = discouraged
        short = _union(list(spec.get("short") or []), rendering.short)
        if short:
            spec["short"] = short
        merged[lang] = spec
    for key, value in (
        ("note", imported.note),
        ("source", entry_mapping(imported)["source"]),
        ("kind", imported.kind),
        ("year", imported.year),
        ("un", imported.un),
    ):
        if value and not merged.get(key):
            merged[key] = value
    return merged


def _clean(value: Any) -> Any:
    """A loaded mapping without the loader's line bookkeeping."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k != LINES_KEY}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def merge_into(imported: list[Entry], into: Path, glossary_root: Path) -> GlossaryMerge:
    """Merge ``imported`` into the YAML file ``into`` (created when absent), write it atomically, then lint
    the glossary at ``glossary_root`` together with it."""
    report = GlossaryMerge(into)
    others = [d for d in read_documents(glossary_files(glossary_root)) if d.path.resolve() != into.resolve()]
    elsewhere = {str(raw.get("id")): (doc.path, line, raw) for doc in others for raw, line in doc.entries()}
    target = read_documents([into])[0].data if into.is_file() else None
    entries = [_clean(e) for e in (target or {}).get("entries") or []] if isinstance(target, dict) else []
    position = {str(e.get("id")): i for i, e in enumerate(entries) if isinstance(e, dict)}
    for entry in imported:
        if entry.id in elsewhere:
            path, line, raw = elsewhere[entry.id]
            if exchange_view(entry_from_mapping(raw, path, line)) == exchange_view(entry):
                report.unchanged.append(entry.id)
            else:
                report.notes.append(f"{path}:{line}: {entry.id} differs from the termbase: edit it there")
        elif entry.id in position:
            before = entries[position[entry.id]]
            after = _merge_entry(before, entry, report.notes)
            (report.unchanged if after == before else report.merged).append(entry.id)
            entries[position[entry.id]] = after
        else:
            position[entry.id] = len(entries)
            entries.append(entry_mapping(entry))
            report.added.append(entry.id)
    if report.added or report.merged:
        atomic_write(
            into, HEADER + yaml.safe_dump({"entries": entries}, allow_unicode=True, sort_keys=False, width=120)
        )
    report.problems = lint_documents([*others, *(read_documents([into]) if into.is_file() else [])])
    return report
