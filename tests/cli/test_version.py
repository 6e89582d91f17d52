"""`appeal --version` comes from the package metadata, which comes from pyproject.toml, which the CHANGELOG
names as its latest release: one version, written in one place."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
RELEASE = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?$", re.MULTILINE)


def test_appeal_version_is_the_package_metadata_version():
    result = subprocess.run(
        [sys.executable, "-m", "appealkit", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"appeal {version('appealkit')}\n"
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert version("appealkit") == declared


def test_changelog_keeps_a_changelog_and_names_the_current_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = RELEASE.findall(text)
    assert releases[0] == ("Unreleased", ""), "the first section collects unreleased changes"
    latest, date = releases[1]
    assert latest == version("appealkit") and date, "the latest released section is the package version"
    sections = set(re.findall(r"^### (.+)$", text, re.MULTILINE))
    assert sections <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}, sections
