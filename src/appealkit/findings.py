"""Findings: what the checker reports, in a stable, serialisable shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from appealkit.checks.context import LetterContext
    from appealkit.letters import LetterPair

SEVERITIES = ("error", "warning", "info")
CATEGORIES = ("meaning", "figure", "date", "citation", "term", "entity", "untranslated", "structure", "stale", "file")
SEVERITY_RANK = {name: rank for rank, name in enumerate(reversed(SEVERITIES))}  # info 0 < warning 1 < error 2


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    source_text: str
    expected: tuple[str, ...]
    file: str
    line: int
    source_file: str
    source_line: int
    lang: str = ""
    found: str | None = None
    source_paragraph: int | None = None
    target_paragraph: int | None = None
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    unit: str | None = None  # the unit id when the finding is in a bilingual file (XLIFF, PO, TMX)
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.source_line, self.source_span or (0, 0), self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["expected"] = list(self.expected)
        for key in ("source_span", "target_span"):
            data[key] = list(data[key]) if data[key] is not None else None
        for key in ("extra", "unit"):  # absent for letters: the JSON of a letter check is unchanged
            if not data[key]:
                data.pop(key)
        return data


@dataclass
class PairResult:
    """The check of one translation: its pair, the context the rules saw, and what they found. (Defined here,
    not in the checker, so that reading results from the cache imports no checking code.)"""

    pair: LetterPair
    context: LetterContext
    findings: list[Finding]
    skipped: dict[str, int] = field(default_factory=dict)  # bilingual files: units not checked, by reason
    checked: bool = True  # False: a file discovery reports (an orphan translation, an unknown file), no pair


def at_or_above(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]


def summarize(findings: list[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts
