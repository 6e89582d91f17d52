"""Suppressions: the library (parsing, matching, lapsing) and `appeal check --write-baseline` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from appealkit.errors import AppealInputError
from appealkit.suppressions import (
    UNUSED_RULE_ID,
    apply_suppressions,
    baseline,
    dump_suppressions,
    load_ignore_file,
    load_suppressions,
    paragraph_fingerprint,
    suppression_for,
)
from report_support import GLOSSARY, SEEDED_SLUG, appeal
from factories import ZH, sample_result


# ------------------------------------------------------------------ library


def test_round_trip_through_yaml(tmp_path):
    result = sample_result(tmp_path)
    entries = [suppression_for(result, f, "accepted by the editor") for f in result.findings]
    path = tmp_path / ".appeal-ignore.yaml"
    path.write_text(dump_suppressions(entries), encoding="utf-8")
    assert "span: [" in path.read_text(encoding="utf-8")  # one value on one line
    loaded = load_suppressions(path)
    assert [(s.rule, s.source, s.span, s.fingerprint, s.reason) for s in loaded] == \
        [(s.rule, s.source, s.span, s.fingerprint, s.reason) for s in entries]
    assert all(s.line > 0 for s in loaded)


def test_suppressed_findings_leave_the_results(tmp_path):
    result = sample_result(tmp_path)
    target = next(f for f in result.findings if f.rule == "figure-changed")
    outcome = apply_suppressions([result], [suppression_for(result, target, "fine")])
    assert target not in outcome.results[0].findings
    assert [s.finding for s in outcome.suppressed] == [target]
    assert not outcome.unused


def test_suppression_lapses_when_the_target_paragraph_changes(tmp_path):
    before = sample_result(tmp_path / "a")
    entry = suppression_for(before, next(f for f in before.findings if f.rule == "figure-changed"), "fine")
    after = sample_result(tmp_path / "b", zh=ZH.replace("保护200名", "保护约200名"))
    outcome = apply_suppressions([after], [entry])
    assert not outcome.suppressed and outcome.unused == [entry]
    unused = [f for f in outcome.results[0].findings if f.rule == UNUSED_RULE_ID]
    assert len(unused) == 1 and unused[0].severity == "warning" and unused[0].category == "structure"


def test_suppression_lapses_when_the_source_paragraph_changes(tmp_path):
    from factories import EN

    before = sample_result(tmp_path / "a")
    entry = suppression_for(before, next(f for f in before.findings if f.rule == "figure-changed"), "fine")
    after = sample_result(tmp_path / "b", en=EN.replace("We ask you", "We urge you"))
    assert apply_suppressions([after], [entry]).unused == [entry]


def test_paragraph_fingerprint_ignores_rewrapping(tmp_path):
    a = sample_result(tmp_path / "a")
    b = sample_result(tmp_path / "b", zh=ZH.replace("我们请求您保护200名朝鲜人。", "我们请求您保护200名朝鲜人。   "))
    assert paragraph_fingerprint(a, a.findings[0]) == paragraph_fingerprint(b, b.findings[0])


def test_entries_for_letters_not_checked_are_not_unused(tmp_path):
    result = sample_result(tmp_path)
    entry = suppression_for(result, result.findings[0], "fine")
    elsewhere = type(entry)(**{**entry.__dict__, "letter": "another-letter"})
    outcome = apply_suppressions([result], [elsewhere])
    assert not outcome.unused and not outcome.suppressed
    kept = baseline(outcome, [elsewhere], "new reason")
    assert elsewhere in kept


def test_baseline_refuses_an_empty_reason(tmp_path):
    outcome = apply_suppressions([sample_result(tmp_path)], [])
    with pytest.raises(AppealInputError):
        baseline(outcome, [], "   ")


@pytest.mark.parametrize("text, line, words", [
    ("suppressions:\n  - rule: x\n    letter: b: c\n    reason: r\n", 3, "invalid YAML"),
    ("suppressions:\n  - rule: figure-missing\n    letter: a\n    language: zh\n    fingerprint: x:y\n", 2,
     "'reason'"),
    ("suppressions:\n  - rule: a\n    letter: b\n    language: zh\n    fingerprint: f\n    reason: r\n"
     "    reson: typo\n", 7, "unknown suppression key 'reson'"),
    ("suppressions:\n  - rule: a\n    letter: b\n    language: zh\n    fingerprint: f\n    reason: r\n"
     "    span: [5]\n", 7, "span"),
    ("suppressions: nope\n", 1, "must be a list"),
    ("- just a list\n", 1, "mapping"),
    ("version: 7\nsuppressions: []\n", 1, "version"),
])
def test_malformed_ignore_file_names_file_and_line(tmp_path, text, line, words):
    path = tmp_path / ".appeal-ignore.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AppealInputError) as caught:
        load_suppressions(path)
    assert caught.value.line == line and caught.value.path == str(path)
    assert words in caught.value.message


def test_yaml_tags_are_not_executed(tmp_path):
    path = tmp_path / ".appeal-ignore.yaml"
    path.write_text("suppressions: !!python/object/apply:os.system ['echo owned']\n", encoding="utf-8")
    with pytest.raises(AppealInputError):
        load_suppressions(path)


def test_missing_explicit_ignore_file_is_an_input_error(tmp_path):
    with pytest.raises(AppealInputError):
        load_ignore_file(tmp_path / "nope.yaml")
    assert load_ignore_file(tmp_path / "new.yaml", creating=True) == (tmp_path / "new.yaml", [])


# ------------------------------------------------------------------ the real command


def check_json(work: Path, *extra: str):
    proc = appeal("check", "letters", "--glossary", GLOSSARY, "--format", "json", *extra, cwd=work)
    assert proc.returncode in (0, 1), proc.stderr
    return proc, json.loads(proc.stdout)


def test_write_baseline_needs_a_reason(seeded_work):
    proc = appeal("check", "letters", "--glossary", GLOSSARY, "--write-baseline", cwd=seeded_work)
    assert proc.returncode == 2 and "--reason" in proc.stderr
    assert not (seeded_work / ".appeal-ignore.yaml").exists()


def test_baseline_then_lapse(seeded_work):
    _, before = check_json(seeded_work)
    total = sum(before["summary"][k] for k in ("error", "warning", "info"))
    assert before["summary"]["suppressed"] == 0 and before["summary"]["error"] > 0

    proc = appeal("check", "letters", "--glossary", GLOSSARY, "--write-baseline", "--reason",
                  "reviewed by the Chinese editor", "--format", "json", cwd=seeded_work)
    assert proc.returncode == 0, proc.stderr
    ignore = seeded_work / ".appeal-ignore.yaml"
    entries = yaml.safe_load(ignore.read_text(encoding="utf-8"))["suppressions"]
    assert entries and all(e["reason"] == "reviewed by the Chinese editor" for e in entries)
    assert {"rule", "letter", "language", "source", "fingerprint", "reason"} <= set(entries[0])

    # The default ./.appeal-ignore.yaml is picked up: nothing left, everything counted as suppressed.
    proc, after = check_json(seeded_work)
    assert proc.returncode == 0
    assert after["summary"] == {"error": 0, "warning": 0, "info": 0, "suppressed": total}
    assert after["findings"] == [] and after["version"] == 1 and after["pairs"][0]["summary"]["suppressed"] == total

    # Fix one seeded error. The paragraph's text changed, so every suppression written against it lapses:
    # the fixed finding's entry is reported unused, the paragraph's other findings come back for review,
    # and nothing outside that paragraph moves.
    date = next(f for f in before["findings"] if f["rule"] == "date-changed")
    zh = seeded_work / "letters" / SEEDED_SLUG / "zh.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("2023年9月17日，", "2023年9月7日，"), encoding="utf-8")
    proc, fixed = check_json(seeded_work)
    unused = [f for f in fixed["findings"] if f["rule"] == UNUSED_RULE_ID]
    back = [f for f in fixed["findings"] if f["rule"] != UNUSED_RULE_ID]
    assert all(f["severity"] == "warning" and f["category"] == "structure" for f in unused)
    assert all(f["file"] == ".appeal-ignore.yaml" and f["line"] > 0 for f in unused)
    assert any("September 7, 2023" in f["message"] and "date-changed" in f["message"] for f in unused)
    assert not any(f["rule"] == "date-changed" for f in back)
    assert back and all(f["line"] == date["line"] for f in back)
    assert len(unused) == len(back) + 1
    assert fixed["summary"]["suppressed"] == total - len(unused)
    expected_exit = 1 if any(f["severity"] == "error" for f in back) else 0
    assert proc.returncode == expected_exit


def test_malformed_ignore_file_exits_2_with_file_and_line(seeded_work):
    (seeded_work / "broken.yaml").write_text("suppressions:\n  - rule: a\n    letter: b\n", encoding="utf-8")
    proc = appeal("check", "letters", "--glossary", GLOSSARY, "--ignore-file", "broken.yaml", cwd=seeded_work)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "appeal: error: broken.yaml:2: suppression entry needs a non-empty 'language'"]


def test_missing_ignore_file_exits_2(seeded_work):
    proc = appeal("check", "letters", "--glossary", GLOSSARY, "--ignore-file", "nope.yaml", cwd=seeded_work)
    assert proc.returncode == 2 and "nope.yaml" in proc.stderr


# ------------------------------------------------------------------ regressions found in QA


def test_fingerprints_ignore_rewrapping_a_chinese_paragraph(tmp_path):
    """Chinese is wrapped without a space: a line break between two Han characters is no edit, for the
    ignore file's fingerprint and for SARIF's alike."""
    from appealkit.suppressions import finding_fingerprint

    a = sample_result(tmp_path / "a")
    b = sample_result(tmp_path / "b", zh=ZH.replace("我们请求您保护200名朝鲜人。", "我们请求您\n保护200名\n朝鲜人。"))
    assert [paragraph_fingerprint(a, f) for f in a.findings] == [paragraph_fingerprint(b, f) for f in b.findings]
    assert [finding_fingerprint(a, f) for f in a.findings] == [finding_fingerprint(b, f) for f in b.findings]
    edited = sample_result(tmp_path / "c", zh=ZH.replace("我们请求您保护200名", "我们请求您保护约200名"))
    assert paragraph_fingerprint(a, a.findings[0]) != paragraph_fingerprint(edited, edited.findings[0])


def test_english_words_stay_apart_in_fingerprints():
    from appealkit.suppressions import normalize

    assert normalize("two\nthousand") == normalize("two   thousand") != normalize("twothousand")
    assert normalize("朝鲜，\n据报道") == normalize("朝鲜，据报道")


def test_duplicate_entry_is_reported_as_a_duplicate_not_as_fixed(tmp_path):
    result = sample_result(tmp_path)
    first = suppression_for(result, result.findings[0], "fine")
    first = type(first)(**{**first.__dict__, "file": ".appeal-ignore.yaml", "line": 6})
    again = type(first)(**{**first.__dict__, "reason": "copied", "line": 14})
    outcome = apply_suppressions([result], [first, again])
    assert [s.suppression for s in outcome.suppressed] == [first] and outcome.unused == [again]
    warning = next(f for f in outcome.results[0].findings if f.rule == UNUSED_RULE_ID)
    assert "repeats the entry at line 6" in warning.message and "fixed" not in warning.message


def test_applying_many_entries_hashes_each_finding_once(tmp_path, monkeypatch):
    """2,000 findings against 2,000 entries took longer than checking the letters: every entry was tried on
    every finding, hashing both paragraphs each time."""
    from appealkit import suppressions as sup
    from appealkit.checker import PairResult
    from factories import finding, letters

    count = 300
    en = "---\nid: many\n---\n" + "\n\n".join(f"Paragraph {i} protects 2,000 people." for i in range(count)) + "\n"
    zh = "---\nlang: zh\n---\n" + "\n\n".join(f"第{i}段保护200人。" for i in range(count)) + "\n"
    source, target = letters(tmp_path, "many", en, zh)
    base = sample_result(tmp_path / "base")
    context = type(base.context)(**{**vars(base.context), "source": source, "target": target})
    findings = [finding(source, target, "figure-changed", "error", "figure", i, "2,000", i, "200", f"figure {i}")
                for i in range(count)]
    result = PairResult(type(base.pair)(source.path, target.path, "zh", "many"), context, findings)
    entries = [suppression_for(result, f, "fine") for f in findings]
    calls = []
    real = sup.paragraph_fingerprint
    monkeypatch.setattr(sup, "paragraph_fingerprint", lambda r, f: calls.append(1) or real(r, f))
    outcome = apply_suppressions([result], entries)
    assert len(outcome.suppressed) == count and not outcome.unused
    assert len(calls) <= count


def test_baseline_of_two_files_in_the_current_directory_reads_back(tmp_path):
    """`appeal check en.md zh.md` has no letter folder name: the baseline wrote `letter: ''`, which the next
    run refused (exit 2) — the gate was stuck until someone edited the file."""
    from report_support import SEEDED

    for name in ("en.md", "zh.md"):
        (tmp_path / name).write_text((SEEDED / SEEDED_SLUG / name).read_text(encoding="utf-8"), encoding="utf-8")
    proc = appeal("check", "en.md", "zh.md", "--glossary", GLOSSARY, "--write-baseline", "--reason", "ok",
                  cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    entries = yaml.safe_load((tmp_path / ".appeal-ignore.yaml").read_text(encoding="utf-8"))["suppressions"]
    assert entries and {e["letter"] for e in entries} == {tmp_path.name}
    proc = appeal("check", "en.md", "zh.md", "--glossary", GLOSSARY, "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["summary"]["suppressed"] == len(entries)


@pytest.mark.parametrize("text, line, words", [
    ("version: 1\nsupressions:\n  - rule: a\n", 2, "unknown key 'supressions'"),
    ("suppressions:\n  - rule: a\n    letter: b\n    language: zh\n    fingerprint: f\n    reason: r\n"
     "    __note: x\n", 7, "unknown suppression key '__note'"),
    ("suppressions:\n  - rule: a\n    letter: b\n    language: zh-Hans\n    fingerprint: f\n    reason: r\n", 4,
     "'language' must be one of zh, ko"),
])
def test_entries_that_could_never_apply_are_input_errors(tmp_path, text, line, words):
    """A misspelt top-level key dropped every entry, and `language: zh-Hans` an entry, without a word."""
    path = tmp_path / ".appeal-ignore.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AppealInputError) as caught:
        load_suppressions(path)
    assert caught.value.line == line and words in caught.value.message
