"""Configured like a linter: [tool.appealkit] or appealkit.toml found upwards, validated with file:line, the same
settings on the command line, `appeal config` saying where each value came from, severity as a team's policy."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from appealkit.checks import RULES
from appealkit.config import KEYS, KeyLines, find_config_file, load_config
from appealkit.errors import AppealInputError
from appealkit.reports import rule_catalogue

ROOT = Path(__file__).resolve().parents[2]

EN = "---\nstatus: approved\n---\nMore than 670 refugees were detained in 2017.\n"
# The figure keeps its value and loses its qualifier ("more than 670" → 670): a figure-qualifier warning.
ZH = "---\nlang: zh\n---\n2017年，670名难民被拘留。\n"


def appeal(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "appealkit", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def one_line_error(result) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


@pytest.fixture()
def project(tmp_path) -> Path:
    """A repository of letters with one translation that drops a qualifier, and no stale-source noise."""
    letter = tmp_path / "letters" / "demo"
    letter.mkdir(parents=True)
    (letter / "en.md").write_text(EN, encoding="utf-8")
    (letter / "zh.md").write_text(ZH, encoding="utf-8")
    appeal("stamp", letter / "zh.md", cwd=tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def findings(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


# ------------------------------------------------------------------ severity is a policy


def test_by_default_a_dropped_qualifier_is_a_warning_and_passes(project):
    result = appeal("check", "--format", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    assert [(f["rule"], f["severity"]) for f in findings(result)] == [("figure-qualifier", "warning")]


def test_a_team_makes_figure_qualifier_an_error_in_pyproject(project):
    write(
        project / "pyproject.toml",
        """
        [project]
        name = "our-letters"

        [tool.appealkit.severity]
        figure-qualifier = "error"
    """,
    )
    result = appeal("check", "--format", "json", cwd=project)
    assert result.returncode == 1
    assert [(f["rule"], f["severity"]) for f in findings(result)] == [("figure-qualifier", "error")]
    # the same from a sub-folder: the file is found by walking up from the checked path
    nested = appeal("check", "demo", "--format", "json", cwd=project / "letters")
    assert nested.returncode == 1 and findings(nested)[0]["severity"] == "error"


def test_the_same_on_the_command_line(project):
    result = appeal("check", "--severity", "figure-qualifier=error", cwd=project)
    assert result.returncode == 1 and "error   figure-qualifier" in result.stdout


def test_severity_of_a_category_and_a_rule_in_it(project):
    write(
        project / "appealkit.toml",
        """
        [severity]
        figure = "info"
        figure-qualifier = "error"   # a rule beats its category, wherever it is written
    """,
    )
    result = appeal("check", "--format", "json", cwd=project)
    assert result.returncode == 1 and findings(result)[0]["severity"] == "error"


# ------------------------------------------------------------------ select / ignore / extend-select


@pytest.mark.parametrize(
    "args, expected",
    [
        (("--ignore", "figure-qualifier"), []),
        (("--ignore", "figure"), []),  # a category
        (("--select", "term,date"), []),
        (("--select", "term", "--extend-select", "figure-qualifier"), ["figure-qualifier"]),
        (("--select", "figure"), ["figure-qualifier"]),
        (("--select", "ALL", "--ignore", "citation"), ["figure-qualifier"]),
    ],
)
def test_select_and_ignore_on_the_command_line(project, args, expected):
    result = appeal("check", "--format", "json", *args, cwd=project)
    assert result.returncode == 0, result.stderr
    assert [f["rule"] for f in findings(result)] == expected


def test_command_line_select_replaces_the_file_and_ignore_adds_to_it(project):
    write(
        project / ".appealkit.toml",
        """
        select = ["term"]
        fail-on = "warning"
    """,
    )
    assert findings(appeal("check", "--format", "json", cwd=project)) == []  # the file selects terms only
    replaced = appeal("check", "--format", "json", "--select", "figure", cwd=project)
    assert replaced.returncode == 1 and [f["rule"] for f in findings(replaced)] == ["figure-qualifier"]
    removed = appeal(
        "check", "--format", "json", "--extend-select", "figure", "--ignore", "figure-qualifier", cwd=project
    )
    assert removed.returncode == 0 and findings(removed) == []


def test_fail_on_from_the_file_and_overridden(project):
    write(project / "appealkit.toml", 'fail-on = "warning"\n')
    assert appeal("check", cwd=project).returncode == 1
    assert appeal("check", "--fail-on", "error", cwd=project).returncode == 0


def test_an_ignored_rule_keeps_its_suppressions_used(project):
    """Suppressions are matched against every rule: switching a rule off must not call its entries unused."""
    baseline = appeal("check", "--write-baseline", "--reason", "house style", cwd=project)
    assert baseline.returncode == 0, baseline.stderr
    result = appeal("check", "--format", "json", "--ignore", "figure-qualifier", cwd=project)
    assert result.returncode == 0 and findings(result) == []
    assert json.loads(result.stdout)["summary"]["suppressed"] == 0  # the ignored rule's finding is not shown


# ------------------------------------------------------------------ paths, glossary, ignore file


def test_default_paths_glossary_and_ignore_file_are_relative_to_the_file(project):
    (project / "letters").rename(project / "translations")
    write(
        project / "config" / "glossary" / "terms.yaml",
        """
        entries:
          - id: refugee-convention
            kind: treaty
            en: [Refugee Convention]
            zh: {preferred: 难民公约}
            ko: {preferred: 난민협약}
    """,
    )
    write(
        project / "config" / "appealkit.toml",
        """
        paths = ["../translations"]
        glossary = "glossary"
        ignore-file = "accepted.yaml"
        [severity]
        figure-qualifier = "error"
    """,
    )
    config = appeal("config", "--config", project / "config" / "appealkit.toml", "--format", "json", cwd=project)
    settings = json.loads(config.stdout)["settings"]
    assert Path(project, settings["glossary"]["value"]).resolve() == project / "config" / "glossary"
    # no PATH given: the configured paths are checked (there is no ./letters any more)
    result = appeal("check", "--config", "config/appealkit.toml", "--write-baseline", "--reason", "ok", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "config" / "accepted.yaml").is_file()  # the configured ignore file
    assert appeal("check", "--config", "config/appealkit.toml", cwd=project).returncode == 0
    missing = write(project / "other.toml", 'paths = ["translations"]\nglossary = "nowhere"\n')
    assert "nowhere" in one_line_error(appeal("check", "--config", missing, cwd=project))


# ------------------------------------------------------------------ validation: file:line, exit 2


@pytest.mark.parametrize(
    "text, line, words",
    [
        ('[tool.appealkit]\nselect = ["figure"]\nfail_on = "warning"\n', 3, "unknown setting 'fail_on'"),
        ('[tool.appealkit]\nselect = [\n  "figure",\n  "term-varaint",\n]\n', 4, "did you mean 'term-variant'"),
        ('[tool.appealkit]\nfail-on = "fatal"\n', 2, "expected one of error, warning, info"),
        ('[tool.appealkit]\n\n[tool.appealkit.severity]\nfigure = "error"\nterm-missng = "info"\n', 5, "term-missng"),
        ('[tool.appealkit]\nseverity = { figure-qualifier = "critical" }\n', 2, "critical"),
        ('[tool.appealkit]\nignore = "term-variant"\n', 2, "expected a list of strings"),
        ('[tool.appealkit]\nselect = ["figure"\n', 3, "invalid TOML"),
        ("[tool.appealkit]\nexclude = [1]\n", 2, "expected a list of strings"),
    ],
)
def test_a_bad_pyproject_is_one_line_naming_file_and_line(project, text, line, words):
    write(project / "pyproject.toml", "[project]\nname = 'x'\n\n" + text)
    stderr = one_line_error(appeal("check", cwd=project))
    assert f"pyproject.toml:{line + 3}:" in stderr and words in stderr
    assert one_line_error(appeal("config", cwd=project)) == stderr


def test_a_pyproject_table_in_an_own_file_is_explained(project):
    write(project / "appealkit.toml", "# ours\n[tool.appealkit]\nselect = ['figure']\n")
    assert "appealkit.toml:2: in appealkit.toml the settings go at the top level" in one_line_error(
        appeal("check", cwd=project))


def test_a_bad_command_line_value_is_one_line(project):
    assert "figur'" in one_line_error(appeal("check", "--select", "figur", cwd=project))
    assert "--severity" in one_line_error(appeal("check", "--severity", "figure=fatal", cwd=project))
    assert "no such configuration file" in one_line_error(appeal("check", "--config", "nope.toml", cwd=project))


# ------------------------------------------------------------------ appeal config


def test_appeal_config_says_where_each_value_came_from(project):
    write(
        project / "pyproject.toml",
        """
        [project]
        name = "our-letters"

        [tool.appealkit]
        ignore = ["term-variant"]
        fail-on = "warning"

        [tool.appealkit.severity]
        figure-qualifier = "error"
    """,
    )
    result = appeal("config", "--select", "figure,term", "--format", "json", cwd=project / "letters")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert Path(data["file"]) == project / "pyproject.toml"
    settings = {name: {k: v for k, v in s.items() if k != "doc"} for name, s in data["settings"].items()}
    assert set(settings) == set(KEYS) and all(s["doc"] for s in data["settings"].values())
    assert settings["fail-on"] == {"value": "warning", "source": "../pyproject.toml:6"}
    assert settings["ignore"] == {"value": ["term-variant"], "source": "../pyproject.toml:5"}
    assert settings["severity"] == {"value": {"figure-qualifier": "error"}, "source": "../pyproject.toml:8"}
    assert settings["select"] == {"value": ["figure", "term"], "source": "command line"}
    assert settings["paths"] == {"value": ["letters"], "source": "default"}
    rules = {r["id"]: r for r in data["rules"]}
    assert rules["figure-qualifier"] == {
        "id": "figure-qualifier",
        "category": "figure",
        "enabled": True,
        "severity": "error",
        "default_severity": "warning",
        "enabled_by": "command line",
        "severity_by": "../pyproject.toml:9",
    }
    assert rules["term-variant"]["enabled"] is False and rules["term-variant"]["enabled_by"] == "../pyproject.toml:5"
    assert rules["date-missing"]["enabled"] is False  # not selected on the command line

    text = appeal("config", cwd=project / "letters").stdout
    assert 'fail-on       = "warning"' in text and "# ../pyproject.toml:6" in text
    assert "figure-qualifier" in text and "error (warning)" in text


def test_appeal_config_without_a_file(tmp_path):
    result = appeal("config", "--format", "json", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert data["file"] is None and {s["source"] for s in data["settings"].values()} == {"default"}
    assert all(r["enabled"] and r["severity"] == r["default_severity"] for r in data["rules"])


# ------------------------------------------------------------------ the library


def test_the_nearest_file_wins_and_pyproject_needs_the_table(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.appealkit]\nfail-on = 'info'\n")
    write(tmp_path / "a" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")  # not ours: keep walking
    deep = tmp_path / "a" / "b"
    deep.mkdir()
    assert find_config_file(deep) == tmp_path / "pyproject.toml"
    assert load_config(deep).fail_on == "info"
    write(tmp_path / "a" / "appealkit.toml", "fail-on = 'warning'\n")
    write(tmp_path / "a" / ".appealkit.toml", "fail-on = 'error'\n")
    assert find_config_file(deep) == tmp_path / "a" / ".appealkit.toml"  # the hidden file first, like ruff


def test_library_overrides_validate_like_the_file(tmp_path):
    config = load_config(tmp_path, overrides={"ignore": ["term"], "fail-on": "info"})
    assert config.fail_on == "info" and not config.policy().enabled("term-missing")
    with pytest.raises(AppealInputError, match="unknown rule or category 'terms'"):
        load_config(tmp_path, overrides={"ignore": ["terms"]})


def test_key_lines_understand_toml_layouts():
    text = textwrap.dedent('''
        title = """
        select = not a key
        """
        [tool.appealkit]
        "fail-on" = "error"
        severity.figure = "info"
        [tool . "appealkit" . severity]
        term-variant = "info"
        [[tool.other]]
        select = 1
    ''').lstrip("\n")
    lines = KeyLines(text)
    assert lines.line_of(("select",)) is None  # inside a multi-line string
    assert lines.line_of(("tool", "appealkit", "fail-on")) == 5
    assert lines.line_of(("tool", "appealkit", "severity", "figure")) == 6
    assert lines.line_of(("tool", "appealkit", "severity", "term-variant")) == 8
    assert lines.line_of(("tool", "appealkit", "glossary")) == 4  # falls back to the table
    assert lines.line_of(("tool", "appealkit", "select")) == 4  # [[tool.other]] select is not ours


# ------------------------------------------------------------------ why each severity


def test_every_rule_says_why_its_default_severity_is_what_it_is():
    missing = [rule.id for rule in rule_catalogue() if len(rule.rationale.split()) < 6]
    assert not missing, f"rules without a rationale for their default severity: {missing}"
    assert len(rule_catalogue()) == len(RULES) + 1  # and suppression-unused


def test_appeal_rules_shows_the_rationale():
    listing = appeal("rules", cwd=ROOT)
    assert listing.returncode == 0
    for rule in rule_catalogue():
        assert f"why {rule.severity}: {rule.rationale}" in listing.stdout
    one = appeal("rules", "figure-qualifier", cwd=ROOT).stdout
    assert "Why warning by default:" in one and "configuration" in one


def test_the_readme_example_is_a_valid_configuration(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n[tool.appealkit]\n", 1)[1].split("```", 1)[0]
    write(tmp_path / "pyproject.toml", "[tool.appealkit]\n" + example)
    (tmp_path / "glossary").mkdir()
    config = load_config(tmp_path)
    assert config.file is not None and config.file.resolve() == (tmp_path / "pyproject.toml").resolve()
    assert config.policy().rules["figure-qualifier"].severity == "error"
    assert not config.policy().enabled("structure-added-paragraph")


def test_every_command_uses_the_configured_glossary(tmp_path):
    """appeal translate inserts the renderings the gate then checks for: both read the configured glossary."""
    write(tmp_path / "house" / "terms.yaml", """
        entries:
          - id: house-term
            kind: term
            en: [urgent appeal]
            zh: {preferred: 紧急呼吁书}
            ko: {preferred: 긴급 호소문}
    """)
    write(tmp_path / "appealkit.toml", 'glossary = "house"\n')
    write(tmp_path / "letters" / "demo" / "en.md", "---\nstatus: approved\n---\nThis urgent appeal concerns 9 refugees.\n")
    shown = appeal("glossary", "show", "urgent appeal", cwd=tmp_path)
    assert shown.returncode == 0 and "house-term" in shown.stdout and "house/terms.yaml" in shown.stdout
    assert "1 file(s), 1 entries" in appeal("glossary", "lint", cwd=tmp_path).stderr
    translated = appeal("translate", "letters/demo", "--to", "zh", "--engine", "pseudo", "--memory", "tm.sqlite",
                        cwd=tmp_path)
    assert translated.returncode == 0, translated.stderr
    assert "紧急呼吁书" in (tmp_path / "letters" / "demo" / "zh.md").read_text(encoding="utf-8")
    assert appeal("check", cwd=tmp_path).returncode == 0  # the gate checks against the same glossary
