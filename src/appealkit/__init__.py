"""appealkit: translate appeal letters into zh and ko and check that no fact was lost.

Importing this package is cheap on purpose: the checker path must never pull in
argostranslate, torch or spaCy.
"""

from appealkit import regex_cache as _regex_cache

SUPPORTED_TARGETS = ("zh", "ko")

# The patterns earlier runs compiled, built from their stored engine code before any module compiles them.
_regex_cache.preload()


def __getattr__(name: str) -> str:
    """``__version__`` from the installed package's metadata (pyproject.toml is the one place it is written),
    looked up on first use: importing importlib.metadata costs ~30 ms that ``appeal check`` need not pay."""
    if name != "__version__":
        raise AttributeError(f"module 'appealkit' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("appealkit")
    except PackageNotFoundError:  # a source tree on sys.path that was never installed
        return "0+unknown"
