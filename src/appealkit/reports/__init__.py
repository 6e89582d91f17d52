"""Report writers: one module per format, each exposing ``render(results, ...) -> str``.

Every writer takes the checker's ``PairResult`` list and these keyword options (writers ignore the ones they
do not use): ``color`` (text), ``suppressed`` (a list of ``SuppressedFinding``) and ``base`` (the directory
that relative paths in SARIF and GitHub output are relative to; default: the current directory).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from appealkit.checker import PairResult
    from appealkit.suppressions import SuppressedFinding

FORMATS = ("text", "json", "sarif", "junit", "github", "html")
LANG_NAMES = {"zh": "Chinese (Simplified)", "ko": "Korean"}
LANG_TAGS = {"zh": "zh-Hans", "ko": "ko", "en": "en"}


def renderer(name: str) -> Callable[..., str]:
    """Import a writer lazily so that ``appeal check`` loads only the format it prints."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name}")
    module = __import__(f"appealkit.reports.{name}_report", fromlist=["render"])
    return module.render


def render(
    name: str, results: Sequence[PairResult], *, suppressed: Sequence[SuppressedFinding] = (), **options: Any
) -> str:
    """Render one format, adding the suppressed counts to the two writers that predate suppressions.

    The json and text writers are a stable contract and are not changed; their output only gains a
    ``"suppressed"`` count in each summary (json) or a closing line (text) when something was suppressed.
    """
    report = renderer(name)(list(results), suppressed=list(suppressed), **options)
    if name == "json":
        return _json_with_suppressed(report, suppressed)
    if name == "text" and suppressed:
        return report + f"{len(suppressed)} finding(s) suppressed by the ignore file\n"
    return report


def _json_with_suppressed(report: str, suppressed: Sequence[SuppressedFinding]) -> str:
    document = json.loads(report)
    document["summary"]["suppressed"] = len(suppressed)
    per_target = suppressed_by_target(suppressed)
    for pair in document.get("pairs", []):
        pair["summary"]["suppressed"] = per_target.get(pair["target"], 0)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def suppressed_by_target(suppressed: Sequence[SuppressedFinding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in suppressed:
        counts[item.finding.file] = counts.get(item.finding.file, 0) + 1
    return counts


def relative_path(path: str | Path, base: str | Path | None = None) -> str:
    """A POSIX path relative to ``base`` (default: cwd) when the file is under it, else absolute.

    CI annotations and code scanning resolve paths against the repository root, where the gate runs.
    """
    base_path = Path(base or os.getcwd()).resolve()
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(base_path).as_posix()
    except ValueError:
        return resolved.as_posix()


def where_in_unit(finding) -> str:
    """``unit ID, `` for a finding in a bilingual file (XLIFF, PO, TMX), else nothing."""
    return f"unit {finding.unit}, " if finding.unit is not None else ""


def line_and_column(text: str, offset: int, first_line: int) -> tuple[int, int]:
    """1-based file line and column (code points) of ``offset`` in a paragraph that starts at ``first_line``."""
    offset = max(0, min(offset, len(text)))
    before = text[:offset]
    newline = before.rfind("\n")
    return first_line + before.count("\n"), offset - newline  # newline == -1 gives a 1-based column


CUE_MARKS = ("⟦", "⟧")


def with_cue(text: str, cue: Sequence[int] | None, marks: tuple[str, str] = CUE_MARKS) -> str:
    """``text`` with the span ``cue`` between marks: a negation cue inside its clause."""
    if not text or not cue or not 0 <= cue[0] < cue[1] <= len(text):
        return text
    return f"{text[: cue[0]]}{marks[0]}{text[cue[0] : cue[1]]}{marks[1]}{text[cue[1] :]}"


def clause_pair(finding, marks: tuple[str, str] = CUE_MARKS) -> tuple[str, str] | None:
    """The English and the translated clause of a ``meaning`` finding, each with its cue marked; None for
    other findings. Every report format shows the pair this way."""
    if finding.category != "meaning" or not finding.found:
        return None
    return (
        with_cue(finding.source_text, finding.extra.get("source_cue"), marks),
        with_cue(finding.found, finding.extra.get("target_cue"), marks),
    )


@dataclass(frozen=True)
class RuleInfo:
    """What a report needs to know about a rule: the registry's rules plus the synthesized ones."""

    id: str
    category: str
    severity: str
    summary: str
    doc: str
    rationale: str = ""  # why the default severity is what it is


def rule_catalogue() -> list[RuleInfo]:
    """Every rule a finding can carry, sorted by id: RULES and ``suppression-unused``."""
    from appealkit import suppressions as sup
    from appealkit.checks import RULES

    rules = [RuleInfo(r.id, r.category, r.severity, r.summary, r.doc, r.rationale) for r in RULES.values()]
    rules.append(
        RuleInfo(
            sup.UNUSED_RULE_ID,
            sup.UNUSED_CATEGORY,
            sup.UNUSED_SEVERITY,
            sup.UNUSED_SUMMARY,
            sup.UNUSED_DOC,
            sup.UNUSED_RATIONALE,
        )
    )
    return sorted(rules, key=lambda r: r.id)
