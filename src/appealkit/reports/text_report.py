"""The terminal report: grouped by file and paragraph, the source span and what was expected."""

from __future__ import annotations

import os
import re
from itertools import groupby

import click

from appealkit.findings import PairResult, summarize
from appealkit.reports import clause_pair

COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # every C0/C1 control but tab and newline


def _visible(text: str) -> str:
    """ESC, CR, BEL... from a letter or the ignore file written as ``\\x1b``: they must not recolour, clear or
    overwrite the terminal a reviewer reads the findings in."""
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _excerpt(text: str, limit: int = 100) -> str:
    flat = _visible(" ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


SHOWN_FORMS = 4


def _forms(expected: tuple[str, ...]) -> str:
    """The first accepted forms, saying how many more there are: a cut list must not look complete."""
    shown = " | ".join(expected[:SHOWN_FORMS])
    rest = len(expected) - SHOWN_FORMS
    return f"{shown} (and {rest} more: appeal glossary show)" if rest > 0 else shown


def render(results: list[PairResult], color: bool = False, **_: object) -> str:
    style = (lambda text, **kw: click.style(text, **kw)) if color else (lambda text, **kw: text)
    lines: list[str] = []
    for result in results:
        if not result.findings:
            continue
        header = (
            f"{result.pair.target} ({result.pair.lang}) ← {result.pair.source}"
            if result.checked
            else f"{result.pair.target.parent}{os.sep} (files not checked)"
        )
        lines.append(style(header, bold=True))
        # By file as well as line: an unused suppression's line is in the ignore file, not in this translation.
        for (file, line, unit), grouped in groupby(result.findings, key=lambda f: (f.file, f.line, f.unit)):
            group = list(grouped)
            if unit is not None:
                lines.append(f"  unit {_visible(unit)} at line {line}:")
            elif file == str(result.pair.target) and result.checked and group[0].category != "file":
                lines.append(f"  paragraph at line {line} (source line {group[0].source_line}):")
            else:
                lines.append(f"  {file}, line {line}:")
            for f in group:
                label = style(f"{f.severity:<7}", fg=COLOURS[f.severity], bold=f.severity == "error")
                lines.append(f"    {label} {f.rule}: {_visible(f.message)}")
                pair = clause_pair(f)
                if pair:  # a meaning finding: the clause pair, its negation cues between ⟦ ⟧
                    lines.append(f"            source:      {_excerpt(pair[0], 240)}")
                    lines.append(f"            translation: {_excerpt(pair[1], 240)}")
                elif f.source_text:
                    lines.append(f"            source:   {_excerpt(f.source_text)}")
                if f.expected and f.category != "stale":
                    lines.append(f"            expected: {_visible(_forms(f.expected))}")
        lines.append("")
    for result in results:
        if result.skipped:
            reasons = ", ".join(f"{count} {reason}" for reason, count in result.skipped.items())
            lines.append(
                f"{result.pair.target} ({result.pair.lang}): {sum(result.skipped.values())} unit(s) skipped: {reasons}"
            )
    counts = summarize([f for r in results for f in r.findings])
    pairs = sum(1 for r in results if r.checked)
    checked = f"{pairs} translation{'s' if pairs != 1 else ''} checked"
    lines.append(f"{checked}: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info")
    return "\n".join(lines) + "\n"
