"""The JSON report: ``{"version": 1, "findings": [...], "summary": {...}}`` (a stable contract)."""

from __future__ import annotations

import json

from appealkit.findings import PairResult, summarize

JSON_VERSION = 1


def render(results: list[PairResult], **_: object) -> str:
    findings = [f for result in results for f in result.findings]
    document = {
        "version": JSON_VERSION,
        "findings": [f.to_dict() for f in findings],
        "summary": summarize(findings),
        "pairs": [
            {"source": str(r.pair.source), "target": str(r.pair.target), "lang": r.pair.lang,
             "summary": summarize(r.findings)}
            for r in results
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
