"""The subcommands kept in their own modules are imported only when used: ``appeal --help`` lists them from
the table in appealkit.cli, which must describe them exactly as their own docstrings do."""

from __future__ import annotations

import ast
import importlib
import os
import subprocess
import sys

import click
import pytest

from appealkit import cli, cli_check, cli_config, findings

TABLES = [("appeal", cli.main, cli.COMMANDS), ("appeal glossary", cli.glossary, cli.GLOSSARY_COMMANDS)]


def real_command(where: str) -> click.Command:
    module, _, attribute = where.partition(":")
    return getattr(importlib.import_module(module), attribute)


@pytest.mark.parametrize(("group", "table"), [(g, t) for _, g, t in TABLES], ids=[n for n, _, _ in TABLES])
def test_the_table_summarises_each_command_as_its_docstring_does(group, table):
    for name, (where, summary) in table.items():
        command = real_command(where)
        assert command.name == name
        stand_in = click.Command(name, help=summary)
        for limit in range(20, 300):  # the width left for it depends on the terminal and the longest name
            assert stand_in.get_short_help_str(limit) == command.get_short_help_str(limit), (name, limit)


def test_help_lists_every_command_without_importing_them():
    code = (
        "import sys; from click.testing import CliRunner; from appealkit import cli; "
        "print(CliRunner().invoke(cli.main, ['--help']).output, end=''); "
        "print(CliRunner().invoke(cli.main, ['glossary', '--help']).output, end=''); "
        "print(sorted(m for m in sys.modules if m.startswith('appealkit')), file=sys.stderr); "
        "[g.get_command(None, n) for g in (cli.main, cli.glossary) for n in g.list_commands(None)]; "
        "print(CliRunner().invoke(cli.main, ['--help']).output, end=''); "
        "print(CliRunner().invoke(cli.main, ['glossary', '--help']).output, end='')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lazy, loaded = result.stdout[: len(result.stdout) // 2], result.stdout[len(result.stdout) // 2 :]
    assert lazy == loaded  # listed from the table exactly as from the commands themselves
    for name in (*cli.COMMANDS, "glossary", "models", "rules", "stamp"):
        assert f"\n  {name} " in lazy
    imported = ast.literal_eval(result.stderr)
    # regex_cache (and data_cache, where its store lives) preload the compiled patterns when appealkit is imported;
    # the command line installs dataclass_cache (which reads its store only when a class is defined)
    assert imported == ["appealkit", "appealkit.cli", "appealkit.cli_config", "appealkit.data_cache",
                        "appealkit.dataclass_cache", "appealkit.errors", "appealkit.regex_cache"]


def test_a_lazy_command_runs_and_shows_its_own_help():
    result = subprocess.run(
        [sys.executable, "-m", "appealkit", "glossary", "export", "--help"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: appeal glossary export [OPTIONS]")


def test_copies_of_the_severities_match_the_findings():
    assert cli_config.SEVERITIES == cli_check.FAIL_ON == findings.SEVERITIES


@pytest.mark.parametrize(
    ("args", "suggestion"), [(["chek"], "check"), (["glossary", "exprt"], "export"), (["transalte"], "translate")]
)
def test_a_mistyped_command_is_matched_against_every_command(args, suggestion):
    result = subprocess.run([sys.executable, "-m", "appealkit", *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    if hasattr(click.exceptions, "NoSuchCommand"):  # click >= 8.4 suggests
        assert f"Did you mean '{suggestion}'?" in result.stderr, result.stderr


def test_a_check_whose_data_is_cached_never_imports_pyyaml(tmp_path):
    """The glossary and lexicons come back from appealkit.data_cache and a letter without front matter has no
    YAML: PyYAML (about 4 ms to import) is loaded only by a run that parses YAML."""
    pair = tmp_path / "letters" / "one-line"
    pair.mkdir(parents=True)
    (pair / "en.md").write_text("We ask you to protect 2,000 refugees.\n", "utf-8")
    (pair / "zh.md").write_text("我们请求您保护2,000名难民。\n", "utf-8")
    code = (
        "import sys, atexit; from appealkit.cli import main; "
        "atexit.register(lambda: print('yaml' in sys.modules, file=sys.stderr)); main()"
    )
    env = {**os.environ, "APPEAL_DATA_CACHE": str(tmp_path / "data-cache")}
    command = [sys.executable, "-c", code, "check", str(tmp_path / "letters"), "--no-cache"]
    runs = [subprocess.run(command, capture_output=True, text=True, env=env, timeout=120) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stderr
    assert runs[0].stderr.split()[-1] == "True"  # the first run parsed the glossary and filled the data cache
    assert runs[1].stderr.split()[-1] == "False"
