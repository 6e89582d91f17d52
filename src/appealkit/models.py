"""Argos model packages: list, install (from the package index or an offline file), remove.

appealkit reads the Argos package format itself, without argostranslate (whose dependencies pull in Stanza,
spaCy and torch with gigabytes of CUDA wheels, none of which appealkit uses): an ``.argosmodel`` is a zip with
one top-level folder holding ``metadata.json``, a CTranslate2 model in ``model/`` and ``sentencepiece.model``.
Packages are installed where argostranslate keeps them and under the same settings (``ARGOS_PACKAGES_DIR``,
``ARGOS_PACKAGE_INDEX``, ``XDG_*`` and ``settings.json``), so the two share installed models.

Archives are validated before extraction: one top-level folder with a metadata.json, no absolute paths, no
'..', no links, and a bounded unpacked size, so a malicious .argosmodel cannot write outside the package
folder (zip-slip) or fill the disk. Extraction goes to a temporary folder beside the packages and is renamed
into place, so an interrupted install never leaves half a package.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import stat
import tempfile
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from appealkit import __version__
from appealkit.errors import AppealInputError
from appealkit.textio import atomic_output, atomic_write_bytes

MAX_UNPACKED_BYTES = 4 * 1024**3
DEFAULT_PACKAGE_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
# What appealkit needs in a package: it decodes with CTranslate2 and tokenizes with SentencePiece.
REQUIRED_MEMBERS = ("metadata.json", "model/model.bin", "sentencepiece.model")


@dataclass(frozen=True)
class InstalledModel:
    name: str
    from_code: str
    to_code: str
    version: str
    path: Path


# ------------------------------------------------------------------ where argostranslate keeps things


def _home_dir(variable: str, *default: str) -> Path:
    return Path(os.environ.get(variable) or Path.home().joinpath(*default))


def _argos_setting(key: str) -> str | None:
    """An argostranslate setting: the environment first, then ``<XDG_CONFIG_HOME>/argos-translate/settings.json``."""
    if os.environ.get(key):
        return os.environ[key]
    settings = _home_dir("XDG_CONFIG_HOME", ".config") / "argos-translate" / "settings.json"
    try:
        value = json.loads(settings.read_text(encoding="utf-8")).get(key)
    except (OSError, ValueError, AttributeError):
        return None
    return str(value) if value else None


def data_dir() -> Path:
    return _home_dir("XDG_DATA_HOME", ".local", "share") / "argos-translate"


def packages_dir() -> Path:
    return Path(_argos_setting("ARGOS_PACKAGES_DIR") or data_dir() / "packages")


def downloads_dir() -> Path:
    return _home_dir("XDG_CACHE_HOME", ".local", "cache") / "argos-translate" / "downloads"


def package_index_url() -> str:
    return (_argos_setting("ARGOS_PACKAGE_INDEX") or DEFAULT_PACKAGE_INDEX) + "index.json"


# ------------------------------------------------------------------ packages


def validate_archive(path: Path) -> str:
    """Check an .argosmodel before extraction; return its top-level folder name."""
    if not zipfile.is_zipfile(path):
        raise AppealInputError("not an Argos model (expected a zip archive)", path)
    with zipfile.ZipFile(path) as archive:
        tops: set[str] = set()
        total = 0
        for info in archive.infolist():
            name = info.filename
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or (parts and ":" in parts[0]) or ".." in parts or "\\" in name:
                raise AppealInputError(f"unsafe path in archive: {name!r} escapes the package folder", path)
            if stat.S_ISLNK(info.external_attr >> 16):
                raise AppealInputError(f"archive contains a symbolic link: {name!r}", path)
            total += info.file_size
            tops.add(parts[0] if parts else "")
        if total > MAX_UNPACKED_BYTES:
            raise AppealInputError(f"archive unpacks to {total} bytes, more than allowed", path)
        if len(tops) != 1 or "" in tops:
            raise AppealInputError("archive must contain exactly one top-level package folder", path)
        top = tops.pop()
        if f"{top}/metadata.json" not in archive.namelist():
            raise AppealInputError(f"archive has no {top}/metadata.json: not an Argos package", path)
    return top


def read_metadata(folder: Path) -> dict[str, Any]:
    """A package's metadata.json; a broken one is an input error naming it."""
    path = folder / "metadata.json"
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AppealInputError(f"unreadable Argos package metadata ({exc})", path) from None
    if not isinstance(meta, dict):
        raise AppealInputError("Argos package metadata must be a JSON object", path)
    return meta


def _model(folder: Path, meta: dict[str, Any]) -> InstalledModel:
    from_code, to_code = str(meta.get("from_code") or ""), str(meta.get("to_code") or "")
    version = str(meta.get("package_version") or "")
    return InstalledModel(f"translate-{from_code}_{to_code}", from_code, to_code, version, folder)


def installed_models() -> list[InstalledModel]:
    """Installed translation packages: the folders of the packages directory that hold a metadata.json."""
    root = packages_dir()
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")) if root.is_dir() else []
    models = []
    for folder in folders:
        if not (folder / "metadata.json").is_file():
            continue
        meta = read_metadata(folder)
        if meta.get("type", "translate") == "translate":
            models.append(_model(folder, meta))
    # newest version of a pair first: the engine takes the first package of its pair
    return sorted(models, key=lambda m: (m.from_code, m.to_code, _invert(_version_key({"package_version": m.version}))))


def _invert(key: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(-part for part in key)


def _check_package(folder: Path, archive: Path) -> dict[str, Any]:
    meta = read_metadata(folder)
    if meta.get("type", "translate") != "translate" or not meta.get("from_code") or not meta.get("to_code"):
        raise AppealInputError(
            "not a translation package (metadata.json needs type translate, from_code and to_code)", archive
        )
    missing = [m for m in REQUIRED_MEMBERS if not (folder / m).is_file()]
    if missing:
        raise AppealInputError(
            f"the package has no {', '.join(missing)}: appealkit needs a CTranslate2 model and a SentencePiece model",
            archive,
        )
    return meta


def install_file(path: Path) -> InstalledModel:
    """Install an .argosmodel file (offline): validate, extract beside the packages, rename into place."""
    path = Path(path)
    if not path.is_file():
        raise AppealInputError("no such model file", path)
    top = validate_archive(path)
    root = packages_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
    except OSError as exc:
        raise AppealInputError(f"cannot create the packages folder ({exc.strerror or exc})", root) from None
    try:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(staging)  # every member was checked by validate_archive
        meta = _check_package(staging / top, path)
        target = root / top
        if target.exists():
            shutil.rmtree(target)  # a re-install of the same package replaces it
        os.replace(staging / top, target)
    except OSError as exc:
        raise AppealInputError(f"cannot install the package ({exc.strerror or exc})", path) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return _model(target, meta)


def parse_pair(text: str) -> tuple[str, str]:
    parts = text.replace("_", "-").split("-")
    if len(parts) != 2 or not all(parts):
        raise AppealInputError(f"expected a language pair like en-zh, got {text!r}")
    return parts[0], parts[1]


def _open_url(url: str, timeout: float):
    request = urllib.request.Request(url, headers={"User-Agent": f"appealkit/{__version__}"})  # noqa: S310
    return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - http(s) index, or file:// in tests


def _why(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or exc
    return str(reason) or type(exc).__name__


def fetch_package_index(timeout: float = 30.0) -> list[dict]:
    """Download the Argos package index (needs internet) and keep a copy where argostranslate looks for it.

    With a timeout: argostranslate's own update retries forever when offline (a RecursionError after a
    thousand printed errors, about a minute and a half later).
    """
    url = package_index_url()
    try:
        with _open_url(url, timeout) as response:
            data = response.read()
        index = json.loads(data)
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise AppealInputError(
            f"cannot fetch the Argos package index {url} ({_why(exc)}): offline? "
            "Install from a file with 'appeal models install --file PATH.argosmodel'"
        ) from None
    if not isinstance(index, list):
        raise AppealInputError(f"the Argos package index {url} is not a list of packages")
    atomic_write_bytes(data_dir() / "index.json", data)
    return [entry for entry in index if isinstance(entry, dict)]


def _version_key(entry: dict) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", str(entry.get("package_version", "0"))))


def download(
    links: list[str],
    target: Path,
    progress: Callable[[int, int], None] = lambda done, total: None,
    timeout: float = 60.0,
) -> Path:
    """Download the first link that works to ``target`` (atomically: a torn download never looks complete).

    ``progress(bytes_done, bytes_total)`` is told as chunks arrive (total 0 when the server does not say).
    """
    failures = []
    for url in links:
        try:
            with _open_url(url, timeout) as response:
                total = int(response.headers.get("Content-Length") or 0)
                with atomic_output(target) as out:
                    done = 0
                    while chunk := response.read(1 << 20):
                        out.write(chunk)
                        done += len(chunk)
                        progress(done, total)
            return target
        except (OSError, http.client.HTTPException) as exc:
            failures.append(f"{url}: {_why(exc)}")
    raise AppealInputError("download failed: " + ("; ".join(failures) or "the index lists no download link"))


def install_from_index(pair: str, progress: Callable[[int, int], None] = lambda done, total: None) -> InstalledModel:
    """Install the newest package for a language pair from the Argos package index (needs internet)."""
    from_code, to_code = parse_pair(pair)
    candidates = [
        entry
        for entry in fetch_package_index()
        if entry.get("type", "translate") == "translate"
        and (entry.get("from_code"), entry.get("to_code")) == (from_code, to_code)
    ]
    if not candidates:
        raise AppealInputError(f"the Argos package index has no model for {from_code}→{to_code}")
    best = max(candidates, key=_version_key)
    version = str(best.get("package_version", "0")).replace(".", "_")
    target = downloads_dir() / f"translate-{from_code}_{to_code}-{version}.argosmodel"
    download([str(link) for link in best.get("links") or []], target, progress)
    try:
        return install_file(target)
    finally:
        target.unlink(missing_ok=True)


def remove(pair: str) -> InstalledModel:
    """Uninstall every installed package for a language pair (en-zh); return one of them."""
    from_code, to_code = parse_pair(pair)
    found = [m for m in installed_models() if (m.from_code, m.to_code) == (from_code, to_code)]
    if not found:
        raise AppealInputError(f"no installed model for {from_code}→{to_code} (see 'appeal models list')")
    for model in found:
        try:
            shutil.rmtree(model.path)
        except OSError as exc:
            raise AppealInputError(f"cannot remove the package ({exc.strerror or exc})", model.path) from None
    return found[0]
