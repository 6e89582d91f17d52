"""Every format from the real `appeal check` (python -m appealkit), on the shipped letters and the seeded letter.

The JSON report of the same run is the reference: every other format must carry the same findings.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from junitparser import Failure, JUnitXml

from appealkit.checks import RULES
from report_support import GLOSSARY, LETTERS, SCHEMA, SEEDED_SLUG, appeal

# What was seeded into tests/fixtures/seeded/<slug>/zh.md: (category, English text that must be reported).
SEEDED = [("figure", "2,000"), ("citation", "Convention against Torture"), ("date", "September 7, 2023")]
COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:\r\n]*)(?:,[a-zA-Z]+=[^,:\r\n]*)*)::([^\r\n]*)$")


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(params=["shipped", "seeded"])
def run(request):
    return request.getfixturevalue(f"{request.param}_run")


def seeded_findings(findings: list[dict]) -> list[dict]:
    found = []
    for category, text in SEEDED:
        match = [f for f in findings if f["category"] == category and text in f["source_text"]]
        assert match, f"seeded {category} error on '{text}' not reported"
        found.append(match[0])
    return found


def test_exit_status_and_stdout(run):
    errors = run.json()["summary"]["error"]
    assert run.proc.returncode == (1 if errors else 0)
    assert run.proc.stdout.endswith("error(s), " + f"{run.json()['summary']['warning']} warning(s), "
                                    f"{run.json()['summary']['info']} info\n")
    assert run.text("text") == run.proc.stdout  # --output-text and stdout are one report


def test_json_contract_kept(run):
    document = run.json()
    assert document["version"] == 1
    assert set(document["summary"]) == {"error", "warning", "info", "suppressed"}
    assert set(document["findings"][0]) >= {"rule", "category", "severity", "message", "source_text", "expected",
                                            "file", "line", "source_file", "source_line"}


def assert_line(region: dict, paragraph_line: int) -> None:
    """A region with columns is the exact span, on the paragraph's first line or a later line of it;
    without columns it is the paragraph's line."""
    if "startColumn" in region:
        assert region["startLine"] >= paragraph_line
    else:
        assert region["startLine"] == paragraph_line


def assert_snippet(run, uri: str, region: dict) -> None:
    """The region's columns cut exactly the snippet out of the file on disk."""
    if "snippet" not in region or region["startLine"] != region["endLine"]:
        return
    line = (run.cwd / uri).read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]


def test_seeded_errors_are_reported(seeded_run):
    for finding in seeded_findings(seeded_run.json()["findings"]):
        assert finding["severity"] == "error"
        assert finding["file"] == f"letters/{SEEDED_SLUG}/zh.md"


def test_sarif_validates_against_the_official_schema(run, schema):
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = list(validator.iter_errors(run.sarif()))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_sarif_matches_json(run):
    findings, sarif = run.json()["findings"], run.sarif()["runs"][0]
    results = sarif["results"]
    assert len(results) == len(findings)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for finding, result in zip(findings, results):
        assert result["ruleId"] == finding["rule"] and result["level"] == levels[finding["severity"]]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == finding["file"]
        assert_line(location["region"], finding["line"])
        assert_snippet(run, finding["file"], location["region"])
        related = result.get("relatedLocations", [{}])[0].get("physicalLocation")
        if related:
            assert related["artifactLocation"]["uri"] == finding["source_file"]
            assert_line(related["region"], finding["source_line"])
            assert_snippet(run, finding["source_file"], related["region"])
    descriptors = {r["id"]: r for r in sarif["tool"]["driver"]["rules"]}
    for rule in RULES.values():
        assert descriptors[rule.id]["shortDescription"]["text"] == rule.summary
        assert descriptors[rule.id]["help"]["text"] == rule.doc
    prints = [r["partialFingerprints"]["appealkitFinding/v1"] for r in results]
    assert len(set(zip(prints, (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results)))) \
        == len(prints)


def test_sarif_points_at_the_seeded_spans(seeded_run, seeded_copy):
    results = seeded_run.sarif()["runs"][0]["results"]
    date = next(r for r in results if r["ruleId"] == "date-changed")
    region = date["locations"][0]["physicalLocation"]["region"]
    line = (seeded_copy / "letters" / SEEDED_SLUG / "zh.md").read_text(encoding="utf-8").splitlines()[
        region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "2023年9月17日"


def test_sarif_fingerprints_survive_line_moves(seeded_run, seeded_work, tmp_path):
    """Blank lines added at the top of both files move every finding; no fingerprint may change."""
    for name in ("en.md", "zh.md"):
        path = seeded_work / "letters" / SEEDED_SLUG / name
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        path.write_text(f"{head}\n---\n\n\n\n{body}", encoding="utf-8")
    proc = appeal("check", "letters", "--glossary", GLOSSARY, "--format", "sarif", cwd=seeded_work)
    moved = json.loads(proc.stdout)["runs"][0]["results"]
    original = seeded_run.sarif()["runs"][0]["results"]

    def prints(results):
        return sorted((r["ruleId"], r["partialFingerprints"]["appealkitFinding/v1"]) for r in results
                      if r["ruleId"] != "stale-source")  # its hash message is not a line-move question

    assert prints(moved) == prints(original)
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved] != \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in original]


def test_junit_parses_back(run):
    xml = JUnitXml.fromfile(str(run.files["junit"]))
    document = run.json()
    cases = {(suite.name, case.name): case for suite in xml for case in suite}
    assert len(cases) == len(document["pairs"])  # one test case per letter x language
    for pair in document["pairs"]:
        slug = pair["target"].split("/")[-2]
        case = next(c for (s, name), c in cases.items() if s == slug and name.startswith(f"{slug} [{pair['lang']}]"))
        failures = [r for r in case.result if isinstance(r, Failure)]
        assert len(failures) == pair["summary"]["error"]
        errors = [f for f in document["findings"] if f["file"] == pair["target"] and f["severity"] == "error"]
        assert [f.type for f in failures] == [f["rule"] for f in errors]
        others = [f for f in document["findings"] if f["file"] == pair["target"] and f["severity"] != "error"]
        for finding in others:
            assert finding["message"] in (case.system_out or "")
    assert xml.tests == len(document["pairs"])


def test_junit_seeded_failures(seeded_run):
    xml = JUnitXml.fromfile(str(seeded_run.files["junit"]))
    case = next(case for suite in xml for case in suite)
    texts = [r.text for r in case.result if isinstance(r, Failure)]
    for finding in seeded_findings(seeded_run.json()["findings"]):
        assert any(finding["message"] in text for text in texts)


def test_github_commands_are_well_formed(run):
    lines = run.text("github").splitlines()
    findings = run.json()["findings"]
    assert len(lines) == len(findings)
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    for line, finding in zip(lines, findings):
        match = COMMAND.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match[2].split(","))
        assert match[1] == kinds[finding["severity"]]
        assert props["file"] == finding["file"]
        assert_line({"startLine": int(props["line"]), **({"startColumn": 1} if "col" in props or "endLine" in props
                                                         else {})}, finding["line"])
        assert props["title"].startswith(finding["rule"])
        message = (match[3].replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%"))
        assert message.split("\n")[0] == finding["message"]


def test_github_seeded_annotations(seeded_run):
    text = seeded_run.text("github")
    for finding in seeded_findings(seeded_run.json()["findings"]):
        assert f"::error file=letters/{SEEDED_SLUG}/zh.md,line={finding['line']}," in text  # one-line paragraphs


def test_single_format_to_stdout_and_to_output(tmp_path):
    source = LETTERS / SEEDED_SLUG / "en.md"
    proc = appeal("check", LETTERS / SEEDED_SLUG / "zh.md", "--glossary", GLOSSARY, "--format", "junit",
                  "--output", tmp_path / "out.xml")
    assert proc.returncode in (0, 1) and proc.stdout == ""
    assert JUnitXml.fromfile(str(tmp_path / "out.xml")).tests == 1
    assert source.is_file()


def test_unknown_format_is_a_usage_error():
    proc = appeal("check", "--format", "pdf")
    assert proc.returncode == 2 and "pdf" in proc.stderr
