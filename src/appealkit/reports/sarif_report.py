"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, VS Code's SARIF viewer).

One run, one rule descriptor per check id, one result per finding located in the translation (target file,
line, and the exact columns of the span when known) with the English source as a related location.
``partialFingerprints`` hash the rule, the source text and the target paragraph's text, not line numbers, so
an alert survives paragraphs moving up or down the file. Suppressed findings are kept with a SARIF
``suppressions`` entry (external, accepted, with the ignore file's reason) so viewers show them as dismissed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from appealkit import __version__
from appealkit.findings import Finding
from appealkit.reports import clause_pair, line_and_column, relative_path, rule_catalogue
from appealkit.suppressions import SuppressedFinding, unique_fingerprints

if TYPE_CHECKING:
    from appealkit.checker import PairResult

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "appealkitFinding/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
BASE_ID = "SRCROOT"


def render(
    results: Sequence[PairResult],
    suppressed: Sequence[SuppressedFinding] = (),
    base: str | Path | None = None,
    **_: object,
) -> str:
    import json

    return json.dumps(sarif_log(results, suppressed, base), ensure_ascii=False, indent=2) + "\n"


def sarif_log(
    results: Sequence[PairResult], suppressed: Sequence[SuppressedFinding] = (), base: str | Path | None = None
) -> dict[str, Any]:
    rules = rule_catalogue()
    index = {rule.id: i for i, rule in enumerate(rules)}
    base_path = Path(base or Path.cwd()).resolve()
    sarif_results: list[dict[str, Any]] = []
    for result in results:
        hidden = {id(item.finding): item for item in suppressed if item.finding.file == str(result.pair.target)}
        # Fingerprints are numbered over suppressed and open findings together, so that suppressing a
        # finding never renumbers (and so re-opens) another one.
        everything = sorted([*result.findings, *(item.finding for item in hidden.values())], key=Finding.sort_key)
        for finding, fingerprint in zip(everything, unique_fingerprints(result, everything)):
            sarif = _result(finding, result, fingerprint, index, base_path)
            if id(finding) in hidden:
                sarif["suppressions"] = [_suppression(hidden[id(finding)], base_path)]
            sarif_results.append(sarif)
    run = {
        "tool": {"driver": _driver(rules)},
        "originalUriBaseIds": {BASE_ID: {"uri": base_path.as_uri().rstrip("/") + "/"}},
        "invocations": [{"executionSuccessful": True}],
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _driver(rules) -> dict[str, Any]:
    return {
        "name": "appealkit",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_descriptor(rule) for rule in rules],
    }


def _descriptor(rule) -> dict[str, Any]:
    first_paragraph = rule.doc.split("\n\n")[0].replace("\n", " ") if rule.doc else rule.summary
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": first_paragraph},
        "help": {"text": rule.doc or rule.summary, "markdown": rule.doc or rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": ["translation", rule.category]},
    }


def _artifact(path: str, base: Path) -> dict[str, Any]:
    """A relative, percent-encoded URI against SRCROOT when the file is in the checkout, else a file URI."""
    rel = relative_path(path, base)
    if rel.startswith("/"):
        return {"uri": Path(rel).as_uri()}
    return {"uri": quote(rel), "uriBaseId": BASE_ID}


def _region(paragraph, span: tuple[int, int] | None, fallback_line: int) -> dict[str, Any]:
    """Exact columns when the finding has a span inside the paragraph, else just the line."""
    if paragraph is None or span is None or not (0 <= span[0] <= span[1] <= len(paragraph.text)):
        return {"startLine": max(1, fallback_line)}
    start_line, start_col = line_and_column(paragraph.text, span[0], paragraph.line)
    end_line, end_col = line_and_column(paragraph.text, span[1], paragraph.line)
    region: dict[str, Any] = {
        "startLine": start_line,
        "startColumn": start_col,
        "endLine": end_line,
        "endColumn": end_col,
    }
    if span[1] > span[0]:
        region["snippet"] = {"text": paragraph.text[span[0] : span[1]]}
    return region


def _paragraph(letter, index: int | None):
    return letter.paragraphs[index] if index is not None and 0 <= index < len(letter.paragraphs) else None


def _escape(text: str) -> str:
    """SARIF messages treat [text](n) as links to related locations: literal brackets are escaped."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _locations(finding: Finding, result: PairResult, base: Path) -> tuple[dict, list[dict]]:
    ctx = result.context
    target_par = _paragraph(ctx.target, finding.target_paragraph) if finding.file == str(result.pair.target) else None
    if finding.unit is not None:  # a unit's checked text has no inline codes: its columns are not the file's
        target_par = source_par = None
    primary: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": _artifact(finding.file, base),
            "region": _region(target_par, finding.target_span, finding.line),
        }
    }
    if finding.unit is not None:
        primary["logicalLocations"] = [{"name": finding.unit, "kind": "element"}]
    elif finding.source_file == finding.file:  # a synthesized finding about the ignore file itself
        return primary, []
    if finding.unit is None:
        source_par = _paragraph(ctx.source, finding.source_paragraph)
    related = {
        "id": 1,
        "physicalLocation": {
            "artifactLocation": _artifact(finding.source_file, base),
            "region": _region(source_par, finding.source_span, finding.source_line),
        },
        "message": {"text": f"English source: {finding.source_text}" if finding.source_text else "English source"},
    }
    return primary, [related]


def _result(
    finding: Finding, result: PairResult, fingerprint: str, index: dict[str, int], base: Path
) -> dict[str, Any]:
    primary, related = _locations(finding, result, base)
    text = _escape(finding.message) + (" ([English source](1))" if related else "")
    pair = clause_pair(finding)
    if pair:  # a meaning finding: the clause pair, negation cues between ⟦ ⟧
        text += _escape(f"\nEnglish: {pair[0]}\nTranslation: {pair[1]}")
    properties: dict[str, Any] = {
        "category": finding.category,
        "language": finding.lang,
        "letter": result.pair.slug,
        "expected": list(finding.expected),
    }
    if finding.source_text:
        properties["sourceText"] = finding.source_text
    if finding.found is not None:
        properties["found"] = finding.found
    for name in ("source_cue", "target_cue"):
        if name in finding.extra:
            properties["sourceCue" if name == "source_cue" else "targetCue"] = finding.extra[name]
    if finding.unit is not None:
        properties["unit"] = finding.unit
    sarif: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [primary],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": properties,
    }
    if finding.rule in index:
        sarif["ruleIndex"] = index[finding.rule]
    if related:
        sarif["relatedLocations"] = related
    return sarif


def _suppression(item: SuppressedFinding, base: Path) -> dict[str, Any]:
    entry = item.suppression
    suppression: dict[str, Any] = {"kind": "external", "status": "accepted", "justification": entry.reason}
    if entry.file:
        suppression["location"] = {
            "physicalLocation": {
                "artifactLocation": _artifact(entry.file, base),
                "region": {"startLine": max(1, entry.line)},
            }
        }
    return suppression
