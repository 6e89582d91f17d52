"""The built wheel carries the glossary, so `appeal` works from any directory after `pip install`."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        capture_output=True, text=True,
    )
    if built.returncode != 0:
        pytest.fail(f"pip wheel failed: {built.stderr[-2000:]}")
    (wheel,) = out.glob("appealkit-*.whl")
    site = out / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def test_wheel_bundles_every_glossary_file(unpacked_wheel: Path) -> None:
    bundled = sorted(p.name for p in (unpacked_wheel / "appealkit" / "data" / "glossary").glob("*.yaml"))
    assert bundled == sorted(p.name for p in (ROOT / "glossary").glob("*.yaml"))


def test_installed_package_uses_its_bundled_glossary_outside_a_checkout(unpacked_wheel: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(unpacked_wheel)}
    probe = ("import appealkit, appealkit.glossary as g; "
             "print(appealkit.__file__); print(g.default_glossary_path()); print(len(g.load_glossary().entries))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    module_file, glossary_dir, entries = result.stdout.split()
    assert Path(module_file).is_relative_to(unpacked_wheel)
    assert Path(glossary_dir) == unpacked_wheel / "appealkit" / "data" / "glossary"
    assert int(entries) >= 60


def test_installed_package_reads_its_polarity_lexicon(unpacked_wheel: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(unpacked_wheel)}
    probe = "import appealkit.polarity as p; print(p.__file__); print([c.kind for c in p.find_cues('不得遣返', 'zh')])"
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    module_file, kinds = result.stdout.splitlines()
    assert Path(module_file).is_relative_to(unpacked_wheel) and kinds == "['prohibition']"
