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
     "cannot contain the gap mark", "text must stand on both sides", "a short form cannot contain"],
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
