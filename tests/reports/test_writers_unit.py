"""The writers on hand-made results: exact, fast, independent of what the checker finds today."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import jsonschema
import pytest
from junitparser import Failure, JUnitXml

from appealkit.checks import RULES
from appealkit.reports import render, renderer
from appealkit.reports.github_report import command, escape_data, escape_property
from appealkit.reports.html_report import Mark, adherence_text, glossary_adherence, highlight
from appealkit.reports.sarif_report import FINGERPRINT_KEY
from report_support import SCHEMA
from factories import EN, ZH, finding, letters, sample_result


def unescape(text: str) -> str:
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


# ------------------------------------------------------------------ github


def test_github_message_escaping():
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"


def test_github_property_escaping():
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_github_percent_is_escaped_first():
    # "%0A" typed by a translator must not turn into a newline on the runner.
    assert escape_data("literal %0A") == "literal %250A"
    assert unescape(escape_data("literal %0A")) == "literal %0A"


def test_github_command_shape():
    line = command("error", "two\nlines", file="dir,1/a:b.md", line=3, col=None, title="rule [zh]")
    assert line == "::error file=dir%2C1/a%3Ab.md,line=3,title=rule [zh]::two%0Alines"


def test_github_render_levels_and_columns(tmp_path):
    result = sample_result(tmp_path)
    lines = render("github", [result], base=tmp_path).splitlines()
    assert [line.split(" ")[0] for line in lines] == ["::error", "::error", "::notice", "::error"]
    changed = next(line for line in lines if "figure-changed" in line)
    # "200" sits at column 8 of the first Chinese line (1-based, code points).
    assert "file=sample/zh.md,line=4,col=8,endColumn=11," in changed


def test_github_hostile_message_stays_one_command(tmp_path):
    source, target = letters(tmp_path)
    nasty = finding(source, target, "figure-missing", "warning", "figure", 0, "2,000", 0, None,
                    "50% of 2,000:\nlost\r\n::error::forged")
    from appealkit.checker import PairResult

    base = sample_result(tmp_path)
    result = PairResult(base.pair, base.context, [nasty])
    out = render("github", [result], base=tmp_path)
    assert out.count("\n") == 1 and out.startswith("::warning ")
    props, message = out.rstrip("\n")[len("::warning "):].split("::", 1)
    assert unescape(message).startswith("50% of 2,000:\nlost\r\n::error::forged")
    assert "::" not in props


# ------------------------------------------------------------------ sarif


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def validate(document: dict, schema: dict) -> None:
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_vendored_schema_is_the_official_one(schema):
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert len(schema["definitions"]) == 52 and "result" in schema["definitions"]


def test_sarif_validates_and_has_every_rule(tmp_path, schema):
    document = json.loads(render("sarif", [sample_result(tmp_path)], base=tmp_path))
    validate(document, schema)
    rules = {r["id"]: r for r in document["runs"][0]["tool"]["driver"]["rules"]}
    assert set(RULES) | {"suppression-unused"} == set(rules)
    for rule_id, rule in RULES.items():
        assert rules[rule_id]["shortDescription"]["text"] == rule.summary
        assert rules[rule_id]["help"]["text"] == rule.doc


def test_sarif_locations(tmp_path):
    document = json.loads(render("sarif", [sample_result(tmp_path)], base=tmp_path))
    result = next(r for r in document["runs"][0]["results"] if r["ruleId"] == "figure-changed")
    primary = result["locations"][0]["physicalLocation"]
    assert primary["artifactLocation"] == {"uri": "sample/zh.md", "uriBaseId": "SRCROOT"}
    assert primary["region"] == {"startLine": 4, "startColumn": 8, "endLine": 4, "endColumn": 11,
                                 "snippet": {"text": "200"}}
    related = result["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "sample/en.md"
    assert related["region"]["startLine"] == 4 and related["region"]["snippet"] == {"text": "2,000"}
    assert result["level"] == "error" and "[English source](1)" in result["message"]["text"]
    info = next(r for r in document["runs"][0]["results"] if r["ruleId"] == "figure-added")
    assert info["level"] == "note"


def _fingerprints(tmp_path, en: str, zh: str) -> dict[str, str]:
    document = json.loads(render("sarif", [sample_result(tmp_path, en=en, zh=zh)], base=tmp_path))
    return {r["ruleId"]: r["partialFingerprints"][FINGERPRINT_KEY] for r in document["runs"][0]["results"]}


def test_fingerprints_survive_line_moves(tmp_path):
    before = _fingerprints(tmp_path / "a", EN, ZH)
    moved = ZH.replace("---\n我们", "---\n\n\n\n我们")  # every paragraph moves three lines down
    moved_en = EN.replace("---\nWe", "---\n\nWe")
    after = _fingerprints(tmp_path / "b", moved_en, moved)
    assert before == after
    assert len(set(before.values())) == len(before)


def test_fingerprints_change_with_the_target_paragraph(tmp_path):
    before = _fingerprints(tmp_path / "a", EN, ZH)
    after = _fingerprints(tmp_path / "b", EN, ZH.replace("保护200名", "保护约200名"))
    assert before["figure-changed"] != after["figure-changed"]
    assert before["date-changed"] == after["date-changed"]


def test_sarif_brackets_in_messages_are_escaped(tmp_path):
    source, target = letters(tmp_path)
    from appealkit.checker import PairResult

    base = sample_result(tmp_path)
    odd = finding(source, target, "figure-missing", "error", "figure", 0, "2,000", 0, None, "lost [sic](1)")
    document = json.loads(render("sarif", [PairResult(base.pair, base.context, [odd])], base=tmp_path))
    assert document["runs"][0]["results"][0]["message"]["text"].startswith(r"lost \[sic\](1)")


# ------------------------------------------------------------------ junit


def test_junit_parses_back(tmp_path):
    report = tmp_path / "junit.xml"
    report.write_text(render("junit", [sample_result(tmp_path)]), encoding="utf-8")
    xml = JUnitXml.fromfile(str(report))
    cases = [case for suite in xml for case in suite]
    assert len(cases) == 1 and cases[0].classname == "appeal.sample"
    failures = [r for r in cases[0].result if isinstance(r, Failure)]
    assert [f.type for f in failures] == ["figure-changed", "citation-instrument", "date-changed"]
    assert "expected: 2,000 | 两千" in failures[0].text
    assert "figure-added" in cases[0].system_out
    assert xml.tests == 1 and xml.failures == 1


def test_junit_passing_case(tmp_path):
    result = sample_result(tmp_path)
    clean = type(result)(result.pair, result.context, [])
    xml = JUnitXml.fromstring(render("junit", [clean]).encode("utf-8"))
    case = next(iter(next(iter(xml))))
    assert case.is_passed and case.system_out is None


# ------------------------------------------------------------------ html pieces


def _mark(n: int, severity: str, start: int, end: int) -> Mark:
    return Mark(f"f{n}", n, severity, start, end, "src")


def test_highlight_overlapping_spans():
    out = highlight("abcdef", [_mark(1, "warning", 0, 4), _mark(2, "error", 2, 6)])
    assert out.startswith('<mark class="hl sev-warning" data-f="f1">ab</mark>')
    assert '<mark class="hl sev-error" data-f="f1 f2">cd</mark>' in out  # the worse severity styles the overlap
    assert out.index('id="f1-src"') < out.index(">ef</mark>") < out.index('id="f2-src"')


def test_highlight_escapes_text():
    out = highlight("<script>alert(1)</script> & co", [_mark(1, "error", 0, 8)])
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp; co" in out


def test_highlight_bad_span_still_shows_badge():
    out = highlight("short", [_mark(1, "error", 3, 99)])
    assert 'id="f1-src"' in out and "<mark" not in out


def test_glossary_adherence_counts_preferred_renderings():
    entry = SimpleNamespace(id="nr", rendering=lambda lang: object())
    other = SimpleNamespace(id="cat", rendering=lambda lang: object())
    term = lambda e, q="source": SimpleNamespace(entry=e, quality=q)  # noqa: E731
    ctx = SimpleNamespace(
        lang="zh",
        beads=[SimpleNamespace(source=(0,), target=(0,)), SimpleNamespace(source=(1,), target=())],
        source_facts=[SimpleNamespace(terms=[term(entry), term(entry), term(other)]),
                      SimpleNamespace(terms=[term(entry)])],
        target_facts=[SimpleNamespace(terms=[term(entry, "preferred"), term(other, "accepted")])],
    )
    assert glossary_adherence(ctx) == (1, 4)
    assert adherence_text(1, 4) == "25% (1 of 4)"
    assert adherence_text(0, 0).startswith("n/a")


def test_renderer_rejects_unknown_format():
    with pytest.raises(ValueError):
        renderer("pdf")


def test_every_writer_accepts_the_common_options(tmp_path):
    result = sample_result(tmp_path)
    for fmt in ("text", "json", "sarif", "junit", "github", "html"):
        assert render(fmt, [result], suppressed=[], color=False, base=tmp_path)


def test_html_page_is_self_contained(tmp_path):
    page = render("html", [sample_result(tmp_path)])
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert page.count("<caption>") == 2 and '<th scope="col">' in page and '<th scope="row">' in page
    assert 'lang="zh-Hans"' in page and "Noto Sans CJK SC" in page and "Malgun Gothic" in page


def test_html_escapes_letter_text(tmp_path):
    hostile_en = "---\nid: x\n---\nWe ask you to protect 2,000 <script>alert('en')</script> people.\n\nB.\n\nC.\n"
    hostile_zh = "---\nlang: zh\n---\n我们请求您保护200名<img src=x onerror=alert(1)>。\n\n乙。\n\n丙。\n"
    source, target = letters(tmp_path, "x", hostile_en, hostile_zh)
    from appealkit.checker import PairResult

    base = sample_result(tmp_path / "base")
    odd = finding(source, target, "figure-changed", "error", "figure", 0, "2,000", 0, "200",
                  "figure '2,000' became '200' <b>not bold</b>", ("2,000 & more",))
    context = type(base.context)(**{**vars(base.context), "source": source, "target": target})
    page = render("html", [PairResult(base.pair, context, [odd])])
    assert "<script>alert" not in page and "<img" not in page and "<b>not bold" not in page
    assert "&lt;script&gt;alert(&#x27;en&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;not bold&lt;/b&gt;" in page and "2,000 &amp; more" in page


# ------------------------------------------------------------------ regressions found in QA


def test_junit_survives_control_characters(tmp_path):
    """A vertical tab from a Word export, or "\\e" in an ignore file's reason, made lxml raise and
    `appeal check --format junit` end as an internal error (exit 3)."""
    from appealkit.checker import PairResult
    from appealkit.suppressions import SuppressedFinding, suppression_for

    source, target = letters(tmp_path)
    base = sample_result(tmp_path)
    odd = finding(source, target, "figure-missing", "error", "figure", 0, "2,000", 0, None,
                  "lost\x0bhere \x1b[2J cleared \ufffe")
    note = finding(source, target, "figure-added", "info", "figure", None, "", 2, "14", "adds\x0c14")
    hidden = base.findings[0]
    entry = suppression_for(base, hidden, "checked\x07by the editor")
    result = PairResult(base.pair, base.context, [odd, note])
    xml = JUnitXml.fromstring(render("junit", [result], suppressed=[SuppressedFinding(hidden, entry)]).encode())
    case = next(iter(next(iter(xml))))
    failure = next(r for r in case.result if isinstance(r, Failure))
    assert "lost\\x0bhere \\x1b[2J cleared \\ufffe" in failure.message and "lost\\x0bhere" in failure.text
    assert "adds\\x0c14" in case.system_out and "checked\\x07by the editor" in case.system_out


def test_junit_case_names_stay_unique_for_one_slug_in_two_folders(tmp_path):
    """`appeal check letters/ copy/` with the same letter in both: two cases of one name, which Jenkins and
    GitLab merge into one."""
    a, b = sample_result(tmp_path / "letters"), sample_result(tmp_path / "copy")
    xml = JUnitXml.fromstring(render("junit", [a, b]).encode("utf-8"))
    names = [case.name for suite in xml for case in suite]
    assert len(names) == 2 and len(set(names)) == 2
    assert all(name.startswith("sample [zh] ") for name in names)
    assert str(a.pair.target) in names[0] and str(b.pair.target) in names[1]
    single = JUnitXml.fromstring(render("junit", [a]).encode("utf-8"))
    assert [case.name for suite in single for case in suite] == ["sample [zh] Chinese (Simplified)"]


def test_text_puts_an_unused_suppression_under_the_ignore_file(tmp_path):
    """It was listed as "paragraph at line 3" of the translation: line 3 of the ignore file."""
    from appealkit.suppressions import apply_suppressions, suppression_for

    result = sample_result(tmp_path)
    entry = suppression_for(result, result.findings[0], "fine")
    stale = type(entry)(**{**entry.__dict__, "fingerprint": "0:0", "file": "ig.yaml", "line": 4})
    report = render("text", apply_suppressions([result], [stale]).results)
    assert "  ig.yaml, line 4:\n    warning suppression-unused: ig.yaml:4:" in report
    assert "paragraph at line 4 (source line 4):\n    error   figure-changed" in report


def test_text_shows_control_characters_instead_of_obeying_them(tmp_path):
    from appealkit.checker import PairResult

    source, target = letters(tmp_path)
    base = sample_result(tmp_path)
    odd = finding(source, target, "figure-missing", "error", "figure", 0, "2,000", 0, None,
                  "lost \x1b[2J\r forged line")
    report = render("text", [PairResult(base.pair, base.context, [odd])], color=True)
    assert "\x1b[2J" not in report and "\r" not in report
    assert "lost \\x1b[2J\\r forged line" in report
    assert "\x1b[" in report  # the report's own colours are kept
