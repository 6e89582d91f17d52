"""Errors that reach the user as one line, ``file:line: message``, with exit code 2."""

from __future__ import annotations

from pathlib import Path

INPUT_ERROR_EXIT = 2


class AppealInputError(Exception):
    """Bad input: unreadable, undecodable or malformed file, unknown language, bad option value."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __reduce__(self):  # pickled by worker processes (appealkit.batch): keep path and line
        return type(self), (self.message, self.path, self.line)

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message
