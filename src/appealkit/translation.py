"""The translation pipeline: segment, look up the memory, protect facts, decode, restore, write, check.

Human edits are sacred: a paragraph a translator changed is kept verbatim on every re-run, and a file
that was not written by this pipeline (or whose structure a translator changed) is never replaced
without ``force``, and then only after a backup.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from appealkit.engines import Engine
from appealkit.errors import AppealInputError
from appealkit.glossary import Glossary
from appealkit.letters import LANGUAGE_NAMES, Letter, load_letter, split_paragraphs, written_language
from appealkit.memory import MemoryEntry, TranslationMemory, memory_lang, segment_hash
from appealkit.protection import MAX_PLACEHOLDER_SHARE, ProtectedSegment, protect, restore, terms_in_paragraph
from appealkit.segmentation import split_sentences
from appealkit.textio import atomic_write, atomic_write_bytes

# Markdown line prefixes kept as they are: headings, list bullets, quotes.
_LINE_PREFIX = re.compile(r"^(\s*(?:#{1,6}\s+|[-*+]\s+|>\s*|\d+[.)]\s+)?)(.*)$")
SENTENCE_JOINER = {"zh": "", "ko": " "}
HASH_LENGTH = 16
PROVENANCE_KEYS = ("engine", "model", "model_version")
MACHINE_STATUSES = (None, "draft", "pseudo")  # any other status (approved...) was set by a person
# Front matter keys the pipeline writes; any other key in an existing file is a translator's and is kept.
PIPELINE_KEYS = frozenset(
    {"lang", "source_sha256", *PROVENANCE_KEYS, "glossary_version", "status", "pseudo", "segments"}
)


@dataclass
class SegmentOutcome:
    index: int
    source: str
    target: str
    origin: str  # machine | memory | edited | human-memory
    terms: list[str] = field(default_factory=list)
    needs_review: bool = False
    dense: list[str] = field(default_factory=list)  # sentences whose placeholder share stayed over the bound


@dataclass
class TranslationOutcome:
    source: Path
    target: Path
    lang: str
    segments: list[SegmentOutcome]
    backup: Path | None = None
    engine_loaded: bool = False
    seconds: float = 0.0

    @property
    def review(self) -> list[int]:
        return [s.index for s in self.segments if s.needs_review]

    @property
    def dense(self) -> list[tuple[int, str]]:
        """(paragraph, sentence) of every sentence decoded with more placeholders than the bound allows."""
        return [(s.index, sentence) for s in self.segments for sentence in s.dense]

    def count(self, origin: str) -> int:
        return sum(1 for s in self.segments if s.origin == origin)


@dataclass
class _Unit:
    """One line-level piece of a paragraph sent to the engine, split into sentences."""

    paragraph: int
    prefix: str
    sentences: list[str]


def target_path_for(source: Path, lang: str, out_dir: Path | None) -> Path:
    if out_dir is None:
        return source.with_name(f"{lang}.md")
    return out_dir / source.parent.name / f"{lang}.md"


def copy_source(source: Path, out_dir: Path) -> Path:
    """Put the English beside translations written under --out, so that ``appeal check DIR`` checks them
    (a translation without its en.md is an orphan). Rewritten only when the English differs."""
    copy = out_dir / source.parent.name / "en.md"
    data = source.read_bytes()
    if copy.resolve() != source.resolve() and (not copy.is_file() or copy.read_bytes() != data):
        atomic_write_bytes(copy, data)
    return copy


@dataclass
class _Kept:
    """A paragraph of the file this pipeline wrote last time, and whether a translator has edited it since."""

    text: str
    edited: bool
    entry: MemoryEntry | None


def _previous_segments(existing: Letter | None, memory: TranslationMemory, lang: str) -> dict[str, list[_Kept]]:
    """Map source hash → the file's paragraphs for it, in file order (an English paragraph can occur twice)."""
    if existing is None:
        return {}
    recorded = existing.meta.get("segments")
    if not isinstance(recorded, list) or len(recorded) != len(existing.paragraphs):
        raise AppealInputError(
            "existing translation was not written by 'appeal translate' or its paragraphs were merged or split; "
            "refusing to overwrite human work (use --force: a backup is kept)",
            existing.path,
        )
    previous: dict[str, list[_Kept]] = {}
    for record, paragraph in zip(recorded, existing.paragraphs):
        source_hash = str(record.get("src", "")) if isinstance(record, dict) else str(record)
        entry = memory.by_prefix(source_hash, lang)
        edited = entry is None or entry.machine is None or entry.machine.strip() != paragraph.text.strip()
        previous.setdefault(source_hash, []).append(_Kept(paragraph.text, edited, entry))
    machine = {k.entry.machine.strip() for kept in previous.values() for k in kept if k.entry and k.entry.machine}
    if any(k.edited and k.text.strip() in machine for kept in previous.values() for k in kept):
        # Another paragraph's machine output at this place: paragraphs were moved, not edited.
        raise AppealInputError(
            "paragraphs of the existing translation were moved; refusing to pair them with the wrong English "
            "(use --force: a backup is kept)",
            existing.path,
        )
    return previous


def _units(index: int, paragraph: str) -> list[_Unit]:
    units = []
    for line in paragraph.split("\n"):
        prefix, content = _LINE_PREFIX.match(line).groups()  # type: ignore[union-attr]
        units.append(_Unit(index, prefix, [s.text for s in split_sentences(content)] or [content]))
    return units


def protect_units(
    units: list[_Unit], paragraphs: dict[int, str], glossary: Glossary, lang: str, **options: Any
) -> list[ProtectedSegment]:
    """Every sentence of ``units``, protected, its glossary terms matched over its whole paragraph."""
    sentences: dict[int, list[str]] = {}
    for unit in units:
        sentences.setdefault(unit.paragraph, []).extend(unit.sentences)
    terms = {index: iter(terms_in_paragraph(paragraphs[index], found, glossary)) for index, found in sentences.items()}
    return [
        protect(sentence, glossary, lang, context_terms=next(terms[unit.paragraph]), **options)
        for unit in units
        for sentence in unit.sentences
    ]


def _decode(
    units: list[_Unit],
    paragraphs: dict[int, str],
    engine: Engine,
    glossary: Glossary,
    lang: str,
    n_best: int,
    progress: Callable[[int], None],
    max_share: float = MAX_PLACEHOLDER_SHARE,
) -> dict[int, SegmentOutcome]:
    """Protect every sentence, decode them all in one batch call, restore, and rebuild paragraphs."""
    protected = protect_units(units, paragraphs, glossary, lang, max_share=max_share)
    hypotheses = engine.translate_batch([p.text for p in protected], lang, n_best) if protected else []
    progress(len({unit.paragraph for unit in units}))
    restored = iter(zip(protected, hypotheses))
    outcomes: dict[int, SegmentOutcome] = {}
    lines: dict[int, list[str]] = {}
    for unit in units:
        parts = []
        outcome = outcomes.setdefault(unit.paragraph, SegmentOutcome(unit.paragraph, "", "", "machine"))
        for _ in unit.sentences:
            segment, nbest = next(restored)
            result = restore(segment, nbest, lang, glossary)
            parts.append(result.text)
            outcome.needs_review |= result.needs_review
            outcome.terms = list(dict.fromkeys(outcome.terms + segment.entry_ids))
            if segment.over_limit:
                outcome.dense.append(segment.source)
        lines.setdefault(unit.paragraph, []).append(unit.prefix + SENTENCE_JOINER[lang].join(parts))
    for index, outcome in outcomes.items():
        outcome.target = "\n".join(lines[index])
    return outcomes


def translate_letter(
    source_path: Path,
    lang: str,
    engine_factory: Callable[[], Engine],
    glossary: Glossary,
    memory: TranslationMemory,
    *,
    out_dir: Path | None = None,
    force: bool = False,
    n_best: int = 4,
    progress: Callable[[int], None] = lambda n: None,
    engine_name: str | None = None,
    max_share: float = MAX_PLACEHOLDER_SHARE,
) -> TranslationOutcome:
    """Translate one letter into one language; ``progress(n)`` is told as n more paragraphs are done.

    ``engine_name`` (the engine the factory makes) keeps pseudo output and real output apart in the memory.
    ``max_share`` bounds the share of a sentence's words that may be placeholders (``protection``).
    """
    started = time.perf_counter()
    source = load_letter(source_path)
    if source.status not in (None, "approved"):
        raise AppealInputError(f"source status is '{source.status}', only approved letters are translated", source_path)
    if not source.paragraphs:
        raise AppealInputError("no paragraphs to translate", source_path)
    written = written_language(source.body)
    if written not in (None, "en"):
        raise AppealInputError(
            f"the source is written in {LANGUAGE_NAMES[written]}, not English: appeal translate "
            "translates English letters",
            source_path,
        )
    if out_dir is not None:
        copy_source(source_path, out_dir)
    target_path = target_path_for(source_path, lang, out_dir)
    existing = load_letter(target_path) if target_path.exists() else None
    mem_lang = memory_lang(lang, engine_name)
    file_lang = memory_lang(lang, str(existing.meta.get("engine")) if existing else None)
    backup = backup_file(target_path) if existing is not None and force else None
    previous = {} if force else _previous_segments(existing, memory, file_lang)

    outcomes: dict[int, SegmentOutcome] = {}
    pending: list[_Unit] = []
    for paragraph in source.paragraphs:
        occurrences = previous.get(segment_hash(paragraph.text)[:HASH_LENGTH])
        kept = occurrences.pop(0) if occurrences else None
        remembered = memory.get(paragraph.text, mem_lang)
        if kept is not None and (kept.edited or file_lang == mem_lang):
            if kept.edited:
                memory.store_human(paragraph.text, mem_lang, kept.text)
            outcomes[paragraph.index] = _kept_outcome(paragraph.index, paragraph.text, kept)
        elif remembered is not None and remembered.best and not (force and remembered.human):
            outcomes[paragraph.index] = _remembered_outcome(paragraph.index, paragraph.text, remembered)
        else:
            pending += _units(paragraph.index, paragraph.text)
            continue
        progress(1)

    orphaned_edits = [(key, k.text) for key, left in previous.items() for k in left if k.edited]
    if orphaned_edits and backup is None:
        backup = backup_file(target_path)  # an edited paragraph's English changed: keep the edit on disk
    for key, text in orphaned_edits:
        memory.store_human_by_prefix(key, file_lang, text)

    engine_loaded = bool(pending)
    if pending:
        engine = engine_factory()
        paragraphs = {p.index: p.text for p in source.paragraphs}
        decoded = _decode(pending, paragraphs, engine, glossary, lang, n_best, progress, max_share)
        for index, outcome in decoded.items():
            outcome.source = source.paragraphs[index].text
            memory.store_machine(
                outcome.source, mem_lang, outcome.target, engine.name, outcome.terms, outcome.needs_review
            )
        outcomes.update(decoded)
        provenance = engine.describe(lang)
    else:
        provenance = _reused_provenance(existing if file_lang == mem_lang else None, engine_factory, lang)

    segments = [outcomes[i] for i in sorted(outcomes)]
    body = "\n\n".join(s.target for s in segments)
    meta = _front_matter(source, lang, provenance, glossary, segments)
    if existing is not None and not force:
        meta = _carry_over(existing, meta, body)
        if meta["status"] != existing.status and existing.status not in MACHINE_STATUSES and backup is None:
            backup = backup_file(target_path)  # the approved version is a translator's work too
    atomic_write(
        target_path, "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n"
    )
    return TranslationOutcome(
        source_path, target_path, lang, segments, backup, engine_loaded, time.perf_counter() - started
    )


def _reused_provenance(existing: Letter | None, engine_factory: Callable[[], Engine], lang: str) -> dict[str, str]:
    """Provenance when every paragraph was reused: the file's own, else the engine's (describing loads no model)."""
    if existing is not None and existing.meta.get("engine"):
        return {k: str(v) for k, v in existing.meta.items() if k in PROVENANCE_KEYS}
    return engine_factory().describe(lang)


def _kept_outcome(index: int, source: str, kept: _Kept) -> SegmentOutcome:
    if kept.edited:
        return SegmentOutcome(index, source, kept.text, "edited")
    entry = kept.entry
    return SegmentOutcome(
        index, source, kept.text, "memory", list(entry.terms) if entry else [], bool(entry and entry.review)
    )


def _remembered_outcome(index: int, source: str, entry: MemoryEntry) -> SegmentOutcome:
    if entry.human:
        return SegmentOutcome(index, source, entry.human, "human-memory")
    return SegmentOutcome(index, source, entry.machine or "", "memory", list(entry.terms), entry.review)


def _carry_over(existing: Letter, meta: dict[str, object], body: str) -> dict[str, object]:
    """Keep what a translator added to the front matter, and their status when the text did not change."""
    extra = {k: v for k, v in existing.meta.items() if k not in meta and k not in PIPELINE_KEYS}
    unchanged = [p.text for p in existing.paragraphs] == [p.text for p in split_paragraphs(body)]
    if unchanged and existing.status not in MACHINE_STATUSES and meta["status"] != "pseudo":
        meta = {**meta, "status": existing.status}
    return {**meta, **extra}


def backup_file(path: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    backup = path.with_name(f"{path.name}.{stamp}.bak")
    counter = 1
    while backup.exists():
        backup = path.with_name(f"{path.name}.{stamp}-{counter}.bak")
        counter += 1
    atomic_write_bytes(backup, path.read_bytes())  # an interrupted copy must not look like a backup
    return backup


def _front_matter(
    source: Letter, lang: str, provenance: dict[str, str], glossary: Glossary, segments: Iterable[SegmentOutcome]
) -> dict[str, object]:
    pseudo = provenance.get("engine") == "pseudo"
    meta: dict[str, object] = {
        "lang": lang,
        "source_sha256": source.body_sha256,
        **provenance,
        "glossary_version": glossary.version,
        "status": "pseudo" if pseudo else "draft",
    }
    if pseudo:
        meta["pseudo"] = True
    meta["segments"] = [
        {
            "src": segment_hash(s.source)[:HASH_LENGTH],
            "origin": s.origin,
            **({"terms": s.terms} if s.terms else {}),
            **({"review": True} if s.needs_review else {}),
        }
        for s in segments
    ]
    return meta
