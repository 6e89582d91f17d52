"""`appeal glossary show` and `appeal glossary lint` through the real entry point: provenance, contexts,
reasons, suggestions for a misspelt term, warnings that do not fail lint."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def appeal(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "appealkit", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_a_misspelt_term_suggests_the_nearest_entries():
    result = appeal("glossary", "show", "refoulment")
    assert result.returncode == 1 and result.stdout == ""
    assert "no glossary entry matches 'refoulment'; did you mean: refoulement, non-refoulement" in result.stderr
    assert "did you mean: political-prison-camp" in appeal("glossary", "show", "politcal prison camp").stderr


def test_show_prints_provenance_with_its_authority():
    shown = appeal("glossary", "show", "Convention against Torture").stdout
    assert "source: [un-document] zh: CAT/C/GC/4, Chinese version" in shown
    assert "source: [treaty-text] ko: ROK treaty no. 1272" in shown
    assert "context: CAT: not after '/'; not before '/'" in shown


def test_show_prints_contexts_reasons_and_unverified_renderings():
    president = appeal("glossary", "show", "title-president").stdout
    assert "context: President: only with xi-jinping in the same sentence" in president
    nonrefoulement = appeal("glossary", "show", "不遣返原则").stdout
    assert "forbidden   不遣返原则 — 遣返 is repatriation" in nonrefoulement
    report = appeal("glossary", "show", "coi-report-2014").stdout
    assert "(unverified: findings are warnings)" in report


def test_lint_warnings_do_not_fail_and_are_labelled(tmp_path):
    (tmp_path / "g.yaml").write_text(
        "entries:\n  - id: title-director\n    kind: person\n    en: [Director]\n"
        "    zh: {preferred: 厅长}\n    ko: {preferred: 청장}\n")
    result = appeal("glossary", "lint", tmp_path)
    assert result.returncode == 0
    assert "g.yaml:4: warning: English form 'Director' is a common word" in result.stdout
    assert "0 error(s), 1 warning(s)" in result.stderr


def test_lint_fails_on_an_unattested_treaty(tmp_path):
    (tmp_path / "g.yaml").write_text(
        "entries:\n  - id: cat\n    kind: treaty\n    en: [Convention against Torture]\n"
        "    zh: {preferred: 禁止酷刑公约}\n    ko: {preferred: 고문방지협약}\n    source: \"UN Chinese\"\n")
    result = appeal("glossary", "lint", tmp_path)
    assert result.returncode == 1
    assert "g.yaml:7: 'cat' names an official instrument or UN body" in result.stdout
    # a policy error: lint fails, but the glossary still loads for `appeal check`
    assert appeal("glossary", "show", "cat", "--glossary", tmp_path).returncode == 0
