"""Glossary lint: every seeded error in the broken fixture is reported with its file and line."""

from pathlib import Path

import pytest

from appealkit.errors import AppealInputError
from appealkit.glossary import glossary_files, load_glossary
from appealkit.glossary_lint import lint_documents, read_documents

FIXTURES = Path(__file__).parent.parent / "fixtures"
BROKEN = FIXTURES / "glossary_broken"


def _seeded_lines(path: Path) -> set[int]:
    return {n for n, line in enumerate(path.read_text().splitlines(), 1) if "# ERROR" in line}


def _problems():
    return lint_documents(read_documents(glossary_files(BROKEN)))


def test_every_seeded_error_is_reported_at_its_line():
    problems = _problems()
    for path in glossary_files(BROKEN):
        reported = {p.line for p in problems if Path(p.file) == path}
        assert _seeded_lines(path) <= reported, (path, sorted(reported))


@pytest.mark.parametrize(
    "fragment",
    ["duplicate id 'refugee'", "already claimed by 'refugee'", "is also forbidden", "kind must be one of",
     "lowercase-kebab", "unknown key 'colour'", "missing language 'ko'", "'ko.preferred' must be a non-empty",
     "cannot contain the gap mark", "text must stand on both sides", "a short form cannot contain",
     "must list where its renderings are attested", "source authority must be one of", "needs a 'url' or a document",
     "is not one of the entry's English forms", "no entry has this id", "within must be", "needs a 'reason'",
     "a context rule needs near", "unknown key 'colour' in a context rule", "discouraged form '总统' needs a reason",
     "'verified' must be true or false", "'ko.verified' must be true or false", "stands_for 'kapital': no entry",
     "'not_in_name' must be true or false"],
)
def test_problem_messages(fragment):
    assert any(fragment in p.message for p in _problems()), [str(p) for p in _problems()]


def test_problems_print_as_file_line_message():
    first = str(_problems()[0])
    path, line, message = first.split(":", 2)
    assert path.endswith(".yaml") and line.isdigit() and message.strip()


def test_loading_a_broken_glossary_names_file_and_line():
    with pytest.raises(AppealInputError) as info:
        load_glossary(BROKEN)
    assert info.value.path.endswith(".yaml") and info.value.line


def test_unparsable_yaml_names_the_line():
    with pytest.raises(AppealInputError) as info:
        load_glossary(FIXTURES / "glossary_unparsable")
    assert info.value.path.endswith("bad.yaml") and info.value.line is not None


def _lint_text(tmp_path, text: str):
    path = tmp_path / "g.yaml"
    path.write_text(text)
    return lint_documents(read_documents([path]))


ENTRY = """\
entries:
  - id: xi-jinping
    kind: person
    en: [Xi Jinping]
    zh: {{preferred: 习近平}}
    ko: {{preferred: 시진핑}}
  - id: title-president
    kind: person
    en: [President]
{context}    zh: {{preferred: "{zh}"}}
    ko: {{preferred: 주석}}
"""


def test_common_word_without_context_is_a_warning_not_an_error(tmp_path):
    problems = _lint_text(tmp_path, ENTRY.format(context="", zh="主席"))
    [warning] = problems
    assert warning.severity == "warning" and "'President' is a common word" in warning.message
    assert str(warning).split(":")[2].strip() == "warning"
    load_glossary(tmp_path / "g.yaml")  # warnings never stop the glossary from loading


def test_context_or_a_reviewed_anywhere_silences_the_common_word_warning(tmp_path):
    near = "    context:\n      - {near: [xi-jinping]}\n"
    anywhere = "    context:\n      - {anywhere: true, reason: reviewed}\n"
    assert _lint_text(tmp_path, ENTRY.format(context=near, zh="主席")) == []
    assert _lint_text(tmp_path, ENTRY.format(context=anywhere, zh="主席")) == []


def test_regex_syntax_in_a_form_is_reported_as_literal(tmp_path):
    near = "    context:\n      - {near: [xi-jinping]}\n"
    [warning] = _lint_text(tmp_path, ENTRY.format(context=near, zh="主席|总统"))
    assert warning.severity == "warning" and "matched literally" in warning.message and warning.line == 12


def test_the_shipped_glossary_is_clean_and_its_official_entries_attested(glossary):
    shipped = FIXTURES.parent.parent / "glossary"
    assert lint_documents(read_documents(glossary_files(shipped))) == []
    official = [e for e in glossary.entries if e.kind in ("treaty", "law") or e.un]
    assert len(official) == 26
    assert all(any(source.attested for source in e.sources) for e in official)
