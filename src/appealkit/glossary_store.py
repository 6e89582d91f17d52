"""A loaded glossary kept between runs, ready to match: ``__pycache__`` for the glossary.

Loading the glossary reads and validates its YAML files, builds its 255 entries and, on first use, the tables
of its forms: about 20 ms of every ``appeal check``, a fifth of a one-pair check. After a clean load the
Glossary, with the tables of both target languages built, is pickled into appealkit.data_cache, addressed by
its files' names and bytes, the modules that read and validate it (an edited loader or lint never answers from
an older entry) and Python's version. A later run whose glossary files are unchanged unpickles it in about
2 ms; the automata are rebuilt from the stored tables on first use (cheaper than unpickling them).

Only a glossary that passed lint is stored. The entry's payload carries its SHA-256, like every data_cache
entry, and unpickling is restricted to the classes a Glossary holds (``ALLOWED``): an entry naming anything
else is a miss, not code run.
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path
from typing import Any

from appealkit import data_cache, glossary, glossary_context, glossary_lint, yamlsafe
from appealkit.glossary import TARGET_LANGS, Glossary

KIND = "glossary-loaded"
# (module, name) of every global a stored Glossary refers to.
ALLOWED = {
    *(("appealkit.glossary", name) for name in ("Glossary", "Entry", "Rendering", "Source")),
    ("appealkit.glossary_context", "FormContext"),
    *(("pathlib", name) for name in ("Path", "PosixPath", "WindowsPath", "PurePosixPath", "PureWindowsPath")),
    ("re", "_compile"),
}


class _GlossaryUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a glossary")
        return super().find_class(module, name)


def _address(files: list[Path], digest: str) -> tuple[str, tuple[str | None, ...]]:
    """The text and the defining modules an entry is stored under."""
    readers = (glossary, glossary_context, glossary_lint, yamlsafe)
    sources = (*(module.__file__ for module in readers), __file__)
    return "\x1f".join([digest, *(str(path) for path in files)]), sources


def recall(files: list[Path], digest: str) -> Glossary | None:
    """The glossary stored for these files and bytes, or None."""
    text, sources = _address(files, digest)
    found = data_cache.recall(KIND, text, sources)
    if found is None or not isinstance(found[0], bytes):
        return None
    try:
        loaded = _GlossaryUnpickler(io.BytesIO(found[0])).load()
    except (pickle.UnpicklingError, AttributeError, EOFError, ImportError, IndexError, TypeError, ValueError):
        return None
    return loaded if isinstance(loaded, Glossary) else None


def remember(loaded: Glossary) -> None:
    """Store a clean glossary, with the tables of every target language built first."""
    for lang in TARGET_LANGS:
        loaded.prepare(lang)
    try:
        payload = pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):  # the next run loads it afresh
        return
    text, sources = _address(loaded.files, loaded.digest)
    data_cache.remember(KIND, text, sources, payload)
