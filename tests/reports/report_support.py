"""Shared by the report tests: paths, the real `appeal` entry point, and one run writing every format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from chromium_harness import unavailable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LETTERS = ROOT / "letters"
GLOSSARY = ROOT / "glossary"
SEEDED = ROOT / "tests" / "fixtures" / "seeded"
SEEDED_SLUG = "coalition-2023-asian-games"
SCHEMA = HERE / "sarif-schema-2.1.0.json"
FORMATS = ("text", "json", "sarif", "junit", "github", "html")


def appeal(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the real command line, as CI does."""
    env = {k: v for k, v in os.environ.items() if k != "APPEAL_DEBUG"}
    return subprocess.run([sys.executable, "-m", "appealkit", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=600)


@dataclass
class Run:
    """One `appeal check` run: its process, and the report written in each format."""

    proc: subprocess.CompletedProcess
    files: dict[str, Path]
    cwd: Path

    def text(self, fmt: str) -> str:
        return self.files[fmt].read_text(encoding="utf-8")

    def json(self) -> dict:
        return json.loads(self.text("json"))

    def sarif(self) -> dict:
        return json.loads(self.text("sarif"))


def check_all_formats(out: Path, *paths: str | Path, cwd: Path = ROOT, extra: tuple[str, ...] = ()) -> Run:
    files = {fmt: out / f"report.{fmt}" for fmt in FORMATS}
    options = [arg for fmt, path in files.items() for arg in (f"--output-{fmt}", path)]
    proc = appeal("check", *paths, "--glossary", GLOSSARY, *options, *extra, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return Run(proc, files, cwd)


def browser_or_skip() -> None:
    """Skip with the reason when Chromium is missing, except in CI (CI set) where that is a failure."""
    reason = unavailable()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason}", pytrace=False)
    pytest.skip(f"headless Chromium unavailable: {reason}")
