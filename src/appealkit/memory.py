"""Translation memory in SQLite: per source segment (by hash) and language, the machine output and the
latest human (post-edited or approved) translation.

Concurrency: WAL journal, a busy timeout and short ``BEGIN IMMEDIATE`` transactions, so two
``appeal translate`` runs at once serialise their writes instead of corrupting the file.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = Path(".appeal") / "tm.sqlite"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS segments (
    source_hash  TEXT NOT NULL,
    lang         TEXT NOT NULL,
    source       TEXT NOT NULL,
    machine      TEXT,
    engine       TEXT,
    human        TEXT,
    human_status TEXT,
    updated_at   REAL NOT NULL,
    PRIMARY KEY (source_hash, lang)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def segment_hash(text: str) -> str:
    """Hash of a source segment, insensitive to surrounding and repeated whitespace."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class MemoryEntry:
    source_hash: str
    lang: str
    source: str
    machine: str | None
    engine: str | None
    human: str | None
    human_status: str | None

    @property
    def best(self) -> str | None:
        """What to reuse: the human translation when there is one, else the machine output."""
        return self.human or self.machine


class TranslationMemory:
    def __init__(self, path: Path | str = DEFAULT_PATH, timeout: float = 30.0):
        self.path = Path(path)
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        self._db.executescript(_SCHEMA)
        self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "TranslationMemory":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, source: str, lang: str) -> MemoryEntry | None:
        row = self._db.execute(
            "SELECT source_hash, lang, source, machine, engine, human, human_status FROM segments "
            "WHERE source_hash = ? AND lang = ?",
            (segment_hash(source), lang),
        ).fetchone()
        return MemoryEntry(*row) if row else None

    def _upsert(self, source: str, lang: str, column_values: dict[str, str | None]) -> None:
        columns = ", ".join(column_values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in column_values)
        marks = ", ".join("?" for _ in column_values)
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute(
                f"INSERT INTO segments (source_hash, lang, source, updated_at, {columns}) VALUES (?, ?, ?, ?, {marks}) "
                f"ON CONFLICT (source_hash, lang) DO UPDATE SET updated_at = excluded.updated_at, {updates}",
                (segment_hash(source), lang, source, time.time(), *column_values.values()),
            )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def store_machine(self, source: str, lang: str, machine: str, engine: str) -> None:
        self._upsert(source, lang, {"machine": machine, "engine": engine})

    def store_human(self, source: str, lang: str, human: str, status: str = "post-edited") -> None:
        self._upsert(source, lang, {"human": human, "human_status": status})

    def machine_by_prefix(self, hash_prefix: str, lang: str) -> str | None:
        """Machine output of the segment whose hash starts with the prefix recorded in a file's front matter."""
        if not hash_prefix:
            return None
        row = self._db.execute(
            "SELECT machine FROM segments WHERE source_hash LIKE ? AND lang = ? LIMIT 1", (hash_prefix + "%", lang)
        ).fetchone()
        return row[0] if row else None

    def store_human_by_prefix(self, hash_prefix: str, lang: str, human: str) -> None:
        """Keep a human edit whose English has since changed, under the segment it was made for."""
        row = self._db.execute(
            "SELECT source FROM segments WHERE source_hash LIKE ? AND lang = ? LIMIT 1", (hash_prefix + "%", lang)
        ).fetchone()
        if row:
            self.store_human(row[0], lang, human)

    def entries(self, lang: str | None = None) -> list[MemoryEntry]:
        query = "SELECT source_hash, lang, source, machine, engine, human, human_status FROM segments"
        rows = self._db.execute(query + (" WHERE lang = ?" if lang else "") + " ORDER BY source_hash, lang",
                                (lang,) if lang else ()).fetchall()
        return [MemoryEntry(*row) for row in rows]
