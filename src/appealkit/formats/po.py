"""Gettext PO files read into bilingual units (translate-toolkit's ``pypo``): msgid is the English, msgstr
the translation. The header and obsolete (``#~``) entries are not units; a fuzzy entry is checked like any
other (it is a draft the translator will finish)."""

from __future__ import annotations

import re
from pathlib import Path

from appealkit.errors import AppealInputError
from appealkit.formats.units import SKIP_EMPTY, BilingualFile, Unit, has_text, normalize_lang

_MSGID_LINE = re.compile(rb"^msgid\s", re.MULTILINE)


def read_po(path: Path, data: bytes) -> BilingualFile:
    from translate.storage.pypo import pofile

    try:
        store = pofile.parsestring(data)
    except Exception as exc:
        raise AppealInputError(f"cannot read as a PO file: {exc}", path) from None
    entries = [u for u in store.units if not u.isobsolete()]
    lines = [data.count(b"\n", 0, m.start()) + 1 for m in _MSGID_LINE.finditer(data)]
    units = []
    for entry, line in zip(entries, lines):
        if entry.isheader():
            continue
        source, target = str(entry.source or ""), str(entry.target or "")
        context = entry.getcontext()
        ident = f"{context}|{source}" if context else source
        units.append(
            Unit(
                ident[:80],
                source,
                target,
                line,
                state="fuzzy" if entry.isfuzzy() else "",
                skip="" if has_text(source) else SKIP_EMPTY,
            )
        )
    header = store.parseheader() if store.header() else {}
    return BilingualFile(path, "po", "en", normalize_lang(header.get("Language")), units)
