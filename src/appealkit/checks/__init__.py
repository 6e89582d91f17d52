"""The rule registry: every check is a small function with a stable id, a category, a default severity
and a docstring that is its documentation (``appeal rules`` prints them), in the manner of ruff or Vale.

Importing this package imports every rule module so the registry is complete.
"""

from __future__ import annotations

from appealkit.checks import (  # noqa: F401  (registration side effects)
    citations,
    dates,
    entities,
    figures,
    files,
    polarity,
    stale,
    structure,
    terms,
    times,
    untranslated,
)
from appealkit.checks.registry import RULES, Hit, Rule, rule  # noqa: F401
