"""Parsed copies of YAML data files, so that a file unchanged since the last run is not parsed again.

Like Python's ``__pycache__``: a derived copy of an input, never a source of findings. The glossary (170 KB of
YAML: 28 ms to parse with libyaml, 1 ms to read back) and the polarity lexicon are read through it; what is
stored is exactly what the safe loader returned (``marshal``: dicts, lists, strings, numbers, with the
``__lines__`` that file:line messages use), so validation and every message run on the same data as before.
``appeal check --no-cache`` is about the result cache (``.appeal/cache``): it checks every pair again, and
still reads parsed data files from here. Other derived data use the same entries through ``recall`` and
``remember`` (a clean glossary ready to match: appealkit.glossary_store), and the same folder holds the stores
of compiled code (``store_path``: appealkit.regex_cache, appealkit.dataclass_cache).

An entry is addressed by the SHA-256 of: ``FORMAT``, the kind of parse, PyYAML as installed and the modules
that define the parse (size and modification time of each file), Python's version, and the text. It holds the
SHA-256 of its payload then the payload; a missing, torn or corrupt entry is a miss and the text is parsed.
Entries are written to a temporary file and renamed into place (concurrent runs see a whole entry or none); a
folder that cannot be written is skipped silently. Texts under ``MIN_CHARS`` (parsed in well under a
millisecond) and data marshal cannot hold (YAML timestamps) are not stored. Writing an entry removes the oldest
beyond ``MAX_ENTRIES``.

Where: ``$APPEAL_DATA_CACHE`` (a folder; ``off`` turns the cache off), else ``$XDG_CACHE_HOME/appealkit/data``,
else ``~/.cache/appealkit/data``.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = 1  # bump when what a parse returns changes (yamlsafe's __lines__ layout)
MIN_CHARS = 4096
MAX_ENTRIES = 256
SUFFIX = ".marshal"
_DIGEST_SIZE = 32


def cache_dir() -> Path | None:
    """The folder of the entries, or None when the cache is off."""
    configured = os.environ.get("APPEAL_DATA_CACHE")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no", "false") else Path(configured)
    home = os.path.expanduser("~")
    base = os.environ.get("XDG_CACHE_HOME") or (os.path.join(home, ".cache") if os.path.isabs(home) else None)
    return Path(base) / "appealkit" / "data" if base else None  # no home folder: no cache (never one in ./~)


def _file_identity(path: str | None) -> str:
    try:
        info = os.stat(path) if path else None
    except OSError:
        info = None
    return f"{info.st_size}:{info.st_mtime_ns}" if info else "none"


@functools.cache
def _parser_identity(parse_files: tuple[str | None, ...]) -> bytes:
    """PyYAML as installed (found without importing it: importing it is what a hit saves), the modules that
    define the parse (an edited loader never answers from an older one's entries) and Python's version."""
    spec = importlib.util.find_spec("yaml")
    yaml_id = _file_identity(spec.origin if spec else None)
    modules = "\x1f".join(_file_identity(path) for path in parse_files)
    return f"{FORMAT}\x1f{yaml_id}\x1f{modules}\x1f{sys.version}\x1f".encode()


def _source_file(parse: Callable[..., Any] | None) -> str | None:
    code = getattr(parse, "__code__", None)
    return code.co_filename if code else None


def entry_path(folder: Path, kind: str, text: str, parse: Callable[[str], Any] | None = None) -> Path:
    return _entry_path(folder, kind, text, (_source_file(parse),))


def _entry_path(folder: Path, kind: str, text: str, sources: tuple[str | None, ...]) -> Path:
    key = hashlib.sha256(_parser_identity(sources) + kind.encode() + b"\x1f" + text.encode("utf-8", "surrogatepass"))
    return folder / f"{key.hexdigest()}{SUFFIX}"


def cached_parse(text: str, kind: str, parse: Callable[[str], Any]) -> Any:
    """``parse(text)``, or the stored result of the same parse of the same text. ``kind`` names the parse
    (two parsers of one text must not share an entry). Errors of ``parse`` pass through; nothing is stored."""
    if len(text) < MIN_CHARS:
        return parse(text)
    sources = (_source_file(parse),)
    found = recall(kind, text, sources)
    if found is not None:
        return found[0]
    data = parse(text)
    remember(kind, text, sources, data)
    return data


def recall(kind: str, text: str, sources: tuple[str | None, ...]) -> tuple[Any] | None:
    """(data,) stored by ``remember`` for the same kind and text, computed by the same ``sources`` (the files
    of the modules that compute it: editing one is a miss), else None."""
    folder = cache_dir()
    return _read(_entry_path(folder, kind, text, sources)) if folder is not None else None


def remember(kind: str, text: str, sources: tuple[str | None, ...], data: Any) -> None:
    """Store ``data``, what ``sources`` computed from ``text``, for ``recall``."""
    folder = cache_dir()
    if folder is not None:
        _write(_entry_path(folder, kind, text, sources), data)


def _read(path: Path) -> tuple[Any] | None:
    """(data,) from a sound entry, else None."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    digest, payload = raw[:_DIGEST_SIZE], raw[_DIGEST_SIZE:]
    if len(digest) != _DIGEST_SIZE or hashlib.sha256(payload).digest() != digest:
        return None
    try:
        return (marshal.loads(payload),)
    except (EOFError, ValueError, TypeError):
        return None


def _write(path: Path, data: Any) -> None:
    import tempfile  # imported on a miss only: a hit need not (3 ms)

    try:
        payload = marshal.dumps(data)
    except ValueError:  # a type marshal cannot hold (datetime.date from a YAML timestamp)
        return
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=SUFFIX + ".part", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
        tmp = None
        _prune(path.parent)
    except OSError:
        pass  # a read-only or full disk: the next run parses again
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    """Keep the ``MAX_ENTRIES`` newest entries."""
    entries = []
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            entries.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    for _, path in sorted(entries, reverse=True)[MAX_ENTRIES:]:
        path.unlink(missing_ok=True)


def store_path(name: str, identity: str, suffix: str) -> Path | None:
    """The file of a store that a module keeps across runs in this folder (regex_cache, dataclass_cache), one
    per ``identity``: what one Python build compiled is never read by another. None when the cache is off."""
    folder = cache_dir()
    return folder / f"{name}-{hashlib.sha256(identity.encode()).hexdigest()[:32]}{suffix}" if folder else None


def read_entry(path: Path) -> tuple[Any] | None:
    """(data,) from a sound entry file written by ``write_entry``, else None (for stores of other modules)."""
    return _read(path)


def write_entry(path: Path, data: Any) -> None:
    """Write an entry file atomically, with its payload's digest; silent when the folder is not writable."""
    _write(path, data)
