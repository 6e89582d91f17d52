"""The install path never pulls torch or CUDA: pip resolves `.[mt]` (what a user installs for translation) and
`.[mt,dev]` (what scripts/setup.sh installs) against PyPI alone, as on a machine that reaches nothing else,
and the resolution holds no torch, triton or nvidia-* package.

``--isolated`` ignores pip's configuration and environment (this machine's local wheel folders), so the
answer is PyPI's; ``--dry-run --report`` resolves without installing. Needs the network: marked ``network``,
which runs under CI (tests/conftest.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY_PREFIXES = ("torch", "triton", "nvidia-", "cuda-", "stanza", "spacy", "argostranslate")


def resolve(spec: str, report: Path) -> list[str]:
    command = [sys.executable, "-m", "pip", "install", "--isolated", "--dry-run", "--ignore-installed", "--quiet",
               "--disable-pip-version-check", "--report", str(report), spec]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return sorted(item["metadata"]["name"].lower() for item in json.loads(report.read_text())["install"])


@pytest.mark.network
@pytest.mark.parametrize("extras", ["mt", "mt,dev"])
def test_the_install_resolves_without_torch_or_cuda(tmp_path, extras):
    names = resolve(f".[{extras}]", tmp_path / "report.json")
    assert {"appealkit", "ctranslate2", "sentencepiece"} <= set(names), names  # it did resolve the extra
    heavy = [name for name in names if name.startswith(HEAVY_PREFIXES)]
    assert heavy == [], f"the install would pull {heavy}"
