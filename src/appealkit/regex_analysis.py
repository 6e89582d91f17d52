"""Searching large alternations faster without changing what they match: necessary literals, hoisted \\b.

Necessary literals: a set of strings one of which every match of a pattern contains.

A search for a large alternation (the cue classes of ``lexicons/polarity.yaml``) costs about the same at every
position of the text, whether it matches or not. One Aho–Corasick pass for the classes' necessary literals tells
which classes cannot match at all, and those are not searched. The literals are derived from the patterns
themselves (parsed by ``re._parser``), so the lexicon stays the only source of truth; whatever the analysis does
not understand yields no literals, and a pattern without literals is always searched.

Sound by construction: a literal set is only claimed where every string the pattern can match contains one of
its members. Zero-width assertions (``\\b``, lookarounds) consume nothing and join the literals around them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

MAX_EXACT = 64  # largest finite set of strings kept as "exactly these"; beyond it the analysis gives up on them
MAX_CLASS = 8  # largest character class ([’']) expanded into its characters

Strings = frozenset[str]
# What the analysis knows of a piece of pattern: every string it can match, when that is a small finite set,
# and a necessary literal set (every match contains one of them).
Knowledge = tuple[Strings | None, Strings | None]
_UNKNOWN: Knowledge = (None, None)
_EMPTY: Knowledge = (frozenset({""}), None)


def necessary_literals(pattern: str) -> Strings | None:
    """Strings one of which every match of ``pattern`` contains, or None when none can be shown."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern)
    except (ImportError, re.error):  # a Python without re._parser, or a pattern it refuses: no claim
        return None
    if parsed.state.flags & _constants.SRE_FLAG_IGNORECASE:
        return None  # the literals would have to be case-folded: make no claim
    exact, best = _sequence(list(parsed), _constants)
    return _necessary(exact, best)


def literal_table(records: str) -> dict[str, dict[str, list[list[str] | None]]]:
    """``lang US kind US alternative`` records, separated by RS: each alternative's necessary literals (sorted),
    or None, in order, by language and kind: what ``polarity.CueFilter`` is built from, in a form data_cache can
    keep."""
    table: dict[str, dict[str, list[list[str] | None]]] = {}
    for record in records.split("\x1e"):
        lang, kind, alternative = record.split("\x1f", 2)
        literals = necessary_literals(alternative)
        table.setdefault(lang, {}).setdefault(kind, []).append(None if literals is None else sorted(literals))
    return table


def _necessary(exact: Strings | None, best: Strings | None) -> Strings | None:
    """The literal set a piece contributes as a whole: its exact strings when none is empty, else its best."""
    if exact is not None and "" not in exact:
        return exact
    return best


def _cross(left: Strings, right: Strings) -> Strings | None:
    if len(left) * len(right) > MAX_EXACT:
        return None
    return frozenset(a + b for a in left for b in right)


def _better(current: Strings | None, candidate: Strings | None) -> Strings | None:
    """The more selective of two literal sets: the longer shortest member, then the fewer members."""
    if not candidate or "" in candidate:
        return current
    if current is None:
        return candidate
    rank = lambda s: (min(map(len, s)), -len(s))  # noqa: E731
    return candidate if rank(candidate) > rank(current) else current


def _sequence(items: Sequence[tuple[Any, Any]], c: Any) -> Knowledge:
    """A concatenation: contiguous exact pieces are multiplied out; every other piece ends the run."""
    run: Strings = frozenset({""})
    best: Strings | None = None
    whole_exact = True
    for op, av in items:
        exact, inner = _item(op, av, c)
        if exact is not None:
            crossed = _cross(run, exact)
            if crossed is None:  # too many combinations: keep what the run had, start a new one here
                best, run, whole_exact = _better(best, run), exact, False
            else:
                run = crossed
            continue
        whole_exact = False
        best = _better(_better(best, run), inner)
        run = frozenset({""})
    best = _better(best, run)
    return (run if whole_exact else None), best


def _item(op: Any, av: Any, c: Any) -> Knowledge:
    if op is c.LITERAL:
        return frozenset({chr(av)}), None
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _EMPTY
    if op is c.IN:
        return _char_class(av, c)
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, body = av
        if add_flags & c.SRE_FLAG_IGNORECASE:
            return _UNKNOWN
        return _sequence(list(body), c)
    if op is c.BRANCH:
        return _branch(av[1], c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        low, high, body = av
        return _repeat(low, high, body, c)
    return _UNKNOWN


def _char_class(members: Iterable[tuple[Any, Any]], c: Any) -> Knowledge:
    members = list(members)
    if len(members) > MAX_CLASS or any(op is not c.LITERAL for op, _ in members):
        return _UNKNOWN
    return frozenset(chr(av) for _, av in members), None


def _branch(alternatives: Iterable[Any], c: Any) -> Knowledge:
    known = [_sequence(list(alt), c) for alt in alternatives]
    exacts = [exact for exact, _ in known]
    exact = None
    if all(e is not None for e in exacts):
        union = frozenset().union(*exacts)  # type: ignore[arg-type]
        exact = union if len(union) <= MAX_EXACT else None
    parts = [_necessary(e, b) for e, b in known]
    best = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
    return exact, best


def _repeat(low: int, high: int, body: Any, c: Any) -> Knowledge:
    exact, best = _sequence(list(body), c)
    if low == 0:
        # May match nothing: contributes no literal; an optional exact piece (x?) stays exact.
        return (exact | {""}, None) if high == 1 and exact is not None else _UNKNOWN
    if low == high and exact is not None:
        power: Strings | None = frozenset({""})
        for _ in range(low):
            power = _cross(power, exact) if power is not None else None
        if power is not None:
            return power, None
    return None, _necessary(exact, best)


def top_level_alternatives(pattern: str) -> list[str] | None:
    """The alternatives of ``pattern`` split at its top-level ``|`` (not inside a group or a character class),
    or None when the pattern's brackets do not balance or an alternative is empty."""
    pieces, current, depth, in_class, i = [], [], 0, False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            current.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]" or bool(current and current[-1] in ("[", "[^"))
        elif char == "[":
            in_class = True
            if pattern.startswith("[^", i):
                current.append("[^")
                i += 2
                continue
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            pieces.append("".join(current))
            current = []
            i += 1
            continue
        current.append(char)
        i += 1
    pieces.append("".join(current))
    if depth != 0 or in_class or any(not piece for piece in pieces):
        return None  # unbalanced, or an empty alternative: leave the pattern whole
    return pieces


def hoist_boundaries(alternatives: Sequence[str]) -> str:
    """The alternation of ``alternatives``, with each run of adjacent ones that begin with ``\\b`` written as
    one ``\\b(?:…|…)``: the same alternatives tried in the same order at every position, so the same matches,
    but a position inside a word fails one test instead of one per alternative (about a third of the time
    of the English cue search)."""
    out: list[str] = []
    run: list[str] = []
    for alternative in [*alternatives, None]:
        if alternative is not None and alternative.startswith("\\b"):
            run.append(alternative[2:])
            continue
        if run:
            out.append("\\b(?:" + "|".join(run) + ")")
            run = []
        if alternative is not None:
            out.append(alternative)
    return "|".join(out)
