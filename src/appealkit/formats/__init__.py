"""CAT-tool formats: bilingual files read for checking and importing (XLIFF 1.2 / 2.x, .sdlxliff, PO, TMX),
letters exported as XLIFF, the translation memory as TMX and the glossary as TBX or CSV.

Everything here imports translate-toolkit and lxml lazily, so that ``appeal check`` on letters stays light.
"""

from __future__ import annotations

from pathlib import Path

from appealkit.errors import AppealInputError

BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".po", ".pot", ".tmx")


def is_bilingual(path: Path) -> bool:
    return path.suffix.lower() in BILINGUAL_SUFFIXES


def read_bilingual(path: Path | str, lang: str | None = None):
    """The file's units, as one ``BilingualFile`` per target language (TMX may hold both zh and ko)."""
    from appealkit.formats.units import BilingualFile

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AppealInputError(f"cannot read: {exc.strerror or exc}", path) from None
    suffix = path.suffix.lower()
    files: list[BilingualFile]
    if suffix == ".tmx":
        from appealkit.formats.tmx_read import read_tmx

        files = read_tmx(path, data, lang)
    elif suffix in (".po", ".pot"):
        from appealkit.formats.po import read_po

        files = [read_po(path, data)]
    else:
        from appealkit.formats.xliff import read_xliff

        files = [read_xliff(path, data)]
    if lang:
        for found in files:
            found.target_lang = lang
    return files
