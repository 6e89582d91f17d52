"""GitHub Actions workflow commands: ``::error file=…,line=…,title=…::message``, one per finding.

Printed in a workflow step, each line becomes an annotation shown inline on the pull request's diff.
Escaping follows the runner's rules (actions/toolkit ``command.ts``): in the message ``%``, CR and LF are
percent-encoded; in property values ``:`` and ``,`` are too, since they delimit the properties.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from appealkit.findings import Finding
from appealkit.reports import line_and_column, relative_path

if TYPE_CHECKING:
    from appealkit.checker import PairResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Message escaping; ``%`` first so the escapes themselves are not escaped again."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items()
                     if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render(results: Sequence[PairResult], base: str | Path | None = None, **_: object) -> str:
    lines = [_annotation(f, r, base) for r in results for f in r.findings]
    return "".join(line + "\n" for line in lines)


def _column(finding: Finding, result: PairResult) -> tuple[int | None, int | None]:
    """The column of the target span when the finding has one on a single line (annotations underline it)."""
    pars = result.context.target.paragraphs
    index, span = finding.target_paragraph, finding.target_span
    if index is None or span is None or finding.file != str(result.pair.target) or not 0 <= index < len(pars):
        return None, None
    paragraph = pars[index]
    if not 0 <= span[0] <= span[1] <= len(paragraph.text):
        return None, None
    start_line, start_col = line_and_column(paragraph.text, span[0], paragraph.line)
    end_line, end_col = line_and_column(paragraph.text, span[1], paragraph.line)
    return (start_col, end_col) if start_line == end_line == finding.line else (None, None)


def _annotation(finding: Finding, result: PairResult, base: str | Path | None) -> str:
    col, end_col = _column(finding, result)
    details = [finding.message]
    if finding.source_text:
        details.append(f"English ({relative_path(finding.source_file, base)}:{finding.source_line}): "
                       f"{finding.source_text}")
    if finding.expected and finding.category != "stale":
        details.append(f"Expected: {' | '.join(finding.expected[:6])}")
    title = f"{finding.rule} [{finding.lang}]" if finding.lang else finding.rule
    return command(COMMANDS[finding.severity], "\n".join(details), file=relative_path(finding.file, base),
                   line=finding.line, col=col, endColumn=end_col, title=title)
