"""Translation engines. Each engine decodes batches of (placeholder-protected) English segments into
n-best hypotheses. Engines are imported lazily: ``appeal check`` must never load argostranslate or torch.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from appealkit.errors import AppealInputError

ENGINES = ("argos", "pseudo")
# A checker-only install (pip install appealkit) has none of the translation packages; the hint names what a
# pip user can run, not a file of this repository.
MT_EXTRA_HINT = "install the [mt] extra: pip install 'appealkit[mt]'"
MT_MODULES = ("ctranslate2", "sentencepiece")


def require_mt() -> None:
    """One line (exit 2) instead of ``internal error: ModuleNotFoundError`` when the [mt] extra is missing."""
    for module in MT_MODULES:
        try:
            importlib.import_module(module)
        except ImportError:
            message = f"machine translation needs {module}, which is not installed: {MT_EXTRA_HINT}"
            raise AppealInputError(message) from None


class Engine(Protocol):
    name: str

    def translate_batch(self, segments: list[str], lang: str, n_best: int = 1) -> list[list[str]]:
        """Return, for each segment, up to n_best hypotheses (best first)."""

    def describe(self, lang: str) -> dict[str, str]:
        """Provenance for the output's front matter: model package, version..."""


def get_engine(name: str, **settings: object) -> Engine:
    if name == "pseudo":
        from appealkit.engines.pseudo import PseudoEngine

        return PseudoEngine()
    if name == "argos":
        from appealkit.engines.argos import ArgosEngine

        return ArgosEngine(**settings)  # type: ignore[arg-type]
    raise ValueError(f"unknown engine '{name}' (choose from {', '.join(ENGINES)})")
