"""Progress bars for long runs: drawn on a terminal's stderr, silent in CI logs, pipes and files."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click


@contextmanager
def progress(total: int, label: str, minimum: int = 2) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n)``; a bar is drawn only when stderr is a terminal outside CI (``CI`` set, as every
    CI service does, even with a pseudo-terminal) and there are ``minimum`` steps."""
    if total < minimum or not sys.stderr.isatty() or os.environ.get("CI"):
        yield lambda n: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update
