"""Argos model packages: list, install (from the package index or an offline file), remove.

Archives are validated before argostranslate extracts them: one top-level folder with a metadata.json,
no absolute paths, no '..', no links, and a bounded unpacked size, so a malicious .argosmodel cannot
write outside the package folder (zip-slip) or fill the disk.
"""

from __future__ import annotations

import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from appealkit.errors import AppealInputError

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
        raise AppealInputError("machine translation is not installed: pip install 'appealkit[mt]' -c constraints.txt") from None
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


def install_from_index(pair: str) -> InstalledModel:
    """Download and install a package from the Argos package index (needs internet)."""
    from_code, to_code = parse_pair(pair)
    package = _argos_package()
    package.update_package_index()
    try:
        available = package.get_available_packages()
    except RecursionError:  # argostranslate recurses forever when the index cannot be fetched
        raise AppealInputError("cannot reach the Argos package index (offline?); "
                               "install from a file with 'appeal models install --file PATH.argosmodel'") from None
    match = next((p for p in available if (p.from_code, p.to_code) == (from_code, to_code)), None)
    if match is None:
        raise AppealInputError(f"the Argos package index has no model for {from_code}→{to_code}")
    return install_file(Path(match.download()))


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
