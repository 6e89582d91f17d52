"""appealkit: translate appeal letters into zh and ko and check that no fact was lost.

Importing this package is cheap on purpose: the checker path must never pull in
argostranslate, torch or spaCy.
"""

__version__ = "0.1.0"

SUPPORTED_TARGETS = ("zh", "ko")
