"""Export a letter for post-editing in a CAT tool: one XLIFF unit per English paragraph (or one segment per
sentence), the current translation or the MT draft as target with its state, what each unit must keep as
notes, and the hashes that let ``appeal import`` detect a stale file or a translation edited meanwhile."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from appealkit.errors import AppealInputError
from appealkit.formats.xliff_write import ExportUnit, Segment, write_xliff
from appealkit.glossary import Glossary
from appealkit.letters import Letter, load_letter
from appealkit.memory import TranslationMemory, segment_hash
from appealkit.protection import protect
from appealkit.segmentation import split_sentences
from appealkit.textio import atomic_write_bytes

SEGMENTATIONS = ("paragraph", "sentence")
# What an exported target holds: the current translation, or a copy of the English for tools that translate
# the <target> in place (OmegaT 3's XLIFF filter), which then take the translations from the memory (TMX).
PREFILLS = ("translation", "source")
MACHINE_ORIGINS = ("machine", "memory")  # translation.py's origins of an unedited MT paragraph
_ZH_SENTENCE_END = re.compile(r"(?<=[。！？])")


@dataclass(frozen=True)
class CurrentTranslation:
    """What the letter's translation holds for one English paragraph, and how far along it is."""

    text: str
    state: str  # new | machine | translated | final


def resolve_letter(path: Path) -> Path:
    """A letter folder or its en.md → the en.md."""
    source = path / "en.md" if path.is_dir() else path
    if not source.is_file():
        raise AppealInputError("no en.md here: give a letter folder or its en.md", path)
    return source


def current_translations(
    source: Letter, target_path: Path, lang: str, glossary: Glossary, memory: TranslationMemory | None
) -> list[CurrentTranslation]:
    """Per English paragraph: the aligned paragraphs of the existing translation, else the memory's."""
    if target_path.is_file():
        return _from_letter(source, load_letter(target_path), lang, glossary)
    found = []
    for paragraph in source.paragraphs:
        entry = memory.get(paragraph.text, lang) if memory else None
        if entry and entry.human:
            found.append(CurrentTranslation(entry.human, "translated"))
        elif entry and entry.machine:
            found.append(CurrentTranslation(entry.machine, "machine"))
        else:
            found.append(CurrentTranslation("", "new"))
    return found


def _from_letter(source: Letter, target: Letter, lang: str, glossary: Glossary) -> list[CurrentTranslation]:
    from appealkit.checker import build_context

    origins = _origins(target)
    approved = target.status == "approved"
    found = [CurrentTranslation("", "new") for _ in source.paragraphs]
    for bead in build_context(source, target, lang, glossary).beads:
        if not bead.source or not bead.target:
            continue
        text = "\n\n".join(target.paragraphs[j].text for j in bead.target)
        machine = all(origins.get(j) in MACHINE_ORIGINS for j in bead.target)
        state = "final" if approved else "machine" if machine else "translated"
        found[bead.source[0]] = CurrentTranslation(text, state)  # a merged paragraph goes to the first unit
    return found


def _origins(target: Letter) -> dict[int, str]:
    """Paragraph → origin recorded by ``appeal translate`` (machine, memory, edited, human-memory)."""
    records = target.meta.get("segments")
    if not isinstance(records, list) or len(records) != len(target.paragraphs):
        return {}
    return {j: str(r.get("origin", "")) for j, r in enumerate(records) if isinstance(r, dict)}


def fact_notes(text: str, glossary: Glossary, lang: str) -> list[str]:
    """What the checker will look for in this English text, and how the translation must render it."""
    lines = []
    for item in protect(text, glossary, lang).items:
        line = f"{item.kind}: {item.source} → {item.target}"
        entry = glossary.by_id.get(item.entry_id) if item.entry_id else None
        rendering = entry.rendering(lang) if entry else None
        if rendering and rendering.forbidden:
            line += f" (never {', '.join(rendering.forbidden)})"
        lines.append(line)
    return ["appealkit: keep these facts\n" + "\n".join(lines)] if lines else []


def split_translation(text: str, lang: str) -> list[str]:
    if lang == "zh":
        return [s.strip() for s in _ZH_SENTENCE_END.split(text) if s.strip()]
    return [s.text for s in split_sentences(text)]


def _segments(
    text: str, current: CurrentTranslation, lang: str, glossary: Glossary, by_sentence: bool
) -> tuple[list[Segment], list[str]]:
    """The unit's segments and its unit-wide notes."""
    if not by_sentence:
        return [Segment("", text, current.text, current.state, fact_notes(text, glossary, lang))], []
    sentences = [s.text for s in split_sentences(text)] or [text]
    targets = split_translation(current.text, lang)
    paired = len(targets) == len(sentences)
    segments = [
        Segment(
            f"s{k}",
            sentence,
            targets[k - 1] if paired else "",
            current.state if paired else "new",
            fact_notes(sentence, glossary, lang),
        )
        for k, sentence in enumerate(sentences, start=1)
    ]
    notes = (
        []
        if paired or not current.text
        else [
            "appealkit: the current translation of this paragraph does not split into the same sentences; it is "
            f"kept unless you translate the segments:\n{current.text}"
        ]
    )
    return segments, notes


def export_units(
    source: Letter,
    translations: list[CurrentTranslation],
    lang: str,
    glossary: Glossary,
    by_sentence: bool = False,
    prefill: str = "translation",
) -> list[ExportUnit]:
    units = []
    for paragraph, current in zip(source.paragraphs, translations):
        segments, notes = _segments(paragraph.text, current, lang, glossary, by_sentence)
        if prefill == "source":
            for segment in segments:
                segment.target, segment.state = segment.source, "source-copy"
        data = {
            "paragraph": str(paragraph.index + 1),
            "source-sha256": segment_hash(paragraph.text),
            "target-sha256": segment_hash(current.text) if current.text else "",
            "letter-sha256": source.body_sha256,
        }
        units.append(ExportUnit(f"p{paragraph.index + 1}", segments, notes, data))
    return units


def output_paths(source: Path, langs: list[str], output: str | Path | None) -> dict[str, Path]:
    """Beside the letter (<slug>/zh.xlf) by default. ``-o`` names a directory (<dir>/<slug>.zh.xlf) when it is
    one, ends with a slash or several languages are exported; otherwise the file for the one language."""
    if output is None:
        return {lang: source.with_name(f"{lang}.xlf") for lang in langs}
    raw, path = str(output), Path(output)
    if len(langs) > 1 or path.is_dir() or raw.endswith(("/", "\\")):
        return {lang: path / f"{source.parent.name}.{lang}.xlf" for lang in langs}
    return {langs[0]: path}


def export_letter(
    letter: Path,
    langs: list[str],
    glossary: Glossary,
    memory: TranslationMemory | None = None,
    version: str = "1.2",
    segmentation: str = "paragraph",
    output: str | Path | None = None,
    prefill: str = "translation",
) -> dict[str, Path]:
    """Write one XLIFF per language; returns language → file written."""
    source_path = resolve_letter(letter)
    source = load_letter(source_path)
    if not source.paragraphs:
        raise AppealInputError("no paragraphs to export", source_path)
    written = {}
    for lang, path in output_paths(source_path, langs, output).items():
        translations = current_translations(source, source_path.with_name(f"{lang}.md"), lang, glossary, memory)
        units = export_units(source, translations, lang, glossary, segmentation == "sentence", prefill)
        original = Path(_relative(source_path, path.parent)).as_posix()
        atomic_write_bytes(path, write_xliff(units, version, lang, original))
        written[lang] = path
    return written


def _relative(target: Path, start: Path) -> str:
    import os

    return os.path.relpath(target.resolve(), start.resolve())
