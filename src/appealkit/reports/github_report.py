"""GitHub Actions workflow commands: ``::error file=…,line=…,title=…::message``, one per finding.

Printed in a workflow step, each line becomes an annotation shown inline on the pull request's diff.
Escaping follows the runner's rules (actions/toolkit ``command.ts``): in the message ``%``, CR and LF are
percent-encoded; in property values ``:`` and ``,`` are too, since they delimit the properties.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from appealkit.findings import Finding
from appealkit.reports import clause_pair, line_and_column, relative_path

if TYPE_CHECKING:
    from appealkit.checker import PairResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Message escaping; ``%`` first so the escapes themselves are not escaped again."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render(results: Sequence[PairResult], base: str | Path | None = None, **_: object) -> str:
    lines = [_annotation(f, r, base) for r in results for f in r.findings]
    return "".join(line + "\n" for line in lines)


def _position(finding: Finding, result: PairResult) -> dict[str, int | None]:
    """Where the annotation goes: the exact target span when known (the runner underlines it), else the
    paragraph's first line. Columns only on a single line, as the runner wants."""
    where: dict[str, int | None] = {"line": finding.line}
    pars = result.context.target.paragraphs
    index, span = finding.target_paragraph, finding.target_span
    if index is None or span is None or finding.file != str(result.pair.target) or not 0 <= index < len(pars):
        return where
    if finding.unit is not None:
        return where  # a unit's checked text has its inline codes taken out: its columns are not the file's
    paragraph = pars[index]
    if not 0 <= span[0] <= span[1] <= len(paragraph.text):
        return where
    start_line, start_col = line_and_column(paragraph.text, span[0], paragraph.line)
    end_line, end_col = line_and_column(paragraph.text, span[1], paragraph.line)
    if start_line != end_line:
        return {"line": start_line, "endLine": end_line}
    return {"line": start_line, "col": start_col, "endColumn": end_col}


def _annotation(finding: Finding, result: PairResult, base: str | Path | None) -> str:
    details = [finding.message]
    pair = clause_pair(finding)
    if finding.source_text:
        details.append(
            f"English ({relative_path(finding.source_file, base)}:{finding.source_line}): "
            f"{pair[0] if pair else finding.source_text}"
        )
    if pair:
        details.append(f"Translation: {pair[1]}")
    if finding.expected and finding.category != "stale":
        details.append(f"Expected: {' | '.join(finding.expected[:6])}")
    title = f"{finding.rule} [{finding.lang}]" if finding.lang else finding.rule
    if finding.unit is not None:
        title += f" unit {finding.unit}"
    return command(
        COMMANDS[finding.severity],
        "\n".join(details),
        file=relative_path(finding.file, base),
        **_position(finding, result),
        title=title,
    )
