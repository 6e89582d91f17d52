"""The translation pipeline: segment, look up the memory, protect facts, decode, restore, write, check.

Human edits are sacred: a paragraph a translator changed is kept verbatim on every re-run, and a file
that was not written by this pipeline (or whose structure a translator changed) is never replaced
without ``force``, and then only after a backup.
"""

from __future__ import annotations

import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import yaml

from appealkit.engines import Engine
from appealkit.errors import AppealInputError
from appealkit.glossary import Glossary
from appealkit.letters import Letter, load_letter
from appealkit.memory import TranslationMemory, segment_hash
from appealkit.protection import protect, restore
from appealkit.segmentation import split_sentences
from appealkit.textio import atomic_write

# Markdown line prefixes kept as they are: headings, list bullets, quotes.
_LINE_PREFIX = re.compile(r"^(\s*(?:#{1,6}\s+|[-*+]\s+|>\s*|\d+[.)]\s+)?)(.*)$")
SENTENCE_JOINER = {"zh": "", "ko": " "}
HASH_LENGTH = 16


@dataclass
class SegmentOutcome:
    index: int
    source: str
    target: str
    origin: str  # machine | memory | edited | human-memory
    terms: list[str] = field(default_factory=list)
    needs_review: bool = False


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


def _previous_segments(existing: Letter | None, memory: TranslationMemory, lang: str) -> dict[str, tuple[str, bool]]:
    """Map source hash → (existing paragraph text, edited by a human?) from a file this pipeline wrote."""
    if existing is None:
        return {}
    recorded = existing.meta.get("segments")
    if not isinstance(recorded, list) or len(recorded) != len(existing.paragraphs):
        raise AppealInputError(
            "existing translation was not written by 'appeal translate' or its paragraphs were merged or split; "
            "refusing to overwrite human work (use --force: a backup is kept)", existing.path)
    previous: dict[str, tuple[str, bool]] = {}
    for record, paragraph in zip(recorded, existing.paragraphs):
        source_hash = str(record.get("src", "")) if isinstance(record, dict) else str(record)
        machine = memory.machine_by_prefix(source_hash, lang)
        edited = machine is None or machine.strip() != paragraph.text.strip()
        previous[source_hash] = (paragraph.text, edited)
    return previous


def _units(index: int, paragraph: str) -> list[_Unit]:
    units = []
    for line in paragraph.split("\n"):
        prefix, content = _LINE_PREFIX.match(line).groups()  # type: ignore[union-attr]
        units.append(_Unit(index, prefix, [s.text for s in split_sentences(content)] or [content]))
    return units


def _decode(units: list[_Unit], engine: Engine, glossary: Glossary, lang: str, n_best: int,
            progress: Callable[[int], None]) -> dict[int, SegmentOutcome]:
    """Protect every sentence, decode them all in one batch call, restore, and rebuild paragraphs."""
    protected = [protect(sentence, glossary, lang) for unit in units for sentence in unit.sentences]
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
            result = restore(segment, nbest, lang)
            parts.append(result.text)
            outcome.needs_review |= result.needs_review
            outcome.terms += [i.entry_id for i in segment.items if i.entry_id and i.entry_id not in outcome.terms]
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
) -> TranslationOutcome:
    """Translate one letter into one language; ``progress(n)`` is told as n more paragraphs are done."""
    started = time.perf_counter()
    source = load_letter(source_path)
    if source.status not in (None, "approved"):
        raise AppealInputError(f"source status is '{source.status}', only approved letters are translated", source_path)
    target_path = target_path_for(source_path, lang, out_dir)
    existing = load_letter(target_path) if target_path.exists() else None
    backup = None
    if existing is not None and force:
        backup = _backup(target_path)
        previous: dict[str, tuple[str, bool]] = {}
    else:
        previous = _previous_segments(existing, memory, lang)

    current = {segment_hash(p.text)[:HASH_LENGTH] for p in source.paragraphs}
    orphaned_edits = [key for key, (_, edited) in previous.items() if edited and key not in current]
    if orphaned_edits and existing is not None and backup is None:
        backup = _backup(target_path)  # an edited paragraph's English changed: keep the edit on disk
    for key in orphaned_edits:
        memory.store_human_by_prefix(key, lang, previous[key][0])

    outcomes: dict[int, SegmentOutcome] = {}
    pending: list[_Unit] = []
    for paragraph in source.paragraphs:
        key = segment_hash(paragraph.text)
        kept = previous.get(key[:HASH_LENGTH])
        remembered = memory.get(paragraph.text, lang)
        if kept is not None:
            text, edited = kept
            if edited:
                memory.store_human(paragraph.text, lang, text)
            outcomes[paragraph.index] = SegmentOutcome(paragraph.index, paragraph.text, text, "edited" if edited else "memory")
        elif remembered is not None and remembered.best and not (force and remembered.human):
            origin = "human-memory" if remembered.human else "memory"
            outcomes[paragraph.index] = SegmentOutcome(paragraph.index, paragraph.text, remembered.best, origin)
        else:
            pending += _units(paragraph.index, paragraph.text)
            continue
        progress(1)

    engine_loaded = bool(pending)
    if pending:
        engine = engine_factory()
        decoded = _decode(pending, engine, glossary, lang, n_best, progress)
        for index, outcome in decoded.items():
            outcome.source = source.paragraphs[index].text
            memory.store_machine(outcome.source, lang, outcome.target, engine.name)
        outcomes.update(decoded)
        provenance = engine.describe(lang)
    else:
        provenance = {k: str(v) for k, v in (existing.meta if existing else {}).items()
                      if k in ("engine", "model", "model_version")}

    segments = [outcomes[i] for i in sorted(outcomes)]
    meta = _front_matter(source, lang, provenance, glossary, segments)
    body = "\n\n".join(s.target for s in segments)
    atomic_write(target_path, "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n")
    return TranslationOutcome(source_path, target_path, lang, segments, backup, engine_loaded,
                              time.perf_counter() - started)


def _backup(path: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    backup = path.with_name(f"{path.name}.{stamp}.bak")
    counter = 1
    while backup.exists():
        backup = path.with_name(f"{path.name}.{stamp}-{counter}.bak")
        counter += 1
    shutil.copy2(path, backup)
    return backup


def _front_matter(source: Letter, lang: str, provenance: dict[str, str], glossary: Glossary,
                  segments: Iterable[SegmentOutcome]) -> dict[str, object]:
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
        {"src": segment_hash(s.source)[:HASH_LENGTH], "origin": s.origin,
         **({"terms": s.terms} if s.terms else {}), **({"review": True} if s.needs_review else {})}
        for s in segments
    ]
    return meta
