"""Import a post-edited XLIFF back into the letter: ``zh.md`` / ``ko.md`` rewritten (front matter kept),
edited units stored in the translation memory as human edits, and the result checked.

Safety, in this order:
- an XLIFF whose English no longer matches the letter is refused, naming the paragraphs that changed;
- a paragraph edited both in the Markdown (since the export) and in the XLIFF is a conflict: refused unless
  ``force``, and then the Markdown is backed up first; a paragraph edited only in the Markdown keeps that edit;
- the translation is written atomically, ``source_sha256`` updated only when the English is unchanged.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from appealkit.cat_export import current_translations, resolve_letter
from appealkit.checker import PairResult, check_letters
from appealkit.errors import AppealInputError
from appealkit.formats.units import BilingualFile, Unit
from appealkit.glossary import Glossary
from appealkit.letters import Letter, load_letter, parse_letter
from appealkit.memory import TranslationMemory, segment_hash
from appealkit.textio import atomic_write
from appealkit.translation import HASH_LENGTH, SENTENCE_JOINER, backup_file

FINAL_STATES = ("final", "signed-off")  # XLIFF 1.2 and 2.x states of an approved translation


@dataclass
class ParagraphImport:
    number: int  # 1-based, as in the XLIFF's data
    text: str  # what the translation now says
    edited: bool  # the translator changed it in the XLIFF
    final: bool  # every unit of it is final (signed off)
    kept_markdown: bool = False  # edited in the Markdown since the export, untouched in the XLIFF: kept


@dataclass
class ImportOutcome:
    xliff: Path
    source: Path
    target: Path
    lang: str
    paragraphs: list[ParagraphImport]
    source_unchanged: bool
    status: str
    result: PairResult  # the check of the written translation
    backup: Path | None = None
    conflicts: list[int] = field(default_factory=list)

    @property
    def edited(self) -> list[int]:
        return [p.number for p in self.paragraphs if p.edited]


def _excerpt(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _by_paragraph(bilingual: BilingualFile) -> dict[int, list[Unit]]:
    grouped: dict[int, list[Unit]] = {}
    for unit in bilingual.units:
        number = unit.meta.get("paragraph", "")
        if not number.isdigit():
            raise AppealInputError(
                f"unit {unit.id} carries no appealkit paragraph data: import reads XLIFF written by 'appeal export'",
                bilingual.path,
                unit.line,
            )
        grouped.setdefault(int(number), []).append(unit)
    if not grouped:
        raise AppealInputError("no units to import", bilingual.path)
    return grouped


def changed_paragraphs(source: Letter, grouped: dict[int, list[Unit]]) -> list[str]:
    """The English paragraphs that differ from those the XLIFF was exported from, described for the user."""
    changes = []
    for number, units in sorted(grouped.items()):
        recorded = units[0].meta.get("source-sha256", "")
        if number > len(source.paragraphs):
            changes.append(f"paragraph {number} removed")
        elif segment_hash(source.paragraphs[number - 1].text) != recorded:
            changes.append(f"paragraph {number} changed ('{_excerpt(source.paragraphs[number - 1].text)}')")
    changes += [
        f"paragraph {p.index + 1} added ('{_excerpt(p.text)}')" for p in source.paragraphs if p.index + 1 not in grouped
    ]
    return changes


def _translated(unit: Unit) -> bool:
    """A target with text that is not a copy of the English (a source-copy export left untranslated)."""
    return bool(unit.target.strip()) and " ".join(unit.target.split()) != " ".join(unit.source.split())


def _merge(number: int, units: list[Unit], markdown: str | None, lang: str) -> tuple[ParagraphImport, bool]:
    """The paragraph's new text, and whether it is a conflict (edited in both the Markdown and the XLIFF)."""
    exported = units[0].meta.get("target-sha256", "")
    targets = [u.target.strip() for u in units if _translated(u)]
    joiner = SENTENCE_JOINER[lang] if len(units) > 1 else ""
    from_xliff = joiner.join(targets) if targets else None
    final = all(u.state in FINAL_STATES for u in units)
    markdown_edited = markdown is not None and (segment_hash(markdown) if markdown else "") != exported
    if from_xliff is not None and segment_hash(from_xliff) != exported:  # the translator edited it
        conflict = markdown_edited and segment_hash(markdown or "") != segment_hash(from_xliff)
        return ParagraphImport(number, from_xliff, True, final), conflict
    if markdown is not None:
        return ParagraphImport(number, markdown, False, final, kept_markdown=markdown_edited), False
    return ParagraphImport(number, from_xliff or "", False, final), False


def _front_matter(
    existing: Letter | None, source: Letter, lang: str, paragraphs: list[ParagraphImport], source_unchanged: bool
) -> dict[str, object]:
    meta: dict[str, object] = dict(existing.meta) if existing else {"lang": lang}
    if source_unchanged:
        meta["source_sha256"] = source.body_sha256
    written = [p for p in paragraphs if p.text]
    approved = len(written) == len(source.paragraphs) and all(p.final for p in written)
    meta["status"] = "approved" if approved else "draft"
    # ``segments`` is appeal translate's record of each paragraph's origin: kept up to date where the file has
    # it (or is new); a hand-made translation without it stays protected from appeal translate.
    previous = meta.get("segments")
    records: list[object] = previous if isinstance(previous, list) else []
    if existing is not None and len(records) != len(written):
        meta.pop("segments", None)
        return meta
    origins = [str(r.get("origin", "")) if isinstance(r, dict) else "" for r in records or [{}] * len(written)]
    meta["segments"] = [
        {
            "src": segment_hash(source.paragraphs[p.number - 1].text)[:HASH_LENGTH],
            "origin": "edited" if p.edited or p.kept_markdown or not origin else origin,
        }
        for p, origin in zip(written, origins)
    ]
    return meta


def import_xliff(
    path: Path, glossary: Glossary, memory: TranslationMemory, letter: Path | None = None, force: bool = False
) -> ImportOutcome:
    from appealkit.formats import read_bilingual

    (bilingual,) = read_bilingual(path)
    lang = bilingual.target_lang
    if lang not in ("zh", "ko"):
        raise AppealInputError(f"cannot import target language '{lang or 'unknown'}': zh or ko", path)
    grouped = _by_paragraph(bilingual)
    original = bilingual.meta.get("original", "")
    source_path = resolve_letter(letter if letter else Path(os.path.normpath(path.parent / original)))
    source = load_letter(source_path)
    changes = changed_paragraphs(source, grouped)
    if changes:
        raise AppealInputError(
            f"the English of {source_path} changed since this file was exported: "
            f"{'; '.join(changes)}. Export it again (appeal export)",
            path,
        )
    target_path = source_path.with_name(f"{lang}.md")
    existing = load_letter(target_path) if target_path.is_file() else None
    markdown = (
        [t.text for t in current_translations(source, target_path, lang, glossary, None)]
        if existing
        else [None] * len(source.paragraphs)
    )
    merged = [_merge(n, grouped[n], markdown[n - 1], lang) for n in sorted(grouped)]
    paragraphs = [p for p, _ in merged]
    conflicts = [p.number for p, conflict in merged if conflict]
    if conflicts and not force:
        raise AppealInputError(
            f"paragraph(s) {', '.join(map(str, conflicts))} were edited both in {target_path} "
            "(since the export) and in this file: merge by hand, or --force to take this file's "
            "text (a backup of the Markdown is kept)",
            path,
        )
    source_unchanged = grouped[min(grouped)][0].meta.get("letter-sha256") == source.body_sha256
    meta = _front_matter(existing, source, lang, paragraphs, source_unchanged)
    body = "\n\n".join(p.text for p in paragraphs if p.text)
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n"
    parse_letter(text, target_path)  # never write a file that cannot be read back
    backup = backup_file(target_path) if conflicts and existing else None
    if existing is None or (meta, body.strip()) != (existing.meta, existing.body.strip()):
        atomic_write(target_path, text)  # an import that changes nothing leaves the file as it was
    for p in paragraphs:
        if p.edited:
            memory.store_human(
                source.paragraphs[p.number - 1].text, lang, p.text, "approved" if p.final else "post-edited"
            )
    result = check_letters(source, load_letter(target_path), glossary, lang)
    status = str(meta["status"])
    return ImportOutcome(
        path, source_path, target_path, lang, paragraphs, source_unchanged, status, result, backup, conflicts
    )
