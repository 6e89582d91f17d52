"""The rule registry: every check is a small function with a stable id, a category, a default severity
and a docstring that is its documentation (``appeal rules`` prints them), in the manner of ruff or Vale.

``RULES`` (``from appealkit.checks import RULES``) is the complete registry: reading it imports every rule
module. Importing one rule module (``appealkit.checks.files``, all that a run answered from the result cache
needs) imports only that one: the registry then holds its rules.
"""

from __future__ import annotations

import importlib
from typing import Any

from appealkit.checks.registry import Hit, Rule, rule

__all__ = ["RULES", "RULE_MODULES", "Hit", "Rule", "load_all", "rule"]

RULE_MODULES = (
    "citations",
    "dates",
    "entities",
    "figures",
    "files",
    "polarity",
    "stale",
    "structure",
    "terms",
    "times",
    "untranslated",
)


def load_all() -> dict[str, Rule]:
    """Import every rule module (registration is their side effect); the complete registry."""
    from appealkit.checks import registry

    for name in RULE_MODULES:
        importlib.import_module(f"appealkit.checks.{name}")
    return registry.RULES


def __getattr__(name: str) -> Any:
    if name == "RULES":
        rules = globals()["RULES"] = load_all()
        return rules
    raise AttributeError(f"module 'appealkit.checks' has no attribute {name!r}")
