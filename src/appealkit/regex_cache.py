"""Compiled regular expressions kept between runs, like Python's ``__pycache__`` for modules.

The recognisers compile a few hundred patterns at import and first use, some of them large alternations and
character classes (the polarity cue classes, the Korean numeral tokens, the date patterns): about 40–70 ms of
every ``appeal check``, as much as the rest of its start-up. ``preload()`` (called when appealkit is imported)
builds the patterns a previous run compiled from the engine code it stored, in about a millisecond, and puts
them in the ``re`` module's own cache, so every ``re.compile`` of appealkit (and of the libraries it imports)
returns them without compiling. At exit, the patterns compiled afresh are added to the store.

The store is one file per Python build in appealkit.data_cache's folder (``APPEAL_DATA_CACHE=off`` turns it
off), named by the SHA-256 of Python's version and the regex engine's ``MAGIC`` and ``CODESIZE``: the engine
code of one Python is never given to another. Entries are found by the pattern's text and flags; the file
holds the SHA-256 of its payload and is replaced atomically (data_cache.write_entry); a missing, torn or
foreign file is ignored. This relies on CPython's ``re`` internals (``_sre.compile``, ``re._parser``,
``re._compiler``, ``re._cache``): where they differ, nothing is preloaded and ``re`` compiles as always.
"""

from __future__ import annotations

import atexit
import re
import sys
from array import array
from pathlib import Path
from typing import Any

FORMAT = 2  # 2: engine code stored as machine words (bytes), read back at C speed
# A store that would grow past what ``re`` caches keeps only this run's patterns (patterns built from the text,
# such as the polarity prefilter's, vary from run to run).
MAX_ENTRIES = getattr(re, "_MAXCACHE", 512)

try:  # the engine's own constructor and code generator (CPython's re internals)
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _RE_CACHE: dict[Any, Any] | None = re._cache if isinstance(getattr(re, "_cache", None), dict) else None  # type: ignore[attr-defined]
    _ENGINE: str | None = f"{FORMAT}\x1f{sys.version}\x1f{_sre.MAGIC}\x1f{_sre.CODESIZE}"
    _WORD = next(code for code in "IL" if array(code).itemsize == _sre.CODESIZE)  # the engine's code unit
except (ImportError, AttributeError, StopIteration):
    _RE_CACHE = _ENGINE = None
    _WORD = "I"

# What the engine is given for a (pattern, flags): flags, engine code (as bytes of CODESIZE words), groups,
# group index.
Entry = tuple[int, bytes, int, dict[str, int]]
_stored: dict[tuple[str, int], Entry] = {}
_preloaded: dict[tuple[str, int], re.Pattern[str]] = {}


def store_path() -> Path | None:
    from appealkit import data_cache

    if _ENGINE is None or _RE_CACHE is None:
        return None
    return data_cache.store_path("regex", _ENGINE, ".sre")


def preload() -> int:
    """Put the stored patterns in ``re``'s cache; the number preloaded. Registers ``save`` for the exit."""
    path = store_path()
    if path is None or _RE_CACHE is None:
        return 0
    _stored.update(_read(path))
    room = MAX_ENTRIES - len(_RE_CACHE)
    for (pattern, flags), entry in list(_stored.items())[: max(0, room)]:
        try:
            built = _build(pattern, entry)
        except (RuntimeError, TypeError, ValueError):  # code this engine refuses: let re compile it
            continue
        _RE_CACHE[str, pattern, flags] = _preloaded[pattern, flags] = built
    atexit.register(save)
    return len(_preloaded)


def code_of(pattern: str, flags: int = 0) -> Entry:
    """What ``re._compiler.compile`` computes before it calls the engine."""
    parsed = _parser.parse(pattern, flags)
    code = array(_WORD, _compiler._code(parsed, flags)).tobytes()
    return flags | parsed.state.flags, code, parsed.state.groups - 1, dict(parsed.state.groupdict)


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    flags, words, groups, groupindex = entry
    code = array(_WORD)
    code.frombytes(words)
    indexgroup: list[str | None] = [None] * (groups + 1)
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(pattern, flags, code.tolist(), groups, groupindex, tuple(indexgroup))


def _read(path: Path) -> dict[tuple[str, int], Entry]:
    from appealkit.data_cache import read_entry

    found = read_entry(path)
    try:
        stored: Any = found[0] if found else {}
        return {(pattern, flags): tuple(entry) for (pattern, flags), entry in stored.items()}
    except (TypeError, ValueError, AttributeError):  # a file of another layout: start afresh
        return {}


def compiled_afresh() -> list[tuple[str, int]]:
    """The str patterns in ``re``'s cache that this run compiled itself (not preloaded, not stored)."""
    if _RE_CACHE is None:
        return []
    return [
        (pattern, int(flags))
        for kind, pattern, flags in list(_RE_CACHE)
        if kind is str and (pattern, int(flags)) not in _stored
    ]


def save() -> None:
    """Add this run's new patterns to the store (atomically; silent when the folder is not writable)."""
    path = store_path()
    new = compiled_afresh()
    if path is None or not new:
        return
    from appealkit.data_cache import write_entry

    entries = {**_read(path), **_stored}
    if len(entries) + len(new) > MAX_ENTRIES:
        in_use = {(pattern, int(flags)) for kind, pattern, flags in list(_RE_CACHE or ()) if kind is str}
        entries = {key: entry for key, entry in entries.items() if key in in_use}
    for key in new:
        try:
            entries[key] = code_of(*key)
        except (re.error, RecursionError):
            continue
    _stored.update(entries)
    write_entry(path, {key: list(entry) for key, entry in entries.items()})  # marshal: lists, bytes, dicts
