"""Every report format shows a meaning finding's clause pair with the negation cues highlighted (issue 14)."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from report_support import LETTERS, SCHEMA, Run, check_all_formats

SLUG = "hrw-2015-nine-north-koreans"
ENGLISH = "and ⟦under no circumstances⟧ force them back to a place where they could face persecution."
TRANSLATION = "并且在任何情况下都⟦应⟧强迫他们返回可能遭受迫害的地方。"


@pytest.fixture(scope="module")
def flipped_run(tmp_path_factory) -> Run:
    """The issue's example: 不得强迫 → 应强迫 in the shipped Chinese letter, every format from one run."""
    work = tmp_path_factory.mktemp("flipped")
    shutil.copytree(LETTERS / SLUG, work / "letters" / SLUG)
    zh = work / "letters" / SLUG / "zh.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("不得强迫", "应强迫"), encoding="utf-8")
    (work / "letters" / SLUG / "ko.md").unlink()
    return check_all_formats(tmp_path_factory.mktemp("flipped-out"), "letters", cwd=work)


def test_json_carries_the_clauses_and_the_cue_offsets(flipped_run: Run) -> None:
    (finding,) = [f for f in flipped_run.json()["findings"] if f["category"] == "meaning"]
    assert finding["rule"] == "polarity-inverted" and finding["severity"] == "error"
    start, end = finding["extra"]["source_cue"]
    assert finding["source_text"][start:end] == "under no circumstances"
    start, end = finding["extra"]["target_cue"]
    assert finding["found"][start:end] == "应"


def test_text_shows_the_clause_pair_with_the_cues_marked(flipped_run: Run) -> None:
    text = flipped_run.text("text")
    assert f"source:      {ENGLISH}" in text and f"translation: {TRANSLATION}" in text


def test_sarif_message_and_properties(flipped_run: Run) -> None:
    sarif = flipped_run.sarif()
    jsonschema.validate(sarif, json.loads(SCHEMA.read_text(encoding="utf-8")))
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "polarity-inverted"]
    assert ENGLISH in result["message"]["text"] and TRANSLATION in result["message"]["text"]
    assert result["properties"]["category"] == "meaning" and result["properties"]["targetCue"]
    assert result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "应"


def test_junit_failure_lists_the_clause_pair(flipped_run: Run) -> None:
    failures = [f for f in ET.parse(flipped_run.files["junit"]).iter("failure") if f.get("type") == "polarity-inverted"]
    assert len(failures) == 1
    assert ENGLISH in failures[0].text and TRANSLATION in failures[0].text


def test_github_annotation_names_both_clauses(flipped_run: Run) -> None:
    (line,) = [row for row in flipped_run.text("github").splitlines() if "polarity-inverted" in row]
    assert line.startswith("::error ") and ENGLISH in line and TRANSLATION in line


def test_review_page_highlights_the_cues(flipped_run: Run) -> None:
    page = flipped_run.text("html")
    assert '<mark class="cue">under no circumstances</mark>' in page
    assert '都<mark class="cue">应</mark>强迫他们返回' in page
    assert 'data-category="meaning"' in page and 'value="meaning"' in page
