"""The glossary as a CSV or TSV table for termbase import (memoQ's CSV import, Trados MultiTerm through the
Glossary Converter), both ways (the standard ``csv`` module).

One row per entry. Entry columns as memoQ names them (``Entry_ID``, ``Entry_Subject``, ``Entry_Note``), plus
``Entry_Source`` (free text), ``Entry_Sources`` (attested sources, one a line: ``authority | lang | title | url |
symbol``), ``Entry_Year`` and ``Entry_UN``; then per language a column headed by its language code with the
preferred term, and ``<code>_Admitted``, ``_Short``, ``_Discouraged``, ``_Forbidden`` (other forms separated by
``;``), ``_Reasons`` (``form: why``, one a line) and ``_Verified`` (``no`` for an unattested rendering). The import
wizards map each column to a language and a status once; the export is UTF-8 with a byte-order mark so that
Excel and memoQ detect the encoding. Context rules are not exported: no termbase carries them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from appealkit.errors import AppealInputError
from appealkit.formats.units import CAT_LANG_TAGS
from appealkit.glossary import TARGET_LANGS, Entry, Rendering, Source

SEPARATOR = ";"
SOURCE_FIELDS = ("authority", "lang", "title", "url", "symbol")
ENTRY_COLUMNS = ("Entry_ID", "Entry_Subject", "Entry_Note", "Entry_Source", "Entry_Sources", "Entry_Year", "Entry_UN")
FORM_COLUMNS = ("Admitted", "Short", "Discouraged", "Forbidden")
EN = CAT_LANG_TAGS["en"]


def columns() -> list[str]:
    names = [*ENTRY_COLUMNS, EN, f"{EN}_Admitted"]
    for lang in TARGET_LANGS:
        tag = CAT_LANG_TAGS[lang]
        names += [tag, *(f"{tag}_{kind}" for kind in FORM_COLUMNS), f"{tag}_Reasons", f"{tag}_Verified"]
    return names


def _join(forms: tuple[str, ...]) -> str:
    return SEPARATOR.join(forms)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(SEPARATOR) if part.strip())


def _source_line(source: Source) -> str:
    return " | ".join(getattr(source, name) for name in SOURCE_FIELDS)


def _parse_source(line: str) -> Source:
    """``authority | lang | title | url | symbol``: a title may itself contain ``|``."""
    head, _, tail = line.partition("|")
    lang, _, rest = tail.partition("|")
    title, url, symbol = rest.rsplit("|", 2) if rest.count("|") >= 2 else (rest, "", "")
    return Source(head.strip(), title.strip(), url.strip(), symbol.strip(), lang.strip())


def _rendering_cells(tag: str, rendering: Rendering) -> dict[str, str]:
    flagged = (*rendering.discouraged, *rendering.forbidden)
    return {
        tag: rendering.preferred,
        f"{tag}_Admitted": _join(rendering.accepted),
        f"{tag}_Short": _join(rendering.short),
        f"{tag}_Discouraged": _join(rendering.discouraged),
        f"{tag}_Forbidden": _join(rendering.forbidden),
        f"{tag}_Reasons": "\n".join(f"{form}: {why}" for form in flagged if (why := rendering.reason(form))),
        f"{tag}_Verified": "" if rendering.verified else "no",
    }


def export_table(entries: list[Entry], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns(), delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    for entry in entries:
        row = {
            "Entry_ID": entry.id,
            "Entry_Subject": entry.kind,
            "Entry_Note": entry.note,
            "Entry_Source": entry.source,
            "Entry_Sources": "\n".join(map(_source_line, entry.sources)),
            "Entry_Year": str(entry.year or ""),
            "Entry_UN": "yes" if entry.un else "",
            EN: entry.en[0] if entry.en else "",
            f"{EN}_Admitted": _join(entry.en[1:]),
        }
        for lang in TARGET_LANGS:
            rendering = entry.rendering(lang)
            if rendering:
                row |= _rendering_cells(CAT_LANG_TAGS[lang], rendering)
        writer.writerow(row)
    return "\ufeff" + buffer.getvalue()


def import_table(path: Path) -> list[Entry]:
    """Entries of a table in the export's layout (comma separated, or tab separated for .tsv / .tab / .txt)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AppealInputError(f"cannot read as a UTF-8 table: {exc}", path) from None
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab", ".txt") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    missing = [name for name in ("Entry_ID", EN) if name not in (reader.fieldnames or [])]
    if missing:
        raise AppealInputError(
            f"missing column(s) {', '.join(missing)}: expected the layout of 'appeal glossary export --format csv'",
            path,
            1,
        )
    return [_entry(row, path, reader.line_num) for row in reader if (row.get("Entry_ID") or "").strip()]


def _cell(row: dict[str, str], name: str) -> str:
    return (row.get(name) or "").strip()


def _rendering(row: dict[str, str], tag: str) -> Rendering:
    reasons = tuple(
        (form.strip(), why.strip())
        for line in _cell(row, f"{tag}_Reasons").splitlines()
        for form, sep, why in [line.partition(": ")]
        if sep
    )
    return Rendering(
        _cell(row, tag),
        _split(row.get(f"{tag}_Admitted")),
        _split(row.get(f"{tag}_Forbidden")),
        _split(row.get(f"{tag}_Short")),
        _split(row.get(f"{tag}_Discouraged")),
        reasons,
        verified=_cell(row, f"{tag}_Verified").lower() != "no",
    )


def _entry(row: dict[str, str], path: Path, line: int) -> Entry:
    year = _cell(row, "Entry_Year")
    if year and not year.isdigit():
        raise AppealInputError(f"Entry_Year '{year}' is not a year", path, line)
    return Entry(
        id=_cell(row, "Entry_ID"),
        kind=_cell(row, "Entry_Subject") or "term",
        en=(_cell(row, EN), *_split(row.get(f"{EN}_Admitted"))),
        targets={
            lang: _rendering(row, CAT_LANG_TAGS[lang]) for lang in TARGET_LANGS if _cell(row, CAT_LANG_TAGS[lang])
        },
        note=_cell(row, "Entry_Note"),
        source=_cell(row, "Entry_Source"),
        year=int(year) if year else None,
        file=str(path),
        line=line,
        sources=tuple(_parse_source(s) for s in _cell(row, "Entry_Sources").splitlines() if s.strip()),
        un=_cell(row, "Entry_UN").lower() == "yes",
    )
