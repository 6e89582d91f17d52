"""Switches for the checker's in-process speed-ups, so that tests and benchmarks can show that each one
changes nothing.

Each speed-up has a plain counterpart that gives the same findings: ``band`` — alignment searches a band
around the diagonal instead of scoring every cell of the matrix; ``automaton`` — glossary renderings are
found in one Aho–Corasick pass instead of one substring search per rendering, and the English walk starts
only at words where such a pass saw a form begin; ``prefilter`` — a polarity cue class is searched only when
its necessary literals occur in the text (``polarity.CueFilter``); ``prechecks`` — a fact recogniser (numbers,
dates, weekdays, times, articles, symbols) does not scan a paragraph that lacks what every match needs (a digit,
"day", a slash, 년대); ``reportable`` — the polarity rules align a bead's sentences, and keep a sentence pair,
only when it has a cue they can report on (a negation, prohibition, negative verb or repeat) instead of any cue.
The result cache and the worker processes are switched on the command line (``--no-cache``, ``--jobs 1``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields


@dataclass
class SpeedUps:
    band: bool = True
    automaton: bool = True
    prefilter: bool = True
    prechecks: bool = True
    reportable: bool = True


ACTIVE = SpeedUps()
# ``switched(**ALL_OFF)``: the plain checker, every in-process speed-up off.
ALL_OFF = {f.name: False for f in fields(SpeedUps)}


@contextmanager
def switched(**flags: bool) -> Iterator[SpeedUps]:
    """``with switched(band=False): ...`` runs the block with those speed-ups off (or on)."""
    unknown = set(flags) - {f.name for f in fields(SpeedUps)}
    if unknown:
        raise ValueError(f"unknown speed-up(s): {', '.join(sorted(unknown))}")
    saved = {name: getattr(ACTIVE, name) for name in flags}
    for name, value in flags.items():
        setattr(ACTIVE, name, value)
    try:
        yield ACTIVE
    finally:
        for name, value in saved.items():
            setattr(ACTIVE, name, value)
