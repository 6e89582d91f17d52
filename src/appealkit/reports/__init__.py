"""Report writers: one module per format, each exposing ``render(results, ...) -> str``."""

from __future__ import annotations

from typing import Callable

FORMATS = ("text", "json")


def renderer(name: str) -> Callable[..., str]:
    """Import a writer lazily so that ``appeal check`` loads only the format it prints."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name}")
    module = __import__(f"appealkit.reports.{name}_report", fromlist=["render"])
    return module.render
