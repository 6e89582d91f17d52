"""Safe YAML loading: libyaml's parser where PyYAML has it, the pure-Python one for errors and elsewhere.

``yaml.CSafeLoader`` parses 5–10× faster than ``yaml.SafeLoader`` and builds values with the same safe
constructor. A document it rejects is parsed again by the pure loader, whose messages and line numbers the
``file:line`` errors have always used. Lint and load errors must name ``file:line``; ``load_yaml_file``
also remembers the line of every mapping key, and reads back an unchanged file's parse (appealkit.data_cache).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from appealkit.data_cache import cached_parse
from appealkit.errors import AppealInputError
from appealkit.textio import read_text

if TYPE_CHECKING:
    import yaml

LINES_KEY = "__lines__"


class _LineMixin:
    """Stores ``{key: line}`` under LINES_KEY in every mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)  # type: ignore[misc]
        lines = {"": node.start_mark.line + 1}
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 1
        mapping[LINES_KEY] = lines
        return mapping


@dataclass(frozen=True)
class Loaders:
    """PyYAML's safe loaders: ``fast`` is libyaml's parser when PyYAML has it, else the pure one; the line
    loaders also record the line of every mapping key (LINES_KEY)."""

    fast: type
    pure: type
    fast_lines: type
    pure_lines: type


@functools.cache
def loaders() -> Loaders:
    """The loaders, made on first use: importing PyYAML (about 4 ms) is left to the runs that parse YAML, so a
    check whose data files are read back from appealkit.data_cache and whose letters have no front matter never
    imports it."""
    import yaml

    fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return Loaders(fast, yaml.SafeLoader, _with_lines(fast), _with_lines(yaml.SafeLoader))


def _with_lines(loader: type) -> type:
    return type(f"Line{loader.__name__}", (_LineMixin, loader), {"__module__": __name__})


def yaml_error() -> type[Exception]:
    """``yaml.YAMLError``, for an ``except`` clause (evaluated only when an exception is being matched, so PyYAML
    is imported only when something failed)."""
    import yaml

    return yaml.YAMLError


def safe_load(text: str, fast: type | None = None, pure: type | None = None) -> Any:
    """``yaml.safe_load`` on the fast loader; on a YAML error, the pure loader's result or error."""
    import yaml

    fast, pure = fast or loaders().fast, pure or loaders().pure
    try:
        return yaml.load(text, Loader=fast)  # noqa: S506 - a SafeLoader (C or pure)
    except yaml.YAMLError:
        if fast is pure:
            raise
        return yaml.load(text, Loader=pure)  # noqa: S506 - raises the pure loader's error, with its line


# A line of a flat mapping whose key and value are plain scalars with no YAML syntax in them: letters, digits,
# spaces and a few punctuation marks, not starting with an indicator; no ": " or " #" inside (the value class
# has neither ":" nor "#").
_PLAIN_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*): +([A-Za-z0-9_.(/][A-Za-z0-9_.,()/+ -]*)")
_STR_TAG = "tag:yaml.org,2002:str"


def plain_mapping(text: str) -> dict[str, str] | None:
    """A flat ``key: value`` mapping that YAML reads as strings only, parsed without PyYAML, whose Python
    constructor costs more than a letter's whole front matter is worth; None for any other text (the caller
    then loads it with ``safe_load``). Each key and value is resolved by PyYAML's own implicit resolver, so
    ``yes``, ``1.5``, ``12:30`` or ``~`` (not strings in YAML 1.1) send the text to the full loader."""
    mapping: dict[str, str] = {}
    for line in text.split("\n"):
        if not line.strip():
            continue
        match = _PLAIN_LINE.fullmatch(line.rstrip(" "))
        if match is None:
            return None
        key, value = match.groups()
        if _implicit_tag(key) != _STR_TAG or _implicit_tag(value) != _STR_TAG:
            return None
        mapping[key] = value
    return mapping or None


def _implicit_tag(scalar: str) -> str:
    import yaml

    return _resolver().resolve(yaml.ScalarNode, scalar, (True, False))


@functools.cache
def _resolver() -> yaml.resolver.Resolver:
    import yaml

    return yaml.resolver.Resolver()


def _parse_with_lines(text: str) -> Any:
    return safe_load(text, loaders().fast_lines, loaders().pure_lines)


def load_yaml_text(text: str) -> Any:
    """``safe_load`` of a bundled data file's text, through appealkit.data_cache."""
    return cached_parse(text, "yaml", safe_load)


def line_of(mapping: dict[str, Any], key: str = "") -> int | None:
    return mapping.get(LINES_KEY, {}).get(key)


def load_yaml_file(path: Path | str) -> Any:
    """Parse a YAML file safely, or read its parse back from appealkit.data_cache when the text is unchanged;
    syntax errors become AppealInputError with the line."""
    text = read_text(path)
    try:
        return cached_parse(text, "yaml-lines", _parse_with_lines)
    except yaml_error() as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise AppealInputError(f"invalid YAML: {problem}", path, mark.line + 1 if mark else None) from None
