"""JUnit XML for CI test reporters (Jenkins, GitLab, GitHub test-report actions), built with junitparser.

One ``<testsuite>`` per letter, one ``<testcase>`` per letter × language; each error finding is a
``<failure>`` (type = rule id), warnings and info go to ``<system-out>`` so they are visible without failing
the case. Reporters that show only a case's first failure still get the count in its message.
No timestamps and zero times: the same findings give the same file, which keeps CI artifacts diffable.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from junitparser import Attr, Failure, JUnitXml, TestCase, TestSuite

from appealkit.findings import Finding
from appealkit.reports import LANG_NAMES, clause_pair, where_in_unit

if TYPE_CHECKING:
    from appealkit.checker import PairResult
    from appealkit.suppressions import SuppressedFinding


# Characters XML 1.0 cannot carry at all, even escaped (C0 controls but tab/LF/CR, U+FFFE/U+FFFF). Letters
# exported from Word hold vertical tabs, and a reason in the ignore file may be "\e": lxml refuses them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text an XML document can hold: each forbidden character written visibly (``\\x0b``, ``\\ufffe``)."""
    return _NOT_XML.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class FileTestCase(TestCase):
    """A test case with the ``file`` attribute that GitLab and the GitHub reporters use to link to the file."""

    file = Attr()


def render(results: Sequence[PairResult], suppressed: Sequence[SuppressedFinding] = (), **_: object) -> str:
    document = JUnitXml("appeal check")
    by_letter: dict[str, list[PairResult]] = {}
    for result in results:
        by_letter.setdefault(result.pair.slug, []).append(result)
    repeated = _repeated_names(results)
    for slug, group in by_letter.items():
        suite = TestSuite(xml_text(slug))
        for result in group:
            case = _case(result, [s for s in suppressed if s.finding.file == str(result.pair.target)])
            if _case_name(result) in repeated:  # readers merge cases of one name: say which file this is
                case.name = xml_text(f"{_case_name(result)} ({result.pair.target})")
            suite.add_testcase(case)
        document.add_testsuite(suite)
    _statistics(document)
    buffer = io.BytesIO()
    document.write(buffer, pretty=True)
    return buffer.getvalue().decode("utf-8")


def _statistics(document: JUnitXml) -> None:
    """``failures`` counts failing test cases, not failure elements: readers compute passed = tests −
    failures − errors, which must not go negative when a case carries several failures."""
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in document:
        suite.update_statistics()
        suite.failures = sum(1 for case in suite if any(isinstance(r, Failure) for r in case.result))
        for key in totals:
            totals[key] += getattr(suite, key)
    for key, value in totals.items():
        setattr(document, key, value)
    document.time = 0.0


def _case_name(result: PairResult) -> str:
    pair = result.pair
    return f"{pair.slug} [{pair.lang}] {LANG_NAMES.get(pair.lang, pair.lang)}"


def _repeated_names(results: Sequence[PairResult]) -> set[str]:
    """Names of cases that occur more than once: one slug in two checked folders (letters/ and a copy)."""
    counts = Counter(_case_name(r) for r in results)
    return {name for name, n in counts.items() if n > 1}


def _case(result: PairResult, suppressed: Sequence[SuppressedFinding]) -> FileTestCase:
    pair = result.pair
    case = FileTestCase(xml_text(_case_name(result)), xml_text(f"appeal.{pair.slug}"), 0.0)
    case.file = xml_text(str(pair.target))
    errors = [f for f in result.findings if f.severity == "error"]
    case.result = [_failure(f, n, len(errors)) for n, f in enumerate(errors, start=1)]
    notes = [_describe(f) for f in result.findings if f.severity != "error"]
    notes += [f"suppressed {_describe(s.finding)}\n    reason: {xml_text(s.suppression.reason)}" for s in suppressed]
    if result.skipped:
        notes.append(
            f"{sum(result.skipped.values())} unit(s) not checked: "
            + ", ".join(f"{n} {reason}" for reason, n in result.skipped.items())
        )
    if notes:
        case.system_out = "\n".join(notes) + "\n"
    return case


def _failure(finding: Finding, number: int, total: int) -> Failure:
    prefix = f"[{number}/{total}] " if total > 1 else ""
    failure = Failure(xml_text(f"{prefix}{finding.rule}: {finding.message}"), xml_text(finding.rule))
    failure.text = _describe(finding)
    return failure


def _describe(finding: Finding) -> str:
    """A plain-text block: location, rule, message, the English source and what was expected."""
    lines = [
        f"{finding.file}:{finding.line}: {where_in_unit(finding)}"
        f"{finding.severity} {finding.rule} ({finding.category}): "
        f"{finding.message}"
    ]
    pair = clause_pair(finding)
    if finding.source_text:
        source = pair[0] if pair else finding.source_text
        lines.append(f"    source ({finding.source_file}:{finding.source_line}): {source}")
    if finding.expected and finding.category != "stale":
        lines.append(f"    expected: {' | '.join(finding.expected[:6])}")
    if finding.found:
        lines.append(f"    found: {pair[1] if pair else finding.found}")
    return xml_text("\n".join(lines))
