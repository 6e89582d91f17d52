"""The line locator behind configuration errors (tomllib keeps no positions): for any layout a person might
write, every key is found on the line where it was written, and the document is valid TOML."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.config import KeyLines

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

NAMES = ["select", "ignore", "extend-select", "fail-on", "paths", "glossary", "exclude"]
VALUES = ['"error"', '["figure", "term"]', '[\n  "figure",  # why\n  "date",\n]', "'glossary'", "[]"]
PADDING = st.sampled_from(["", "\n", "# a comment\n", "  \n"])


@st.composite
def documents(draw):
    """A pyproject.toml with [tool.appealkit]: keys in any order, values on one or several lines, comments and
    blank lines between them, severities as a sub-table, an inline table or dotted keys."""
    lines: list[str] = ['[project]', 'name = "letters"', 'description = """', 'select = "not a key"', '"""', ""]
    expected: dict[tuple[str, ...], int] = {}

    def add(text: str, key: tuple[str, ...] | None = None) -> None:
        if key is not None:
            expected[key] = len(lines) + 1
        lines.extend(text.split("\n"))

    add("[tool.appealkit]")
    for name in draw(st.lists(st.sampled_from(NAMES), unique=True)):
        if draw(st.booleans()):
            add(draw(PADDING).rstrip("\n"))
        quoted = f'"{name}"' if draw(st.booleans()) else name
        add(f"{quoted} = {draw(st.sampled_from(VALUES))}", ("tool", "appealkit", name))
    rules = draw(st.lists(st.sampled_from(["figure-qualifier", "term-variant", "date"]), unique=True, min_size=1))
    style = draw(st.sampled_from(["table", "inline", "dotted"]))
    if style == "table":
        add("")
        add("[tool.appealkit.severity]")
        for rule in rules:
            add(f'{rule} = "error"', ("tool", "appealkit", "severity", rule))
    elif style == "inline":
        entries = ", ".join(f'{rule} = "error"' for rule in rules)
        add(f"severity = {{ {entries} }}", ("tool", "appealkit", "severity"))
        for rule in rules:
            expected[("tool", "appealkit", "severity", rule)] = expected[("tool", "appealkit", "severity")]
    else:
        for rule in rules:
            add(f'severity . "{rule}" = "warning"', ("tool", "appealkit", "severity", rule))
    add("")
    add("[tool.ruff]")
    add("select = ['E']")  # another tool's key of the same name is not ours
    return "\n".join(lines) + "\n", expected


@settings(max_examples=200, deadline=None)
@given(documents())
def test_every_key_is_found_on_its_line(document):
    text, expected = document
    tomllib.loads(text)  # the generator writes valid TOML
    lines = KeyLines(text)
    for key, line in expected.items():
        assert lines.line_of(key) == line, (key, text)
    assert lines.line_of(("select",)) is None  # inside the multi-line string
    assert lines.line_of(("tool", "ruff", "select")) == len(text.split("\n")) - 1


@given(st.sampled_from(["figure", "term", "date"]), st.integers(min_value=0, max_value=4))
def test_a_list_element_is_found_on_its_own_line(bad, before):
    elements = [f'  "ok-{i}",' for i in range(before)] + [f'  "{bad}",', "]"]
    text = "[tool.appealkit]\nselect = [\n" + "\n".join(elements) + '\nfail-on = "error"\n'
    assert KeyLines(text).value_line(("tool", "appealkit", "select"), bad) == 3 + before
    assert KeyLines(text).value_line(("tool", "appealkit", "select"), "absent") is None
