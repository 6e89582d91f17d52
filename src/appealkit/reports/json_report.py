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
        "pairs": [_pair(r) for r in results if r.checked],  # files reported without a pair: findings only
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _pair(result: PairResult) -> dict:
    pair = {
        "source": str(result.pair.source),
        "target": str(result.pair.target),
        "lang": result.pair.lang,
        "summary": summarize(result.findings),
    }
    if result.skipped:  # bilingual files only: units not checked, by reason
        pair["skipped"] = dict(result.skipped)
    return pair
