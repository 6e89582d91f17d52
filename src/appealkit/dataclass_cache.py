"""The methods ``@dataclass`` generates, kept compiled between runs of ``appeal``, like ``__pycache__``.

For every class, ``@dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` (and,
when frozen, ``__setattr__`` and ``__delattr__``) and compiles it with ``exec``: on Python 3.11 the 61 classes
of a check cost about 20 ms of each ``appeal check``, more than loading the glossary. ``install()`` (called
by the command line; importing the library never installs it) gives the dataclasses module an ``exec`` that
takes the code of each source text from a store an earlier run wrote, and compiles only what is not there,
exactly as ``exec`` compiles a text (same file name, no ``__future__`` flags of this module). The functions
built are the same as without the store. At exit, this run's new code is added to the store.

The store is one file per Python build (its version and bytecode magic number) in appealkit.data_cache's
folder (``APPEAL_DATA_CACHE=off`` turns it off): marshal, with the SHA-256 of its payload, replaced
atomically. Like ``__pycache__``, the store is trusted: the digest catches a torn or corrupt file, not
tampering. Where dataclasses does not call ``exec`` with a source text (a later Python), nothing changes.
"""

from __future__ import annotations

import atexit
import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from appealkit.data_cache import read_entry, store_path, write_entry

FORMAT = 1
MAX_ENTRIES = 2048  # a store that would grow past this keeps only what this run used

_stored: dict[str, CodeType] = {}
_loaded: list[bool] = []  # the store is read at the first class, so ``appeal --help`` never reads it
_compiled: dict[str, CodeType] = {}  # compiled by this run
_used: set[str] = set()


def _store_path() -> Path | None:
    return store_path("dataclasses", f"{FORMAT}\x1f{sys.version}\x1f{importlib.util.MAGIC_NUMBER!r}", ".code")


def code_of(source: str) -> CodeType:
    """The code ``exec(source)`` runs: stored, else compiled now (and stored at exit)."""
    if not _loaded:
        path = _store_path()
        _stored.update(_read(path) if path is not None else {})
        _loaded.append(True)
    code = _stored.get(source) or _compiled.get(source)
    if code is None:
        code = _compiled[source] = compile(source, "<string>", "exec", dont_inherit=True)
    else:
        _used.add(source)
    return code


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None, /) -> None:
    exec(code_of(source) if isinstance(source, str) else source, globals, locals)  # the text dataclasses would run


def install() -> bool:
    """Make ``@dataclass`` compile through the store; False when the cache is off or already installed."""
    path = _store_path()
    if path is None or getattr(dataclasses, "exec", None) is _exec:
        return False
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # a module global shadows the builtin
    atexit.register(save)
    return True


def _read(path: Path) -> dict[str, CodeType]:
    found = read_entry(path)
    stored = found[0] if found else {}
    if not isinstance(stored, dict):
        return {}
    return {source: code for source, code in stored.items() if isinstance(source, str) and isinstance(code, CodeType)}


def save() -> None:
    """Add this run's new code to the store (atomically; silent when the folder is not writable)."""
    path = _store_path()
    if path is None or not _compiled:
        return
    entries = {**_read(path), **_stored, **_compiled}
    if len(entries) > MAX_ENTRIES:
        entries = {source: entries[source] for source in (*_used, *_compiled)}
    _stored.update(_compiled)
    _compiled.clear()
    write_entry(path, entries)
