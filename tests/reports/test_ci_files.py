"""The pre-commit hook and the example workflow: well-formed, and the workflow's command really runs."""

from __future__ import annotations

import json
import shlex

import yaml
from junitparser import JUnitXml

from report_support import GLOSSARY, ROOT, appeal


def test_pre_commit_hook():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "appeal-check")
    assert hook["entry"] == "appeal check" and hook["language"] == "python"
    assert hook["pass_filenames"] is False  # two staged en.md files would read as SOURCE TARGET


def workflow_steps() -> list[dict]:
    workflow = yaml.safe_load((ROOT / "examples" / "github-actions.yml").read_text(encoding="utf-8"))
    return workflow["jobs"]["appeal-check"]["steps"]


def test_workflow_uploads_sarif_and_publishes_junit():
    uses = [step.get("uses", "") for step in workflow_steps()]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    assert any("junit" in u for u in uses)


def test_workflow_check_command_runs(seeded_copy, tmp_path):
    """The example's `appeal check` line, run as written (plus the test glossary) on the seeded letter."""
    step = next(s for s in workflow_steps() if s.get("run", "").lstrip().startswith("appeal check"))
    args = shlex.split(step["run"])[1:]
    args = [str(tmp_path / a) if a.startswith("appeal") and "." in a else a for a in args]  # files into tmp
    proc = appeal(*args, "--glossary", GLOSSARY, cwd=seeded_copy)
    assert proc.returncode == 1, proc.stderr  # the seeded errors fail the gate
    assert proc.stdout.startswith("::")
    assert json.loads((tmp_path / "appeal.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert JUnitXml.fromfile(str(tmp_path / "appeal-junit.xml")).failures == 1
    assert (tmp_path / "appeal-report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
