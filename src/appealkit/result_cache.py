"""The incremental check cache: a pair whose inputs are all unchanged is not checked again.

An entry is addressed by the SHA-256 of everything a check reads: the English and the translation (their
text and the paths the findings name), the language asked for, the glossary's content, the settings the
checker receives, appealkit's version and its code (each module's size and modification time, so that an
edited checker never answers from an older one's results). It holds what the check found: the findings,
the beads and the joined beads, as JSON (never pickle: the folder is plain files in the working tree).

Entries are written to a temporary file and renamed into place, so runs sharing the folder see a whole
entry or none; an unreadable entry is a miss. Nothing is ever evicted: ``rm -rf .appeal/cache`` empties it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import appealkit
from appealkit.alignment import Bead
from appealkit.findings import Finding

DEFAULT_CACHE_DIR = Path(".appeal") / "cache"
FORMAT = 1  # bump when the entry layout changes


def installed_version() -> str:
    """``appealkit.__version__`` (the first appealkit-*.dist-info on sys.path, as importlib.metadata finds
    it) without importing importlib.metadata, which costs more than answering a warm run from the cache."""
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        for name in names:
            if name.startswith("appealkit-") and name.endswith(".dist-info"):
                return name[len("appealkit-") : -len(".dist-info")]
    return "0+unknown"


def code_fingerprint() -> str:
    """appealkit as installed: path, size and modification time of every file of the package, modules and the
    data the rules read alike (lexicons/*.yaml: an edited cue list changes the findings as code does), bytecode
    caches aside."""
    package = Path(appealkit.__file__).parent
    files = [path for path in package.rglob("*") if "__pycache__" not in path.parts and path.is_file()]
    stats = sorted(
        (str(path.relative_to(package)), info.st_size, info.st_mtime_ns) for path in files for info in (path.stat(),)
    )
    return hashlib.sha256(repr(stats).encode("utf-8")).hexdigest()


def _encode(value: Any) -> Any:
    """JSON with tuples kept apart from lists, so that a finding reads back equal to the one written."""
    if isinstance(value, tuple):
        return {"tuple": [_encode(item) for item in value]}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        return {"dict": [[key, _encode(item)] for key, item in value.items()]}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict):
        if "tuple" in value:
            return tuple(_decode(item) for item in value["tuple"])
        return {key: _decode(item) for key, item in value["dict"]}
    return value


def _finding_to_json(finding: Finding) -> dict[str, Any]:
    return {f.name: _encode(getattr(finding, f.name)) for f in dataclasses.fields(finding)}


def _finding_from_json(data: dict[str, Any]) -> Finding:
    return Finding(**{name: _decode(value) for name, value in data.items()})


@dataclass(frozen=True)
class Checked:
    """What a check of one pair produced, apart from what can be recomputed from its files."""

    lang: str
    findings: list[Finding]
    beads: list[Bead]
    joined: list[Bead]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "lang": self.lang,
            "findings": [_finding_to_json(f) for f in self.findings],
            "beads": [[list(b.source), list(b.target)] for b in self.beads],
            "joined": [[list(b.source), list(b.target)] for b in self.joined],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Checked:
        if data.get("format") != FORMAT:
            raise ValueError("entry of another format")
        beads = [Bead(tuple(s), tuple(t)) for s, t in data["beads"]]
        joined = [Bead(tuple(s), tuple(t)) for s, t in data["joined"]]
        return cls(data["lang"], [_finding_from_json(f) for f in data["findings"]], beads, joined)


class ResultCache:
    """Content-addressed entries under ``root`` (``.appeal/cache`` by default), two hex digits per folder."""

    def __init__(self, root: Path | str, glossary_digest: str, settings: Any = None):
        self.root = Path(root)
        basis = [FORMAT, installed_version(), code_fingerprint(), glossary_digest, repr(settings)]
        self._basis = hashlib.sha256(repr(basis).encode("utf-8")).digest()

    def key(self, source: Path, target: Path, lang: str | None, source_text: str, target_text: str) -> str:
        digest = hashlib.sha256(self._basis)
        for part in (str(source), str(target), lang or "", source_text, target_text):
            encoded = part.encode("utf-8")
            digest.update(len(encoded).to_bytes(8, "little"))  # lengths first: no two inputs concatenate alike
            digest.update(encoded)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> Checked | None:
        try:
            return Checked.from_json(json.loads(self._path(key).read_bytes()))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent, torn by a crash, or from another format: check again

    def put(self, key: str, checked: Checked) -> None:
        """Write atomically (temporary file + rename); a cache that cannot be written is only slower."""
        import tempfile  # imported when writing: a run answered from the cache, or with --no-cache, never needs it

        path = self._path(key)
        data = json.dumps(checked.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass
