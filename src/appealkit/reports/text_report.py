"""The terminal report: grouped by file and paragraph, the source span and what was expected."""

from __future__ import annotations

from itertools import groupby

import click

from appealkit.checker import PairResult
from appealkit.findings import summarize

COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def _excerpt(text: str, limit: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def render(results: list[PairResult], color: bool = False, **_: object) -> str:
    style = (lambda text, **kw: click.style(text, **kw)) if color else (lambda text, **kw: text)
    lines: list[str] = []
    for result in results:
        if not result.findings:
            continue
        lines.append(style(f"{result.pair.target} ({result.pair.lang}) ← {result.pair.source}", bold=True))
        for line, group in groupby(result.findings, key=lambda f: f.line):
            group = list(group)
            lines.append(f"  paragraph at line {line} (source line {group[0].source_line}):")
            for f in group:
                label = style(f"{f.severity:<7}", fg=COLOURS[f.severity], bold=f.severity == "error")
                lines.append(f"    {label} {f.rule}: {f.message}")
                if f.source_text:
                    lines.append(f"            source:   {_excerpt(f.source_text)}")
                if f.expected and f.category != "stale":
                    lines.append(f"            expected: {' | '.join(f.expected[:4])}")
        lines.append("")
    counts = summarize([f for r in results for f in r.findings])
    checked = f"{len(results)} translation{'s' if len(results) != 1 else ''} checked"
    lines.append(f"{checked}: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info")
    return "\n".join(lines) + "\n"
