"""The configuration on the command line: the options every checking command shares, and ``appeal config``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # the configuration is imported when a command runs, not for ``appeal --help``
    from appealkit.config import Config

SEVERITIES = ("error", "warning", "info")  # appealkit.findings.SEVERITIES, without importing the findings

GLOSSARY_HELP = (
    "Glossary directory or file (default: glossary in the configuration, else ./glossary when present, "
    "else the bundled copy)."
)


def _comma_list(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _severity_pairs(values: tuple[str, ...]) -> dict[str, str]:
    pairs = {}
    for value in _comma_list(values):
        selector, sep, level = value.partition("=")
        if not sep:
            raise click.BadParameter(
                f"expected RULE=LEVEL (figure-qualifier=error), got {value!r}", param_hint="--severity"
            )
        pairs[selector.strip()] = level.strip()
    return pairs


def config_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--config, --select, --extend-select, --ignore, --severity: the rule policy, as in the file."""
    options = [
        click.option(
            "--config",
            "config_file",
            type=click.Path(path_type=Path),
            metavar="FILE",
            help="Configuration file (default: the nearest .appealkit.toml, appealkit.toml or "
            "pyproject.toml with [tool.appealkit], from the checked path upwards).",
        ),
        click.option(
            "--select",
            "select",
            multiple=True,
            metavar="RULES",
            help="Report only these rules and categories (comma-separated; replaces the file's select).",
        ),
        click.option(
            "--extend-select",
            "extend_select",
            multiple=True,
            metavar="RULES",
            help="Also report these rules and categories (comma-separated).",
        ),
        click.option(
            "--ignore",
            "ignore_rules",
            multiple=True,
            metavar="RULES",
            help="Never report these rules and categories (comma-separated).",
        ),
        click.option(
            "--severity",
            "severity",
            multiple=True,
            metavar="RULE=LEVEL",
            help="Report RULE (or a category) at LEVEL: error, warning or info. Repeatable.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def load_cli_config(
    paths: tuple[Path, ...],
    config_file: Path | None,
    select: tuple[str, ...] = (),
    extend_select: tuple[str, ...] = (),
    ignore_rules: tuple[str, ...] = (),
    severity: tuple[str, ...] = (),
    **values: Any,
) -> Config:
    """The configuration for a run: the file found from the first PATH (or here), then the command line.

    ``values``: other settings given on the command line, by setting name with ``_`` for ``-`` (None: not given).
    """
    overrides: dict[str, Any] = {
        "select": _comma_list(select) if select else None,
        "extend-select": _comma_list(extend_select),
        "ignore": _comma_list(ignore_rules),
        "severity": _severity_pairs(severity),
    }
    for name, value in values.items():
        overrides[name.replace("_", "-")] = value
    from appealkit.config import load_config

    start = paths[0] if paths else None
    return load_config(start, config_file, overrides)


# ---------------------------------------------------------------- appeal config


def _toml(name: str, value: Any) -> str:
    """A value as it would be written in the file."""
    if value is None:
        return "(not set)"
    if name == "severity":  # (selector, level) pairs
        return "{" + ", ".join(f"{k} = {json.dumps(v)}" for k, v in value) + "}"
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _json_value(name: str, value: Any) -> Any:
    if name == "severity":
        return dict(value)
    return list(value) if isinstance(value, tuple) else value


def describe(config: Config) -> dict[str, Any]:
    """The effective configuration as data: every setting with its source, every rule with its state."""
    from appealkit.config import KEYS
    from appealkit.policy import catalogue, resolve

    policy = resolve(config.layers, catalogue())  # every rule, also when nothing is configured
    return {
        "file": str(config.file) if config.file else None,  # as found (absolute) or as given (--config)
        "settings": {
            name: {
                "value": _json_value(name, config.settings[name].value),
                "source": config.settings[name].source,
                "doc": key.doc,
            }
            for name, key in KEYS.items()
        },
        "rules": [
            {
                "id": r.id,
                "category": r.category,
                "enabled": r.enabled,
                "severity": r.severity,
                "default_severity": r.default_severity,
                "enabled_by": r.enabled_by,
                "severity_by": r.severity_by,
            }
            for r in sorted(policy.rules.values(), key=lambda r: (r.category, r.id))
        ],
    }


def render_text(config: Config) -> str:
    from appealkit.config import KEYS

    data = describe(config)
    lines = [f"# configuration file: {config.file or 'none found (defaults and command line only)'}"]
    width = max(len(name) for name in KEYS)
    for name in KEYS:
        setting = config.settings[name]
        lines.append(f"{name:<{width}} = {_toml(name, setting.value):<40}  # {setting.source}")
    lines.append("")
    lines.append("# rules: enabled, severity (default), where set")
    for rule in data["rules"]:
        state = "on " if rule["enabled"] else "off"
        severity = rule["severity"] + ("" if rule["severity_by"] == "default" else f" ({rule['default_severity']})")
        where = [f"{'enabled' if rule['enabled'] else 'disabled'} by {rule['enabled_by']}"]
        if rule["severity_by"] != "default":
            where.append(f"severity by {rule['severity_by']}")
        lines.append(f"{rule['id']:<30} {state} {severity:<18} # {'; '.join(where)}")
    return "\n".join(lines) + "\n"


@click.command("config")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@config_options
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="As for appeal check.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def config_command(
    path: Path | None,
    config_file: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore_rules: tuple[str, ...],
    severity: tuple[str, ...],
    fail_on: str | None,
    fmt: str,
) -> None:
    """Print the effective configuration for PATH (default: here) and where each value came from.

    Sources: 'default', 'FILE:LINE' (the configuration file) or 'command line'.
    """
    config = load_cli_config(
        (path,) if path else (), config_file, select, extend_select, ignore_rules, severity, fail_on=fail_on
    )
    if fmt == "json":
        click.echo(json.dumps(describe(config), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(config), nl=False)
