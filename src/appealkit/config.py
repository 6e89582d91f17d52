"""Configuration, the way linters do it: ``[tool.appealkit]`` in ``pyproject.toml`` or a file of its own
(``.appealkit.toml`` / ``appealkit.toml``, same keys at top level), found by walking up from the checked path.

The nearest directory with one of these files wins (in that directory ``.appealkit.toml`` before
``appealkit.toml`` before a ``pyproject.toml`` that has a ``[tool.appealkit]`` table); files are not merged.
The command line overrides the file. Every effective value remembers where it came from (``default``,
``file:line`` or ``command line``) so that ``appeal config`` can say so.

Paths written in a file are relative to that file's directory; paths on the command line and defaults are
relative to the current directory. A bad file is an input error naming ``file:line`` (exit 2).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from appealkit import policy
from appealkit.errors import AppealInputError
from appealkit.findings import SEVERITIES
from appealkit.textio import read_text

if TYPE_CHECKING:
    pass

OWN_FILES = (".appealkit.toml", "appealkit.toml")
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = ("tool", "appealkit")
DEFAULT = "default"
COMMAND_LINE = "command line"


# ------------------------------------------------------------------ the settings, as data


def _string_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of strings")
    return tuple(value)


def _selectors(value: Any) -> tuple[str, ...]:
    selectors = _string_list(value)
    rules = policy.catalogue()
    for selector in selectors:
        policy.expand(selector, rules)  # raises ValueError naming the unknown one
    return selectors


def _level(value: Any) -> str:
    if value not in SEVERITIES:
        raise ValueError(f"expected one of {', '.join(SEVERITIES)}, got {value!r}")
    return value


def _severity_table(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ValueError('expected a table of rule or category = "error" | "warning" | "info"')
    rules = policy.catalogue()
    pairs = []
    for selector, level in value.items():
        policy.expand(selector, rules)
        pairs.append((selector, _level(level)))
    return tuple(pairs)


def _path(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected a path (a non-empty string)")
    return value


@dataclass(frozen=True)
class Key:
    name: str  # as written in the file (kebab-case, like ruff)
    parse: Callable[[Any], Any]
    default: Any
    doc: str
    is_path: bool = False  # relative paths in a file are resolved against its directory


KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("select", _selectors, ("ALL",), "rules and categories to report (replaces the default, ALL)"),
        Key("extend-select", _selectors, (), "rules and categories to report in addition to select"),
        Key("ignore", _selectors, (), "rules and categories never to report"),
        Key("severity", _severity_table, (), "severity per rule or category: error, warning or info"),
        Key("fail-on", _level, "error", "lowest severity that makes the exit status 1"),
        Key("paths", _string_list, ("letters",), "what 'appeal check' checks when given no PATH", is_path=True),
        Key(
            "glossary",
            _path,
            None,
            "glossary directory or file (default ./glossary, else the bundled copy)",
            is_path=True,
        ),
        Key("ignore-file", _path, ".appeal-ignore.yaml", "suppressions file", is_path=True),
        Key("exclude", _string_list, (), "files to ignore under a checked folder (glob patterns)"),
    )
}


# ------------------------------------------------------------------ the result


@dataclass(frozen=True)
class Setting:
    value: Any
    source: str  # "default", "path:line" or "command line"

    @property
    def is_default(self) -> bool:
        return self.source == DEFAULT


@dataclass(frozen=True)
class Config:
    """The effective configuration: every key's value and where it came from."""

    file: Path | None
    settings: dict[str, Setting]
    layers: tuple[policy.Layer, ...] = field(default=())

    def __getitem__(self, name: str) -> Any:
        return self.settings[name].value

    @property
    def fail_on(self) -> str:
        return self["fail-on"]

    @property
    def paths(self) -> tuple[Path, ...]:
        return tuple(Path(p) for p in self["paths"])

    @property
    def glossary(self) -> Path | None:
        return Path(self["glossary"]) if self["glossary"] is not None else None

    @property
    def ignore_file(self) -> Path:
        return Path(self["ignore-file"])

    @property
    def ignore_file_is_explicit(self) -> bool:
        return not self.settings["ignore-file"].is_default

    @property
    def exclude(self) -> tuple[str, ...]:
        return self["exclude"]

    @property
    def root(self) -> Path:
        """The directory exclude patterns are relative to: the configuration file's, else the current one."""
        return self.file.parent if self.file else Path.cwd()

    def policy(self) -> policy.RulePolicy:
        return policy.resolve(self.layers)


# ------------------------------------------------------------------ finding the file


def find_config_file(start: Path | str) -> Path | None:
    """The nearest configuration file in ``start`` (a file's folder when it is a file) or a parent of it."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in OWN_FILES:
            if (folder / name).is_file():
                return folder / name
        if (folder / PYPROJECT).is_file() and _has_appealkit_table(folder / PYPROJECT):
            return folder / PYPROJECT
    return None


def _has_appealkit_table(path: Path) -> bool:
    """Cheap test before parsing: a pyproject.toml without the table is not ours (ruff does the same)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*appealkit\s*[\].]", text, re.MULTILINE) is not None


# ------------------------------------------------------------------ reading and validating


def _parse_toml(path: Path) -> tuple[dict[str, Any], str]:
    import tomllib  # only when there is a file to read

    text = read_text(path)
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r"\s*\(at line (\d+), column \d+\)", message)
        line = int(where.group(1)) if where else None
        if where is None and "end of document" in message:
            line = text.count("\n") + 1
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        raise AppealInputError(f"invalid TOML: {message}", path, line) from None


def _table(document: dict[str, Any], path: Path, lines: KeyLines) -> tuple[dict[str, Any], tuple[str, ...]]:
    if path.name != PYPROJECT:
        return document, ()
    table: Any = document
    for part in PYPROJECT_TABLE:
        table = table.get(part, {}) if isinstance(table, dict) else {}
    if not isinstance(table, dict):
        raise AppealInputError("tool.appealkit must be a table", path, lines.line_of(PYPROJECT_TABLE))
    return table, PYPROJECT_TABLE


def read_config_file(path: Path | str) -> dict[str, Setting]:
    """The settings a file sets, validated, each with its ``file:line`` (and ``severity.<selector>`` entries
    with the line of each severity, for ``appeal config``)."""
    path = _shown(Path(path))
    document, text = _parse_toml(path)
    lines = KeyLines(text)
    table, prefix = _table(document, path, lines)
    settings = {}
    for name, raw in table.items():
        line = lines.line_of((*prefix, name))
        key = KEYS.get(name)
        if key is None and name == "tool" and not prefix:
            raise AppealInputError(
                f"in {path.name} the settings go at the top level, not under [tool.appealkit]", path, line
            )
        if key is None:
            raise AppealInputError(f"unknown setting '{name}' (known: {', '.join(KEYS)})", path, line)
        try:
            value = key.parse(raw)
        except ValueError as exc:
            bad = _offending_line(lines, (*prefix, name), raw, str(exc))
            raise AppealInputError(f"{name}: {exc}", path, bad or line) from None
        if key.is_path:
            value = _relative_to(path.parent, value)
        settings[name] = Setting(value, f"{path}:{line}")
        if name == "severity":
            for selector, _ in value:
                settings[f"severity.{selector}"] = Setting(value, f"{path}:{lines.line_of((*prefix, name, selector))}")
    return settings


def _shown(path: Path) -> Path:
    """The file as people read it in messages: relative to the current directory (``../pyproject.toml``)."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path


def _relative_to(folder: Path, value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(_relative_to(folder, v) for v in value)
    return str(folder / value) if not Path(value).is_absolute() else value


def _offending_line(lines: KeyLines, key: tuple[str, ...], raw: Any, message: str) -> int | None:
    """The line of the list element or table entry the error names ('unknown rule ... 'x''), if any."""
    quoted = re.search(r"'([^']*)'", message)
    if not quoted:
        return None
    if isinstance(raw, dict) and quoted.group(1) in raw:
        return lines.line_of((*key, quoted.group(1)))
    return lines.value_line(key, quoted.group(1))


def _cli_settings(overrides: Mapping[str, Any]) -> dict[str, Setting]:
    """Command-line values, validated like the file's; a bad one is a one-line input error."""
    settings = {}
    for name, raw in overrides.items():
        if raw is None or (name in ("extend-select", "ignore", "exclude", "severity") and not raw):
            continue
        key = KEYS[name]
        try:
            value = key.parse(raw)
        except ValueError as exc:
            raise AppealInputError(f"--{name}: {exc}") from None
        settings[name] = Setting(value, COMMAND_LINE)
        if name == "severity":
            settings.update({f"severity.{selector}": Setting(value, COMMAND_LINE) for selector, _ in value})
    return settings


def _layer(settings: Mapping[str, Setting]) -> policy.Layer:
    def get(name: str, default: Any) -> Any:
        return settings[name].value if name in settings else default

    return policy.Layer(
        get("select", None),
        get("extend-select", ()),
        get("ignore", ()),
        get("severity", ()),
        {name: setting.source for name, setting in settings.items()},
    )


def load_config(
    start: Path | str | None = None, config_file: Path | str | None = None, overrides: Mapping[str, Any] | None = None
) -> Config:
    """The effective configuration.

    ``start``: where to look for a configuration file (default: the current directory); ``config_file``: use
    this file instead (``--config``); ``overrides``: command-line values by setting name, e.g.
    ``{"select": ["figure"], "fail-on": "warning"}`` (``None`` or empty = not given).
    """
    path = Path(config_file) if config_file is not None else find_config_file(start or Path.cwd())
    if config_file is not None and not Path(config_file).is_file():
        raise AppealInputError("no such configuration file", config_file)
    from_file = read_config_file(path) if path else {}
    from_cli = _cli_settings(overrides or {})
    settings = {name: Setting(key.default, DEFAULT) for name, key in KEYS.items()}
    settings.update({name: setting for name, setting in from_file.items() if name in KEYS})
    # extend-select and ignore on the command line add to the file's; select replaces (see policy.resolve)
    settings.update({name: setting for name, setting in from_cli.items() if name in KEYS})
    layers = (_layer(from_file), _layer(from_cli))
    config = Config(path, settings, layers)
    config.policy()  # every selector was validated on its own; combining them cannot fail, but fail early
    return config


# ------------------------------------------------------------------ lines of keys (tomllib has no positions)

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r"\"(?:[^\"\\]|\\.)*\"|'[^']*'"
_KEY = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compiled on first use: only a configuration file needs them."""
    return {
        "table": re.compile(rf"^\s*\[\s*({_DOTTED})\s*\]\s*(?:#.*)?$"),
        "array_table": re.compile(r"^\s*\[\["),
        "assignment": re.compile(rf"^\s*({_DOTTED})\s*="),
        "inline_assignment": re.compile(rf"[{{,]\s*({_DOTTED})\s*="),
    }


def _key_path(dotted: str) -> tuple[str, ...]:
    """Split a dotted TOML key exactly as TOML does, quotes and escapes included."""
    import tomllib

    parsed: Any = tomllib.loads(f"{dotted} = 0")
    parts = []
    while isinstance(parsed, dict):
        ((name, parsed),) = parsed.items()
        parts.append(name)
    return tuple(parts)


class KeyLines:
    """The 1-based line of every key of a TOML text, by full key path: tomllib parses values but keeps no
    positions, and an error must name the line. Table headers, dotted keys and inline tables are
    understood; lines inside multi-line strings are skipped."""

    def __init__(self, text: str):
        self.text_lines = text.split("\n")
        self.lines: dict[tuple[str, ...], int] = {}
        table: tuple[str, ...] = ()
        in_string: str | None = None
        patterns = _patterns()
        for number, line in enumerate(self.text_lines, start=1):
            if in_string:
                if line.count(in_string) % 2:
                    in_string = None
                continue
            if header := patterns["table"].match(line):
                table = _key_path(header.group(1))
                self._record(table, number)
            elif patterns["array_table"].match(line):
                table = ("[[array]]",)  # not a place appealkit reads from
            elif assignment := patterns["assignment"].match(line):
                key = (*table, *_key_path(assignment.group(1)))
                self._record(key, number)
                for inner in patterns["inline_assignment"].finditer(line, assignment.end()):
                    self._record((*key, *_key_path(inner.group(1))), number)
            for quotes in ('"""', "'''"):
                if line.count(quotes) % 2:
                    in_string = quotes

    def _record(self, key: tuple[str, ...], number: int) -> None:
        for depth in range(1, len(key) + 1):
            self.lines.setdefault(key[:depth], number)

    def line_of(self, key: Iterable[str]) -> int | None:
        """The key's line, else the nearest enclosing key or table that has one."""
        key = tuple(key)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return None

    def value_line(self, key: Iterable[str], value: str) -> int | None:
        """The line, at or after the key's, where the string ``value`` is written (an element of a list)."""
        start = self.line_of(key)
        if start is None:
            return None
        for number in range(start, len(self.text_lines) + 1):
            line = self.text_lines[number - 1]
            if number > start and (_patterns()["assignment"].match(line) or _patterns()["table"].match(line)):
                break
            if f'"{value}"' in line or f"'{value}'" in line:
                return number
        return None
