"""Translation memory in SQLite: per source segment (by hash) and language, the machine output (with the
glossary terms it applied and whether it needed review) and the latest human (post-edited or approved)
translation. Pseudo-localised output is kept under its own language key (``memory_lang``).

Concurrency: WAL journal, a busy timeout and short ``BEGIN IMMEDIATE`` transactions, so two
``appeal translate`` runs at once serialise their writes instead of corrupting the file.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from appealkit.errors import AppealInputError

DEFAULT_PATH = Path(".appeal") / "tm.sqlite"
SCHEMA_VERSION = 2
# Columns added after version 1, with their definitions, for memories made by an older appealkit.
_ADDED_COLUMNS = {"terms": "TEXT", "review": "INTEGER NOT NULL DEFAULT 0"}
_COLUMNS = "source_hash, lang, source, machine, engine, human, human_status, terms, review"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS segments (
    source_hash  TEXT NOT NULL,
    lang         TEXT NOT NULL,
    source       TEXT NOT NULL,
    machine      TEXT,
    engine       TEXT,
    human        TEXT,
    human_status TEXT,
    terms        TEXT,
    review       INTEGER NOT NULL DEFAULT 0,
    updated_at   REAL NOT NULL,
    PRIMARY KEY (source_hash, lang)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def segment_hash(text: str) -> str:
    """Hash of a source segment, insensitive to surrounding and repeated whitespace."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def memory_lang(lang: str, engine: str | None) -> str:
    """The memory's language key: pseudo-localised output lives apart, so no real run ever reuses it and a
    real translation is never mistaken for a translator's edit of a pseudo one (or the other way round)."""
    return f"{lang}@pseudo" if engine == "pseudo" else lang


@dataclass(frozen=True)
class MemoryEntry:
    source_hash: str
    lang: str
    source: str
    machine: str | None
    engine: str | None
    human: str | None
    human_status: str | None
    terms: list[str] = field(default_factory=list)
    review: bool = False  # the machine output had protected facts repaired

    @classmethod
    def from_row(cls, row: tuple) -> MemoryEntry:
        source_hash, lang, source, machine, engine, human, human_status, terms, review = row
        return cls(
            source_hash,
            lang,
            source,
            machine,
            engine,
            human,
            human_status,
            json.loads(terms) if terms else [],
            bool(review),
        )

    @property
    def best(self) -> str | None:
        """What to reuse: the human translation when there is one, else the machine output."""
        return self.human or self.machine


class TranslationMemory:
    def __init__(self, path: Path | str = DEFAULT_PATH, timeout: float = 30.0):
        self.path = Path(path)
        with self._guard():
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            self._db.executescript(_SCHEMA)
            self._migrate()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """A memory that cannot be opened or read is an input error naming the file, not a traceback."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise AppealInputError(
                f"translation memory unusable ({exc}): move it aside or choose another with --memory", self.path
            ) from None
        except OSError as exc:
            raise AppealInputError(f"cannot open the translation memory: {exc.strerror or exc}", self.path) from None

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """A short write transaction: concurrent runs wait for each other (busy timeout) instead of clashing."""
        with self._guard():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._db.execute("COMMIT")
            except BaseException:
                # Ctrl-C can land after COMMIT or before BEGIN took effect: rolling back then would
                # replace the interrupt by "no transaction is active".
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def _migrate(self) -> None:
        """Bring a memory made by an older appealkit up to date; an up-to-date one is not written to."""
        version = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if version and version[0] == str(SCHEMA_VERSION):
            return
        with self._transaction():
            present = {row[1] for row in self._db.execute("PRAGMA table_info(segments)")}
            for column, definition in _ADDED_COLUMNS.items():
                if column not in present:
                    self._db.execute(f"ALTER TABLE segments ADD COLUMN {column} {definition}")
            # Version 1 kept pseudo output beside real output: move it to its own key (memory_lang).
            self._db.execute(
                "UPDATE segments SET lang = lang || '@pseudo' WHERE engine = 'pseudo' AND lang NOT LIKE '%@%'"
            )
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._guard():
            return self._db.execute(sql, params).fetchall()

    def get(self, source: str, lang: str) -> MemoryEntry | None:
        rows = self._query(
            f"SELECT {_COLUMNS} FROM segments WHERE source_hash = ? AND lang = ?", (segment_hash(source), lang)
        )
        return MemoryEntry.from_row(rows[0]) if rows else None

    def _upsert(self, source: str, lang: str, column_values: dict[str, str | int | None]) -> None:
        columns = ", ".join(column_values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in column_values)
        marks = ", ".join("?" for _ in column_values)
        with self._transaction():
            self._db.execute(
                f"INSERT INTO segments (source_hash, lang, source, updated_at, {columns}) VALUES (?, ?, ?, ?, {marks}) "
                f"ON CONFLICT (source_hash, lang) DO UPDATE SET updated_at = excluded.updated_at, {updates}",
                (segment_hash(source), lang, source, time.time(), *column_values.values()),
            )

    def store_machine(
        self, source: str, lang: str, machine: str, engine: str, terms: list[str] | None = None, review: bool = False
    ) -> None:
        self._upsert(
            source,
            lang,
            {"machine": machine, "engine": engine, "terms": json.dumps(terms or []), "review": int(review)},
        )

    def store_human(self, source: str, lang: str, human: str, status: str = "post-edited") -> None:
        self._upsert(source, lang, {"human": human, "human_status": status})

    def by_prefix(self, hash_prefix: str, lang: str) -> MemoryEntry | None:
        """The segment whose hash starts with the prefix recorded in a file's front matter."""
        if not hash_prefix:
            return None
        rows = self._query(
            f"SELECT {_COLUMNS} FROM segments WHERE source_hash LIKE ? AND lang = ? LIMIT 1", (hash_prefix + "%", lang)
        )
        return MemoryEntry.from_row(rows[0]) if rows else None

    def machine_by_prefix(self, hash_prefix: str, lang: str) -> str | None:
        entry = self.by_prefix(hash_prefix, lang)
        return entry.machine if entry else None

    def store_human_by_prefix(self, hash_prefix: str, lang: str, human: str) -> None:
        """Keep a human edit whose English has since changed, under the segment it was made for."""
        entry = self.by_prefix(hash_prefix, lang)
        if entry:
            self.store_human(entry.source, lang, human)

    def entries(self, lang: str | None = None) -> list[MemoryEntry]:
        rows = self._query(
            f"SELECT {_COLUMNS} FROM segments" + (" WHERE lang = ?" if lang else "") + " ORDER BY source_hash, lang",
            (lang,) if lang else (),
        )
        return [MemoryEntry.from_row(row) for row in rows]
