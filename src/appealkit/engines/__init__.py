"""Translation engines. Each engine decodes batches of (placeholder-protected) English segments into
n-best hypotheses. Engines are imported lazily: ``appeal check`` must never load argostranslate or torch.
"""

from __future__ import annotations

from typing import Protocol

ENGINES = ("argos", "pseudo")


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
