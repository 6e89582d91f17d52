"""Discovery: what ``appeal check PATH`` finds under a tree. Every file is either checked or reported.

A letter folder holds ``en.md`` and its translations ``zh.md`` / ``ko.md``. Translation tools export the same
files under BCP 47 or POSIX names (``zh-Hans.md``, ``zh-CN.md``, ``zh_CN.md``, ``ko-KR.md``): these are the
same languages, so they are checked as zh / ko rather than making a team rename its exports. Tags of other
languages or scripts (``zh-Hant.md``, ``zh-TW.md``: Traditional Chinese, which the glossary does not cover)
are reported, not guessed at. A translation with no ``en.md`` beside it, and any other file, is reported
(``file-orphan-translation``, ``file-unknown``) unless an ignore glob matches it.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from appealkit.errors import AppealInputError
from appealkit.letters import LetterPair

SOURCE_NAME = "en.md"
TRANSLATION_LANGS = ("zh", "ko")
# Tags (case-insensitive, as BCP 47 says) that name a language the checker reads.
LANG_ALIASES = {
    "zh": "zh",
    "zh-hans": "zh",
    "zh-cn": "zh",
    "zh_cn": "zh",
    "zh-hans-cn": "zh",
    "zh-sg": "zh",
    "zh_sg": "zh",
    "ko": "ko",
    "ko-kr": "ko",
    "ko_kr": "ko",
}
_TRADITIONAL = re.compile(r"^zh[-_](hant|tw|hk|mo)\b", re.IGNORECASE)
# Backups written by ``appeal translate --force`` (zh.md.20261206T051500.bak): our own files, not letters.
_BACKUP = re.compile(r"\.md\.\d{8}T\d{6}(?:-\d+)?\.bak$")


@dataclass(frozen=True)
class TreeFile:
    """A file discovery saw. ``kind``: source (an en.md), translation (checked against its en.md),
    orphan (a translation with no en.md beside it) or unknown (anything else)."""

    path: Path
    kind: str
    lang: str | None = None
    hint: str = ""


@dataclass
class Discovery:
    pairs: list[LetterPair] = field(default_factory=list)
    files: list[TreeFile] = field(default_factory=list)


def translation_lang(name: str) -> str | None:
    """The language a translation's file name gives (``zh.md``, ``zh-Hans.md``, ``ko_KR.md``), else None."""
    path = Path(name)
    if path.suffix != ".md":
        return None
    return LANG_ALIASES.get(path.stem.lower())


def _relative(path: Path, base: Path) -> str | None:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError):
        return None


def ignored(path: Path, root: Path, patterns: Sequence[str], base: Path | None = None) -> bool:
    """As in .gitignore: a pattern without '/' matches any part of the path (a file or folder name); one with
    '/' matches the path relative to the checked folder, to ``base`` (the configuration file's folder) or as
    given, or a folder above it (``*`` crosses folders, as in fnmatch)."""
    if not patterns:
        return False  # nothing to match: no need to resolve the path (a system call per file)
    relative = [r for r in (_relative(path, root), _relative(path, base) if base else None, path.as_posix()) if r]
    parts = set(Path(relative[0]).parts)
    for raw in patterns:
        pattern = raw.strip("/")
        if "/" not in pattern:
            if any(fnmatch.fnmatchcase(part, pattern) for part in parts):
                return True
        elif any(fnmatch.fnmatchcase(r, pattern) or fnmatch.fnmatchcase(r, pattern + "/*") for r in relative):
            return True
    return False


def _hidden(path: Path, root: Path) -> bool:
    """Dot files and folders (.git, .appeal, an editor's swap file) and our own backups are not reported."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = path.parts
    return any(part.startswith(".") for part in parts) or bool(_BACKUP.search(path.name))


def unknown_hint(path: Path) -> str:
    """Why a file is not checked, and what to do about it."""
    stem, suffix = path.stem, path.suffix
    lower = stem.lower()
    if _TRADITIONAL.match(stem):
        return "Traditional Chinese is not checked (the glossary is Simplified Chinese): ignore it in the configuration"
    if lower in LANG_ALIASES or lower == "en":
        canonical = "en" if lower == "en" else LANG_ALIASES[lower]
        if suffix != ".md" or stem != lower or lower == "en":
            return f"letters are named {canonical}.md: rename it to have it checked"
    return "not a letter file (en.md, zh.md, ko.md): move it, or ignore it in the configuration"


def _orphan_hint(path: Path) -> str:
    near = sorted(
        p.name for p in path.parent.iterdir() if p.is_file() and p.stem.lower() == "en" and p.name != SOURCE_NAME
    )
    if near:
        return f"no {SOURCE_NAME} beside this translation (found {', '.join(near)}: rename it {SOURCE_NAME})"
    return f"no {SOURCE_NAME} beside this translation: nothing to check it against"


def _classify(path: Path, wanted: tuple[str, ...]) -> TreeFile:
    if path.name == SOURCE_NAME:
        return TreeFile(path, "source", "en")
    lang = translation_lang(path.name)
    if lang is None:
        return TreeFile(path, "unknown", None, unknown_hint(path))
    if lang not in wanted:
        return TreeFile(path, "skipped", lang)  # another language than --lang asked for: not this run's business
    if not (path.parent / SOURCE_NAME).is_file():
        return TreeFile(path, "orphan", lang, _orphan_hint(path))
    return TreeFile(path, "translation", lang)


def _tree_files(root: Path, patterns: Sequence[str], base: Path | None) -> list[Path]:
    return sorted(
        p for p in root.rglob("*") if p.is_file() and not _hidden(p, root) and not ignored(p, root, patterns, base)
    )


def discover(
    paths: Iterable[Path | str],
    langs: Iterable[str] = TRANSLATION_LANGS,
    ignore: Sequence[str] = (),
    base: Path | None = None,
) -> Discovery:
    """Classify every file under ``paths``: pairs to check, and files to report.

    A path may be a folder (searched recursively), an ``en.md`` (its translations) or a translation (checked
    against the ``en.md`` beside it, which must exist). ``ignore``: glob patterns of files neither checked nor
    reported (see ``ignored``; ``base`` is the folder patterns with '/' are relative to, besides the checked one).
    """
    wanted = tuple(langs)
    found: dict[Path, TreeFile] = {}
    for root in map(Path, paths):
        if not root.exists():
            raise AppealInputError("no such file or directory", root)
        if root.is_file():
            for item in _named_file(root, wanted):
                found.setdefault(item.path.resolve(), item)
            continue
        for path in _tree_files(root, ignore, base):
            item = _classify(path, wanted)
            if item.kind == "source":
                found.setdefault(path.resolve(), item)
                for sibling in _translations_of(path, wanted):
                    found.setdefault(sibling.path.resolve(), sibling)
            else:
                found.setdefault(path.resolve(), item)
    files = sorted((f for f in found.values() if f.kind != "skipped"), key=lambda f: str(f.path))
    pairs = [
        LetterPair(f.path.with_name(SOURCE_NAME), f.path, f.lang or "", f.path.parent.name)
        for f in files
        if f.kind == "translation"
    ]
    return Discovery(sorted(pairs, key=lambda p: (str(p.source), p.lang, str(p.target))), files)


def _translations_of(source: Path, wanted: tuple[str, ...]) -> list[TreeFile]:
    return [
        TreeFile(p, "translation", lang)
        for p in sorted(source.parent.iterdir())
        if p.is_file() and (lang := translation_lang(p.name)) in wanted
    ]


def _named_file(path: Path, wanted: tuple[str, ...]) -> list[TreeFile]:
    """A file named on the command line: an en.md stands for its translations; a translation needs its en.md."""
    if path.name == SOURCE_NAME:
        return [TreeFile(path, "source", "en"), *_translations_of(path, wanted)]
    lang = translation_lang(path.name)
    if lang is None:
        raise AppealInputError(
            "not a letter file (en.md, zh.md or ko.md); to check two files of any name, "
            "give both: appeal check SOURCE TARGET",
            path,
        )
    if not (path.parent / SOURCE_NAME).is_file():
        raise AppealInputError(f"no {SOURCE_NAME} beside this translation", path)
    return [TreeFile(path.parent / SOURCE_NAME, "source", "en"), TreeFile(path, "translation", lang)]
