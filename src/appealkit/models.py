"""Argos model packages: list, install (from the package index or an offline file), remove.

Archives are validated before argostranslate extracts them: one top-level folder with a metadata.json,
no absolute paths, no '..', no links, and a bounded unpacked size, so a malicious .argosmodel cannot
write outside the package folder (zip-slip) or fill the disk.
"""

from __future__ import annotations

import http.client
import json
import re
import stat
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable

from appealkit import __version__
from appealkit.errors import AppealInputError
from appealkit.textio import atomic_output, atomic_write_bytes

MAX_UNPACKED_BYTES = 4 * 1024**3


@dataclass(frozen=True)
class InstalledModel:
    name: str
    from_code: str
    to_code: str
    version: str
    path: Path


def _argos_package():
    try:
        import argostranslate.package as package  # light: no torch (argostranslate.translate is the heavy one)
    except ImportError:
        from appealkit.engines import MT_EXTRA_HINT

        raise AppealInputError(f"machine translation is not installed: {MT_EXTRA_HINT}") from None
    return package


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


def installed_models() -> list[InstalledModel]:
    package = _argos_package()
    return sorted(
        (InstalledModel(f"translate-{p.from_code}_{p.to_code}", p.from_code, p.to_code, str(p.package_version),
                        Path(p.package_path)) for p in package.get_installed_packages()),
        key=lambda m: (m.from_code, m.to_code),
    )


def install_file(path: Path) -> InstalledModel:
    """Install an .argosmodel file (offline)."""
    path = Path(path)
    if not path.is_file():
        raise AppealInputError("no such model file", path)
    top = validate_archive(path)
    package = _argos_package()
    package.install_from_path(path)
    for model in installed_models():
        if model.path.name == top:
            return model
    raise AppealInputError("package was extracted but argostranslate does not list it", path)


def parse_pair(text: str) -> tuple[str, str]:
    parts = text.replace("_", "-").split("-")
    if len(parts) != 2 or not all(parts):
        raise AppealInputError(f"expected a language pair like en-zh, got {text!r}")
    return parts[0], parts[1]


def _open_url(url: str, timeout: float):
    request = urllib.request.Request(url, headers={"User-Agent": f"appealkit/{__version__}"})
    return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - http(s) index, or file:// in tests


def _why(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or exc
    return str(reason) or type(exc).__name__


def fetch_package_index(timeout: float = 30.0) -> list[dict]:
    """Download the Argos package index (needs internet) and keep a copy where argostranslate looks for it.

    We fetch it ourselves: argostranslate's own update retries forever when offline (a RecursionError after
    a thousand printed errors, about a minute and a half later).
    """
    from argostranslate import settings

    url = settings.remote_package_index
    try:
        with _open_url(url, timeout) as response:
            data = response.read()
        index = json.loads(data)
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise AppealInputError(f"cannot fetch the Argos package index {url} ({_why(exc)}): offline? "
                               "Install from a file with 'appeal models install --file PATH.argosmodel'") from None
    if not isinstance(index, list):
        raise AppealInputError(f"the Argos package index {url} is not a list of packages")
    atomic_write_bytes(Path(settings.local_package_index), data)
    return [entry for entry in index if isinstance(entry, dict)]


def _version_key(entry: dict) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", str(entry.get("package_version", "0"))))


def download(links: list[str], target: Path, progress: Callable[[int, int], None] = lambda done, total: None,
             timeout: float = 60.0) -> Path:
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
    from argostranslate import settings

    from_code, to_code = parse_pair(pair)
    candidates = [entry for entry in fetch_package_index()
                  if entry.get("type", "translate") == "translate"
                  and (entry.get("from_code"), entry.get("to_code")) == (from_code, to_code)]
    if not candidates:
        raise AppealInputError(f"the Argos package index has no model for {from_code}→{to_code}")
    best = max(candidates, key=_version_key)
    version = str(best.get("package_version", "0")).replace(".", "_")
    target = Path(settings.downloads_dir) / f"translate-{from_code}_{to_code}-{version}.argosmodel"
    download([str(link) for link in best.get("links") or []], target, progress)
    try:
        return install_file(target)
    finally:
        target.unlink(missing_ok=True)


def remove(pair: str) -> InstalledModel:
    from_code, to_code = parse_pair(pair)
    package = _argos_package()
    for installed in package.get_installed_packages():
        if (installed.from_code, installed.to_code) == (from_code, to_code):
            model = InstalledModel(f"translate-{from_code}_{to_code}", from_code, to_code,
                                   str(installed.package_version), Path(installed.package_path))
            package.uninstall(installed)
            return model
    raise AppealInputError(f"no installed model for {from_code}→{to_code} (see 'appeal models list')")
