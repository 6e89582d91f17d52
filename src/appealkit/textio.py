"""Reading user files strictly and writing files atomically."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from appealkit.encodings import locate_bad_utf8, utf16_name
from appealkit.errors import AppealInputError

MAX_INPUT_BYTES = 50 * 1024 * 1024
PACKAGE_DIR = Path(__file__).resolve().parent


def read_bundled(name: str) -> str:
    """A data file shipped in the package (``lexicons/polarity.yaml``), beside its modules as the wheel installs
    it: importlib.resources would add 4 ms to every start-up."""
    return (PACKAGE_DIR / name).read_text(encoding="utf-8")


def language_from_name(path: Path | str) -> str | None:
    """en, zh or ko from a letter's file name (zh.md, zh-Hans.md, x.ko.txt): a hint for guessing an encoding."""
    parts = Path(path).name.lower().replace("_", "-").replace(".", "-").split("-")
    return next((part for part in parts if part in ("en", "zh", "ko")), None)


def read_text(path: Path | str) -> str:
    """Read a UTF-8 text file, turning every failure into a one-line AppealInputError."""
    path = Path(path)
    try:
        if path.is_dir():
            raise AppealInputError("is a directory, expected a file", path)
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise AppealInputError(f"file larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB", path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise AppealInputError("no such file", path) from None
    except PermissionError:
        raise AppealInputError("permission denied", path) from None
    except OSError as exc:
        raise AppealInputError(f"cannot read: {exc.strerror or exc}", path) from None
    wide = utf16_name(data)
    if wide:
        raise AppealInputError(f"looks like {wide}: re-save as UTF-8", path, 1)
    if b"\x00" in data:
        raise AppealInputError("binary file (contains NUL bytes), expected UTF-8 text", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = locate_bad_utf8(data, exc, language_from_name(path))
        guess = f": looks like {bad.encoding}" if bad.encoding else ""
        message = f"not valid UTF-8 at column {bad.column}{guess}: re-save as UTF-8"
        raise AppealInputError(message, path, bad.line) from None
    # Normalise newlines and drop a BOM so line numbers and hashes do not depend on the editor.
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _mode_for(path: Path) -> int:
    """Keep a replaced file's permissions; a new file gets the usual 0666 minus the umask (mkstemp's 0600
    would hide a translated letter from the rest of the team)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def cannot_write(path: Path | str, exc: OSError) -> AppealInputError:
    """The one-line error (exit 2) for a file that cannot be written: no folder, no permission, disk full."""
    return AppealInputError(f"cannot write: {exc.strerror or exc}", path)


@contextmanager
def atomic_output(path: Path | str) -> Iterator[BinaryIO]:
    """A binary file that appears at ``path`` only when the block completes: readers see the old file or the
    whole new one, never a torn write; on error nothing is left behind. Failing to create, flush or rename
    the file is an AppealInputError naming it; errors raised by the block itself pass through unchanged."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # here, not at the top: a run that writes nothing need not import it (3 ms)

        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            _finish(handle, tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _finish(handle: BinaryIO, tmp: str, path: Path) -> None:
    try:
        handle.flush()
        os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as exc:
        raise cannot_write(path, exc) from None


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    with atomic_output(path) as handle:
        try:
            handle.write(data)
        except OSError as exc:
            raise cannot_write(path, exc) from None


def atomic_write(path: Path | str, text: str) -> None:
    """Write UTF-8 text atomically (see ``atomic_output``)."""
    atomic_write_bytes(path, text.encode("utf-8"))
