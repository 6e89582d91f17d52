"""Helpers of the CAT-format tests: the real command line and the fixtures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIXTURES = HERE / "fixtures"
LETTERS = ROOT / "letters"
GLOSSARY = ROOT / "glossary"


def appeal(*args: str | Path, cwd: Path = ROOT, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the real `appeal` command, as a translator or CI does."""
    env = {k: v for k, v in os.environ.items() if k != "APPEAL_DEBUG"}
    return subprocess.run([sys.executable, "-m", "appealkit", *map(str, args)], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=600)
