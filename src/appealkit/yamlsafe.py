"""YAML loading on top of ``yaml.SafeLoader`` that remembers the line of every mapping key.

Lint and load errors must name ``file:line``; the safe loader alone forgets positions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from appealkit.errors import AppealInputError
from appealkit.textio import read_text

LINES_KEY = "__lines__"


# libyaml's parser when PyYAML was built with it (5× faster on the glossary); same safe constructor either way.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(_SafeBase):  # type: ignore[misc, valid-type]
    """SafeLoader that stores ``{key: line}`` under LINES_KEY in every mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        lines = {"": node.start_mark.line + 1}
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 1
        mapping[LINES_KEY] = lines
        return mapping


def line_of(mapping: dict[str, Any], key: str = "") -> int | None:
    return mapping.get(LINES_KEY, {}).get(key)


def load_yaml_file(path: Path | str) -> Any:
    """Parse a YAML file safely; syntax errors become AppealInputError with the line."""
    text = read_text(path)
    try:
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - LineLoader is a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise AppealInputError(f"invalid YAML: {problem}", path, mark.line + 1 if mark else None) from None
