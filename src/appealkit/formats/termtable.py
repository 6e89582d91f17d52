"""The glossary as a CSV or TSV table for termbase import (memoQ's CSV import, Trados MultiTerm through the
Glossary Converter), both ways (the standard ``csv`` module).

One row per entry. Entry columns as memoQ names them (``Entry_ID``, ``Entry_Subject``, ``Entry_Note``, plus
``Entry_Source`` and ``Entry_Year``), then per language a column headed by its language code holding the
preferred term, and ``<code>_Admitted`` / ``<code>_Short`` / ``<code>_Forbidden`` columns with the other forms
separated by ``;`` (English: the other forms are admitted). The import wizards map each column to a language
and a status once; the export is UTF-8 with a byte-order mark so that Excel and memoQ detect the encoding.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from appealkit.errors import AppealInputError
from appealkit.formats.units import CAT_LANG_TAGS
from appealkit.glossary import TARGET_LANGS, Entry, Rendering

SEPARATOR = ";"
ENTRY_COLUMNS = ("Entry_ID", "Entry_Subject", "Entry_Note", "Entry_Source", "Entry_Year")
STATUS_COLUMNS = ("Admitted", "Short", "Forbidden")


def columns() -> list[str]:
    names = [*ENTRY_COLUMNS, CAT_LANG_TAGS["en"], f"{CAT_LANG_TAGS['en']}_Admitted"]
    for lang in TARGET_LANGS:
        tag = CAT_LANG_TAGS[lang]
        names += [tag, *(f"{tag}_{status}" for status in STATUS_COLUMNS)]
    return names


def _join(forms: tuple[str, ...]) -> str:
    return SEPARATOR.join(forms)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(SEPARATOR) if part.strip())


def export_table(entries: list[Entry], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns(), delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    for entry in entries:
        row = {"Entry_ID": entry.id, "Entry_Subject": entry.kind, "Entry_Note": entry.note,
               "Entry_Source": entry.source, "Entry_Year": str(entry.year or ""),
               CAT_LANG_TAGS["en"]: entry.en[0] if entry.en else "",
               f"{CAT_LANG_TAGS['en']}_Admitted": _join(entry.en[1:])}
        for lang in TARGET_LANGS:
            tag, rendering = CAT_LANG_TAGS[lang], entry.rendering(lang)
            if rendering:
                row |= {tag: rendering.preferred, f"{tag}_Admitted": _join(rendering.accepted),
                        f"{tag}_Short": _join(rendering.short), f"{tag}_Forbidden": _join(rendering.forbidden)}
        writer.writerow(row)
    return "\ufeff" + buffer.getvalue()


def import_table(path: Path) -> list[Entry]:
    """Entries of a table in the export's layout (comma, semicolon or tab separated, detected)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AppealInputError(f"cannot read as a UTF-8 table: {exc}", path) from None
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab", ".txt") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    missing = [name for name in ("Entry_ID", CAT_LANG_TAGS["en"]) if name not in (reader.fieldnames or [])]
    if missing:
        raise AppealInputError(f"missing column(s) {', '.join(missing)}: expected the layout of 'appeal glossary "
                               "export --format csv'", path, 1)
    return [_entry(row, path, line) for line, row in enumerate(reader, start=2) if (row.get("Entry_ID") or "").strip()]


def _entry(row: dict[str, str], path: Path, line: int) -> Entry:
    targets = {}
    for lang in TARGET_LANGS:
        tag = CAT_LANG_TAGS[lang]
        if (row.get(tag) or "").strip():
            targets[lang] = Rendering(row[tag].strip(), _split(row.get(f"{tag}_Admitted")),
                                      _split(row.get(f"{tag}_Forbidden")), _split(row.get(f"{tag}_Short")))
    year = (row.get("Entry_Year") or "").strip()
    if year and not year.isdigit():
        raise AppealInputError(f"Entry_Year '{year}' is not a year", path, line)
    kind = (row.get("Entry_Subject") or "term").strip() or "term"
    return Entry(id=row["Entry_ID"].strip(), kind=kind,
                 en=(row[CAT_LANG_TAGS["en"]].strip(), *_split(row.get(f"{CAT_LANG_TAGS['en']}_Admitted"))),
                 targets=targets, note=(row.get("Entry_Note") or "").strip(),
                 source=(row.get("Entry_Source") or "").strip(), year=int(year) if year else None,
                 file=str(path), line=line)
